import { createHash } from 'node:crypto';
import type { SqlExecutor } from '../db/sql-executor';

/**
 * How often a kiosk may ask for work that costs or that lands in someone's mailbox, counted in
 * the `login_throttle` table under keys of their own (`register:device:<id>`, …). For these
 * rows the columns read: `failures` = uses in the current window, `blocked_until` = when that
 * window ends, `last_failure_at` = the last use. A window starts with its first use.
 *
 * Limits on a device are shown to the citizen (they say nothing about anyone's account). Limits
 * on a recipient are never shown: the mail is quietly not sent and the answer stays the same,
 * so a stranger cannot learn from a refusal that an address has an account.
 */
export interface Quota {
  /** The key's prefix, e.g. `register:device`. */
  readonly name: string;
  readonly limit: number;
  readonly windowMs: number;
}

const hour = 3_600_000;

/** Registrations answered (each one mails someone) per kiosk. */
export const registrationsPerDevice: Quota = { name: 'register:device', limit: 20, windowMs: hour };
/** Captcha images per kiosk: a recovery needs one or two; each is a row for five minutes. */
export const captchasPerDevice: Quota = { name: 'captcha:device', limit: 30, windowMs: 10 * 60_000 };
/** New email addresses asked for (each mails a code or a notice) per kiosk. */
export const emailChangesPerDevice: Quota = { name: 'email-change:device', limit: 10, windowMs: hour };
/**
 * Mails a stranger can make us send to one address: «ya tiene una cuenta», «alguien intentó usar
 * su correo», and email-change codes. Welcome mails are not counted: an address gets one only
 * when an account is created with it, once.
 */
export const noticesPerRecipient: Quota = { name: 'mail-to', limit: 3, windowMs: hour };

export type QuotaUse = { readonly granted: true } | { readonly granted: false; readonly waitMs: number };

/** The key of `subject` under `quota`; addresses are stored only as their sha256. */
export function quotaKey(quota: Quota, subject: string): string {
  return `${quota.name}:${subject}`;
}

export function recipientKey(email: string): string {
  return quotaKey(noticesPerRecipient, createHash('sha256').update(email.trim().toLowerCase(), 'utf8').digest('hex'));
}

/**
 * Takes one use of `key` when its window has room, in one statement (concurrent uses are
 * counted one after another under the row's lock). A refused use is not counted.
 */
export async function takeQuota(exec: SqlExecutor, key: string, quota: Quota, now: Date): Promise<QuotaUse> {
  const { rows } = await exec.query<{ failures: number }>(
    `INSERT INTO login_throttle AS t (key, failures, blocked_until, last_failure_at)
     VALUES ($1, 1, $2::timestamptz + make_interval(secs => $3::double precision / 1000), $2)
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN t.blocked_until <= $2::timestamptz THEN 1 ELSE t.failures + 1 END,
       blocked_until = CASE WHEN t.blocked_until <= $2::timestamptz THEN $2::timestamptz + make_interval(secs => $3::double precision / 1000) ELSE t.blocked_until END,
       last_failure_at = $2
     WHERE t.blocked_until <= $2::timestamptz OR t.failures < $4
     RETURNING failures`,
    [key, now.toISOString(), quota.windowMs, quota.limit],
  );
  if (rows.length > 0) return { granted: true };
  const { rows: window } = await exec.query<{ blocked_until: Date | string }>(
    'SELECT blocked_until FROM login_throttle WHERE key = $1',
    [key],
  );
  const end = window[0]?.blocked_until;
  return { granted: false, waitMs: end === undefined ? 0 : Math.max(0, new Date(end).getTime() - now.getTime()) };
}
