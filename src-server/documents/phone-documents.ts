import { createHash, randomBytes } from 'node:crypto';
import type { DocumentContentType } from '../../src-shared/api/document';

/**
 * Documents a kiosk left for a citizen's phone («Llevar a mi celular», docs/documents-to-phone.md):
 * each behind a token of 128 random bits, kept only as its SHA-256, served once, deleted when
 * served or when it expires, and swept every minute so an expired body does not wait for a
 * request to be forgotten.
 *
 * In this process's memory for now: a server restart forgets them (the citizen asks for a new
 * QR) and several instances behind a load balancer need a shared table instead
 * (docs/documents-to-phone.md, "Limits").
 */
export interface HeldDocument {
  readonly fileName: string;
  readonly contentType: DocumentContentType;
  readonly bytes: Buffer;
  readonly deviceId: string;
  readonly expiresAt: Date;
}

export type HoldAnswer = { readonly held: true; readonly token: string; readonly expiresAt: Date } | { readonly held: false };

export interface PhoneDocumentLimits {
  /** How long a link opens. */
  readonly ttlMs: number;
  /** Bytes held at once over every device; beyond it new documents are refused until some go. */
  readonly maxHeldBytes: number;
  /** Links one device may have waiting at once (a kiosk serves one citizen at a time). */
  readonly maxPerDevice: number;
}

export const defaultPhoneDocumentLimits: Omit<PhoneDocumentLimits, 'ttlMs'> = { maxHeldBytes: 256 * 1024 * 1024, maxPerDevice: 10 };

const tokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export class PhoneDocuments {
  private readonly byHash = new Map<string, HeldDocument>();
  private heldBytes = 0;
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly limits: PhoneDocumentLimits,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  hold(document: Omit<HeldDocument, 'expiresAt'>): HoldAnswer {
    this.sweep();
    const waiting = [...this.byHash.values()].filter((held) => held.deviceId === document.deviceId).length;
    if (waiting >= this.limits.maxPerDevice || this.heldBytes + document.bytes.byteLength > this.limits.maxHeldBytes) return { held: false };
    const token = randomBytes(16).toString('base64url');
    const expiresAt = new Date(this.now().getTime() + this.limits.ttlMs);
    this.byHash.set(tokenHash(token), { ...document, expiresAt });
    this.heldBytes += document.bytes.byteLength;
    return { held: true, token, expiresAt };
  }

  /** The document once; null alike for an unknown, used or expired token. */
  take(token: string): HeldDocument | null {
    const hash = tokenHash(token);
    const held = this.byHash.get(hash);
    if (held === undefined) return null;
    this.forget(hash, held);
    return held.expiresAt.getTime() > this.now().getTime() ? held : null;
  }

  /** Deletes every expired document; returns how many. */
  sweep(): number {
    const now = this.now().getTime();
    let swept = 0;
    for (const [hash, held] of this.byHash) {
      if (held.expiresAt.getTime() > now) continue;
      this.forget(hash, held);
      swept += 1;
    }
    return swept;
  }

  /** Documents waiting and their bytes; for tests and the log. */
  held(): { readonly documents: number; readonly bytes: number } {
    return { documents: this.byHash.size, bytes: this.heldBytes };
  }

  stop(): void {
    clearInterval(this.sweeper);
    this.byHash.clear();
    this.heldBytes = 0;
  }

  private forget(hash: string, held: HeldDocument): void {
    this.byHash.delete(hash);
    this.heldBytes -= held.bytes.byteLength;
  }
}
