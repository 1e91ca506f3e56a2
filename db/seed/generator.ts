/**
 * The demo-data stream: subscribers in index order, each with all its bills and payments,
 * yielded in batches. Only one batch is alive at a time, so memory stays flat whether we
 * generate two thousand subscribers or a million.
 */
import { appendHistory, historyContext } from './account-history';
import { bogotaToday, periodOf, periodsEndingAt, type IsoDate, type Period } from './calendar';
import { RouteLayout } from './route-layout';
import type { BillRow, PaymentRow, SeedBatch, SubscriberRow } from './rows';
import { maxSubscriberIndex, subscriberAt } from './subscribers';

export const maxMonths = 120;
export const defaultBatchSize = 1_000;

export interface GenerateOptions {
  /** Same seed (and same `now`) → byte-identical rows. 0 … 2^32−1. */
  readonly seed: number;
  readonly subscribers: number;
  /** Monthly bills per subscriber, ending at the period of `now`. */
  readonly months: number;
  readonly now: Date;
  /** Index of the first subscriber; > 0 when appending to an earlier seed. */
  readonly firstIndex?: number;
  /** Subscribers per yielded batch. */
  readonly batchSize?: number;
}

/** Bad options, with a message fit for the person who typed them. */
export class SeedOptionsError extends Error {
  override readonly name = 'SeedOptionsError';
}

export function checkGenerateOptions(opts: GenerateOptions): void {
  const first = opts.firstIndex ?? 0;
  if (!Number.isInteger(opts.seed) || opts.seed < 0 || opts.seed > 0xffff_ffff) {
    throw new SeedOptionsError(`La semilla debe ser un entero entre 0 y 4294967295, no «${opts.seed}».`);
  }
  if (!Number.isInteger(opts.subscribers) || opts.subscribers < 1) {
    throw new SeedOptionsError(`El número de suscriptores debe ser un entero positivo, no «${opts.subscribers}».`);
  }
  if (first + opts.subscribers - 1 > maxSubscriberIndex) {
    throw new SeedOptionsError(
      `Como máximo ${maxSubscriberIndex + 1} suscriptores de demostración en una base de datos.`,
    );
  }
  if (!Number.isInteger(opts.months) || opts.months < 1 || opts.months > maxMonths) {
    throw new SeedOptionsError(`El número de meses debe ser un entero entre 1 y ${maxMonths}, no «${opts.months}».`);
  }
  if (Number.isNaN(opts.now.getTime())) throw new SeedOptionsError('La fecha de referencia no es válida.');
  const size = opts.batchSize ?? defaultBatchSize;
  if (!Number.isInteger(size) || size < 1) throw new SeedOptionsError('El tamaño de lote debe ser un entero positivo.');
}

/** Today in Bogotá and the billing periods, oldest first, ending at the current one. */
export function billingCalendar(now: Date, months: number): { today: IsoDate; periods: Period[] } {
  const today = bogotaToday(now);
  return { today, periods: periodsEndingAt(periodOf(today), months) };
}

export function* generateDemoBatches(opts: GenerateOptions): Generator<SeedBatch> {
  checkGenerateOptions(opts);
  const first = opts.firstIndex ?? 0;
  const end = first + opts.subscribers;
  const size = opts.batchSize ?? defaultBatchSize;
  const layout = new RouteLayout(opts.seed);
  const { today, periods } = billingCalendar(opts.now, opts.months);
  const ctx = historyContext(opts.seed, periods, today);

  for (let start = first; start < end; start += size) {
    const stop = Math.min(end, start + size);
    const subscribers: SubscriberRow[] = [];
    const bills: BillRow[] = [];
    const payments: PaymentRow[] = [];
    for (let index = start; index < stop; index += 1) {
      const profile = subscriberAt(opts.seed, index, layout);
      subscribers.push(profile.row);
      appendHistory(profile, ctx, bills, payments);
    }
    yield { subscribers, bills, payments };
  }
}
