/**
 * Errors cross every boundary (IPC, HTTP, sync) as data, never as thrown exceptions.
 * The renderer switches on `code` to choose the Spanish message it shows.
 */

/** Every failure a caller can tell apart. Add a code here before using it anywhere. */
export const errorCodes = [
  /** The input did not match the operation's schema or a business rule on it. */
  'validation',
  /** The operation or the record asked for does not exist. */
  'not-found',
  /**
   * The caller's session, visit or grant is not live (timed out, signed out, never opened here):
   * the screen goes back to where one signs in or starts again. The message says what to do.
   */
  'session-ended',
  /**
   * The credentials typed (username or document and password, PIN, a supervisor's password, a
   * key) do not match: the same answer whether or not the user exists. The screen stays where it is.
   */
  'wrong-credentials',
  /** The caller is known but not allowed to do this. */
  'forbidden',
  /** The central server cannot be reached and the operation needs it. */
  'offline',
  /** The device is not enrolled with a central server yet. */
  'not-enrolled',
  /** The record changed or already exists. */
  'conflict',
  /** Too many attempts; try again later. */
  'locked',
  /** The device clock is too far from the server's for money operations. */
  'clock-skew',
  /** The central server refused this device's token (revoked): it serves nothing until enrolled again. */
  'device-locked',
  'printer-offline',
  'insufficient-funds',
  /** Something broke on our side; the details are in the log, not in the message. */
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ApiError {
  readonly code: ErrorCode;
  /** A message in Spanish that can be shown to a citizen or a cashier as it is. */
  readonly message: string;
  /** For `validation`: which input field is wrong, when one is. */
  readonly field?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const err = (code: ErrorCode, message: string, field?: string): Result<never> => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field },
});

/** For exhaustive switches: a new union member becomes a type error here. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
