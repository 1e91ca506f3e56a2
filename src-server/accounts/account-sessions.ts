import { createHash, randomBytes } from 'node:crypto';
import { nowAndThen } from '../db/now-and-then';
import type { SqlExecutor } from '../db/sql-executor';

/**
 * A citizen's logged-in session: a random token the device holds for the kiosk visit; the
 * server keeps only its sha256. It ends after 15 minutes without use, 2 hours in all, at
 * «Cerrar sesión», or when the password changes (the other sessions of the account end).
 */
export const sessionIdleMs = 15 * 60_000;
export const sessionMaxMs = 2 * 3_600_000;

export interface AccountSession {
  readonly accountId: string;
  readonly mustChangePassword: boolean;
}

const digest = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export async function openSession(
  exec: SqlExecutor,
  accountId: string,
  deviceId: string,
  mustChangePassword: boolean,
  now: Date,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await exec.query(
    'INSERT INTO account_sessions (token_sha256, account_id, device_id, created_at, last_used_at, must_change_password) VALUES ($1, $2, $3, $4, $4, $5)',
    [digest(token), accountId, deviceId, now.toISOString(), mustChangePassword],
  );
  await sweepSessions(exec, now);
  return token;
}

/** The live session of `token` from `deviceId`, touched; null when it ended or never was. */
export async function resolveSession(
  exec: SqlExecutor,
  token: string,
  deviceId: string,
  now: Date,
): Promise<AccountSession | null> {
  const { rows } = await exec.query<{ account_id: string; must_change_password: boolean }>(
    `UPDATE account_sessions SET last_used_at = $3
     WHERE token_sha256 = $1 AND device_id = $2
       AND last_used_at > $3::timestamptz - make_interval(secs => $4::double precision / 1000)
       AND created_at > $3::timestamptz - make_interval(secs => $5::double precision / 1000)
     RETURNING account_id, must_change_password`,
    [digest(token), deviceId, now.toISOString(), sessionIdleMs, sessionMaxMs],
  );
  const row = rows[0];
  return row === undefined ? null : { accountId: row.account_id, mustChangePassword: row.must_change_password };
}

export async function closeSession(exec: SqlExecutor, token: string): Promise<void> {
  await exec.query('DELETE FROM account_sessions WHERE token_sha256 = $1', [digest(token)]);
}

/** After a password change: this session goes on with the new password, every other one ends. */
export async function keepOnlySession(exec: SqlExecutor, accountId: string, token: string): Promise<void> {
  await exec.query('DELETE FROM account_sessions WHERE account_id = $1 AND token_sha256 <> $2', [
    accountId,
    digest(token),
  ]);
  await exec.query('UPDATE account_sessions SET must_change_password = false WHERE token_sha256 = $1', [digest(token)]);
}

const sweepDue = nowAndThen(10 * 60_000);

/**
 * Ended sessions are only clutter (and a record of who used which kiosk when): swept as a
 * session opens, at most every ten minutes per database.
 */
export async function sweepSessions(exec: SqlExecutor, now: Date): Promise<void> {
  if (!sweepDue(exec, now)) return;
  await exec.query(
    `DELETE FROM account_sessions WHERE last_used_at < $1::timestamptz - make_interval(secs => $2::double precision / 1000)
       OR created_at < $1::timestamptz - make_interval(secs => $3::double precision / 1000)`,
    [now.toISOString(), sessionIdleMs, sessionMaxMs],
  );
}
