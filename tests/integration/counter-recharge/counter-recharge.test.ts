import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rechargeMessages } from '../../../src-main/counter-recharge/recharge-messages';
import type { Store } from '../../../src-main/store/open-store';
import { ParkedEvents } from '../../../src-main/sync/parked-events';
import { paymentElementString } from '../../../src-shared/domain/gs1-128';
import { formatCop } from '../../../src-shared/domain/money';
import { volanteBarcodeConfig } from '../../../src-shared/wallet/volante-barcode';
import { type CashierHarness, cashierHarness, openCounter, value } from '../../support/cashier-harness';
import { decodeEscpos, printedLines } from '../../support/escpos-decoder';
import { openReplicaStore, replicaNow } from '../../support/replica-store';
import { testStaffPepper } from '../../support/staff-pepper';
import { printerStates, TcpReceiptPrinter } from '../../support/tcp-receipt-printer';
import { tempDir } from '../../support/temp-dir';

/**
 * A prepaid wallet recharge at the counter with the central server out of reach (issue 13, item
 * 4): the liquidación read from the volante's barcode, or its number typed with the amount from
 * the volante; the money recorded with its event, audit line and receipt number of the bills'
 * series, the receipt printed with what it honestly can say, and the cash session's figures
 * counting it so the drawer balances at the close. Through the real dispatcher and a receipt
 * printer on a loopback socket.
 */
let dir: ReturnType<typeof tempDir>;
let store: Store;
let printer: TcpReceiptPrinter;
let h: CashierHarness;
const now = () => replicaNow;
const walletGln = '7709998000018';

beforeAll(async () => {
  dir = tempDir('counter-recharge');
  store = await openReplicaStore(dir.path, { subscribers: 20, staffPepper: testStaffPepper });
  printer = await TcpReceiptPrinter.start();
});
afterAll(async () => {
  await printer.stop();
  store.close();
  dir.remove();
});
beforeEach(() => {
  printer.clear();
  printer.state = printerStates.ready;
  h = cashierHarness(store, printer.address, now);
});

const signIn = (): Promise<string> => openCounter(h, 100_000);

async function printedReceipt(jobId: string | null): Promise<string[]> {
  if (jobId === null) throw new Error('no job');
  for (let i = 0; i < 500; i += 1) {
    const job = h.receipts.queue.get(jobId);
    if (job.ok && job.value.state === 'done') return printedLines(decodeEscpos(printer.received));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the receipt never printed');
}

/** The volante's barcode as a GS1 scanner types it (GS for each FNC1). */
function volanteScan(number: number, amount: number, dueOn: string): string {
  const built = paymentElementString(volanteBarcodeConfig(walletGln), {
    reference: String(number),
    amountPesos: amount,
    dueOn,
  });
  if (!built.ok) throw new Error(built.error.message);
  return built.value.data;
}

const outbox = (type: string) =>
  store.sqlite
    .prepare('SELECT payload FROM outbox WHERE type = ? ORDER BY id')
    .pluck()
    .all(type)
    .map((p) => JSON.parse(p as string) as Record<string, unknown>);

describe('counter recharge offline', () => {
  it('reads the volante’s barcode, takes the money into the session with its event, and prints the offline receipt', async () => {
    const staffSession = await signIn();
    const found = await value(
      h.cashier.findLiquidation({ staffSession, query: volanteScan(100_123, 50_000, '2026-03-20') }),
    );
    expect(found).toMatchObject({ source: 'barcode', number: 100_123, amount: 50_000, holder: null, warning: null });
    expect(found.note).toBe(rechargeMessages.notes.barcode);

    const taken = await value(
      h.cashier.takeRecharge({
        staffSession,
        source: 'barcode',
        number: 100_123,
        amount: 50_000,
        tenders: [{ kind: 'cash', received: 60_000 }],
      }),
    );
    expect(taken.recharge).toMatchObject({
      amount: 50_000,
      cash: 50_000,
      change: 10_000,
      receiptNumber: 'CAJA1-000001',
    });
    const [event] = outbox('cashier.wallet_recharge_taken');
    expect(event).toMatchObject({
      rechargeId: taken.recharge.id,
      liquidationNumber: 100_123,
      amount: 50_000,
      cashRounding: 0,
      found: 'barcode',
      reference: 'CAJA1-000001',
      cashier: 'cajero1',
    });
    const audit = store.sqlite
      .prepare("SELECT actor FROM audit_log WHERE action = 'cashier.wallet_recharge_taken'")
      .pluck()
      .all();
    expect(audit).toEqual(['cajero1']);

    const lines = await printedReceipt(taken.jobId);
    expect(lines).toEqual(
      expect.arrayContaining([
        'RECARGA DE PREPAGO',
        expect.stringMatching(/^Liquidación Nº +100123$/),
        expect.stringMatching(/^VALOR RECARGADO +\$ 50\.000$/),
        expect.stringMatching(/^Cambio +\$ 10\.000$/),
      ]),
    );
    // The offline promise, whole, wrapped over the receipt's lines (the printer's code page has no em dash).
    expect(lines.join(' ')).toContain(
      'Recarga de prepago - se abonará al saldo cuando el servidor central la registre.',
    );
    expect(lines.join(' ')).not.toMatch(/Identificación/);
  });

  it('takes a typed number with the amount typed from the volante; refuses a recovery code and an unconfirmed «server» claim', async () => {
    const staffSession = await signIn();
    const typed = await value(h.cashier.findLiquidation({ staffSession, query: '100124' }));
    expect(typed).toMatchObject({ source: 'typed', number: 100_124, amount: null });
    expect(typed.note).toBe(rechargeMessages.notes.typed);

    const code = await h.cashier.findLiquidation({ staffSession, query: 'XLrWX7' });
    expect(code).toMatchObject({
      ok: false,
      error: { code: 'offline', message: rechargeMessages.offlineRecoveryCode },
    });
    const bill = await h.cashier.findLiquidation({ staffSession, query: 'no es un volante' });
    expect(bill).toMatchObject({ ok: false, error: { code: 'validation', message: rechargeMessages.unreadable } });

    // The screen cannot claim the server confirmed a liquidación it never asked for.
    const forged = await h.cashier.takeRecharge({
      staffSession,
      source: 'server',
      number: 100_124,
      amount: 30_000,
      tenders: [{ kind: 'cash', received: 30_000 }],
    });
    expect(forged).toMatchObject({ ok: false, error: { code: 'conflict', message: rechargeMessages.lookAgain } });
    // Short cash is refused by the bills' rule.
    const short = await h.cashier.takeRecharge({
      staffSession,
      source: 'typed',
      number: 100_124,
      amount: 30_000,
      tenders: [{ kind: 'cash', received: 20_000 }],
    });
    expect(short).toMatchObject({ ok: false, error: { code: 'validation' } });

    const taken = await value(
      h.cashier.takeRecharge({
        staffSession,
        source: 'typed',
        number: 100_124,
        amount: 30_000,
        tenders: [
          { kind: 'card', amount: 10_000, voucher: 'AB1234' },
          { kind: 'cash', received: 20_000 },
        ],
      }),
    );
    expect(taken.recharge).toMatchObject({ amount: 30_000, cash: 20_000, card: 10_000, receiptNumber: 'CAJA1-000002' });
    expect(outbox('cashier.wallet_recharge_taken')).toHaveLength(2);
  });

  it('counts recharges in the session: the list, the X figures and a blind close that balances', async () => {
    const staffSession = await signIn();
    const list = await value(h.cashier.payments({ staffSession }));
    expect(list.recharges.map((r) => r.receiptNumber)).toEqual(['CAJA1-000002', 'CAJA1-000001']);
    expect(list.payments).toEqual([]);
    // Float 100.000 + cash 50.000 + 20.000; card 10.000.
    expect(list.session.collected).toBe(80_000);

    // A copy prints from the list, without the holder (never stored on the counter).
    const copy = await value(h.cashier.reprint({ staffSession, paymentId: list.recharges[1]!.id }));
    const copyLines = await printedReceipt(copy.jobId);
    expect(copyLines).toEqual(expect.arrayContaining(['*** COPIA ***', expect.stringMatching(/CAJA1-000001/)]));

    // With the server reachable, the close waits until the session's recharges have been sent.
    h.serverOnline = true;
    const early = await h.cashier.closeSession({
      staffSession,
      cash: { '50000': 3, '20000': 1 },
      card: 10_000,
      check: 0,
    });
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/^Hay 2 registros/) },
    });
    h.serverOnline = false;
    const closed = await value(
      h.cashier.closeSession({ staffSession, cash: { '50000': 3, '20000': 1 }, card: 10_000, check: 0 }),
    );
    expect(closed.figures).toMatchObject({
      expectedCash: 170_000,
      countedCash: 170_000,
      expectedCard: 10_000,
      difference: 0,
    });
    expect(closed.closed).toBe(true);
    const z = await printedReceipt(closed.jobId);
    expect(z).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Recargas de prepago +2$/),
        expect.stringMatching(/^Valor de las recargas +\$ 80\.000$/),
        expect.stringMatching(/^TOTAL RECAUDADO +\$ 80\.000$/),
      ]),
    );
  });

  it('never discards a parked recharge: the money is in the drawer', () => {
    const id = store.sqlite
      .prepare("SELECT id FROM outbox WHERE type = 'cashier.wallet_recharge_taken' ORDER BY id LIMIT 1")
      .pluck()
      .get() as string;
    store.sqlite.prepare("UPDATE outbox SET state = 'parked', last_error = 'prueba' WHERE id = ?").run(id);
    const parked = new ParkedEvents(store);
    expect(parked.list().find((e) => e.id === id)?.summary).toBe(
      `Recarga de prepago de ${formatCop(50_000)} a la liquidación 100123 (recibo CAJA1-000001)`,
    );
    expect(parked.moneyCount()).toBe(1);
    const discard = parked.resolve(id, 'discard', 'supervisor1', replicaNow);
    expect(discard).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(parked.resolve(id, 'retry', 'supervisor1', replicaNow)).toMatchObject({
      ok: true,
      value: { state: 'pending' },
    });
  });
});
