import { randomBytes } from 'node:crypto';
import type { DocumentFile } from '../../../src-shared/api/document';
import type { DocumentTicket } from '../../../src-shared/api/web-documents';

interface Shelved {
  readonly document: DocumentFile;
  readonly expiresAt: number;
}

export interface DocumentShelfOptions {
  /** How long a page has to fetch a document after the operation answered. */
  readonly ttlMs?: number;
  /** Documents held at once; the oldest goes first (a page fetches its document at once). */
  readonly capacity?: number;
  readonly now?: () => number;
}

/**
 * The web host's documents between an operation's answer and the page's `GET /documents/<id>`:
 * in memory only (nothing written to the kiosk's disk), each taken once, gone after a minute
 * if nobody came for it. A few at most, so a page that never fetches cannot fill memory.
 */
export class DocumentShelf {
  private readonly held = new Map<string, Shelved>();
  private readonly ttlMs: number;
  private readonly capacity: number;
  private readonly now: () => number;

  constructor(options: DocumentShelfOptions = {}) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.capacity = options.capacity ?? 8;
    this.now = options.now ?? Date.now;
  }

  put(document: DocumentFile): DocumentTicket {
    this.sweep();
    while (this.held.size >= this.capacity) {
      const oldest = this.held.keys().next();
      if (oldest.done === true) break;
      this.held.delete(oldest.value);
    }
    const documentId = randomBytes(16).toString('base64url');
    this.held.set(documentId, { document, expiresAt: this.now() + this.ttlMs });
    return {
      documentId,
      fileName: document.fileName,
      contentType: document.contentType,
      size: document.bytes.byteLength,
    };
  }

  /** The document once; null for an unknown, taken or expired id alike. */
  take(documentId: string): DocumentFile | null {
    this.sweep();
    const shelved = this.held.get(documentId);
    if (shelved === undefined) return null;
    this.held.delete(documentId);
    return shelved.document;
  }

  get size(): number {
    this.sweep();
    return this.held.size;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, shelved] of this.held) if (shelved.expiresAt <= now) this.held.delete(id);
  }
}
