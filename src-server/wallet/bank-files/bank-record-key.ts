import type { AsobancariaDetail, AsobancariaHeader } from '../../../src-shared/wallet/asobancaria/asobancaria-file';

/**
 * What names one bank payment across files (bank_records.record_key): the collecting bank, the
 * collection date, the branch, the bank's sequence, the reference and the amount. A bank that
 * sends the same day again (a corrected file, modifier `B`) repeats its records with the same
 * key, so they count as duplicates; the reference and amount keep two payments apart when a
 * second file of the day numbers its sequence from the start again.
 */
export function bankRecordKey(header: AsobancariaHeader, detail: AsobancariaDetail): string {
  const amount =
    detail.cents === 0 ? String(detail.amount) : `${detail.amount}.${String(detail.cents).padStart(2, '0')}`;
  return [header.bankCode, header.collectedOn, detail.office, detail.sequence, detail.reference, amount].join(':');
}

/** The money path's source key of a bank record (apply-payment.ts): `bank:<record key>`. */
export const bankSourceKey = (recordKey: string): string => `bank:${recordKey}`;

/**
 * When a bank payment counts as received: the start of its collection day in Colombia. The file
 * gives the day only, and a slip paid at the bank on a liquidación's last day was paid in time.
 */
export const collectionMoment = (collectedOn: string): Date => new Date(`${collectedOn}T00:00:00-05:00`);
