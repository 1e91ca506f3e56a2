import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream, PDFString, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { createServerLogger } from '../../src-server/logger';
import {
  defaultAttachmentLimits,
  TicketAttachments,
  type AttachmentConfig,
} from '../../src-server/tickets/attachments';
import { tempDir } from './temp-dir';

/**
 * Files a citizen's phone or computer could send as ticket attachments, made here with the same
 * libraries the server uses to read them (sharp, pdf-lib), plus the hostile ones: metadata that
 * gives away where a photo was taken, PDFs that run scripts, files that lie about their type.
 */

/** A temp folder with a TicketAttachments over it; `remove()` deletes both. */
export function attachmentsInTemp(
  prefix: string,
  limits: Partial<Omit<AttachmentConfig, 'dir'>> = {},
): { attachments: TicketAttachments; root: string; dir: string; remove(): void } {
  const temp = tempDir(prefix);
  const dir = `${temp.path}/attachments`;
  const attachments = new TicketAttachments(
    { ...defaultAttachmentLimits, ...limits, dir },
    createServerLogger('silent'),
  );
  return { attachments, root: temp.path, dir, remove: temp.remove };
}

/** Where the photo of the test was «taken»: Ibagué, Tolima (EXIF GPS, degrees/minutes/seconds). */
export const gpsSecret = { latitude: '4/1 26/1 20/1', longitude: '75/1 14/1 0/1' };
/** A string in each kind of metadata the photo carries, to look for in the stored bytes. */
export const cameraSecret = 'CamaraDeJuanPerez';
export const xmpSecret = 'AutorJuanPerezXmp';

/**
 * A 40 × 20 JPEG, left half red and right half blue, stored sideways: EXIF orientation 6 says
 * «turn 90° clockwise to show», so it shows 20 × 40 with red on top. It carries EXIF (camera
 * make, GPS position) and XMP.
 */
export async function sidewaysJpegWithGps(): Promise<Buffer> {
  const red = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#ff0000' } })
    .png()
    .toBuffer();
  return sharp({ create: { width: 40, height: 20, channels: 3, background: '#0000ff' } })
    .composite([{ input: red, left: 0, top: 0 }])
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: cameraSecret },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: gpsSecret.latitude,
        GPSLongitudeRef: 'W',
        GPSLongitude: gpsSecret.longitude,
      },
    })
    .withXmp(
      `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF ` +
        `xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">` +
        `<dc:creator>${xmpSecret}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`,
    )
    .toBuffer();
}

/** The GPS IFD pointer tag (0x8825) as TIFF writes it, in either byte order. */
export function hasGpsTag(bytes: Buffer): boolean {
  return bytes.includes(Buffer.from([0x88, 0x25])) || bytes.includes(Buffer.from([0x25, 0x88]));
}

/** The APP1 `Exif\0\0` header that starts a JPEG's EXIF block. */
export const hasExifBlock = (bytes: Buffer): boolean => bytes.includes(Buffer.from('Exif\0\0', 'latin1'));

/** A PNG with tEXt and iTXt chunks carrying personal data, inserted right after IHDR. */
export async function pngWithTextChunks(text: string): Promise<Buffer> {
  const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#00ff00' } })
    .png()
    .toBuffer();
  const ihdrEnd = 8 + 4 + 4 + 13 + 4;
  const chunks = [
    pngChunk('tEXt', Buffer.from(`Author\0${text}`, 'latin1')),
    pngChunk('iTXt', Buffer.concat([Buffer.from('Description\0\0\0\0\0', 'latin1'), Buffer.from(text, 'utf8')])),
  ];
  return Buffer.concat([png.subarray(0, ihdrEnd), ...chunks, png.subarray(ihdrEnd)]);
}

export function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** The chunk types in a PNG, in order. */
export function pngChunkTypes(png: Buffer): string[] {
  const types: string[] = [];
  for (let at = 8; at + 8 <= png.length;) {
    const length = png.readUInt32BE(at);
    types.push(png.subarray(at + 4, at + 8).toString('latin1'));
    at += 12 + length;
  }
  return types;
}

/** A one-page PDF with a line of text and a web link, as an office suite would save it. */
export async function plainPdf(
  options: { objectStreams?: boolean } = {},
): Promise<{ doc: PDFDocument; bytes(): Promise<Buffer> }> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([300, 200]);
  page.drawText('Factura de agua, periodo 2026-11', {
    x: 20,
    y: 150,
    size: 12,
    font: await doc.embedFont(StandardFonts.Helvetica),
  });
  const link = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: [20, 140, 200, 160],
    A: { S: 'URI', URI: PDFString.of('https://acueducto.example/pagos') },
  });
  page.node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(link)]));
  return {
    doc,
    bytes: async () => Buffer.from(await doc.save({ useObjectStreams: options.objectStreams ?? true })),
  };
}

/** A PDF whose catalog runs a script when opened (`/OpenAction` → `/S /JavaScript /JS (…)`). */
export async function pdfWithOpenActionScript(objectStreams: boolean): Promise<Buffer> {
  const pdf = await plainPdf({ objectStreams });
  const action = pdf.doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert("hola")') });
  pdf.doc.catalog.set(PDFName.of('OpenAction'), pdf.doc.context.register(action));
  return pdf.bytes();
}

/** A PDF with a stream that inflates to `inflated` bytes of zeros. */
export async function pdfWithDeflatedZeros(inflated: number): Promise<Buffer> {
  const pdf = await plainPdf({ objectStreams: false });
  const data = deflateSync(Buffer.alloc(inflated), { level: 9 });
  const stream = PDFRawStream.of(pdf.doc.context.obj({ Filter: 'FlateDecode', Length: data.length }), data);
  pdf.doc.catalog.set(PDFName.of('Zeros'), pdf.doc.context.register(stream));
  return pdf.bytes();
}

/** Files that are not what their name says, each named `factura.pdf` by whoever sends it. */
export const impostors: readonly { readonly what: string; readonly bytes: Buffer }[] = [
  { what: 'a Windows program', bytes: Buffer.concat([Buffer.from('MZ\x90\0\x03\0\0\0', 'latin1'), Buffer.alloc(200)]) },
  {
    what: 'an HTML page',
    bytes: Buffer.from('<!DOCTYPE html><html><body><script>fetch("/consola")</script></body></html>\n%PDF-1.7\n'),
  },
  {
    what: 'an SVG image with a script',
    bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'),
  },
  {
    what: 'a ZIP archive',
    bytes: Buffer.concat([
      Buffer.from('PK\x03\x04\x14\0\0\0\0\0', 'latin1'),
      Buffer.alloc(40),
      Buffer.from('PK\x05\x06'),
      Buffer.alloc(18),
    ]),
  },
  { what: 'a PDF header after a byte-order mark', bytes: Buffer.from('\uFEFF%PDF-1.7\n%%EOF\n') },
];
