import {
  recordLength,
  type AsobancariaDetail,
  type AsobancariaHeader,
  type AsobancariaLot,
  type AsobancariaParse,
} from './asobancaria-file';

/**
 * Reads an Asobancaria 2001 recaudos file (docs/bank-files.md). All or nothing: the first
 * malformed record, a record out of order or a control total that does not match refuses the
 * whole file with its line number, so a bank's damaged file never applies half of its payments.
 *
 * Lines end in CRLF or LF; the final newline is optional; the last record may be shorter than 162
 * characters (it is padded with spaces, as real files require). Amounts are compared in centavos
 * with BigInt: a control total has 18 digits, beyond a double's exact range.
 */
export function parseAsobancaria(text: string): AsobancariaParse {
  try {
    return { ok: true, file: readFile(text) };
  } catch (error) {
    if (error instanceof Rejected) return { ok: false, rejection: { line: error.line, message: error.message } };
    throw error;
  }
}

class Rejected extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const recordNames: Record<string, string> = {
  '01': 'encabezado de archivo (01)',
  '05': 'encabezado de lote (05)',
  '06': 'detalle (06)',
  '08': 'control de lote (08)',
  '09': 'control de archivo (09)',
};

/** What may follow each record type (`start` is before the first line). */
const next: Record<string, readonly string[]> = {
  start: ['01'],
  '01': ['05'],
  '05': ['06'],
  '06': ['06', '08'],
  '08': ['05', '09'],
  '09': [],
};

function readFile(text: string) {
  // A byte-order mark some Windows tools put first is not part of the first record.
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  // The final newline (or a few blank lines after the 09) leaves empty strings at the end.
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  if (lines.length === 0) throw new Rejected(1, 'El archivo está vacío: no tiene registros Asobancaria.');

  let header: AsobancariaHeader | null = null;
  const lots: AsobancariaLot[] = [];
  const details: AsobancariaDetail[] = [];
  let previous = 'start';
  let lot: { lot: AsobancariaLot; count: number; cents: bigint } | null = null;
  let fileCount = 0;
  let fileCents = 0n;
  let sawControl = false;

  for (let i = 0; i < lines.length; i += 1) {
    const number = i + 1;
    const record = fixedWidth(lines[i] ?? '', number, i === lines.length - 1);
    const type = record.slice(0, 2);
    const allowed = next[previous] ?? [];
    if (recordNames[type] === undefined)
      throw new Rejected(
        number,
        `Línea ${number}: tipo de registro «${type}» desconocido (se esperaba ${expected(allowed)}).`,
      );
    if (!allowed.includes(type)) {
      throw new Rejected(
        number,
        previous === '09'
          ? `Línea ${number}: hay registros después del control de archivo (09).`
          : `Línea ${number}: registro de ${recordNames[type]} fuera de orden; se esperaba ${expected(allowed)}.`,
      );
    }
    const f = new Fields(record, number);
    switch (type) {
      case '01':
        header = {
          billerNit: f.digits(2, 10, 'NIT de la empresa'),
          collectedOn: f.date(12, 'fecha de recaudo'),
          bankCode: f.digits(20, 3, 'código de la entidad recaudadora'),
          account: f.digits(23, 17, 'número de cuenta'),
          fileDate: f.date(40, 'fecha del archivo'),
          fileTime: f.time(48, 'hora de grabación'),
          modifier: f.code(52, 1, 'modificador de archivo'),
          accountType: f.digits(53, 2, 'tipo de cuenta'),
        };
        break;
      case '05': {
        const opened: AsobancariaLot = {
          serviceCode: f.code(2, 13, 'código del servicio recaudado'),
          lotNumber: f.digits(15, 4, 'número de lote'),
          line: number,
        };
        if (lots.some((l) => l.lotNumber === opened.lotNumber))
          throw new Rejected(number, `Línea ${number}: el lote ${opened.lotNumber} aparece dos veces en el archivo.`);
        lots.push(opened);
        lot = { lot: opened, count: 0, cents: 0n };
        break;
      }
      case '06': {
        const detail = readDetail(f, record, number, lot?.lot.lotNumber ?? '');
        details.push(detail);
        if (lot !== null) {
          lot.count += 1;
          lot.cents += BigInt(detail.amount) * 100n + BigInt(detail.cents);
        }
        break;
      }
      case '08': {
        const count = f.count(2, 9, 'total de registros del lote');
        const cents = f.cents(11, 18, 'valor total del lote');
        const lotNumber = f.digits(29, 4, 'número de lote');
        if (lot === null) throw new Rejected(number, `Línea ${number}: control de lote sin su encabezado.`);
        if (lotNumber !== lot.lot.lotNumber)
          throw new Rejected(
            number,
            `Línea ${number}: el control de lote dice lote ${lotNumber}, pero el lote abierto en la línea ${lot.lot.line} es el ${lot.lot.lotNumber}.`,
          );
        if (count !== lot.count)
          throw new Rejected(
            number,
            `Línea ${number}: el control del lote ${lotNumber} dice ${count} registros, pero el lote tiene ${lot.count}.`,
          );
        if (cents !== lot.cents)
          throw new Rejected(
            number,
            `Línea ${number}: el control del lote ${lotNumber} dice un total de ${pesosText(cents)}, pero sus registros suman ${pesosText(lot.cents)}.`,
          );
        fileCount += lot.count;
        fileCents += lot.cents;
        lot = null;
        break;
      }
      case '09': {
        const count = f.count(2, 9, 'total de registros del archivo');
        const cents = f.cents(11, 18, 'valor total del archivo');
        if (count !== fileCount)
          throw new Rejected(
            number,
            `Línea ${number}: el control de archivo dice ${count} registros, pero el archivo tiene ${fileCount}.`,
          );
        if (cents !== fileCents)
          throw new Rejected(
            number,
            `Línea ${number}: el control de archivo dice un total de ${pesosText(cents)}, pero los registros suman ${pesosText(fileCents)}.`,
          );
        sawControl = true;
        break;
      }
    }
    previous = type;
  }
  if (!sawControl || header === null) {
    const last = lines.length;
    throw new Rejected(
      last,
      `Línea ${last}: el archivo termina sin su control de archivo (09); se esperaba ${expected(next[previous] ?? [])}. ¿Llegó incompleto?`,
    );
  }
  const totalAmount = details.reduce((sum, d) => sum + d.amount, 0);
  return { header, lots, details, totalAmount };
}

function readDetail(f: Fields, record: string, line: number, lotNumber: string): AsobancariaDetail {
  // Zero-filled on the left as the standard says; a bank that aligns it left with spaces is read the same.
  const referenceField = f.code(2, 48, 'referencia del usuario').trim();
  if (!/^[0-9A-Za-z]+$/.test(referenceField))
    throw new Rejected(line, `Línea ${line}: la referencia del usuario «${referenceField}» no es válida.`);
  const value = f.digits(50, 14, 'valor recaudado');
  return {
    reference: referenceField.replace(/^0+/, '') || '0',
    amount: Number(value.slice(0, 12)),
    cents: Number(value.slice(12)),
    origin: f.digits(64, 2, 'procedencia de pago'),
    medium: f.digits(66, 2, 'medio de pago'),
    operation: f.optionalDigits(68, 6, 'número de operación'),
    authorization: f.optionalDigits(74, 6, 'número de autorización'),
    debitedBank: f.optionalDigits(80, 3, 'entidad financiera debitada'),
    office: f.digits(83, 4, 'código de sucursal'),
    sequence: f.digits(87, 7, 'secuencia'),
    returnCause: record.slice(94, 97).trim(),
    lotNumber,
    raw: record,
    line,
  };
}

function fixedWidth(line: string, number: number, isLast: boolean): string {
  if (line.length === recordLength) return line;
  if (line.length > recordLength)
    throw new Rejected(
      number,
      `Línea ${number}: tiene ${line.length} caracteres; cada registro tiene ${recordLength}.`,
    );
  // Only the last record may come short (a real bank truncates its 09): anything else is a damaged file.
  if (!isLast)
    throw new Rejected(
      number,
      `Línea ${number}: tiene ${line.length} caracteres; cada registro tiene ${recordLength} (solo el último puede venir más corto).`,
    );
  return line.padEnd(recordLength, ' ');
}

/** Reads one record's fields by 0-based offset, refusing the line with the field's name. */
class Fields {
  constructor(
    private readonly record: string,
    private readonly line: number,
  ) {}

  private fail(what: string, value: string, expected: string): never {
    throw new Rejected(this.line, `Línea ${this.line}: ${what} «${value.trimEnd()}» no es válido (${expected}).`);
  }

  digits(offset: number, length: number, what: string): string {
    const value = this.record.slice(offset, offset + length);
    if (!/^[0-9]+$/.test(value) || value.length !== length) this.fail(what, value, `${length} dígitos`);
    return value;
  }

  /** Digits, or all spaces (some banks leave operation and authorization blank for cash). */
  optionalDigits(offset: number, length: number, what: string): string {
    const value = this.record.slice(offset, offset + length);
    if (value.trim() === '') return '';
    return this.digits(offset, length, what);
  }

  code(offset: number, length: number, what: string): string {
    const value = this.record.slice(offset, offset + length);
    if (value.trim() === '') this.fail(what, value, 'viene en blanco');
    return value;
  }

  count(offset: number, length: number, what: string): number {
    return Number(this.digits(offset, length, what));
  }

  cents(offset: number, length: number, what: string): bigint {
    return BigInt(this.digits(offset, length, what));
  }

  date(offset: number, what: string): string {
    const value = this.digits(offset, 8, what);
    const iso = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
    const parsed = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso)
      this.fail(what, value, 'una fecha AAAAMMDD');
    return iso;
  }

  time(offset: number, what: string): string {
    const value = this.digits(offset, 4, what);
    if (Number(value.slice(0, 2)) > 23 || Number(value.slice(2)) > 59) this.fail(what, value, 'una hora HHMM');
    return `${value.slice(0, 2)}:${value.slice(2)}`;
  }
}

function expected(types: readonly string[]): string {
  if (types.length === 0) return 'el fin del archivo';
  return types.map((t) => `un ${recordNames[t] ?? t}`).join(' o ');
}

/** `$ 1.490.400,00` from centavos, without the shared formatter (which takes whole pesos only). */
function pesosText(cents: bigint): string {
  const pesos = (cents / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `$ ${pesos},${(cents % 100n).toString().padStart(2, '0')}`;
}
