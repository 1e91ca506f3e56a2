import { createHash, randomBytes } from 'node:crypto';

/**
 * Staff console sessions, kept in this process's memory: the cookie holds 256 random bits, the
 * map holds only their SHA-256, so a heap dump or a log of the map names no usable cookie.
 * A session ends after 15 minutes without a request, 8 hours after login, at «Salir», or when
 * the staff member is no longer active, or had their password changed or was deactivated since
 * the login (checked against the database on every request: console-login.ts `activeStaff`, so
 * a change made by `npm run admin` from another process ends it too).
 *
 * In memory on purpose: the lead owns the schema and there is no sessions table for staff. The
 * cost is that a restart signs everyone out and that several server instances behind a load
 * balancer do not share sessions (docs/staff-console.md says so: such a deployment needs a
 * `staff_console_sessions` table, or sticky sessions).
 */
export const consoleSessionLimits = { idleMs: 15 * 60_000, absoluteMs: 8 * 3_600_000 } as const;

/** At most this many live sessions; the oldest is dropped first, so a login flood cannot grow the map. */
const maxSessions = 2_000;

export interface ConsoleSession {
  readonly staffId: string;
  readonly username: string;
  /** The member's staff_changes mark at login (console-login.ts `SignedInStaff`): a later new password or deactivation ends the session. */
  readonly changesThrough: string;
  /** Tied to the session, sent in every form and compared on every POST. */
  readonly csrfToken: string;
  readonly createdAt: number;
  lastSeenAt: number;
  /** What the next page shows once, after an action redirected to it (post/redirect/get). */
  flash: { readonly kind: 'ok' | 'error'; readonly text: string } | null;
}

export class ConsoleSessions {
  private readonly sessions = new Map<string, ConsoleSession>();

  constructor(
    private readonly now: () => Date,
    private readonly limits: { idleMs: number; absoluteMs: number } = consoleSessionLimits,
  ) {}

  /** A new session; returns the cookie value (never stored). */
  open(staff: { staffId: string; username: string; changesThrough: string }): {
    token: string;
    session: ConsoleSession;
  } {
    this.sweep();
    while (this.sessions.size >= maxSessions) {
      const oldest = this.sessions.keys().next().value;
      if (oldest === undefined) break;
      this.sessions.delete(oldest);
    }
    const token = randomBytes(32).toString('base64url');
    const at = this.now().getTime();
    const session: ConsoleSession = {
      staffId: staff.staffId,
      username: staff.username,
      changesThrough: staff.changesThrough,
      csrfToken: randomBytes(32).toString('base64url'),
      createdAt: at,
      lastSeenAt: at,
      flash: null,
    };
    this.sessions.set(digest(token), session);
    return { token, session };
  }

  /** The live session of a cookie value, its idle clock restarted; null when unknown or ended. */
  touch(token: string | undefined): ConsoleSession | null {
    if (token === undefined || token === '') return null;
    const key = digest(token);
    const session = this.sessions.get(key);
    if (session === undefined) return null;
    const at = this.now().getTime();
    if (at - session.lastSeenAt > this.limits.idleMs || at - session.createdAt > this.limits.absoluteMs) {
      this.sessions.delete(key);
      return null;
    }
    session.lastSeenAt = at;
    return session;
  }

  close(token: string | undefined): void {
    if (token !== undefined) this.sessions.delete(digest(token));
  }

  get size(): number {
    return this.sessions.size;
  }

  private sweep(): void {
    const at = this.now().getTime();
    for (const [key, s] of this.sessions) {
      if (at - s.lastSeenAt > this.limits.idleMs || at - s.createdAt > this.limits.absoluteMs)
        this.sessions.delete(key);
    }
  }
}

const digest = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');
