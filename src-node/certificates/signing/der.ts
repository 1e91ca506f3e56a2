/**
 * Just enough DER (ITU-T X.690) to write a CMS SignedData and to read the issuer and serial
 * number out of a certificate. Written by hand, on Buffers, because the signature must carry
 * the signer's certificates byte for byte: re-encoding a CA's certificate through an ASN.1
 * object model could change a byte and break the CA's own signature on it.
 */

/** Tags used here: universal ones, and the context-specific constructed [0] and [4]. */
export const tag = {
  integer: 0x02,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  sequence: 0x30,
  set: 0x31,
  context0: 0xa0,
  context4: 0xa4,
} as const;

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** One tag-length-value. */
export function tlv(tagByte: number, ...content: readonly Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tagByte]), encodeLength(body.length), body]);
}

export const sequence = (...items: readonly Buffer[]): Buffer => tlv(tag.sequence, ...items);

/** A SET OF in DER order: its elements sorted by their encodings (X.690 §11.6). */
export function setOf(...items: readonly Buffer[]): Buffer {
  return tlv(tag.set, ...[...items].sort(Buffer.compare));
}

export function oid(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const [first = 0, second = 0, ...rest] = arcs;
  const bytes: number[] = [];
  for (const arc of [first * 40 + second, ...rest]) {
    const groups: number[] = [arc % 128];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128)) {
      groups.unshift((value % 128) | 0x80);
    }
    bytes.push(...groups);
  }
  return tlv(tag.oid, Buffer.from(bytes));
}

export const octetString = (bytes: Uint8Array): Buffer => tlv(tag.octetString, Buffer.from(bytes));
export const derNull = (): Buffer => Buffer.from([tag.null, 0x00]);
export const smallInteger = (value: number): Buffer => tlv(tag.integer, Buffer.from([value]));

/** One element read back: its tag, where its whole encoding lies and where its content lies. */
export interface DerElement {
  readonly tag: number;
  readonly start: number;
  readonly contentStart: number;
  readonly end: number;
}

export class DerFormatError extends Error {
  override readonly name = 'DerFormatError';
}

/** The element that starts at `offset` (single-byte tags only, which is all X.509 uses here). */
export function readElement(der: Buffer, offset: number): DerElement {
  const tagByte = der[offset];
  const first = der[offset + 1];
  if (tagByte === undefined || first === undefined) throw new DerFormatError('DER ends inside a header');
  let length = first;
  let contentStart = offset + 2;
  if (first >= 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4) throw new DerFormatError('unsupported DER length');
    length = 0;
    for (let i = 0; i < count; i++) {
      const byte = der[offset + 2 + i];
      if (byte === undefined) throw new DerFormatError('DER ends inside a length');
      length = length * 256 + byte;
    }
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > der.length) throw new DerFormatError('DER element runs past its end');
  return { tag: tagByte, start: offset, contentStart, end };
}

/** The elements inside a constructed element, in order. */
export function children(der: Buffer, parent: DerElement): DerElement[] {
  const items: DerElement[] = [];
  for (let offset = parent.contentStart; offset < parent.end;) {
    const item = readElement(der, offset);
    items.push(item);
    offset = item.end;
  }
  return items;
}

export const bytesOf = (der: Buffer, element: DerElement): Buffer => der.subarray(element.start, element.end);
