import { generateDemoBatches, type GenerateOptions } from '../../db/seed/generator';
import type { BillRow, PaymentRow, SubscriberRow } from '../../db/seed/rows';

/** A fixed reference instant: 2026-03-10 10:00 in Bogotá. Tests never depend on the real clock. */
export const fixedNow = new Date('2026-03-10T15:00:00Z');

export interface Sample {
  readonly subscribers: SubscriberRow[];
  readonly bills: BillRow[];
  readonly payments: PaymentRow[];
}

/** Every row of a generation run, flattened (only for small runs). */
export function generateAll(opts: Partial<GenerateOptions> & { subscribers: number }): Sample {
  const out: Sample = { subscribers: [], bills: [], payments: [] };
  for (const batch of generateDemoBatches({ seed: 1, months: 12, now: fixedNow, ...opts })) {
    out.subscribers.push(...batch.subscribers);
    out.bills.push(...batch.bills);
    out.payments.push(...batch.payments);
  }
  return out;
}

export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
