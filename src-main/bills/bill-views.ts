import { z } from 'zod';
import {
  paymentChannels,
  type BillView,
  type PaymentView,
  type SubscriberSummary,
} from '../../src-shared/api/ops/bills';
import { isBillState, type BillState } from '../../src-shared/domain/bill-state';
import type { BillRow, PaymentRow, SubscriberRow } from './bill-queries';

type PaymentChannel = (typeof paymentChannels)[number];

/**
 * Replica rows → the contract's views. The server's CHECK constraints allow only the known
 * states, channels and estratos, so an unknown one means a damaged replica: it throws (and
 * the caller answers `internal`) rather than showing a guess.
 */
const isChannel = (value: string): value is PaymentChannel => (paymentChannels as readonly string[]).includes(value);

function billState(value: string): BillState {
  if (!isBillState(value)) throw new Error(`Unknown bill state in the replica: ${value}`);
  return value;
}

function channel(value: string): PaymentChannel {
  if (!isChannel(value)) throw new Error(`Unknown payment channel in the replica: ${value}`);
  return value;
}

const LineItems = z.array(z.object({ concept: z.string(), label: z.string(), amount: z.number().int() }));

export function subscriberSummary(row: SubscriberRow): z.infer<typeof SubscriberSummary> {
  if (!Number.isInteger(row.estrato) || row.estrato < 1 || row.estrato > 6)
    throw new Error('Estrato out of range in the replica');
  return {
    codigoInterno: row.codigoInterno,
    codigoRuta: row.codigoRuta,
    holderName: row.holderName,
    address: row.address,
    estrato: row.estrato,
    uso: row.uso,
  };
}

export function billView(row: BillRow): BillView {
  return {
    billNumber: row.billNumber,
    period: row.period,
    issuedOn: row.issuedOn,
    dueOn: row.dueOn,
    suspensionOn: row.suspensionOn,
    previousReading: row.previousReading,
    currentReading: row.currentReading,
    consumptionM3: row.consumptionM3,
    lineItems: LineItems.parse(row.lineItems),
    previousBalance: row.previousBalance,
    total: row.total,
    state: billState(row.state),
    paidAt: row.paidAt,
  };
}

export function paymentView(row: PaymentRow): z.infer<typeof PaymentView> {
  return { paidAt: row.paidAt, amount: row.amount, channel: channel(row.channel), period: row.period };
}

export function previousBillItem(row: BillRow): {
  billNumber: number;
  period: string;
  state: BillState;
  total: number;
} {
  return { billNumber: row.billNumber, period: row.period, state: billState(row.state), total: row.total };
}
