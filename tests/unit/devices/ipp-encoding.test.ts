import { describe, expect, it } from 'vitest';
import {
  decodeResponse,
  encodeRequest,
  groupTags,
  ippValue,
  valueTags,
  type IppResponse,
} from '../../../src-main/devices/dispenser/ipp/ipp-encoding';
import { httpUrlOf } from '../../../src-main/devices/dispenser/ipp/ipp-client';
import {
  booleanOf,
  findAttribute,
  integerOf,
  stringsOf,
  statusMessageOf,
} from '../../../src-main/devices/dispenser/ipp/ipp-vocabulary';
import { dispenserPrinterUri } from '../../../src-main/devices/dispenser/ipp/create-cups-dispenser';

/** Bytes written out by hand from RFC 8010 §3: one field is tag, name-length, name, value-length, value. */
const ascii = (text: string): number[] => [...Buffer.from(text, 'utf8')];
const u16 = (n: number): number[] => [(n >> 8) & 0xff, n & 0xff];
const u32 = (n: number): number[] => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const field = (tag: number, name: string, value: number[]): number[] => [
  tag,
  ...u16(ascii(name).length),
  ...ascii(name),
  ...u16(value.length),
  ...value,
];

describe('IPP request encoding (RFC 8010 §3)', () => {
  it('encodes Get-Printer-Attributes byte for byte: header, operation group, 1setOf keywords, end tag', () => {
    const bytes = encodeRequest({
      operation: 0x000b,
      requestId: 7,
      groups: [
        {
          tag: groupTags.operation,
          attributes: [
            { name: 'attributes-charset', values: [ippValue.charset('utf-8')] },
            { name: 'attributes-natural-language', values: [ippValue.naturalLanguage('es-co')] },
            { name: 'printer-uri', values: [ippValue.uri('ipp://127.0.0.1:631/printers/d')] },
            {
              name: 'requested-attributes',
              values: [ippValue.keyword('printer-state'), ippValue.keyword('printer-state-reasons')],
            },
          ],
        },
      ],
    });
    expect([...bytes]).toEqual([
      0x01,
      0x01, // version 1.1
      0x00,
      0x0b, // Get-Printer-Attributes
      ...u32(7),
      0x01, // operation-attributes-tag
      ...field(0x47, 'attributes-charset', ascii('utf-8')),
      ...field(0x48, 'attributes-natural-language', ascii('es-co')),
      ...field(0x45, 'printer-uri', ascii('ipp://127.0.0.1:631/printers/d')),
      ...field(0x44, 'requested-attributes', ascii('printer-state')),
      ...field(0x44, '', ascii('printer-state-reasons')), // an additional value: name-length 0
      0x03, // end-of-attributes-tag
    ]);
  });

  it('encodes integers as 4-byte two’s complement, booleans as one byte, and puts the document after the end tag', () => {
    const pdf = Uint8Array.from(ascii('%PDF-1.7'));
    const bytes = encodeRequest({
      operation: 0x0002,
      requestId: 0x01020304,
      groups: [
        {
          tag: groupTags.operation,
          attributes: [
            { name: 'job-id', values: [ippValue.integer(-2)] },
            { name: 'x', values: [ippValue.enum(9), ippValue.boolean(true)] },
            { name: 'job-name', values: [ippValue.name('Certificado ñ')] },
          ],
        },
      ],
      data: pdf,
    });
    expect([...bytes]).toEqual([
      0x01,
      0x01,
      0x00,
      0x02,
      0x01,
      0x02,
      0x03,
      0x04,
      0x01,
      ...field(0x21, 'job-id', [0xff, 0xff, 0xff, 0xfe]),
      ...field(0x23, 'x', u32(9)),
      ...field(0x22, '', [0x01]),
      ...field(0x42, 'job-name', ascii('Certificado ñ')),
      0x03,
      ...pdf,
    ]);
  });

  it('refuses an attribute without a value or longer than IPP allows (a programming mistake, not data)', () => {
    const request = (values: ReturnType<typeof ippValue.text>[]) => ({
      operation: 2,
      requestId: 1,
      groups: [{ tag: groupTags.operation, attributes: [{ name: 'job-name', values }] }],
    });
    expect(() => encodeRequest(request([]))).toThrow(RangeError);
    expect(() => encodeRequest(request([ippValue.text('x'.repeat(0x8000))]))).toThrow(RangeError);
  });
});

/** A Get-Printer-Attributes answer as CUPS 2.4 shapes it, with the syntaxes a printer may add. */
const printerAnswer = [
  0x01,
  0x01, // version
  0x00,
  0x00, // successful-ok
  ...u32(7),
  0x01,
  ...field(0x47, 'attributes-charset', ascii('utf-8')),
  ...field(0x48, 'attributes-natural-language', ascii('es-co')),
  0x04, // printer-attributes-tag
  ...field(0x23, 'printer-state', u32(5)),
  ...field(0x44, 'printer-state-reasons', ascii('media-empty-error')),
  ...field(0x44, '', ascii('media-jam-error')),
  ...field(0x22, 'printer-is-accepting-jobs', [0x00]),
  // textWithLanguage: its own two lengths inside the value.
  ...field(0x35, 'printer-state-message', [...u16(5), ...ascii('es-co'), ...u16(13), ...ascii('Sin papel ñ.')]),
  ...field(0x31, 'printer-state-change-date-time', [0x07, 0xea, 12, 3, 20, 30, 0, 0, 0x2b, 0, 0]),
  // media-col-default = { media-size = { x-dimension = 21590 }, media-type = "stationery" }
  ...field(0x34, 'media-col-default', []),
  ...field(0x4a, '', ascii('media-size')),
  ...field(0x34, '', []),
  ...field(0x4a, '', ascii('x-dimension')),
  ...field(0x21, '', u32(21590)),
  ...field(0x37, '', []),
  ...field(0x4a, '', ascii('media-type')),
  ...field(0x44, '', ascii('stationery')),
  ...field(0x37, '', []),
  ...field(0x13, 'printer-alert', []), // no-value
  // An extension tag: the real tag in the value's first four bytes (RFC 8010 §3.5.2).
  ...field(0x7f, 'vendor-thing', [...u32(0x40000001), ...ascii('z')]),
  ...field(0x21, 'queued-job-count', u32(2)),
  0x03,
];

describe('IPP response decoding', () => {
  it('reads a printer’s answer: enums, 1setOf keywords, booleans, text with language, collections, out-of-band', () => {
    const decoded = decodeResponse(Uint8Array.from(printerAnswer));
    if (!decoded.ok) throw new Error(decoded.reason);
    const answer: IppResponse = decoded.response;
    expect(answer).toMatchObject({ version: [1, 1], statusCode: 0, requestId: 7 });
    expect(answer.groups.map((group) => group.tag)).toEqual([groupTags.operation, groupTags.printer]);
    const printer = (name: string) => findAttribute(answer, groupTags.printer, name);
    expect(integerOf(printer('printer-state'))).toBe(5);
    expect(stringsOf(printer('printer-state-reasons'))).toEqual(['media-empty-error', 'media-jam-error']);
    expect(booleanOf(printer('printer-is-accepting-jobs'))).toBe(false);
    expect(printer('printer-state-message')?.values).toEqual([
      { kind: 'string-with-language', tag: valueTags.textWithLanguage, language: 'es-co', value: 'Sin papel ñ.' },
    ]);
    expect(printer('printer-state-change-date-time')?.values[0]).toMatchObject({ kind: 'octets', tag: 0x31 });
    expect(printer('media-col-default')?.values).toEqual([
      {
        kind: 'collection',
        tag: valueTags.begCollection,
        members: [
          {
            name: 'media-size',
            values: [
              {
                kind: 'collection',
                tag: valueTags.begCollection,
                members: [{ name: 'x-dimension', values: [{ kind: 'integer', tag: 0x21, value: 21590 }] }],
              },
            ],
          },
          { name: 'media-type', values: [{ kind: 'string', tag: 0x44, value: 'stationery' }] },
        ],
      },
    ]);
    expect(printer('printer-alert')?.values).toEqual([{ kind: 'out-of-band', tag: valueTags.noValue }]);
    // An unregistered tag: kept as bytes rather than guessed at.
    expect(printer('vendor-thing')?.values).toEqual([
      { kind: 'octets', tag: 0x40000001, value: Uint8Array.from(ascii('z')) },
    ]);
    // The attribute after the collection is read where it is: the collection did not swallow it.
    expect(integerOf(printer('queued-job-count'))).toBe(2);
  });

  it('a request read back as a message gives the same attributes (the two share one encoding)', () => {
    const bytes = encodeRequest({
      operation: 0x0009,
      requestId: 3,
      groups: [
        {
          tag: groupTags.operation,
          attributes: [
            { name: 'job-id', values: [ippValue.integer(42)] },
            {
              name: 'requested-attributes',
              values: [ippValue.keyword('job-state'), ippValue.keyword('job-state-reasons')],
            },
          ],
        },
      ],
    });
    const decoded = decodeResponse(bytes);
    if (!decoded.ok) throw new Error(decoded.reason);
    // The status-code field of a response holds the operation-id in a request.
    expect(decoded.response.statusCode).toBe(0x0009);
    expect(integerOf(findAttribute(decoded.response, groupTags.operation, 'job-id'))).toBe(42);
    expect(stringsOf(findAttribute(decoded.response, groupTags.operation, 'requested-attributes'))).toEqual([
      'job-state',
      'job-state-reasons',
    ]);
  });

  it('reads the status-message of a refusal', () => {
    const bytes = Uint8Array.from([
      0x01,
      0x01,
      0x04,
      0x06,
      ...u32(1),
      0x01,
      ...field(0x41, 'status-message', ascii('The printer or class does not exist.')),
      0x03,
    ]);
    const decoded = decodeResponse(bytes);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.response.statusCode).toBe(0x0406);
    expect(statusMessageOf(decoded.response)).toBe('The printer or class does not exist.');
  });

  it('every truncation of a valid answer is a refusal with its reason, never an exception', () => {
    for (let length = 0; length < printerAnswer.length; length += 1) {
      const decoded = decodeResponse(Uint8Array.from(printerAnswer.slice(0, length)));
      expect(decoded.ok, `cut at ${String(length)} bytes`).toBe(false);
    }
  });

  it('refuses values outside a group, additional values with nothing before them, and integers of the wrong size', () => {
    const header = [0x01, 0x01, 0x00, 0x00, ...u32(1)];
    const cases: [number[], RegExp][] = [
      [[...header, ...field(0x21, 'x', u32(1)), 0x03], /before any attribute group/],
      [[...header, 0x04, ...field(0x44, '', ascii('x')), 0x03], /additional value/],
      [[...header, 0x04, ...field(0x21, 'x', [1, 2]), 0x03], /integer x of 2 bytes/],
      [[...header, 0x04, ...field(0x22, 'x', [1, 2]), 0x03], /boolean x of 2 bytes/],
      [[...header, 0x04, ...field(0x4a, '', ascii('m')), 0x03], /additional value/],
      [[...header, 0x04, ...field(0x34, 'c', []), ...field(0x44, '', ascii('v')), 0x03], /no member name/],
      [[...header, 0x04, ...field(0x7f, 'x', [0, 0]), 0x03], /extension tag/],
    ];
    for (const [bytes, reason] of cases) {
      const decoded = decodeResponse(Uint8Array.from(bytes));
      expect(decoded.ok).toBe(false);
      if (!decoded.ok) expect(decoded.reason).toMatch(reason);
    }
  });
});

describe('where the dispenser posts', () => {
  it('ipp is HTTP on port 631 and ipps HTTPS on 631; an explicit port stays; other schemes are refused', () => {
    expect(httpUrlOf('ipp://127.0.0.1/printers/d')?.href).toBe('http://127.0.0.1:631/printers/d');
    expect(httpUrlOf('ipps://cups.example/printers/d')?.href).toBe('https://cups.example:631/printers/d');
    expect(httpUrlOf('ipp://127.0.0.1:8631/printers/d')?.href).toBe('http://127.0.0.1:8631/printers/d');
    expect(httpUrlOf('http://127.0.0.1:631/printers/d')?.href).toBe('http://127.0.0.1:631/printers/d');
    expect(httpUrlOf('lpd://127.0.0.1/queue')).toBeNull();
    expect(httpUrlOf('ventanilla-dispensador')).toBeNull();
  });

  it('a queue name is the local scheduler’s /printers/<name>; a URI is kept; a name CUPS could not have is refused', () => {
    expect(dispenserPrinterUri('ventanilla-dispensador')).toBe('ipp://127.0.0.1:631/printers/ventanilla-dispensador');
    expect(dispenserPrinterUri(' ipp://10.0.0.5:631/printers/cert ')).toBe('ipp://10.0.0.5:631/printers/cert');
    expect(dispenserPrinterUri('Dispensador_1')).toBe('ipp://127.0.0.1:631/printers/Dispensador_1');
    for (const bad of ['', 'dos palabras', 'a/b', 'a#b', 'x\u0007', 'x'.repeat(128)]) {
      expect(dispenserPrinterUri(bad), bad).toBeNull();
    }
  });
});
