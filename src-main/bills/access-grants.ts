import { randomBytes } from 'node:crypto';

/** How long a passed validation lets the session see that code's bills. */
export const grantTtlMs = 15 * 60_000;

/**
 * Which códigos internos the current kiosk session has unlocked by answering the questions.
 * In memory only: a restart or the end of the session (idle timeout, "Terminar") forgets
 * them all, so the next citizen starts from nothing.
 */
export class AccessGrants {
  private readonly grants = new Map<string, { codigoInterno: number; expiresAt: number }>();

  constructor(private readonly now: () => number) {}

  /** A new random access id (192 bits) for the code. */
  grant(codigoInterno: number): string {
    this.sweep();
    const accessId = randomBytes(24).toString('base64url');
    this.grants.set(accessId, { codigoInterno, expiresAt: this.now() + grantTtlMs });
    return accessId;
  }

  /** The code an access id unlocks, or null when it is unknown or expired. */
  codeFor(accessId: string): number | null {
    const grant = this.grants.get(accessId);
    if (grant === undefined) return null;
    if (grant.expiresAt <= this.now()) {
      this.grants.delete(accessId);
      return null;
    }
    return grant.codigoInterno;
  }

  clear(): void {
    this.grants.clear();
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, grant] of this.grants) if (grant.expiresAt <= now) this.grants.delete(id);
  }
}
