import { err, ok, type Result } from '../api/result';
import { isValidGln } from './gs1-check-digit';
import { GS, isIsoDate, type PaymentBarcodeConfig } from './gs1-128';
import type { Pesos } from './money';

/**
 * Reads a bill's payment barcode as a USB scanner types it at the cashier (keyboard wedge),
 * per docs/domain/gs1-128-recaudo.md, "Reading a scan at the counter":
 *
 * 1. A GS1-aware scanner may send `]C1` (symbology identifier) first and ASCII GS for each
 *    separator FNC1: the string is cut at the GS characters and each AI read in turn.
 * 2. Many wedge scanners drop GS: the string is then read by position with the convenio's fixed
 *    lengths, checking that each AI literal sits where it should.
 * 3. A cashier may also type the human-readable line from a damaged bill, with parentheses.
 *
 * Every barcode we print has the convenio's lengths, so a reference or an amount of another
 * length is refused rather than guessed at.
 */

export interface ScannedPayment {
  readonly gln: string;
  /** As printed: zero-padded to the convenio's length. */
  readonly reference: string;
  readonly amountPesos: Pesos;
  /** `YYYY-MM-DD`. */
  readonly dueOn: string;
}

type Fields = Readonly<Record<string, string>>;

const notOurs = 'Este código de barras no es de una factura de esta entidad.';
const unreadable = 'No se pudo leer el código de barras de la factura. Vuelva a escanearlo o digite el código interno.';

export function parseScannedPayment(scan: string, config: PaymentBarcodeConfig): Result<ScannedPayment> {
  const text = stripPrefix(scan);
  if (text.includes('(')) return checkFields(readHri(text), config);
  if (!text.includes(GS)) return checkFields(readFixed(text, config), config);
  // Some scanners keep one GS and drop another: then the positions still tell.
  const delimited = checkFields(readDelimited(text), config);
  if (delimited.ok) return delimited;
  const positional = checkFields(readFixed(text.replaceAll(GS, ''), config), config);
  return positional.ok ? positional : delimited;
}

/** Line ends from the scanner's Enter, the `]C1` identifier, a leading FNC1 sent as GS. */
function stripPrefix(scan: string): string {
  let text = scan.replace(/[\r\n]+$/, '').trim();
  if (text.startsWith(']C1')) text = text.slice(3);
  while (text.startsWith(GS)) text = text.slice(1);
  return text;
}

/** `(415)…(8020)…(3900)…(96)…`, as printed under the bars. */
function readHri(text: string): Fields | null {
  const compact = text.replace(/\s+/g, '');
  if (!/^(\(\d{2,4}\)[^()]+)+$/.test(compact)) return null;
  const fields: Record<string, string> = {};
  for (const match of compact.matchAll(/\((\d{2,4})\)([^()]+)/g)) {
    const [, ai, value] = match;
    if (ai === undefined || value === undefined || ai in fields) return null;
    fields[ai] = value;
  }
  return fields;
}

/** AI literals we accept, the fixed-length one first. Longest literals first within a family. */
const knownAis: readonly { ai: RegExp; fixed?: number }[] = [
  { ai: /^415/, fixed: 13 },
  { ai: /^8020/ },
  { ai: /^390[0-9]/ },
  { ai: /^96/ },
];

/** AIs in turn: a fixed-length value by its length, a variable one up to the next GS. */
function readDelimited(text: string): Fields | null {
  const fields: Record<string, string> = {};
  let pos = 0;
  while (pos < text.length) {
    const rest = text.slice(pos);
    const known = knownAis.find((k) => k.ai.test(rest));
    const ai = known ? known.ai.exec(rest)?.[0] : undefined;
    if (!known || ai === undefined || ai in fields) return null;
    const start = pos + ai.length;
    let end: number;
    if (known.fixed !== undefined) {
      end = start + known.fixed;
      if (end > text.length) return null;
    } else {
      const gs = text.indexOf(GS, start);
      end = gs === -1 ? text.length : gs;
    }
    fields[ai] = text.slice(start, end);
    pos = text[end] === GS ? end + 1 : end;
  }
  return fields;
}

/** No separators: the convenio's lengths say where each AI starts. */
function readFixed(text: string, config: PaymentBarcodeConfig): Fields | null {
  const layout = [
    { ai: '415', length: 13 },
    { ai: '8020', length: config.referenceLength },
    { ai: config.amountAi, length: config.amountLength },
    { ai: '96', length: 8 },
  ];
  const expected = layout.reduce((sum, part) => sum + part.ai.length + part.length, 0);
  if (text.length !== expected) return null;
  const fields: Record<string, string> = {};
  let pos = 0;
  for (const part of layout) {
    if (text.slice(pos, pos + part.ai.length) !== part.ai) return null;
    pos += part.ai.length;
    fields[part.ai] = text.slice(pos, pos + part.length);
    pos += part.length;
  }
  return fields;
}

function checkFields(fields: Fields | null, config: PaymentBarcodeConfig): Result<ScannedPayment> {
  if (fields === null) return err('validation', unreadable);
  const gln = fields['415'];
  const reference = fields['8020'];
  const amount = fields[config.amountAi];
  const due = fields['96'];
  const extra = Object.keys(fields).filter((ai) => !['415', '8020', config.amountAi, '96'].includes(ai));
  if (gln === undefined || reference === undefined || due === undefined) return err('validation', unreadable);
  if (!isValidGln(gln)) return err('validation', unreadable);
  if (gln !== config.gln) return err('validation', notOurs);
  if (amount === undefined || extra.length > 0) return err('validation', notOurs);
  if (!/^\d+$/.test(reference) || reference.length !== config.referenceLength) return err('validation', unreadable);
  if (!/^\d+$/.test(amount) || amount.length !== config.amountLength) return err('validation', unreadable);
  const dueOn = /^\d{8}$/.test(due) ? `${due.slice(0, 4)}-${due.slice(4, 6)}-${due.slice(6, 8)}` : '';
  if (!isIsoDate(dueOn)) return err('validation', unreadable);

  const raw = Number.parseInt(amount, 10);
  if (config.amountAi === '3902' && raw % 100 !== 0) {
    return err('validation', 'El valor del código de barras tiene centavos: no es de una factura de esta entidad.');
  }
  const amountPesos = config.amountAi === '3902' ? raw / 100 : raw;
  if (!Number.isSafeInteger(amountPesos)) return err('validation', unreadable);
  return ok({ gln, reference, amountPesos, dueOn });
}
