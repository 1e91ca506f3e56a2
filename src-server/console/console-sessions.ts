import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { SqlExecutor } from '../db/sql-executor';
import { memberStillSignedIn, type StaffMember } from './console-login';
import { isStaffRole } from './staff-roles';

/**
 * Staff console sessions, kept in the server's database (`staff_console_sessions`, migration
 * 0025) so that every instance on one DATABASE_URL serves every session and a restart signs
 * nobody out. The cookie holds 256 random bits; the row holds only their SHA-256, so a backup or
 * a log of the table names no usable cookie. The session's CSRF token is not stored: it is an
 * HMAC of the cookie's value, so any instance that reads the cookie can check it.
 *
 * A session ends after 15 minutes without a request, 8 hours after login, at «Salir», or when
 * the staff member is no longer active, or had their password changed or was deactivated since
 * the login (console-login.ts `memberStillSignedIn`, checked in the same statement that restarts
 * the idle clock). Times are the server's `now` (injected: the tests move it), written and
 * compared as parameters, never the database's clock.
 */
export const consoleSessionLimits = { idleMs: 15 * 60_000, absoluteMs: 8 * 3_600_000 } as const;

/**
 * At most this many live sessions per staff member: a login past it ends the member's oldest,
 * so a flood of logins (each needs the password) cannot grow the table without bound. Expired
 * rows are deleted at every login.
 */
export const maxSessionsPerMember = 10;

/** What the next page shows once, after an action redirected to it (post/redirect/get). */
export interface ConsoleNotice {
  readonly kind: 'ok' | 'error';
  readonly text: string;
}

export interface ConsoleSession {
  /** The active staff member behind it, read in the same statement that found the session. */
  readonly staff: StaffMember;
  /** Tied to the session (derived from its cookie), sent in every form and compared on every POST. */
  readonly csrfToken: string;
  /** The notice an action left for this request's page, taken out of the row (`touch` with `takeNotice`). */
  readonly notice: ConsoleNotice | null;
}

type Limits = { readonly idleMs: number; readonly absoluteMs: number };

/**
 * One statement per request: the idle clock restarted (only while neither limit has passed),
 * the member read and checked, and with `$5` the pending notice taken (returned from the row as
 * it was, cleared in it). No row: unknown, expired, or the member may no longer be signed in.
 */
const touchStatement = `
  WITH live AS (
    UPDATE staff_console_sessions s
    SET last_seen_at = $2::timestamptz,
        flash_kind = CASE WHEN $5::boolean THEN NULL ELSE s.flash_kind END,
        flash_text = CASE WHEN $5::boolean THEN NULL ELSE s.flash_text END
    FROM staff_console_sessions was
    WHERE s.token_hash = $1 AND was.token_hash = $1
      AND s.last_seen_at >= $3::timestamptz AND s.created_at >= $4::timestamptz
    RETURNING s.staff_id, s.changes_through, was.flash_kind, was.flash_text
  )
  SELECT u.id, u.username, u.full_name, u.role, live.flash_kind, live.flash_text
  FROM live JOIN staff_users u ON u.id = live.staff_id
  WHERE ${memberStillSignedIn('live.changes_through')}`;

export class ConsoleSessions {
  constructor(
    private readonly exec: SqlExecutor,
    private readonly now: () => Date,
    private readonly limits: Limits = consoleSessionLimits,
  ) {}

  /** A new session; returns the cookie value (never stored). */
  async open(staff: { staffId: string; changesThrough: string }): Promise<{ token: string }> {
    const at = this.now();
    const { idleCutoff, absoluteCutoff } = this.cutoffs(at);
    // Expired rows of anyone, and the member's live sessions past the cap (oldest first), go
    // before the new one is written.
    await this.exec.query(
      `DELETE FROM staff_console_sessions
       WHERE last_seen_at < $1::timestamptz OR created_at < $2::timestamptz
          OR token_hash IN (SELECT token_hash FROM staff_console_sessions
                            WHERE staff_id = $3 AND last_seen_at >= $1::timestamptz AND created_at >= $2::timestamptz
                            ORDER BY created_at DESC, token_hash DESC OFFSET $4)`,
      [idleCutoff, absoluteCutoff, staff.staffId, maxSessionsPerMember - 1],
    );
    const token = randomBytes(32).toString('base64url');
    await this.exec.query(
      `INSERT INTO staff_console_sessions (token_hash, staff_id, changes_through, created_at, last_seen_at)
       VALUES ($1, $2, $3::bigint, $4::timestamptz, $4::timestamptz)`,
      [digest(token), staff.staffId, staff.changesThrough, at.toISOString()],
    );
    return { token };
  }

  /**
   * The live session of a cookie value, its idle clock restarted, with its active member; null
   * when unknown or ended, and then its row (if any) is deleted. `takeNotice`: the page about to
   * be shown takes the notice an action left (it is then gone from the row).
   */
  async touch(token: string | undefined, opts: { takeNotice: boolean }): Promise<ConsoleSession | null> {
    if (token === undefined || token === '') return null;
    const key = digest(token);
    const at = this.now();
    const { idleCutoff, absoluteCutoff } = this.cutoffs(at);
    const { rows } = await this.exec.query<{
      id: string;
      username: string;
      full_name: string;
      role: string;
      flash_kind: string | null;
      flash_text: string | null;
    }>(touchStatement, [key, at.toISOString(), idleCutoff, absoluteCutoff, opts.takeNotice], {
      prepareAs: 'console-session-touch',
    });
    const row = rows[0];
    if (row === undefined || !isStaffRole(row.role)) {
      // Expired, or the member is out: this session only. One opened with a new password since
      // must not end because a stolen cookie from before came back; the member's other stale
      // ones end at their own next request (each is refused the same way) or at the idle limit.
      await this.exec.query('DELETE FROM staff_console_sessions WHERE token_hash = $1', [key]);
      return null;
    }
    return {
      staff: { id: row.id, username: row.username, fullName: row.full_name, role: row.role },
      csrfToken: csrfTokenOf(token),
      notice:
        (row.flash_kind === 'ok' || row.flash_kind === 'error') && row.flash_text !== null
          ? { kind: row.flash_kind, text: row.flash_text }
          : null,
    };
  }

  /** Leaves `notice` for the session's next page (any instance may serve it). */
  async leaveNotice(token: string | undefined, notice: ConsoleNotice): Promise<void> {
    if (token === undefined || token === '') return;
    await this.exec.query('UPDATE staff_console_sessions SET flash_kind = $2, flash_text = $3 WHERE token_hash = $1', [
      digest(token),
      notice.kind,
      notice.text,
    ]);
  }

  async close(token: string | undefined): Promise<void> {
    if (token === undefined || token === '') return;
    await this.exec.query('DELETE FROM staff_console_sessions WHERE token_hash = $1', [digest(token)]);
  }

  private cutoffs(at: Date): { idleCutoff: string; absoluteCutoff: string } {
    return {
      idleCutoff: new Date(at.getTime() - this.limits.idleMs).toISOString(),
      absoluteCutoff: new Date(at.getTime() - this.limits.absoluteMs).toISOString(),
    };
  }
}

/** The row's key: the cookie's value is never stored. */
export const consoleSessionKey = (token: string): string => digest(token);

const digest = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * The session's CSRF token, keyed by the cookie's value: no instance needs to have stored it, a
 * page shows it without revealing the cookie, and another session's token does not match.
 */
const csrfTokenOf = (token: string): string =>
  createHmac('sha256', token).update('ventanilla-consola-csrf').digest('base64url');
