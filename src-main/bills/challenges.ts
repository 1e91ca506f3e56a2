import { randomBytes } from 'node:crypto';
import type { BuiltQuestion } from './validation-questions';

/** A set of questions waiting for its answers. Lives only in memory: the answers never leave Node. */
export interface Challenge {
  readonly codigoInterno: number;
  readonly questions: readonly BuiltQuestion[];
  readonly expiresAt: number;
}

/** A citizen reads a bill and answers in a few minutes; an older challenge is stale. */
export const challengeTtlMs = 10 * 60_000;
/** A kiosk serves one person at a time; this bounds memory if a screen is abused. */
const maxOpen = 200;

/** Unguessable ids, single use: an answer consumes its challenge whether right or wrong. */
export class ChallengeBook {
  private readonly open = new Map<string, Challenge>();

  constructor(private readonly now: () => number) {}

  add(codigoInterno: number, questions: readonly BuiltQuestion[]): string {
    this.sweep();
    if (this.open.size >= maxOpen) {
      const oldest = this.open.keys().next();
      if (!oldest.done) this.open.delete(oldest.value);
    }
    const id = randomBytes(18).toString('base64url');
    this.open.set(id, { codigoInterno, questions, expiresAt: this.now() + challengeTtlMs });
    return id;
  }

  /** The challenge, removed from the book; null when unknown or expired. */
  take(id: string): Challenge | null {
    const challenge = this.open.get(id);
    if (challenge === undefined) return null;
    this.open.delete(id);
    return challenge.expiresAt > this.now() ? challenge : null;
  }

  clear(): void {
    this.open.clear();
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, challenge] of this.open) if (challenge.expiresAt <= now) this.open.delete(id);
  }
}
