import { createHash, randomBytes } from 'node:crypto';

/**
 * One-time launch codes of the web host. The address a browser is started with carries one;
 * the page trades it once for the session token (POST /launch/exchange), so a copy of the
 * address (from `ps`, a shell history, a screenshot of the console) is worth nothing by the
 * time it is read. Only digests are kept: the live codes never sit in memory in the clear
 * longer than it takes to hand them out.
 */
export class LaunchCodes {
  private readonly live = new Set<string>();

  /** A new code, valid until it is redeemed or the host stops. */
  mint(): string {
    const code = randomBytes(24).toString('base64url');
    this.live.add(digest(code));
    return code;
  }

  /** True once per minted code; false for a spent, unknown or malformed one. */
  redeem(code: string): boolean {
    return this.live.delete(digest(code));
  }
}

function digest(code: string): string {
  return createHash('sha256').update(code).digest('base64url');
}
