/**
 * The IPP/1.1 message encoding (RFC 8010 §3), pure: a request to bytes, bytes to a response.
 * Only what the dispenser speaks to CUPS is encoded (integers, enums, booleans and the string
 * types); everything a printer may answer is decoded, collections included, so an attribute we
 * did not ask for never breaks the reading of the ones we did.
 */

/** Delimiter tags (RFC 8010 §3.5.1): where an attribute group begins, and the end of them all. */
export const groupTags = {
  operation: 0x01,
  job: 0x02,
  endOfAttributes: 0x03,
  printer: 0x04,
  unsupported: 0x05,
} as const;

/** Value tags (RFC 8010 §3.5.2). */
export const valueTags = {
  unsupported: 0x10,
  unknown: 0x12,
  noValue: 0x13,
  integer: 0x21,
  boolean: 0x22,
  enum: 0x23,
  octetString: 0x30,
  dateTime: 0x31,
  resolution: 0x32,
  rangeOfInteger: 0x33,
  begCollection: 0x34,
  textWithLanguage: 0x35,
  nameWithLanguage: 0x36,
  endCollection: 0x37,
  textWithoutLanguage: 0x41,
  nameWithoutLanguage: 0x42,
  keyword: 0x44,
  uri: 0x45,
  uriScheme: 0x46,
  charset: 0x47,
  naturalLanguage: 0x48,
  mimeMediaType: 0x49,
  memberAttrName: 0x4a,
  extension: 0x7f,
} as const;

/** One value as read from the wire; `tag` keeps the syntax (an enum and an integer are both numbers). */
export type IppValue =
  | { readonly kind: 'integer'; readonly tag: number; readonly value: number }
  | { readonly kind: 'boolean'; readonly tag: number; readonly value: boolean }
  /** keyword, uri, charset, name, text, mimeMediaType…: UTF-8 text. */
  | { readonly kind: 'string'; readonly tag: number; readonly value: string }
  | { readonly kind: 'string-with-language'; readonly tag: number; readonly language: string; readonly value: string }
  | { readonly kind: 'collection'; readonly tag: number; readonly members: readonly IppAttribute[] }
  /** octetString, dateTime, resolution, rangeOfInteger and tags we do not know: the raw bytes. */
  | { readonly kind: 'octets'; readonly tag: number; readonly value: Uint8Array }
  /** unsupported, unknown, no-value (RFC 8010 §3.5.2's out-of-band values). */
  | { readonly kind: 'out-of-band'; readonly tag: number };

/** What a request may carry: the scalar syntaxes (RFC 8010 §3.9). */
export type IppRequestValue = Extract<IppValue, { kind: 'integer' | 'boolean' | 'string' }>;

export interface IppAttribute {
  readonly name: string;
  /** One for a single value, more for a 1setOf. Never empty. */
  readonly values: readonly IppValue[];
}

export interface IppGroup {
  readonly tag: number;
  readonly attributes: readonly IppAttribute[];
}

export interface IppRequest {
  /** The operation-id (RFC 8011 §5.4.15). */
  readonly operation: number;
  readonly requestId: number;
  /** In the order they are sent; RFC 8011 §4.1.4 wants attributes-charset and -natural-language first. */
  readonly groups: readonly { readonly tag: number; readonly attributes: readonly RequestAttribute[] }[];
  /** The document, after the attributes (Print-Job). */
  readonly data?: Uint8Array;
}

export interface RequestAttribute {
  readonly name: string;
  readonly values: readonly IppRequestValue[];
}

export interface IppResponse {
  readonly version: readonly [number, number];
  /** The status-code (RFC 8011 §4.1.6): 0x0000–0x00ff success, 0x04xx the client's fault, 0x05xx the server's. */
  readonly statusCode: number;
  readonly requestId: number;
  readonly groups: readonly IppGroup[];
}

/** Shorthands for request values. */
export const ippValue = {
  integer: (value: number): IppRequestValue => ({ kind: 'integer', tag: valueTags.integer, value }),
  enum: (value: number): IppRequestValue => ({ kind: 'integer', tag: valueTags.enum, value }),
  boolean: (value: boolean): IppRequestValue => ({ kind: 'boolean', tag: valueTags.boolean, value }),
  keyword: (value: string): IppRequestValue => ({ kind: 'string', tag: valueTags.keyword, value }),
  uri: (value: string): IppRequestValue => ({ kind: 'string', tag: valueTags.uri, value }),
  charset: (value: string): IppRequestValue => ({ kind: 'string', tag: valueTags.charset, value }),
  naturalLanguage: (value: string): IppRequestValue => ({ kind: 'string', tag: valueTags.naturalLanguage, value }),
  name: (value: string): IppRequestValue => ({ kind: 'string', tag: valueTags.nameWithoutLanguage, value }),
  text: (value: string): IppRequestValue => ({ kind: 'string', tag: valueTags.textWithoutLanguage, value }),
  mimeMediaType: (value: string): IppRequestValue => ({ kind: 'string', tag: valueTags.mimeMediaType, value }),
} as const;

/** RFC 8010 §3.1.5: names and values carry a SIGNED-SHORT length. */
const MAX_FIELD_BYTES = 0x7fff;

/**
 * Encodes a request with IPP version 1.1. Throws a RangeError only on a programming mistake (an
 * empty attribute, a field longer than IPP allows): every value we send is our own.
 */
export function encodeRequest(request: IppRequest): Uint8Array {
  const parts: Uint8Array[] = [];
  const header = new DataView(new ArrayBuffer(8));
  header.setUint8(0, 1);
  header.setUint8(1, 1);
  header.setUint16(2, request.operation);
  header.setUint32(4, request.requestId);
  parts.push(new Uint8Array(header.buffer));
  for (const group of request.groups) {
    parts.push(Uint8Array.of(group.tag));
    for (const attribute of group.attributes) {
      if (attribute.values.length === 0) throw new RangeError(`IPP attribute ${attribute.name} has no value`);
      attribute.values.forEach((value, index) => {
        parts.push(encodeField(value.tag, index === 0 ? attribute.name : '', valueBytes(value)));
      });
    }
  }
  parts.push(Uint8Array.of(groupTags.endOfAttributes));
  if (request.data !== undefined) parts.push(request.data);
  return concat(parts);
}

function encodeField(tag: number, name: string, value: Uint8Array): Uint8Array {
  const nameBytes = new TextEncoder().encode(name);
  if (nameBytes.length > MAX_FIELD_BYTES || value.length > MAX_FIELD_BYTES) {
    throw new RangeError(`IPP attribute ${name} is too long`);
  }
  const out = new Uint8Array(1 + 2 + nameBytes.length + 2 + value.length);
  const view = new DataView(out.buffer);
  view.setUint8(0, tag);
  view.setUint16(1, nameBytes.length);
  out.set(nameBytes, 3);
  view.setUint16(3 + nameBytes.length, value.length);
  out.set(value, 5 + nameBytes.length);
  return out;
}

function valueBytes(value: IppRequestValue): Uint8Array {
  switch (value.kind) {
    case 'integer': {
      const view = new DataView(new ArrayBuffer(4));
      view.setInt32(0, value.value);
      return new Uint8Array(view.buffer);
    }
    case 'boolean':
      return Uint8Array.of(value.value ? 1 : 0);
    case 'string':
      return new TextEncoder().encode(value.value);
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export type DecodeResult =
  { readonly ok: true; readonly response: IppResponse } | { readonly ok: false; readonly reason: string };

/** Decodes a response; a malformed one is an answer with the reason, never an exception. */
export function decodeResponse(bytes: Uint8Array): DecodeResult {
  try {
    return { ok: true, response: new Reader(bytes).response() };
  } catch (error) {
    if (error instanceof MalformedIpp) return { ok: false, reason: error.message };
    throw error;
  }
}

class MalformedIpp extends Error {}

/** One field as on the wire: value-tag, name (empty for an additional value) and value bytes. */
interface Field {
  readonly tag: number;
  readonly name: string;
  readonly value: Uint8Array;
}

class Reader {
  private at = 0;
  private readonly view: DataView;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: false });

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  response(): IppResponse {
    const version = [this.u8(), this.u8()] as const;
    const statusCode = this.u16();
    const requestId = this.view.getUint32(this.need(4));
    const groups: IppGroup[] = [];
    let current: { tag: number; attributes: IppAttribute[] } | null = null;
    for (;;) {
      const tag = this.peek();
      if (tag === groupTags.endOfAttributes) break;
      if (tag < 0x10) {
        this.at += 1;
        current = { tag, attributes: [] };
        groups.push(current);
        continue;
      }
      if (current === null) throw new MalformedIpp(`value tag 0x${hex(tag)} before any attribute group`);
      const field = this.field();
      const value = this.value(field);
      if (field.name === '') {
        const last = current.attributes.pop();
        if (last === undefined) throw new MalformedIpp('an additional value with no attribute before it');
        current.attributes.push({ name: last.name, values: [...last.values, value] });
      } else {
        current.attributes.push({ name: field.name, values: [value] });
      }
    }
    return { version, statusCode, requestId, groups };
  }

  private field(): Field {
    let tag = this.u8();
    const name = this.utf8.decode(this.take(this.u16()));
    let value = this.take(this.u16());
    if (tag === valueTags.extension) {
      // RFC 8010 §3.5.2: the real tag is the value's first four bytes.
      if (value.length < 4) throw new MalformedIpp('an extension tag without its 4-byte tag');
      tag = new DataView(value.buffer, value.byteOffset, 4).getUint32(0);
      value = value.subarray(4);
    }
    return { tag, name, value };
  }

  private value(field: Field): IppValue {
    const { tag, value } = field;
    if (tag === valueTags.begCollection) return { kind: 'collection', tag, members: this.collectionMembers() };
    if (tag >= 0x10 && tag <= 0x1f) return { kind: 'out-of-band', tag };
    if (tag === valueTags.integer || tag === valueTags.enum) {
      if (value.length !== 4) throw new MalformedIpp(`integer ${field.name} of ${String(value.length)} bytes`);
      return { kind: 'integer', tag, value: new DataView(value.buffer, value.byteOffset, 4).getInt32(0) };
    }
    if (tag === valueTags.boolean) {
      if (value.length !== 1) throw new MalformedIpp(`boolean ${field.name} of ${String(value.length)} bytes`);
      return { kind: 'boolean', tag, value: value[0] !== 0 };
    }
    if (tag === valueTags.textWithLanguage || tag === valueTags.nameWithLanguage) {
      const inner = new Reader(value);
      const language = inner.utf8.decode(inner.take(inner.u16()));
      return { kind: 'string-with-language', tag, language, value: inner.utf8.decode(inner.take(inner.u16())) };
    }
    if (tag >= 0x40 && tag <= 0x5f) return { kind: 'string', tag, value: this.utf8.decode(value) };
    return { kind: 'octets', tag, value: value.slice() };
  }

  /** RFC 8010 §3.1.6: memberAttrName fields, each followed by its value(s), up to endCollection. */
  private collectionMembers(): IppAttribute[] {
    const members: IppAttribute[] = [];
    for (;;) {
      const field = this.field();
      if (field.tag === valueTags.endCollection) return members;
      if (field.tag === valueTags.memberAttrName) {
        const name = this.utf8.decode(field.value);
        const first = this.field();
        members.push({ name, values: [this.value(first)] });
        continue;
      }
      const last = members.pop();
      if (last === undefined) throw new MalformedIpp('a collection value with no member name');
      members.push({ name: last.name, values: [...last.values, this.value(field)] });
    }
  }

  private need(length: number): number {
    if (this.at + length > this.bytes.length) {
      throw new MalformedIpp(`the message ends at byte ${String(this.bytes.length)}, inside a field`);
    }
    const start = this.at;
    this.at += length;
    return start;
  }

  private peek(): number {
    if (this.at >= this.bytes.length) throw new MalformedIpp('the message ends before end-of-attributes');
    return this.bytes[this.at] ?? 0;
  }

  private u8(): number {
    return this.view.getUint8(this.need(1));
  }

  private u16(): number {
    return this.view.getUint16(this.need(2));
  }

  private take(length: number): Uint8Array {
    const start = this.need(length);
    return this.bytes.subarray(start, start + length);
  }
}

function hex(n: number): string {
  return n.toString(16).padStart(2, '0');
}
