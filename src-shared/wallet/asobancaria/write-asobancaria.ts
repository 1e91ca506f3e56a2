import { recordLength } from './asobancaria-file';

/** One payment to write into a file: the liquidación number (or any reference) and whole pesos. */
export interface AsobancariaPaymentInput {
  readonly reference: string | number;
  readonly amount: number;
  /** Sucursal, 4 digits (default `0001`). */
  readonly office?: string;
  /** Procedencia and medio de pago (default `01`/`01`: cash at a bank's counter). */
  readonly origin?: string;
  readonly medium?: string;
  /** The bank's sequence of this record (default: the one after the previous record's). */
  readonly sequence?: number;
  /** Lot the payment goes in (default `0001`). */
  readonly lotNumber?: string;
}

export interface AsobancariaFileInput {
  readonly billerNit: string;
  /** `YYYY-MM-DD`. */
  readonly collectedOn: string;
  readonly bankCode: string;
  readonly account?: string;
  /** `YYYY-MM-DD`, `HH:MM` (default: the day after collection, 06:30). */
  readonly fileDate?: string;
  readonly fileTime?: string;
  readonly modifier?: string;
  readonly accountType?: string;
  /** GLN of the collected service, on every lot header. */
  readonly serviceCode: string;
  readonly payments: readonly AsobancariaPaymentInput[];
  /** The first record's sequence (real files start at 2). */
  readonly firstSequence?: number;
}

/**
 * Writes a valid Asobancaria 2001 recaudos file: 162-character records joined by CRLF, lots
 * with their controls, the file control (docs/bank-files.md). For tests, the bench and the demo
 * data; the bank writes the real ones. Lots are written in the order their numbers first appear.
 */
export function writeAsobancaria(input: AsobancariaFileInput): string {
  const lines: string[] = [];
  lines.push(
    record(
      '01',
      num(input.billerNit, 10),
      ymd(input.collectedOn),
      num(input.bankCode, 3),
      num(input.account ?? '1234567890', 17),
      ymd(input.fileDate ?? dayAfter(input.collectedOn)),
      (input.fileTime ?? '06:30').replace(':', ''),
      (input.modifier ?? 'A').slice(0, 1),
      num(input.accountType ?? '01', 2),
    ),
  );
  const lots = new Map<string, AsobancariaPaymentInput[]>();
  for (const payment of input.payments) {
    const lot = num(payment.lotNumber ?? '1', 4);
    const list = lots.get(lot) ?? [];
    list.push(payment);
    lots.set(lot, list);
  }
  let sequence = input.firstSequence ?? 2;
  let fileCount = 0;
  let fileCents = 0n;
  for (const [lotNumber, payments] of lots) {
    lines.push(record('05', num(input.serviceCode, 13), lotNumber));
    let lotCents = 0n;
    for (const p of payments) {
      sequence = p.sequence ?? sequence;
      if (!Number.isSafeInteger(p.amount) || p.amount < 0)
        throw new RangeError(`amount ${p.amount} is not whole pesos`);
      const cents = BigInt(p.amount) * 100n;
      lotCents += cents;
      lines.push(
        record(
          '06',
          num(String(p.reference), 48),
          num(cents.toString(), 14),
          num(p.origin ?? '01', 2),
          num(p.medium ?? '01', 2),
          '000000',
          '000000',
          '999',
          num(p.office ?? '0001', 4),
          num(String(sequence), 7),
        ),
      );
      sequence += 1;
    }
    lines.push(record('08', num(String(payments.length), 9), num(lotCents.toString(), 18), lotNumber));
    fileCount += payments.length;
    fileCents += lotCents;
  }
  lines.push(record('09', num(String(fileCount), 9), num(fileCents.toString(), 18)));
  return `${lines.join('\r\n')}\r\n`;
}

function record(...fields: string[]): string {
  const text = fields.join('');
  if (text.length > recordLength) throw new RangeError(`record longer than ${recordLength}: ${text}`);
  return text.padEnd(recordLength, ' ');
}

/** Right-aligned, zero-filled; refuses what does not fit rather than cutting it. */
function num(value: string, length: number): string {
  if (value.length > length) throw new RangeError(`«${value}» does not fit in ${length} characters`);
  return value.padStart(length, '0');
}

const ymd = (iso: string): string => iso.replaceAll('-', '');

function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
