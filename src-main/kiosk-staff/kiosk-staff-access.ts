import { randomBytes } from 'node:crypto';
import { auditLog } from '../../db/local/schema';
import type { DiagnosticSent } from '../../src-shared/api/ops/diagnostics';
import type { KioskStaffAccess as Access } from '../../src-shared/api/ops/kiosk-staff';
import { err, ok, type ErrorCode, type Result } from '../../src-shared/api/result';
import type { DiagnosticPermission } from '../../src-shared/server-api/diagnostic-routes';
import type { DeviceMeta } from '../device/device-meta';
import type { DiagnosticAsker } from '../diagnostics/start-diagnostics';
import type { Logger } from '../logger';
import type { ServerClient } from '../server-link/server-client';
import type { Store } from '../store/open-store';
import {
  afterFailure,
  afterSuccess,
  lockedMessage,
  mayTry,
  parseThrottle,
  serializeThrottle,
  type ThrottleState,
} from './staff-access-throttle';

/** How a try at the hidden gesture ended, as the audit line says it. */
export type AccessOutcome = 'granted' | 'refused' | 'forbidden' | 'locked' | 'offline' | 'failed';

const grantTtlMs = 10 * 60_000;
const offlineWords =
  'El acceso del personal necesita conexión con el servidor central y este equipo no la tiene ahora. ' +
  'Intente de nuevo en un momento o pida ayuda al área de sistemas.';

/**
 * The staff sign-in behind a kiosk's hidden gesture (docs/kiosk-lockdown.md). A kiosk holds no
 * staff accounts (docs/trust-model.md), so the central server checks the password
 * (`kiosk.staffSignIn` route); this side counts failures for the whole device
 * (staff-access-throttle.ts) in the store, so a restart keeps a lock; writes every try to
 * `audit_log` — who, when, how it ended, never the password — and keeps the last success for
 * the heartbeat. A success gives a grant that `leave` (leaving kiosk mode, where the host can:
 * Electron) and `sendDiagnostic` take. With the grant, in memory only, stays the permission to
 * send a diagnostic that the server signed at the sign-in; the screen never sees it.
 */
export class KioskStaffGate {
  private readonly grants = new Map<
    string,
    { username: string; expiresAt: number; diagnostic: DiagnosticPermission | null }
  >();

  constructor(
    private readonly deps: {
      readonly store: Store;
      readonly meta: DeviceMeta;
      readonly client: Pick<ServerClient, 'call'>;
      readonly log: Logger;
      /** The host's way out of kiosk mode; absent where there is none (the web host). */
      readonly leaveKioskMode?: () => void;
      /** «Enviar diagnóstico» for the staff member a grant names; absent, it is refused. */
      readonly sendDiagnostic?: (asker: DiagnosticAsker) => Promise<Result<DiagnosticSent>>;
      /** The wall clock (ms): the throttle's and the grants' time. Date.now when absent. */
      readonly now?: () => number;
    },
  ) {}

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  /**
   * Read from the store at every use, never cached: the store is the one record of failures, so
   * a restart (or a second gate over the same store) sees the same lock.
   */
  private throttle(): ThrottleState {
    return parseThrottle(this.deps.meta.get('kioskStaffThrottle'), this.now());
  }

  private keepThrottle(state: ThrottleState): void {
    this.deps.meta.set({ kioskStaffThrottle: serializeThrottle(state) });
  }

  async signIn(username: string, password: string): Promise<Result<Access>> {
    const who = username.trim().toLowerCase().slice(0, 64);
    const allowed = mayTry(this.throttle(), this.now());
    if (!allowed.allowed) {
      this.audit('kiosk.staff_access', who, 'locked');
      return err('locked', lockedMessage(allowed.waitMs));
    }
    const token = this.deps.meta.get('deviceToken');
    if (token === null) {
      this.audit('kiosk.staff_access', who, 'offline');
      return err(
        'not-enrolled',
        'Este equipo no está inscrito en el servidor central, que es quien verifica al personal.',
      );
    }
    // Usernames are lower case (staff-authorizer.ts does the same); the server compares them as they come.
    const answer = await this.deps.client.call('kiosk.staffSignIn', { username: who, password }, { token });
    if (!answer.ok) {
      const code = answer.error.code;
      const outcome = outcomeOf(code);
      // The server's own throttle answering `locked` means someone keeps guessing one username:
      // that counts here too, or guesses at one name would never lock the corner.
      if (outcome === 'refused' || outcome === 'forbidden' || outcome === 'locked')
        this.keepThrottle(afterFailure(this.throttle(), this.now()));
      this.audit('kiosk.staff_access', who, outcome);
      const locally = mayTry(this.throttle(), this.now());
      if (!locally.allowed) return err('locked', lockedMessage(locally.waitMs));
      return err(code, outcome === 'offline' ? offlineWords : answer.error.message);
    }
    this.keepThrottle(afterSuccess());
    const { diagnostic, ...member } = answer.value;
    const at = new Date(this.now()).toISOString();
    this.audit('kiosk.staff_access', member.username, 'granted');
    this.deps.meta.set({ lastKioskExitAt: at, lastKioskExitBy: member.username });
    const grantId = randomBytes(24).toString('base64url');
    this.grants.set(grantId, { username: member.username, expiresAt: this.now() + grantTtlMs, diagnostic });
    return ok({ grantId, ...member, canLeaveKiosk: this.deps.leaveKioskMode !== undefined });
  }

  /** Out of kiosk mode, for the staff member the grant names; audit-logged before the host acts. */
  leave(grantId: string): Result<{ leaving: true }> {
    const live = this.liveGrant(grantId);
    if (!live.ok) return live;
    const grant = live.value;
    const leave = this.deps.leaveKioskMode;
    if (leave === undefined)
      return err('forbidden', 'Este equipo no puede salir del modo quiosco desde la aplicación.');
    this.audit('kiosk.exit', grant.username, 'granted');
    this.grants.clear();
    this.deps.log.info({ staff: grant.username }, 'leaving kiosk mode');
    // After the answer reaches the screen: the host may close the window.
    setTimeout(leave, 200).unref();
    return ok({ leaving: true });
  }

  /**
   * «Enviar diagnóstico» from the staff screen: only with a live grant (a sign-in the server
   * accepted for a supervisor, support or admin); the bundle names who asked, and the try is
   * audit-logged with how it ended.
   */
  async sendDiagnostic(grantId: string): Promise<Result<DiagnosticSent>> {
    const live = this.liveGrant(grantId);
    if (!live.ok) return live;
    const send = this.deps.sendDiagnostic;
    if (send === undefined) return err('forbidden', 'Este equipo no envía diagnósticos.');
    const sent = await send({ requestedBy: live.value.username, permission: live.value.diagnostic });
    const outcome = sent.ok ? 'granted' : sent.error.code === 'offline' ? 'offline' : 'failed';
    this.audit('kiosk.diagnostic', live.value.username, outcome);
    return sent;
  }

  private liveGrant(
    grantId: string,
  ): Result<{ readonly username: string; readonly diagnostic: DiagnosticPermission | null }> {
    const grant = this.grants.get(grantId);
    if (grant === undefined || grant.expiresAt <= this.now()) {
      this.grants.delete(grantId);
      return err('session-ended', 'El acceso del personal venció. Toque de nuevo la esquina e ingrese otra vez.');
    }
    return ok(grant);
  }

  /** The visit ended (idle, «Terminar»): the staff screen is gone, and so is its grant. */
  forget(): void {
    this.grants.clear();
  }

  private audit(action: string, actor: string, outcome: AccessOutcome): void {
    this.deps.store.db
      .insert(auditLog)
      .values({
        at: new Date(this.now()).toISOString(),
        action,
        actor: actor === '' ? '(vacío)' : actor,
        details: { outcome },
      })
      .run();
  }
}

/** The audit line's word for the server's refusal; a failed try counts against the throttle only when it was a guess (or the server already throttles the guesses). */
function outcomeOf(code: ErrorCode): AccessOutcome {
  switch (code) {
    case 'wrong-credentials':
      return 'refused';
    case 'forbidden':
    case 'locked':
    case 'offline':
      return code;
    default:
      return 'failed';
  }
}
