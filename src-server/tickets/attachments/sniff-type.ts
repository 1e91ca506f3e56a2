/**
 * What a ticket attachment is, decided by its first bytes (magic numbers) only: the file name a
 * citizen's phone or browser gave and the content type it declared are both under the sender's
 * control, so neither is read. A file that starts like none of these is refused.
 */
export const attachmentTypes = ['pdf', 'jpeg', 'png', 'webp'] as const;
export type AttachmentType = (typeof attachmentTypes)[number];
export type ImageType = Exclude<AttachmentType, 'pdf'>;

/** The `Content-Type` an attachment is served with: from its sniffed type, never from the upload. */
export const contentTypeOf: Readonly<Record<AttachmentType, string>> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

/** The extension a served file name ends with; the first is the one given, all are accepted as is. */
export const extensionsOf: Readonly<Record<AttachmentType, readonly string[]>> = {
  pdf: ['pdf'],
  jpeg: ['jpg', 'jpeg'],
  png: ['png'],
  webp: ['webp'],
};

/** How each type is named to a citizen, in the order messages list them. */
export const typeLabel: Readonly<Record<AttachmentType, string>> = {
  pdf: 'PDF',
  jpeg: 'JPEG',
  png: 'PNG',
  webp: 'WebP',
};

/** Bytes enough to tell every type apart (WebP's RIFF header is the longest, 12). */
export const sniffBytes = 12;

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

/**
 * The type the bytes say, or null. PDF's header must be at offset 0 (ISO 32000 lets readers look
 * further, which is how PDF polyglots hide behind another format's header; we do not).
 * JPEG: SOI then a marker (FF D8 FF). PNG: its 8-byte signature. WebP: `RIFF` size `WEBP`.
 */
export function sniffType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  return null;
}

/** «PDF, JPEG o PNG»: the allowed types as a citizen reads them. */
export function typeList(types: readonly AttachmentType[]): string {
  const labels = types.map((type) => typeLabel[type]);
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} o ${labels.at(-1)}`;
}
