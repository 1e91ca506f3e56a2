import { megabytesInWords } from '../../src-shared/api/document';
import type { KioskTicketFile } from '../../src-shared/api/ops/tickets';
import { err, ok, type Result } from '../../src-shared/api/result';
import type { TicketFileUpload } from '../../src-shared/server-api/tickets-api';
import { ticketMessages } from './ticket-messages';

/** How many files, and how large, the kiosk takes for one ticket or message. */
export interface TrayLimits {
  readonly maxCount: number;
  readonly maxBytes: number;
}

interface HeldFile {
  readonly name: string;
  readonly size: number;
  readonly parts: Buffer[];
  received: number;
}

/** One part of a file, as the screen sends it (base64 already checked by the contract). */
export interface FilePart {
  readonly fileId: string;
  readonly name: string;
  readonly size: number;
  readonly offset: number;
  readonly data: string;
}

/**
 * The files a citizen attached during this kiosk visit, in memory only (never on the kiosk's
 * disk), until a «Crear ticket» or a message takes them to the central server, the citizen
 * removes them, or the visit ends. A file arrives in parts, in order; it is refused as soon as
 * it says it is, or turns out, larger than the limit; the tray holds the files of one ticket
 * and one message at most, and a submission takes no more than the count limit. What the files
 * are is the central server's decision (by their bytes); the kiosk only bounds what it holds.
 */
export class TicketFileTray {
  private readonly files = new Map<string, HeldFile>();

  constructor(private readonly limits: () => TrayLimits) {}

  add(part: FilePart): Result<KioskTicketFile> {
    const { maxCount, maxBytes } = this.limits();
    let file = this.files.get(part.fileId);
    if (file === undefined) {
      if (part.offset !== 0) return err('validation', ticketMessages.partOutOfOrder, 'attachments');
      if (part.size > maxBytes)
        return err(
          'validation',
          `«${part.name}» pesa ${megabytesInWords(part.size)}; cada archivo puede pesar hasta ${megabytesInWords(maxBytes)}. ` +
            'Elija otro o tome una foto del documento.',
          'attachments',
        );
      // A new ticket's files and a message's may be held at once (the citizen left one form for the other).
      if (this.files.size >= 2 * maxCount)
        return err(
          'validation',
          `Este kiosco ya tiene ${this.files.size} archivos adjuntos en esta visita. Quite alguno para adjuntar otro.`,
          'attachments',
        );
      file = { name: part.name, size: part.size, parts: [], received: 0 };
      this.files.set(part.fileId, file);
    }
    const bytes = Buffer.from(part.data, 'base64');
    if (part.offset !== file.received || part.size !== file.size || file.received + bytes.byteLength > file.size) {
      this.files.delete(part.fileId);
      return err('validation', ticketMessages.partOutOfOrder, 'attachments');
    }
    file.parts.push(bytes);
    file.received += bytes.byteLength;
    return ok(view(part.fileId, file));
  }

  remove(fileId: string): boolean {
    return this.files.delete(fileId);
  }

  /** The named files for the server, each complete; `validation` when one is missing or unfinished. */
  uploads(fileIds: readonly string[]): Result<TicketFileUpload[]> {
    const ids = new Set(fileIds);
    const { maxCount } = this.limits();
    if (ids.size > maxCount)
      return err(
        'validation',
        `Puede adjuntar hasta ${maxCount} archivos; hay ${ids.size}. Quite ${ids.size - maxCount} e inténtelo de nuevo.`,
        'attachments',
      );
    const uploads: TicketFileUpload[] = [];
    for (const id of ids) {
      const file = this.files.get(id);
      if (file === undefined) return err('validation', ticketMessages.fileGone, 'attachments');
      if (file.received !== file.size) return err('validation', ticketMessages.fileIncomplete, 'attachments');
      uploads.push({ name: file.name, base64: Buffer.concat(file.parts).toString('base64') });
    }
    return ok(uploads);
  }

  /** The files went with a ticket or a message: the kiosk lets them go. */
  release(fileIds: readonly string[]): void {
    for (const id of fileIds) this.files.delete(id);
  }

  clear(): void {
    this.files.clear();
  }
}

const view = (fileId: string, file: HeldFile): KioskTicketFile => ({
  fileId,
  name: file.name,
  size: file.size,
  received: file.received,
  complete: file.received === file.size,
});
