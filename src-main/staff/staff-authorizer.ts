import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { staffUsers } from '../../db/local/schema';
import { err, ok, type Result } from '../../src-shared/api/result';
import type { StaffRole } from '../../src-shared/api/ops/staff';
import type { DiagnosticPermission } from '../../src-shared/server-api/diagnostic-routes';
import { diagnosticRequestMessage } from '../../src-shared/sync/approval';
import { signApproval, verifyStaffSecret } from '../../src-node/staff-credentials';
import type { StaffGrant } from '../api/callers';
import type { Logger } from '../logger';
import type { Store } from '../store/open-store';

/** A supervisor who just typed their password, with the key that signs what they approve. */
export interface Approver {
  readonly username: string;
  readonly approvalKey: Buffer;
}

const grantTtlMs = 5 * 60_000;
const maxFailures = 5;
const lockMs = 5 * 60_000;
const wrongCredentials = 'Usuario o contraseña incorrectos.';
/** A PIN is 6 to 8 digits: short enough to type at a counter, too many to guess in five tries. */
const pinShape = /^\d{6,8}$/;
/** Roles whose approval voids a payment or accepts a close beyond the tolerance. */
const approverRoles: readonly StaffRole[] = ['supervisor'];

/**
 * Staff credentials checked on the device against the replicated staff accounts, so a
 * supervisor can approve things with the server down (docs/trust-model.md). The hashes are peppered
 * with a secret of this device (src-node/staff-credentials.ts), so a copied store alone cannot
 * test guesses. A success gives a short-lived grant for the screen that asked; nothing is kept
 * on disk. After five failures a username waits five minutes (in memory: a restart forgives,
 * which costs an attacker a restart of the device per five guesses at scrypt cost).
 *
 * A supervisor's grant also carries, in this process's memory only, their signed permission to
 * send a diagnostic from this device until the grant expires (src-shared/sync/approval.ts,
 * diagnosticRequestMessage): the central server stores a bundle under a name only with it. The
 * approval key that signs it is not kept, and the permission never reaches the screen.
 */
export class StaffAuthorizer {
  private readonly grants = new Map<string, StaffGrant>();
  private readonly diagnosticPermissions = new Map<string, DiagnosticPermission>();
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly pepper: Buffer,
    private readonly now: () => number = Date.now,
    /** The server's id of this device (device_meta `deviceId`); null before enrollment. */
    private readonly deviceId: () => string | null = () => null,
  ) {}

  /**
   * `pin: true` lets the secret be the user's PIN instead of the password (the quick sign-in
   * at their own counter); approvals by a supervisor always take the password.
   */
  async authorize(
    username: string,
    password: string,
    options: { readonly pin?: boolean } = {},
  ): Promise<Result<StaffGrant>> {
    const checked = await this.check(username, password, options.pin === true);
    if (!checked.ok) return checked;
    const { user, approvalKey } = checked.value;
    const grant: StaffGrant = {
      grantId: randomBytes(24).toString('base64url'),
      username: user.username,
      fullName: user.fullName,
      role: user.role as StaffRole,
      expiresAt: new Date(this.now() + grantTtlMs).toISOString(),
    };
    this.grants.set(grant.grantId, grant);
    const deviceId = this.deviceId();
    // Only a password yields the key the server holds; a PIN's would sign a permission it refuses.
    if (options.pin !== true && approverRoles.includes(grant.role) && deviceId !== null && deviceId !== '') {
      const message = diagnosticRequestMessage({ deviceId, staff: grant.username, until: grant.expiresAt });
      this.diagnosticPermissions.set(grant.grantId, {
        until: grant.expiresAt,
        proof: signApproval(approvalKey, message),
      });
    }
    return ok(grant);
  }

  /**
   * The supervisor's signed permission to send a diagnostic that came with a live grant; null
   * for another role's grant, or one made before this device was enrolled.
   */
  diagnosticPermission(grantId: string): DiagnosticPermission | null {
    if (!this.resolve(grantId).ok) return null;
    return this.diagnosticPermissions.get(grantId) ?? null;
  }

  /**
   * A supervisor's approval, typed now: their password (never a PIN) and the approval key it
   * yields, to sign the approved action for the central server. The key is not kept.
   */
  async approve(username: string, password: string): Promise<Result<Approver>> {
    const checked = await this.check(username, password, false);
    if (!checked.ok) return checked;
    const { user, approvalKey } = checked.value;
    if (!approverRoles.includes(user.role as StaffRole))
      return err('forbidden', 'Esta acción requiere la aprobación de un supervisor.');
    return ok({ username: user.username, approvalKey });
  }

  /** The grant if it is live; the dispatcher asks, for operations whose auth is a supervisor's grant, and checks the role. */
  resolve(grantId: string): Result<StaffGrant> {
    const grant = this.grants.get(grantId);
    if (grant === undefined || Date.parse(grant.expiresAt) <= this.now()) {
      this.grants.delete(grantId);
      this.diagnosticPermissions.delete(grantId);
      return err('session-ended', 'La autorización del personal venció. Ingrese de nuevo usuario y contraseña.');
    }
    return ok(grant);
  }

  revoke(grantId: string): void {
    this.grants.delete(grantId);
    this.diagnosticPermissions.delete(grantId);
  }

  private async check(username: string, secret: string, allowPin: boolean) {
    const key = username.trim().toLowerCase();
    const failure = this.failures.get(key);
    if (failure !== undefined && failure.lockedUntil > this.now()) {
      return err('locked', 'Demasiados intentos fallidos con ese usuario. Espere unos minutos e intente de nuevo.');
    }
    const user = this.store.db.select().from(staffUsers).where(eq(staffUsers.username, key)).get();
    // Verify even without a user, so an unknown username takes as long as a wrong password.
    const asPin = allowPin && pinShape.test(secret) && (user?.pinHash ?? null) !== null;
    const hash = (asPin ? user?.pinHash : user?.passwordHash) ?? dummyHash;
    const result = await verifyStaffSecret(secret, hash, this.pepper).catch(() => ({
      matches: false,
      approvalKey: null,
    }));
    if (user === undefined || !user.active || !result.matches || result.approvalKey === null) {
      const count = (failure?.count ?? 0) + 1;
      this.failures.set(key, { count, lockedUntil: count >= maxFailures ? this.now() + lockMs : 0 });
      this.log.info({ reason: 'wrong-credentials' }, 'staff authorization refused');
      return err('wrong-credentials', wrongCredentials);
    }
    this.failures.delete(key);
    return ok({ user, approvalKey: result.approvalKey });
  }
}

/** A well-formed peppered hash nobody's password matches, at the same cost as real ones. */
const dummyHash =
  'scrypt-hmac$17$8$1$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
