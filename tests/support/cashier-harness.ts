import { onTestFinished } from 'vitest';
import { startCashier } from '../../src-main/cashier/start-cashier';
import { DeviceMeta } from '../../src-main/device/device-meta';
import { createRootLogger } from '../../src-main/logger';
import { startReceiptPrinting, type ReceiptPrinting } from '../../src-main/devices/receipt-printer/receipt-printing';
import { ServerClient } from '../../src-main/server-link/server-client';
import { StaffAuthorizer } from '../../src-main/staff/staff-authorizer';
import { ParkedEvents } from '../../src-main/sync/parked-events';
import type { Store } from '../../src-main/store/open-store';
import { ok, type Result } from '../../src-shared/api/result';
import type { ReceiptPaper } from '../../src-shared/receipts/receipt-model';
import { featureDispatch, opCalls, type OpCalls } from './op-caller';
import { testStaffPepper } from './staff-pepper';

export interface CashierHarness {
  /** The counter's operations through the dispatcher (schemas, the staff session checked). */
  readonly cashier: OpCalls<'cashier'>;
  readonly receipts: ReceiptPrinting;
  /** Set to refuse money operations as a device with a clock off would. */
  clockSkew: Result<void>;
  serverOnline: boolean;
}

/** The cashier operations over a real store and a receipt printer address (a loopback fake, or null). */
export function cashierHarness(
  store: Store,
  printer: string | null,
  now: () => Date = () => new Date(),
  // Outside vitest (the bench), the caller stops the receipt queue itself.
  options: { register?: (stop: () => Promise<void>) => void; paper?: ReceiptPaper } = {},
  rules: { refuseExpiredBarcodes?: boolean; cashRoundingStep?: number } = {},
  /** The central server a wallet recharge asks; by default none answers (port 9 refuses), so the counter is offline. */
  serverUrl = 'http://127.0.0.1:9',
): CashierHarness {
  const log = createRootLogger('silent');
  const authorizer = new StaffAuthorizer(store, log, testStaffPepper);
  const parked = new ParkedEvents(store);
  const receipts = startReceiptPrinting({
    store,
    address: printer,
    profile: { type: 'epson', paper: options.paper ?? 80 },
    log,
    statusTtlMs: 0,
    queue: { retryBaseMs: 10, retryMaxMs: 20, pollMs: 5, reader: () => 'staff' },
  });
  (options.register ?? onTestFinished)(() => receipts.queue.stop());
  const counter = startCashier({
    store,
    meta: new DeviceMeta(store),
    staff: authorizer,
    clock: { checkForMoney: () => harness.clockSkew },
    receipts,
    parkedMoneyEvents: () => parked.moneyCount(),
    serverOnline: () => Promise.resolve(harness.serverOnline),
    client: new ServerClient(serverUrl),
    config: {
      entity: {
        name: 'Empresa Ibaguereña de Acueducto y Alcantarillado (demostración)',
        nit: '800089809',
        city: 'Ibagué, Tolima',
      },
      deviceName: 'Caja 1',
      closeTolerance: 2000,
      refuseExpiredBarcodes: rules.refuseExpiredBarcodes ?? false,
      cashRoundingStep: rules.cashRoundingStep ?? 50,
    },
    log,
    now,
  });
  const dispatch = featureDispatch(counter.handlers, counter.callers ?? {}, 'cashier');
  const harness: CashierHarness = {
    receipts,
    clockSkew: ok(undefined),
    serverOnline: false,
    cashier: opCalls(dispatch, 'cashier'),
  };
  return harness;
}

/** An operation's value; a refusal is thrown with its code and message (a step the test needs to succeed). */
export async function value<T>(
  result: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>,
): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(`${settled.error.code}: ${settled.error.message}`);
  return settled.value;
}

/** `cajero1` signed in at the harness's counter, with a cash session open (opened with `openingFloat` if none was). */
export async function openCounter(h: CashierHarness, openingFloat: number): Promise<string> {
  const signed = await value(h.cashier.signIn({ username: 'cajero1', password: 'Cajero1.Demo' }));
  if (signed.openSession === null)
    await value(h.cashier.openSession({ staffSession: signed.staffSession, openingFloat }));
  return signed.staffSession;
}
