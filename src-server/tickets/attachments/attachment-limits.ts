import path from 'node:path';
import { z } from 'zod';
import { attachmentTypes, type AttachmentType } from './sniff-type';

/** What ticket attachments may be and where they are kept (docs/ticket-attachments.md). */
export interface AttachmentConfig {
  /** Largest file, in bytes, as sent (VENTANILLA_TICKET_ATTACHMENT_MAX_BYTES). */
  readonly maxBytes: number;
  /** Files one submission (a new ticket, or one message on it) may carry (VENTANILLA_TICKET_ATTACHMENT_MAX_COUNT). */
  readonly maxCount: number;
  /** Files one ticket may hold over all its messages (VENTANILLA_TICKET_ATTACHMENT_MAX_PER_TICKET). */
  readonly maxPerTicket: number;
  /**
   * Largest image in pixels (width × height, VENTANILLA_TICKET_ATTACHMENT_MAX_PIXELS): a small
   * compressed file can decode to gigabytes, so this is checked before the pixels are decoded.
   */
  readonly maxPixels: number;
  /** Types accepted, by their bytes (VENTANILLA_TICKET_ATTACHMENT_TYPES, e.g. `pdf,jpeg,png,webp`). */
  readonly allowedTypes: readonly AttachmentType[];
  /**
   * Where the files live (VENTANILLA_TICKET_ATTACHMENT_DIR); `<data dir>/server/attachments`
   * by default. Several server instances need one shared folder here.
   */
  readonly dir: string;
}

export const defaultAttachmentLimits: Omit<AttachmentConfig, 'dir'> = {
  maxBytes: 10 * 1024 * 1024,
  maxCount: 5,
  maxPerTicket: 30,
  maxPixels: 50_000_000,
  allowedTypes: ['pdf', 'jpeg', 'png'],
};

/** Where attachments live when VENTANILLA_TICKET_ATTACHMENT_DIR is not set. */
export const defaultAttachmentDir = (dataDir: string): string => path.join(dataDir, 'server', 'attachments');

const Bytes = z.coerce
  .number()
  .int()
  .min(64 * 1024)
  .max(100 * 1024 * 1024);
const Count = z.coerce.number().int().min(1).max(50);
const PerTicket = z.coerce.number().int().min(1).max(500);
const Pixels = z.coerce.number().int().min(1_000_000).max(200_000_000);
const Types = z
  .string()
  .transform((text) => [...new Set(text.split(',').map((type) => type.trim().toLowerCase()))])
  .pipe(z.array(z.enum(attachmentTypes)).min(1));

/**
 * VENTANILLA_TICKET_ATTACHMENT_MAX_BYTES, _MAX_COUNT, _MAX_PER_TICKET, _MAX_PIXELS, _TYPES and
 * _DIR. A wrong value is a Spanish `problem`, which loadServerConfig raises as its own error.
 */
export function loadAttachmentConfig(
  env: Record<string, string | undefined>,
  dataDir: string,
): AttachmentConfig | { readonly problem: string } {
  const problems: string[] = [];
  const read = <T>(suffix: string, schema: z.ZodType<T>, fallback: T, what: string): T => {
    const name = `VENTANILLA_TICKET_ATTACHMENT_${suffix}`;
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) problems.push(`${name} debe ser ${what}, no «${raw}».`);
    return parsed.success ? parsed.data : fallback;
  };
  const d = defaultAttachmentLimits;
  const limits = {
    maxBytes: read('MAX_BYTES', Bytes, d.maxBytes, 'un número de bytes entre 65536 y 104857600'),
    maxCount: read('MAX_COUNT', Count, d.maxCount, 'un número entero de archivos entre 1 y 50'),
    maxPerTicket: read('MAX_PER_TICKET', PerTicket, d.maxPerTicket, 'un número entero de archivos entre 1 y 500'),
    maxPixels: read('MAX_PIXELS', Pixels, d.maxPixels, 'un número de píxeles entre 1000000 y 200000000'),
    allowedTypes: read<readonly AttachmentType[]>(
      'TYPES',
      Types,
      d.allowedTypes,
      `una lista separada por comas de ${attachmentTypes.join(', ')}`,
    ),
  };
  if (limits.maxPerTicket < limits.maxCount) {
    problems.push(
      `VENTANILLA_TICKET_ATTACHMENT_MAX_PER_TICKET (${limits.maxPerTicket}) no puede ser menor que VENTANILLA_TICKET_ATTACHMENT_MAX_COUNT (${limits.maxCount}).`,
    );
  }
  if (problems[0] !== undefined) return { problem: problems[0] };
  const dir = env.VENTANILLA_TICKET_ATTACHMENT_DIR?.trim();
  return { ...limits, dir: dir ? path.resolve(dir) : defaultAttachmentDir(dataDir) };
}

const megabytes = (bytes: number): string =>
  (bytes / (1024 * 1024)).toLocaleString('es-CO', { maximumFractionDigits: 1 });

/** The message for a file over the size limit, in the words a citizen reads. */
export const tooLarge = (name: string, maxBytes: number): string =>
  `«${name}» pesa más de ${megabytes(maxBytes)} MB, el máximo para un adjunto. Reduzca la foto o divida el documento ` +
  'e inténtelo de nuevo.';
