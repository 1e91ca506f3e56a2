import { deviceRule, type ThrottleKey, type ThrottleRule } from '../accounts/login-throttle';

/**
 * The wallet's guessing throttles, counted in `login_throttle` like logins (login-throttle.ts:
 * each attempt counted before it is checked, growing delays past the free ones) under keys of
 * their own, so a citizen's wallet and their account are throttled apart. The same keys are
 * counted whether or not the identification has a wallet: a delay reveals nothing.
 */

/** Per identification: a few free misses, then 30 s doubling up to 15 minutes; forgotten after a day. */
export const identificationRule: ThrottleRule = {
  freeFailures: 4,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  windowMs: 24 * 3_600_000,
};

/** Recovery codes typed for an identification, and the device that typed them. */
export const recoveryCodeKeys = (ref: string, deviceId: string): ThrottleKey[] => [
  { key: `wallet-code:doc:${ref}`, rule: identificationRule },
  { key: `wallet-code:device:${deviceId}`, rule: deviceRule },
];

/** Recovery codes typed for one liquidación (by id or number: the volante, the checkout), and the device. */
export const liquidationCodeKeys = (liquidation: string, deviceId: string): ThrottleKey[] => [
  { key: `wallet-code:liq:${liquidation}`, rule: identificationRule },
  { key: `wallet-code:device:${deviceId}`, rule: deviceRule },
];

/** Claves typed for an identification, and the device that typed them. */
export const claveAccountKey = (ref: string): string => `wallet-clave:doc:${ref}`;
export const claveKeys = (ref: string, deviceId: string): ThrottleKey[] => [
  { key: claveAccountKey(ref), rule: identificationRule },
  { key: `wallet-clave:device:${deviceId}`, rule: deviceRule },
];
