import type { OpName } from './contract';

/** The web host answers each operation at its own path: POST /api/app.info with a JSON body. */
export const apiPathPrefix = '/api/';
export const apiPath = (op: OpName): string => `${apiPathPrefix}${op}`;

/** The per-start token travels in this header; the renderer gets it from the URL fragment. */
export const tokenHeader = 'x-ventanilla-token';
export const tokenFragmentKey = 'token';
