import { createHash, randomBytes } from 'node:crypto';
import type { DocumentContentType } from '../../src-shared/api/document';
import type { SqlExecutor } from '../db/sql-executor';
import type { Logger } from '../logger';

/**
 * Documents a kiosk left for a citizen's phone («Llevar a mi celular», docs/documents-to-phone.md):
 * each behind a token of 128 random bits, kept only as its SHA-256, served once, deleted when
 * served or when it expires, and swept every minute so an expired body does not wait for a
 * request to be forgotten. In the `phone_documents` table, so whichever server instance the
 * phone reaches serves the link, and a restart forgets nothing.
 */
export interface HeldDocument {
  readonly fileName: string;
  readonly contentType: DocumentContentType;
  readonly bytes: Buffer;
  readonly deviceId: string;
  readonly expiresAt: Date;
}

export type HoldAnswer =
  { readonly held: true; readonly token: string; readonly expiresAt: Date } | { readonly held: false };

export interface PhoneDocumentLimits {
  /** How long a link opens. */
  readonly ttlMs: number;
  /** Bytes held at once over every device; beyond it new documents are refused until some go. */
  readonly maxHeldBytes: number;
  /** Links one device may have waiting at once (a kiosk serves one citizen at a time). */
  readonly maxPerDevice: number;
}

export const defaultPhoneDocumentLimits: Omit<PhoneDocumentLimits, 'ttlMs'> = {
  maxHeldBytes: 256 * 1024 * 1024,
  maxPerDevice: 10,
};

const tokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

interface Row extends Record<string, unknown> {
  file_name: string;
  content_type: string;
  body: Buffer | Uint8Array;
  device_id: string;
  expires_at: Date | string;
}

export class PhoneDocuments {
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly exec: SqlExecutor,
    private readonly limits: PhoneDocumentLimits,
    private readonly now: () => Date = () => new Date(),
    log?: Logger,
  ) {
    this.sweeper = setInterval(() => {
      this.sweep().catch((error: unknown) => log?.warn({ err: error }, 'phone documents sweep failed'));
    }, 60_000);
    this.sweeper.unref();
  }

  /**
   * Holds a document behind a new token, in one statement that also checks the device's share
   * and the bytes held in all: two kiosks asking at once cannot both pass a limit.
   */
  async hold(document: Omit<HeldDocument, 'expiresAt'>): Promise<HoldAnswer> {
    const token = randomBytes(16).toString('base64url');
    const now = this.now();
    const expiresAt = new Date(now.getTime() + this.limits.ttlMs);
    const { rows } = await this.exec.query(
      `INSERT INTO phone_documents (token_sha256, device_id, file_name, content_type, body, expires_at)
       SELECT $1, $2, $3, $4, $5, $6
       WHERE (SELECT count(*) FROM phone_documents WHERE device_id = $2 AND expires_at > $7) < $8
         AND (SELECT coalesce(sum(octet_length(body)), 0) FROM phone_documents WHERE expires_at > $7) + $9 <= $10
       RETURNING token_sha256`,
      [
        tokenHash(token),
        document.deviceId,
        document.fileName,
        document.contentType,
        document.bytes,
        expiresAt.toISOString(),
        now.toISOString(),
        this.limits.maxPerDevice,
        document.bytes.byteLength,
        this.limits.maxHeldBytes,
      ],
    );
    return rows.length === 0 ? { held: false } : { held: true, token, expiresAt };
  }

  /** The document once (it is deleted as it is read); null alike for an unknown, used or expired token. */
  async take(token: string): Promise<HeldDocument | null> {
    const { rows } = await this.exec.query<Row>(
      'DELETE FROM phone_documents WHERE token_sha256 = $1 RETURNING file_name, content_type, body, device_id, expires_at',
      [tokenHash(token)],
    );
    const row = rows[0];
    if (row === undefined) return null;
    const expiresAt = new Date(row.expires_at);
    if (expiresAt.getTime() <= this.now().getTime()) return null;
    return {
      fileName: row.file_name,
      contentType: row.content_type as DocumentContentType,
      bytes: Buffer.from(row.body),
      deviceId: row.device_id,
      expiresAt,
    };
  }

  /** Deletes every expired document; returns how many. */
  async sweep(): Promise<number> {
    const { rows } = await this.exec.query('DELETE FROM phone_documents WHERE expires_at <= $1 RETURNING 1', [
      this.now().toISOString(),
    ]);
    return rows.length;
  }

  /** Documents waiting and their bytes; for tests and the log. */
  async held(): Promise<{ readonly documents: number; readonly bytes: number }> {
    const { rows } = await this.exec.query<{ n: string | number; bytes: string | number }>(
      'SELECT count(*) AS n, coalesce(sum(octet_length(body)), 0) AS bytes FROM phone_documents',
    );
    return { documents: Number(rows[0]?.n ?? 0), bytes: Number(rows[0]?.bytes ?? 0) };
  }

  stop(): void {
    clearInterval(this.sweeper);
  }
}
