import { z } from 'zod';

/**
 * A document an operation hands to the screen (a bill's PDF, a Z report): its bytes, their
 * content type and a file name. Bytes travel as bytes — a Uint8Array over Electron's IPC
 * (structured clone copies it), a short-lived `GET /documents/<id>` on the web host
 * (web-documents.ts) — never as base64 inside JSON (docs/architecture.md, "Documents").
 */

/**
 * The content types a document may have; each one a screen knows how to show: PDFs, and the
 * photos citizens attach to support tickets (the kiosk's viewer draws both).
 */
export const documentContentTypes = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
export type DocumentContentType = (typeof documentContentTypes)[number];

/**
 * Letters, digits, dots, dashes and underscores only, so the name goes into a
 * `Content-Disposition` header and a saved file's name as it is (docs/architecture.md).
 */
export const DocumentFileName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$/);

/**
 * `informe-z-2026-12-03-cajero.1.pdf`: what a file name keeps of free text (a username), the
 * rest turned into dashes, at most 120 characters.
 */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '');
  return (cleaned === '' ? 'documento' : cleaned).slice(0, 120);
}

/**
 * A Uint8Array from any realm: a Node Buffer on the Node side, the page's own array after IPC's
 * structured clone or a fetch (so `instanceof` against one realm's constructor is not used).
 */
export const isByteArray = (value: unknown): value is Uint8Array =>
  ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]';

export const DocumentBytes = z.custom<Uint8Array>(isByteArray, { error: 'Se esperaban los bytes del documento.' });

/** What an operation that returns a document answers (its whole output: see returnsDocument). */
export const DocumentFile = z.object({
  /** e.g. `factura-2026-03.pdf`; no código interno or name of a person in it. */
  fileName: DocumentFileName,
  contentType: z.enum(documentContentTypes),
  bytes: DocumentBytes,
});
export type DocumentFile = z.infer<typeof DocumentFile>;

/** A size for a person: «2,5 MB», or «640 KB» under a megabyte. */
export function megabytesInWords(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  const megabytes = bytes / (1024 * 1024);
  return `${new Intl.NumberFormat('es-CO', { maximumFractionDigits: 1 }).format(megabytes)} MB`;
}

/**
 * `attachment; filename="factura-2026-03.pdf"`: a download, never shown in place, under a name
 * made of safe characters only (no quote, slash or line break can reach the header).
 */
export function attachmentDisposition(fileName: string): string {
  return `attachment; filename="${safeFileName(fileName)}"`;
}
