/**
 * A subscriber's last N monthly bills and the payments that settled them.
 *
 * Invariants the server schema and the kiosk rely on (tests/unit/seed checks each):
 * - readings are continuous: a bill's previous reading is the last valid bill's current one,
 *   and consumption = current − previous;
 * - total = sum(line items) + previous balance, and the previous balance is the total of the
 *   previous valid bill when that one went unpaid (its debt is carried, as utilities do);
 * - a bill is `pagada` exactly when a payment for it exists, for its total, before `today`;
 * - an annulled bill (`anulada`, e.g. a misread meter) is followed by its reissue in the same
 *   period under a new number; the reissue is the valid one.
 */
import { billNumberFor } from './bill-numbers';
import { lineItemsFor, sumLineItems } from './bill-lines';
import { DayTable, epochDay, type IsoDate, type Period } from './calendar';
import { consumptionModel, monthlyConsumption } from './consumption';
import { makePayment, paymentHabit, paymentTiming, type PaymentTiming } from './payments';
import { Rng, streams } from './random';
import type { BillRow, BillState, PaymentRow } from './rows';
import type { SubscriberProfile } from './subscribers';

/** Days from issue to due date, and from due date to the suspension date printed on the bill. */
const daysToDue = 15;
const daysToSuspension = 10;
/** An annulled bill is reissued a few days after the wrong one. */
const daysToReissue = 3;
const annulmentChance = 0.004;

/** Everything shared by all subscribers of one generation run, computed once. */
export interface HistoryContext {
  readonly seed: number;
  /** Periods to bill, oldest first; the last is the current period. */
  readonly periods: readonly Period[];
  /** Bogotá's date at generation time (as a day number): nothing is paid on or after it. */
  readonly today: number;
  readonly days: DayTable;
  /** Scheduled issue day number of period `k` for `ciclo`. */
  scheduledIssue(k: number, ciclo: number): number;
}

/** Each ciclo is billed on its own day early in the month (days 2–6). */
export function issueDay(ciclo: number): number {
  return 2 + ((ciclo - 1) % 5);
}

export function historyContext(seed: number, periods: readonly Period[], today: IsoDate): HistoryContext {
  const first = periods[0];
  if (first === undefined) throw new RangeError('At least one period is needed');
  const todayDay = epochDay(today);
  const byCiclo = new Map<number, number[]>();
  return {
    seed,
    periods,
    today: todayDay,
    days: new DayTable(epochDay(`${first}-01`), todayDay + 60),
    scheduledIssue(k, ciclo) {
      let days = byCiclo.get(ciclo);
      if (!days) {
        days = periods.map((period) => epochDay(`${period}-0${issueDay(ciclo)}`));
        byCiclo.set(ciclo, days);
      }
      return days[k] ?? todayDay;
    },
  };
}

/** Appends the subscriber's bills and payments to `bills` and `payments` (no per-call arrays). */
export function appendHistory(
  profile: SubscriberProfile,
  ctx: HistoryContext,
  bills: BillRow[],
  payments: PaymentRow[],
): void {
  const { row, index, ciclo } = profile;
  const { estrato, uso, codigoInterno } = row;
  const { days, periods, today } = ctx;
  const rng = Rng.derive(ctx.seed, streams.account, index);
  const habit = paymentHabit(rng);
  const model = consumptionModel(estrato, uso, rng);
  let reading = rng.int(0, 40_000);
  let carried = 0;
  const last = periods.length - 1;

  for (let k = 0; k <= last; k += 1) {
    const period = periods[k] ?? '';
    const year = Number(period.slice(0, 4));
    const month = Number(period.slice(5, 7));
    // Only the current period can be scheduled after today; it is then issued today.
    let issued = Math.min(ctx.scheduledIssue(k, ciclo), today);
    const m3 = monthlyConsumption(model, month, rng);

    let billNumber = billNumberFor(period, index, false);
    if (k < last && rng.chance(annulmentChance)) {
      // A misread meter: the wrong bill is annulled and the right one reissued days later.
      const wrongM3 = m3 + rng.int(100, 900);
      const items = lineItemsFor({ year, estrato, uso, consumptionM3: wrongM3 });
      bills.push({
        billNumber,
        codigoInterno,
        period,
        issuedOn: days.iso(issued),
        dueOn: days.iso(issued + daysToDue),
        suspensionOn: days.iso(issued + daysToDue + daysToSuspension),
        previousReading: reading,
        currentReading: reading + wrongM3,
        consumptionM3: wrongM3,
        lineItems: items,
        previousBalance: carried,
        total: sumLineItems(items) + carried,
        state: 'anulada',
        paidAt: null,
      });
      billNumber = billNumberFor(period, index, true);
      issued += daysToReissue;
    }

    const items = lineItemsFor({ year, estrato, uso, consumptionM3: m3 });
    const total = sumLineItems(items) + carried;
    const due = issued + daysToDue;
    const nextIssue = k < last ? ctx.scheduledIssue(k + 1, ciclo) : null;
    const paidDay = paymentDay(paymentTiming(habit, rng), issued, due, nextIssue, rng);
    const paid = paidDay !== null && paidDay < today;

    let paidAt: string | null = null;
    if (paid) {
      const payment = makePayment(
        { codigoInterno, billNumber, period, amount: total, estrato },
        days.iso(paidDay),
        paidDay,
        rng,
      );
      payments.push(payment);
      paidAt = payment.paidAt;
    }
    const state: BillState = paid ? 'pagada' : k === last && today <= due ? 'pendiente' : 'vencida';
    bills.push({
      billNumber,
      codigoInterno,
      period,
      issuedOn: days.iso(issued),
      dueOn: days.iso(due),
      suspensionOn: days.iso(due + daysToSuspension),
      previousReading: reading,
      currentReading: reading + m3,
      consumptionM3: m3,
      lineItems: items,
      previousBalance: carried,
      total,
      state,
      paidAt,
    });
    reading += m3;
    carried = paid ? 0 : total;
  }
}

/**
 * The day a bill is paid: by its due date, or late but before the next bill is issued (after
 * that the debt is carried into the next bill instead). Null when it is not paid.
 */
function paymentDay(
  timing: PaymentTiming,
  issued: number,
  due: number,
  nextIssue: number | null,
  rng: Rng,
): number | null {
  if (timing === 'unpaid') return null;
  const lateDays = nextIssue === null ? 20 : nextIssue - due - 1;
  if (timing === 'late' && lateDays >= 1) return due + rng.int(1, lateDays);
  return issued + rng.int(0, daysToDue);
}
