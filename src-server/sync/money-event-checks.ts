import { formatCop } from '../../src-shared/domain/money';
import { maxPesos } from '../../src-shared/sync/events';
import type { SqlExecutor } from '../db/sql-executor';
import { readSessions, type KnownSession } from './cash-session-records';
import type { PushContext } from './event-handler';
import { moneyRoles, readStaff, staffRefusal } from './staff-directory';

/**
 * The checks a counter's money event passes on the server whatever it pays — a bill
 * (payment-taken.ts) or a prepaid recharge (wallet-recharge-taken.ts) — from the server's own
 * records (docs/trust-model.md): its date, its cash session, its cash rounding and its receipt
 * number. Each answers the Spanish refusal, or null when the event passes.
 */

/** What a counter's money event says about its money, who took it, when and on which receipt. */
export interface CounterMoneyClaim {
  readonly amount: number;
  readonly cashRounding: number;
  /** When it was taken: a payment's `paidAt`, a recharge's `takenAt`. */
  readonly at: string;
  readonly cashier: string;
  readonly cashSessionId: string;
  readonly reference: string;
}

/** The batch's checks, read once for all its events. */
export interface CounterMoneyChecks {
  /** The first refusal of the claim, in this order: rounding, date, cashier, session, receipt series. */
  refusal(claim: CounterMoneyClaim, words: MoneyRecordWords): string | null;
  /** An accepted event's receipt: the device's series is moved up to it on write. */
  take(reference: string): void;
  write(tx: SqlExecutor): Promise<void>;
}

/** Reads, for a batch, the device's receipt series, the cash sessions and the cashiers its events name. */
export async function readCounterMoneyChecks(
  tx: SqlExecutor,
  ctx: PushContext,
  events: readonly { readonly cashSessionId: string; readonly cashier: string }[],
): Promise<CounterMoneyChecks> {
  const series = await readReceiptSeries(tx, ctx.device.id);
  const sessions = await readSessions(
    tx,
    events.map((e) => e.cashSessionId),
  );
  const staff = await readStaff(
    tx,
    events.map((e) => e.cashier),
  );
  return {
    refusal: (claim, words) =>
      roundingRefusal(claim.cashRounding, claim.amount, words) ??
      dateRefusal(claim.at, ctx, words) ??
      staffRefusal(staff, claim.cashier, moneyRoles, 'El cajero') ??
      sessionRefusal(sessions.get(claim.cashSessionId), claim, ctx, staff.get(claim.cashier)?.role, words) ??
      series.refusal(claim.reference),
    take: (reference) => series.take(reference),
    write: (tx) => series.write(tx),
  };
}

/** How a refusal names the record, in Spanish: «del pago» / «de la recarga». */
export interface MoneyRecordWords {
  /** `del pago` */
  readonly of: string;
  /** `El pago` */
  readonly the: string;
  /** `lo`, as in «El pago lo registra…» */
  readonly it: string;
}

export const paymentWords: MoneyRecordWords = { of: 'del pago', the: 'El pago', it: 'lo' };
export const rechargeWords: MoneyRecordWords = { of: 'de la recarga', the: 'La recarga', it: 'la' };

/** Why a money event dated `at` is refused by the server's clock and rules; null when its date fits. */
function dateRefusal(at: string, ctx: PushContext, words: MoneyRecordWords): string | null {
  const time = Date.parse(at);
  const now = ctx.now.getTime();
  if (Number.isNaN(time)) return `La fecha ${words.of} no es válida.`;
  if (time > now + ctx.rules.paymentFutureMinutes * 60_000)
    return `La fecha ${words.of} es posterior a la hora del servidor central: revise el reloj del dispositivo.`;
  if (time < now - ctx.rules.paymentMaxAgeDays * 86_400_000) {
    return `La fecha ${words.of} es de hace más de ${ctx.rules.paymentMaxAgeDays} días: la oficina debe revisarlo y registrarlo.`;
  }
  return null;
}

/**
 * The cash session is one this device opened and had not closed before `at`, and the cashier is
 * the session's own — a supervisor (`role`) may stand in.
 */
function sessionRefusal(
  session: KnownSession | undefined,
  record: { readonly cashier: string; readonly at: string },
  ctx: PushContext,
  role: string | undefined,
  words: MoneyRecordWords,
): string | null {
  if (session === undefined || session.deviceId !== ctx.device.id)
    return `La sesión de caja ${words.of} no es de este dispositivo (o el servidor no recibió su apertura).`;
  if (session.closedAt !== null && Date.parse(record.at) > session.closedAt.getTime())
    return `${words.the} tiene fecha posterior al cierre de su sesión de caja.`;
  if (session.cashier !== record.cashier && role !== 'supervisor')
    return `${words.the} ${words.it} registra «${record.cashier}» en la sesión de caja de «${session.cashier}».`;
  return null;
}

/** A cash rounding is money not received: it is less than the amount. */
function roundingRefusal(cashRounding: number, amount: number, words: MoneyRecordWords): string | null {
  if (cashRounding < amount) return null;
  return `El redondeo del efectivo (${formatCop(cashRounding)}) no puede ser todo el valor ${words.of} (${formatCop(amount)}).`;
}

/** The number of a receipt `PREFIX-000123`, 0 when it is not one. */
function receiptNumber(reference: string, prefix: string): number {
  const number = Number(reference.slice(prefix.length + 1));
  return Number.isSafeInteger(number) && number > 0 && number <= maxPesos ? number : 0;
}

/**
 * The receipt series the server issued to the device (one for bills and recharges): a batch's
 * receipts must carry its prefix, and the highest number accepted moves the series on.
 */
interface ReceiptSeries {
  /** Why `reference` is not of this device's series; null when it is (or the device has none). */
  refusal(reference: string): string | null;
  /** An accepted receipt: the series' last number is moved up to it on write. */
  take(reference: string): void;
  write(tx: SqlExecutor): Promise<void>;
}

async function readReceiptSeries(tx: SqlExecutor, deviceId: string): Promise<ReceiptSeries> {
  const series = await tx.query<{ prefix: string }>('SELECT prefix FROM receipt_series WHERE device_id = $1', [
    deviceId,
  ]);
  const prefix = series.rows[0]?.prefix ?? null;
  let lastNumber = 0;
  return {
    refusal(reference) {
      if (prefix === null || reference.startsWith(`${prefix}-`)) return null;
      return `El recibo ${reference} no es de la serie ${prefix} que el servidor asignó a este dispositivo.`;
    },
    take(reference) {
      if (prefix !== null) lastNumber = Math.max(lastNumber, receiptNumber(reference, prefix));
    },
    async write(tx) {
      if (lastNumber === 0) return;
      await tx.query(
        'UPDATE receipt_series SET last_number = greatest(last_number, $2), updated_at = now() WHERE device_id = $1',
        [deviceId, lastNumber],
      );
    },
  };
}
