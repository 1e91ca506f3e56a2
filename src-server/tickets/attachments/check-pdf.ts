import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, type PDFObject } from 'pdf-lib';
import { err, ok, type Result } from '../../../src-shared/api/result';
import { decodeName, inflatedBytes, scanRawNames } from './pdf-raw-scan';

/**
 * PDF names that make a document do something when opened or carry other files, refused wherever
 * they appear (docs/ticket-attachments.md): scripts (`/JavaScript`, `/JS`), actions that start
 * programs or open embedded documents (`/Launch`, `/GoToE`), files inside the PDF
 * (`/EmbeddedFile`, `/EmbeddedFiles`, `/EF`, `/FileAttachment` annotations), Flash and other media
 * players (`/RichMedia`) and XFA forms, which carry scripts of their own. Links (`/URI`) and plain
 * forms stay: a citizen's bank statement has both, and a support agent opens attachments in a
 * browser's viewer, which follows neither by itself.
 */
export const activeNames: ReadonlySet<string> = new Set([
  'JavaScript',
  'JS',
  'Launch',
  'GoToE',
  'EmbeddedFile',
  'EmbeddedFiles',
  'EF',
  'FileAttachment',
  'RichMedia',
  'XFA',
]);

/** Filters whose expansion pdf-raw-scan.ts cannot count (and no citizen's PDF needs). */
const uncountedFilters = ['LZWDecode', 'RunLengthDecode'];

/**
 * Whether a PDF may be stored as a ticket attachment. It is stored as sent (its pages untouched,
 * a signature on it still valid), so it must be a PDF through and through:
 * 1. `%PDF-1.x` or `%PDF-2.x` at its first byte, and `%%EOF` as its last word (a cut-off upload
 *    ends elsewhere);
 * 2. no active content's name in its bytes as written, no filter whose output cannot be counted,
 *    and no more than `inflateBudget` bytes in all its deflated streams (pdf-raw-scan.ts);
 * 3. it is not encrypted (a password-protected PDF cannot be checked, nor read by support without
 *    the password), and pdf-lib loads it with every object valid;
 * 4. no active content's name in any object pdf-lib parsed, those inside compressed object
 *    streams included (where step 2 cannot see), and at least one page.
 */
export async function checkPdf(
  bytes: Buffer,
  name: string,
  inflateBudget: number,
): Promise<Result<{ readonly pages: number }>> {
  const broken = err(
    'validation',
    `«${name}» no es un PDF válido o está incompleto. Guárdelo de nuevo como PDF y adjúntelo otra vez.`,
    'attachments',
  );
  const active = err(
    'validation',
    `«${name}» contiene contenido activo (JavaScript, archivos incrustados o acciones que abren programas), que no ` +
      'se acepta por seguridad. Imprímalo como PDF (Imprimir → Guardar como PDF) y adjunte esa copia.',
    'attachments',
  );
  const unusual = err(
    'validation',
    `«${name}» usa una compresión que no se acepta. Imprímalo como PDF (Imprimir → Guardar como PDF) y adjunte esa copia.`,
    'attachments',
  );

  if (!/^%PDF-[12]\.\d/.test(bytes.subarray(0, 8).toString('latin1'))) return broken;
  // eslint-disable-next-line no-control-regex -- NUL is PDF whitespace
  if (!/%%EOF[\x00\t\n\f\r ]*$/.test(bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1'))) {
    return broken;
  }

  const raw = scanRawNames(bytes);
  if ([...activeNames].some((activeName) => raw.names.has(activeName))) return active;
  if (raw.unusualFilter || uncountedFilters.some((filter) => raw.names.has(filter))) return unusual;
  if ((await inflatedBytes(bytes, inflateBudget)) > inflateBudget) return unusual;

  // The trailer (or the cross-reference stream's dictionary, never compressed) names the
  // security handler. pdf-lib would refuse too, but with an error class that does not survive
  // its ES5 build (`instanceof` fails), and only after trying to inflate encrypted streams.
  if (raw.names.has('Encrypt')) {
    return err(
      'validation',
      `«${name}» está protegido con contraseña o cifrado. Guarde una copia sin protección (Imprimir → Guardar como ` +
        'PDF) y adjúntela.',
      'attachments',
    );
  }

  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { throwOnInvalidObject: true, updateMetadata: false });
  } catch {
    return broken;
  }
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (holdsActiveName(object)) return active;
  }
  let pages: number;
  try {
    pages = document.getPageCount();
  } catch {
    return broken;
  }
  return pages > 0 ? ok({ pages }) : broken;
}

/** Every name in an object, keys and values, nested dictionaries and arrays, a stream's dictionary. */
function holdsActiveName(root: PDFObject): boolean {
  const pending: PDFObject[] = [root];
  for (let object = pending.pop(); object !== undefined; object = pending.pop()) {
    if (object instanceof PDFName) {
      // pdf-lib decodes `#xx` with upper-case hex digits only; a reader also takes `/#4aS` for `/JS`.
      if (activeNames.has(decodeName(object.decodeText()))) return true;
    } else if (object instanceof PDFDict) {
      for (const [key, value] of object.entries()) pending.push(key, value);
    } else if (object instanceof PDFArray) {
      pending.push(...object.asArray());
    } else if (object instanceof PDFStream) {
      pending.push(object.dict);
    }
  }
  return false;
}
