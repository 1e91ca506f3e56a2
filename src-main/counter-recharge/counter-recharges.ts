import type { OpOutput, OpParsedInput } from '../../src-shared/api/contract';
import type { CounterRechargeView } from '../../src-shared/api/ops/counter-recharge';
import { err, ok, type Result } from '../../src-shared/api/result';
import {
  offlineRechargeNote,
  onlineRechargeNote,
  rechargeReceipt,
  type RechargeReceiptFacts,
} from '../../src-shared/cashier/recharge-receipt';
import { formatBogotaDateTime } from '../../src-shared/domain/calendar-es';
import { openCounter, type CounterDeps } from '../cashier/counter-context';
import type { CounterStaff } from '../cashier/staff-sessions';
import { printReceipt, type PrintedReceipt } from '../devices/receipt-printer/print-receipt';
import type { ReceiptPrinting } from '../devices/receipt-printer/receipt-printing';
import { deviceName } from '../payment-taking/receipt-numbers';
import type { DeviceClock } from '../sync/clock';
import type { LiquidationFinder } from './liquidation-finder';
import { rechargeMessages } from './recharge-messages';
import type { RechargeRecorder } from './recharge-recorder';
import type { RechargeRecord, RechargeRecords } from './recharge-records';

type Out<K extends 'cashier.findLiquidation' | 'cashier.takeRecharge' | 'cashier.reprint'> = Promise<
  Result<OpOutput<K>>
>;

/**
 * Prepaid wallet recharges at the counter (docs/counter-recharge.md): the liquidación found
 * (server first, the volante offline), the money taken into the open session like a bill's, the
 * receipt printed, reprinted as a COPIA from the session's list.
 */
export class CounterRecharges {
  constructor(
    private readonly deps: CounterDeps & {
      readonly finder: LiquidationFinder;
      readonly recorder: RechargeRecorder;
      readonly recharges: RechargeRecords;
      readonly receipts: ReceiptPrinting;
      readonly clock: Pick<DeviceClock, 'checkForMoney'>;
    },
  ) {}

  find(input: OpParsedInput<'cashier.findLiquidation'>): Out<'cashier.findLiquidation'> {
    return this.deps.finder.find(input.query);
  }

  async take(signedIn: CounterStaff, input: OpParsedInput<'cashier.takeRecharge'>): Out<'cashier.takeRecharge'> {
    const counter = openCounter(this.deps.records, signedIn);
    if (!counter.ok) return counter;
    const { staff, session } = counter.value;
    const clock = this.deps.clock.checkForMoney();
    if (!clock.ok) return clock;
    // What the server said is what is charged: the screen's amount must be the liquidación's.
    let holder: RechargeReceiptFacts['holder'] = null;
    if (input.source === 'server') {
      const known = this.deps.finder.confirmedOnline(input.number);
      if (known === null) return err('conflict', rechargeMessages.lookAgain);
      if (known.amount !== null && known.amount !== input.amount)
        return err('validation', rechargeMessages.amountDiffers(input.amount, known.amount));
      if (known.warning !== null && input.confirmed !== true) return err('conflict', rechargeMessages.unconfirmed);
      holder = known.holder;
    }
    const recorded = this.deps.recorder.record({
      till: { sessionId: session.id, cashier: staff.username },
      liquidationNumber: input.number,
      amount: input.amount,
      tenders: input.tenders,
      source: input.source,
    });
    if (!recorded.ok) return recorded;
    const printed = await this.print(recorded.value, holder, staff.fullName, false);
    return ok({ recharge: rechargeView(recorded.value), ...printed });
  }

  /** Whether `id` names a recharge of this device (reprints share `cashier.reprint` with payments). */
  owns(id: string): boolean {
    return this.deps.recharges.byId(id) !== undefined;
  }

  async reprint(signedIn: CounterStaff, rechargeId: string): Out<'cashier.reprint'> {
    const counter = openCounter(this.deps.records, signedIn);
    if (!counter.ok) return counter;
    const recharge = this.deps.recharges.byId(rechargeId);
    if (recharge === undefined || recharge.sessionId !== counter.value.session.id)
      return err('not-found', rechargeMessages.rechargeNotFound);
    // The holder is never stored on the counter, so a copy names the liquidación only.
    return ok(await this.print(recharge, null, counter.value.session.cashierName, true));
  }

  /** The open session's recharges, newest first, for its list. */
  list(sessionId: string, openedAt: string): CounterRechargeView[] {
    return this.deps.recharges.ofSession(sessionId, openedAt).map(rechargeView);
  }

  private print(
    record: RechargeRecord,
    holder: RechargeReceiptFacts['holder'],
    cashierName: string,
    copy: boolean,
  ): Promise<PrintedReceipt> {
    const facts: RechargeReceiptFacts = {
      entity: this.deps.config.entity,
      deviceName: deviceName(this.deps.meta, this.deps.config.deviceName),
      cashierName,
      receiptNumber: record.receiptNumber,
      takenAt: formatBogotaDateTime(record.takenAt),
      liquidationNumber: record.liquidationNumber,
      holder,
      confirmedOnline: record.source === 'server',
      amount: record.amount,
      cash: record.cash,
      cashReceived: record.tenders.reduce((sum, t) => sum + (t.kind === 'cash' ? t.received : 0), 0),
      card: record.card,
      cardVouchers: record.tenders.flatMap((t) => (t.kind === 'card' ? [t.voucher] : [])),
      check: record.checkAmount,
      checks: record.tenders.flatMap((t) => (t.kind === 'check' ? [`${t.bank} Nº ${t.number}`] : [])),
      change: record.change,
      rounding: record.rounding,
    };
    return printReceipt(
      this.deps.receipts,
      copy ? 'receipt-copy' : 'receipt',
      `${copy ? 'Copia recibo' : 'Recibo'} ${record.receiptNumber}`,
      rechargeReceipt(facts, copy),
      this.deps.log,
    );
  }
}

export function rechargeView(record: RechargeRecord): CounterRechargeView {
  return {
    id: record.rechargeId,
    receiptNumber: record.receiptNumber,
    liquidationNumber: record.liquidationNumber,
    amount: record.amount,
    cash: record.cash,
    card: record.card,
    check: record.checkAmount,
    change: record.change,
    rounding: record.rounding,
    takenAt: record.takenAt,
    source: record.source,
    note: record.source === 'server' ? onlineRechargeNote : offlineRechargeNote,
  };
}
