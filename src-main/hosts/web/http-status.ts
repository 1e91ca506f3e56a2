import { assertNever, type ErrorCode } from '../../../src-shared/api/result';

/** HTTP status for an error code; the body always carries the Result, this is for proxies and logs. */
export function httpStatus(code: ErrorCode): number {
  switch (code) {
    case 'validation':
      return 400;
    case 'unauthorized':
      return 401;
    case 'forbidden':
      return 403;
    case 'not-found':
      return 404;
    case 'conflict':
      return 409;
    case 'locked':
      return 429;
    case 'internal':
      return 500;
    case 'offline':
    case 'not-enrolled':
      return 503;
    case 'clock-skew':
    case 'printer-offline':
    case 'insufficient-funds':
      return 422;
    default:
      return assertNever(code);
  }
}
