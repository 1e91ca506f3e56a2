import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { staffUsers } from '../../db/local/schema';
import { err, ok, type Result } from '../../src-shared/api/result';
import type { StaffRole } from '../../src-shared/api/ops/staff';
// The scrypt format is the server's (staff hashes are made there and replicated here); this
// is the one module both Node sides share for it.
import { verifyPassword } from '../../src-node/password-hash';
import type { Logger } from '../logger';
import type { Store } from '../store/open-store';

export interface StaffGrant {
  readonly grantId: string;
  readonly username: string;
  readonly fullName: string;
  readonly role: StaffRole;
  readonly expiresAt: string;
}

const grantTtlMs = 5 * 60_000;
const maxFailures = 5;
const lockMs = 5 * 60_000;
const wrongCredentials = 'Usuario o contraseña incorrectos.';
/** A PIN is 4 to 8 digits; a password with only digits that short could never be set. */
const pinShape = /^\d{4,8}$/;

/**
 * Staff credentials checked on the device against the replicated staff accounts, so a
 * supervisor can approve things with the server down (DESIGN §1.5). A success gives a
 * short-lived grant for the screen that asked; nothing is kept on disk. After five failures a
 * username waits five minutes (in memory: a restart forgives, which costs an attacker a
 * restart of the kiosk per five guesses at scrypt cost).
 */
export class StaffAuthorizer {
  private readonly grants = new Map<string, StaffGrant>();
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * `pin: true` lets the secret be the user's PIN instead of the password (the quick sign-in
   * at their own counter); approvals by a supervisor always take the password.
   */
  async authorize(username: string, password: string, options: { readonly pin?: boolean } = {}): Promise<Result<StaffGrant>> {
    const key = username.trim().toLowerCase();
    const failure = this.failures.get(key);
    if (failure !== undefined && failure.lockedUntil > this.now()) {
      return err('locked', 'Demasiados intentos fallidos con ese usuario. Espere unos minutos e intente de nuevo.');
    }
    const user = this.store.db.select().from(staffUsers).where(eq(staffUsers.username, key)).get();
    // Verify even without a user, so an unknown username takes as long as a wrong password.
    const asPin = options.pin === true && pinShape.test(password) && (user?.pinHash ?? null) !== null;
    const hash = (asPin ? user?.pinHash : user?.passwordHash) ?? dummyHash;
    const matches = await verifyPassword(password, hash).catch(() => false);
    if (user === undefined || !user.active || !matches) {
      const count = (failure?.count ?? 0) + 1;
      this.failures.set(key, { count, lockedUntil: count >= maxFailures ? this.now() + lockMs : 0 });
      this.log.info({ reason: 'wrong-credentials' }, 'staff authorization refused');
      return err('unauthorized', wrongCredentials);
    }
    this.failures.delete(key);
    const grant: StaffGrant = {
      grantId: randomBytes(24).toString('base64url'),
      username: user.username,
      fullName: user.fullName,
      role: user.role as StaffRole,
      expiresAt: new Date(this.now() + grantTtlMs).toISOString(),
    };
    this.grants.set(grant.grantId, grant);
    return ok(grant);
  }

  /** The grant if it is live and its role is one of `roles`. */
  require(grantId: string, roles: readonly StaffRole[]): Result<StaffGrant> {
    const grant = this.grants.get(grantId);
    if (grant === undefined || Date.parse(grant.expiresAt) <= this.now()) {
      this.grants.delete(grantId);
      return err('unauthorized', 'La autorización del personal venció. Ingrese de nuevo usuario y contraseña.');
    }
    if (!roles.includes(grant.role)) return err('forbidden', 'Esta acción requiere un supervisor.');
    return ok(grant);
  }

  revoke(grantId: string): void {
    this.grants.delete(grantId);
  }
}

/** A valid hash of a random password, at the same cost as real ones. */
const dummyHash =
  'scrypt$17$8$1$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
