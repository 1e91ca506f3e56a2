import { z } from 'zod';
import type { OpName } from './contract';

/** The web host answers each operation at its own path: POST /api/app.info with a JSON body. */
export const apiPathPrefix = '/api/';
export const apiPath = (op: OpName): string => `${apiPathPrefix}${op}`;

/** The per-start session token travels in this header; the page gets it by a launch exchange. */
export const tokenHeader = 'x-ventanilla-token';

/**
 * The address the web host prints (and writes to its launch file) carries a one-time launch
 * code in the fragment, `#launch=…`, never the session token: a browser's command line is
 * visible to every user of the machine (`ps`), and by the time anyone reads it there the
 * page has spent the code.
 */
export const launchFragmentKey = 'launch';

/** POST `{ code }` here, from the host's own page (Origin checked): the answer is the session token. */
export const launchExchangePath = '/launch/exchange';

export const LaunchExchangeInput = z.object({ code: z.string().min(1).max(200) }).strict();

/** The session token, which the page keeps in sessionStorage only (gone when the tab closes). */
export const LaunchExchangeValue = z.object({ token: z.string().min(20).max(200) });
export type LaunchExchangeValue = z.infer<typeof LaunchExchangeValue>;
