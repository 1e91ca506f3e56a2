import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ok, type Result } from '../../../src-shared/api/result';
import { moduleLogger, type Logger } from '../../logger';
import type { AttachmentConfig } from './attachment-limits';
import { AttachmentStore } from './attachment-store';
import { checkAttachmentCount, prepareAttachment, type AttachmentUpload } from './prepare-attachment';
import { readUpTo } from './read-upload';
import { serveAttachment, type ServedAttachment } from './serve-attachment';
import { attachmentTypes, type AttachmentType } from './sniff-type';

export { loadAttachmentConfig, defaultAttachmentLimits, defaultAttachmentDir } from './attachment-limits';
export type { AttachmentConfig } from './attachment-limits';
export { AttachmentStore } from './attachment-store';
export type { OpenedFile, StoredFile } from './attachment-store';
export { checkAttachmentCount, prepareAttachment } from './prepare-attachment';
export type { AttachmentUpload, PreparedAttachment } from './prepare-attachment';
export { readUpTo } from './read-upload';
export { attachmentHeaders, contentDisposition, serveAttachment } from './serve-attachment';
export type { ServedAttachment } from './serve-attachment';
export { cleanDisplayName, maxDisplayNameLength } from './display-name';
export { attachmentTypes, contentTypeOf, sniffType } from './sniff-type';
export type { AttachmentType } from './sniff-type';

/** What a ticket's row keeps of each attachment; the file itself is in the store under `sha256`. */
export interface StoredAttachment extends ServedAttachment {
  readonly size: number;
  /** What the bytes were found to be, and the `Content-Type` that goes with it. */
  readonly type: AttachmentType;
  readonly contentType: string;
}

/** For reading a stored attachment back from a row (a database column is only text). */
export const StoredAttachmentSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  type: z.enum(attachmentTypes),
  displayName: z.string().min(1).max(200),
  size: z.number().int().nonnegative(),
  contentType: z.string().min(1),
});

/**
 * Ticket attachments (docs/ticket-attachments.md): what the ticket routes call to take files in,
 * keep them and give them back. Who may attach to or see a ticket is the routes' decision.
 */
export class TicketAttachments {
  readonly store: AttachmentStore;
  private readonly log: Logger;

  constructor(
    readonly config: AttachmentConfig,
    log: Logger,
  ) {
    this.log = moduleLogger(log, 'ticket-attachments');
    this.store = new AttachmentStore(config.dir, this.log);
  }

  /** Whether `adding` files fit in one submission and on a ticket that has `alreadyOnTicket`. */
  checkCount(adding: number, alreadyOnTicket = 0): Result<null> {
    return checkAttachmentCount(adding, alreadyOnTicket, this.config);
  }

  /** One file's bytes from a stream, stopping past the size limit (read-upload.ts). */
  readUpload(source: AsyncIterable<Uint8Array>, name: string): Promise<Result<Buffer>> {
    return readUpTo(source, this.config.maxBytes, name);
  }

  /**
   * Checks the count, then every file (size, type by its bytes, images cleaned, PDFs checked),
   * and stores them only when all pass: a refused file refuses the submission, and the citizen
   * sends it again without it. The answer, in the uploads' order, is what the rows keep.
   */
  async accept(uploads: readonly AttachmentUpload[], alreadyOnTicket = 0): Promise<Result<StoredAttachment[]>> {
    const count = this.checkCount(uploads.length, alreadyOnTicket);
    if (!count.ok) return count;
    const prepared = [];
    for (const upload of uploads) {
      const ready = await prepareAttachment(upload, this.config);
      if (!ready.ok) {
        this.log.info({ errorCode: ready.error.code, bytes: upload.bytes.byteLength }, 'attachment refused');
        return ready;
      }
      prepared.push(ready.value);
    }
    const stored: StoredAttachment[] = [];
    for (const file of prepared) {
      // Files stored before a later one fails are left for whoever sweeps unreferenced files:
      // the same bytes may already belong to another ticket.
      const put = await this.store.put(file.bytes);
      if (!put.ok) return put;
      this.log.info(
        { sha256: put.value.sha256, type: file.type, bytes: put.value.size, created: put.value.created },
        'attachment stored',
      );
      stored.push({
        sha256: put.value.sha256,
        size: put.value.size,
        type: file.type,
        contentType: file.contentType,
        displayName: file.displayName,
      });
    }
    return ok(stored);
  }

  /** Streams a stored attachment with safe headers; on an error nothing is sent (serve-attachment.ts). */
  serve(reply: FastifyReply, attachment: ServedAttachment): Promise<Result<FastifyReply>> {
    return serveAttachment(reply, this.store, attachment);
  }
}
