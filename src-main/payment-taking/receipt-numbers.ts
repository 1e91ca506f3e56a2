import { sql } from 'drizzle-orm';
import { numberSeries } from '../../db/local/schema';
import type { DeviceMeta } from '../device/device-meta';
import type { WriteTx } from '../store/write-path';

/**
 * The next receipt number of this device (`CAJA1-000123`), taken inside the payment's
 * transaction: a crash keeps both or neither, so a number is never used twice or skipped.
 */
export function nextReceiptNumber(tx: WriteTx, prefix: string): string {
  const row = tx
    .insert(numberSeries)
    .values({ name: 'receipt', next: 2 })
    .onConflictDoUpdate({ target: numberSeries.name, set: { next: sql`${numberSeries.next} + 1` } })
    .returning({ next: numberSeries.next })
    .get();
  return `${prefix}-${String(row.next - 1).padStart(6, '0')}`;
}

/**
 * The prefix the central server issued this device at enrollment (`CAJA1`); a device enrolled
 * before series existed uses its name's letters until its next hello brings one.
 */
export function receiptPrefix(meta: DeviceMeta, deviceName: string): string {
  const issued = meta.get('receiptPrefix');
  if (issued !== null) return issued;
  const letters = deviceName
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase()
    .slice(0, 8);
  return letters.length > 0 ? letters : 'CAJA';
}

/** The name receipts and reports print: the one the server enrolled the device with, or the config's. */
export function deviceName(meta: DeviceMeta, configured: string): string {
  return meta.get('deviceName') ?? configured;
}
