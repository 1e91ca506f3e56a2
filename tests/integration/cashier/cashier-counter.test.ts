import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src-main/store/open-store';
import type { PrintJobView } from '../../../src-shared/api/ops/print';
import { err } from '../../../src-shared/api/result';
import { demoEntity } from '../../../db/seed/entity';
import { GS, paymentElementString } from '../../../src-shared/domain/gs1-128';
import { formatCop } from '../../../src-shared/domain/money';
import {
  type CashierHarness,
  cashierHarness,
  openCounter as openCashierCounter,
  value,
} from '../../support/cashier-harness';
import { decodeEscpos, printedLines } from '../../support/escpos-decoder';
import { openReplicaStore, openTestStore, replicaNow } from '../../support/replica-store';
import { printerStates, TcpReceiptPrinter } from '../../support/tcp-receipt-printer';
import { tempDir } from '../../support/temp-dir';
import { pdfText } from '../../support/poppler-zbar';
import { testStaffPepper } from '../../support/staff-pepper';
import { scryptKey } from '../../../src-node/password-hash';
import { approvalMatches } from '../../../src-node/staff-credentials';
import { voidApprovalMessage } from '../../../src-shared/sync/approval';
import { ParkedEvents } from '../../../src-main/sync/parked-events';
import { paymentMessages } from '../../../src-main/payment-taking/payment-messages';

/**
 * The counter against a real replica (demo data, staff accounts with their scrypt hashes) and
 * a receipt printer on a loopback socket: every money record with its outbox event, receipts
 * decoded back from the bytes the printer got.
 */
let dir: ReturnType<typeof tempDir>;
let store: Store;
let printer: TcpReceiptPrinter;
let h: CashierHarness;
const now = () => replicaNow;

beforeAll(async () => {
  dir = tempDir('cashier');
  store = await openReplicaStore(dir.path, { subscribers: 200, staffPepper: testStaffPepper });
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

/** A receipt's two-column line: the label, spaces, the amount as printed (`$ 8.550`). */
const pairLine = (label: string, pesos: number) =>
  expect.stringMatching(new RegExp(`^${label} +${formatCop(pesos).replace('\u00a0', ' ').replace(/[$.]/g, '\\$&')}$`));
const count = (sql: string): number => store.sqlite.prepare(sql).pluck().get() as number;
const unpaid = (skip: number) =>
  store.sqlite
    .prepare(
      "SELECT bill_number AS billNumber, codigo_interno AS codigoInterno, total, due_on AS dueOn FROM bills WHERE state = 'pendiente' ORDER BY bill_number LIMIT 1 OFFSET ?",
    )
    .get(skip) as { billNumber: number; codigoInterno: number; total: number; dueOn: string };

async function settled(jobId: string | null): Promise<PrintJobView> {
  if (jobId === null) throw new Error('no job');
  for (let i = 0; i < 500; i += 1) {
    const job = h.receipts.queue.get(jobId);
    if (job.ok && (job.value.state === 'done' || job.value.state === 'failed')) return job.value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the receipt never finished');
}

const openCounter = (): Promise<string> => openCashierCounter(h, 200_000);

describe('cashier counter', () => {
  it('takes a cash payment: payment, receipt number and outbox event together; the receipt prints in Spanish with its barcode, cut and drawer kick', async () => {
    const staffSession = await openCounter();
    const bill = unpaid(0);
    const found = await value(h.cashier.findBills({ staffSession, codigoInterno: bill.codigoInterno }));
    expect(found.bills.some((b) => b.billNumber === bill.billNumber)).toBe(true);
    const outboxBefore = count('SELECT count(*) FROM outbox');
    const taken = await value(
      h.cashier.takePayment({
        staffSession,
        codigoInterno: bill.codigoInterno,
        billNumber: bill.billNumber,
        tenders: [{ kind: 'cash', received: bill.total + 7_000 }],
      }),
    );
    expect(taken.payment).toMatchObject({
      amount: bill.total,
      cash: bill.total,
      change: 7_000,
      state: 'valid',
      receiptNumber: 'CAJA1-000001',
    });
    expect(count('SELECT count(*) FROM outbox') - outboxBefore).toBe(1);
    const event = store.sqlite
      .prepare("SELECT payload FROM outbox WHERE type = 'payment.taken' ORDER BY id DESC LIMIT 1")
      .pluck()
      .get() as string;
    expect(JSON.parse(event)).toMatchObject({
      paymentId: taken.payment.id,
      amount: bill.total,
      channel: 'caja',
      reference: 'CAJA1-000001',
    });

    expect((await settled(taken.jobId)).state).toBe('done');
    const events = decodeEscpos(printer.received);
    const lines = printedLines(events);
    expect(lines).toContain('RECIBO DE CAJA');
    expect(lines.some((l) => /^Recibo Nº +CAJA1-000001$/.test(l))).toBe(true);
    expect(lines.some((l) => /^Cajero +MARTHA LUCÍA OYOLA PRADA$/.test(l))).toBe(true);
    expect(lines.some((l) => /^Código interno +\d+$/.test(l))).toBe(true);
    expect(lines.some((l) => /^Periodo pagado +[A-Z][a-z]+ de \d{4}$/.test(l))).toBe(true);
    expect(lines.some((l) => /^Cambio +\$ 7\.000$/.test(l))).toBe(true);
    expect(events).toContainEqual(
      expect.objectContaining({ kind: 'barcode', system: 73, data: 'CAJA1-000001', hri: 2 }),
    );
    expect(events).toContainEqual({ kind: 'drawer', pin: 0, onMs: 50, offMs: 500 });
    expect(events.some((e) => e.kind === 'cut')).toBe(true);
  });

  it('reads a scanned bill barcode with or without GS separators, and refuses a tampered amount or another entity', async () => {
    const staffSession = await openCounter();
    const bill = unpaid(1);
    const config = demoEntity.paymentBarcode;
    if (!config) throw new Error('the demo entity has a convenio');
    const element = paymentElementString(config, {
      reference: String(bill.codigoInterno),
      amountPesos: bill.total,
      dueOn: bill.dueOn,
    });
    if (!element.ok) throw new Error(element.error.message);
    const withGs = await value(h.cashier.findBills({ staffSession, scan: element.value.data }));
    expect(withGs.scannedBillNumber).toBe(bill.billNumber);
    const withoutGs = await value(
      h.cashier.findBills({ staffSession, scan: `]C1${element.value.data.replaceAll(GS, '')}\r` }),
    );
    expect(withoutGs.scannedBillNumber).toBe(bill.billNumber);

    const tampered = paymentElementString(config, {
      reference: String(bill.codigoInterno),
      amountPesos: bill.total - 1000,
      dueOn: bill.dueOn,
    });
    if (!tampered.ok) throw new Error(tampered.error.message);
    expect(await h.cashier.findBills({ staffSession, scan: tampered.value.data })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('no coincide con el de la factura') },
    });
    const foreign = element.value.data.replace('7709998000421', '7701234000011');
    expect(await h.cashier.findBills({ staffSession, scan: foreign })).toMatchObject({
      ok: false,
      error: { message: 'Este código de barras no es de una factura de esta entidad.' },
    });
  });

  it('refuses short tenders and a clock too far off, and writes nothing', async () => {
    const staffSession = await openCounter();
    const bill = unpaid(2);
    const before = [
      count('SELECT count(*) FROM outbox'),
      count('SELECT count(*) FROM cashier_payments'),
      count('SELECT coalesce(max(next), 0) FROM number_series'),
    ];
    expect(
      await h.cashier.takePayment({
        staffSession,
        codigoInterno: bill.codigoInterno,
        billNumber: bill.billNumber,
        tenders: [{ kind: 'cash', received: bill.total - 50 }],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'validation', message: `Faltan ${formatCop(50)} para cubrir el valor a pagar.` },
    });
    expect(
      await h.cashier.takePayment({
        staffSession,
        codigoInterno: bill.codigoInterno,
        billNumber: bill.billNumber,
        tenders: [{ kind: 'card', amount: bill.total + 1, voucher: 'A1234' }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
    h.clockSkew = err(
      'clock-skew',
      'El reloj de este equipo está atrasado unos 9 minutos respecto al servidor central.',
    );
    expect(
      await h.cashier.takePayment({
        staffSession,
        codigoInterno: bill.codigoInterno,
        billNumber: bill.billNumber,
        tenders: [{ kind: 'cash', received: bill.total }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'clock-skew' } });
    expect([
      count('SELECT count(*) FROM outbox'),
      count('SELECT count(*) FROM cashier_payments'),
      count('SELECT coalesce(max(next), 0) FROM number_series'),
    ]).toEqual(before);
  });

  it('reprints a receipt marked COPIA without opening the drawer, and voids only with a supervisor', async () => {
    const staffSession = await openCounter();
    const bill = unpaid(3);
    const taken = await value(
      h.cashier.takePayment({
        staffSession,
        codigoInterno: bill.codigoInterno,
        billNumber: bill.billNumber,
        tenders: [{ kind: 'card', amount: bill.total, voucher: 'VX-88231' }],
      }),
    );
    await settled(taken.jobId);
    printer.clear();
    const copy = await value(h.cashier.reprint({ staffSession, paymentId: taken.payment.id }));
    await settled(copy.jobId);
    const events = decodeEscpos(printer.received);
    expect(printedLines(events)).toContain('*** COPIA ***');
    expect(printedLines(events).some((l) => /^Tarjeta, voucher +VX-88231$/.test(l))).toBe(true);
    expect(events.some((e) => e.kind === 'drawer')).toBe(false);

    const asCashier = await h.cashier.voidPayment({
      staffSession,
      paymentId: taken.payment.id,
      reason: 'Cobro a código equivocado',
      supervisor: { username: 'cajero2', password: 'Cajero2.Demo' },
    });
    expect(asCashier).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const wrong = await h.cashier.voidPayment({
      staffSession,
      paymentId: taken.payment.id,
      reason: 'Cobro a código equivocado',
      supervisor: { username: 'supervisor1', password: 'otra' },
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong-credentials' } });
    const voided = await value(
      h.cashier.voidPayment({
        staffSession,
        paymentId: taken.payment.id,
        reason: 'Cobro a código equivocado',
        supervisor: { username: 'supervisor1', password: 'Supervisor1.Demo' },
      }),
    );
    expect(voided.payment).toMatchObject({ state: 'voided', voidReason: 'Cobro a código equivocado' });
    const event = JSON.parse(
      store.sqlite.prepare("SELECT payload FROM outbox WHERE type = 'payment.voided'").pluck().get() as string,
    ) as Record<string, string>;
    expect(event).toMatchObject({ paymentId: taken.payment.id, supervisor: 'supervisor1', cashier: 'cajero1' });
    // Signed with the key only the supervisor's password yields (the server holds its copy).
    const stored = store.sqlite
      .prepare("SELECT password_hash FROM staff_users WHERE username = 'supervisor1'")
      .pluck()
      .get() as string;
    const [, n, r, p, salt] = stored.split('$');
    const key = (
      await scryptKey(
        'Supervisor1.Demo',
        Buffer.from(salt ?? '', 'base64url'),
        { log2N: Number(n), r: Number(r), p: Number(p) },
        64,
      )
    ).subarray(32);
    const message = voidApprovalMessage({
      deviceId: '',
      paymentId: taken.payment.id,
      supervisor: 'supervisor1',
      voidedAt: event.voidedAt ?? '',
      reason: 'Cobro a código equivocado',
    });
    expect(approvalMatches(key, message, event.approval ?? '')).toBe(true);
    expect(approvalMatches(key, message.replace('Cobro', 'Pago'), event.approval ?? '')).toBe(false);
    expect(
      count("SELECT count(*) FROM audit_log WHERE action = 'cashier.payment_voided' AND actor = 'supervisor1'"),
    ).toBe(1);
  });

  it('keeps a payment the server refused on record: no discard while valid at the counter, and the X report warns', async () => {
    const staffSession = await openCounter();
    const bill = unpaid(9);
    const taken = await value(
      h.cashier.takePayment({
        staffSession,
        codigoInterno: bill.codigoInterno,
        billNumber: bill.billNumber,
        tenders: [{ kind: 'card', amount: bill.total, voucher: '778899' }],
      }),
    );
    // As the pusher parks an event the server rejected.
    store.sqlite
      .prepare(
        "UPDATE outbox SET state = 'parked', last_error = 'rechazado' WHERE type = 'payment.taken' AND json_extract(payload, '$.paymentId') = ?",
      )
      .run(taken.payment.id);
    const eventId = store.sqlite
      .prepare("SELECT id FROM outbox WHERE state = 'parked' AND json_extract(payload, '$.paymentId') = ?")
      .pluck()
      .get(taken.payment.id) as string;
    const parked = new ParkedEvents(store);
    expect(parked.moneyCount()).toBe(1);
    const x = await value(h.cashier.xReport({ staffSession }));
    await settled(x.jobId);
    expect(printedLines(decodeEscpos(printer.received)).join('\n')).toMatch(/ATENCIÓN[\s\S]*1 registro de dinero/);
    expect(parked.resolve(eventId, 'discard', 'supervisor1', now())).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('anúlelo en la caja') },
    });
    await value(
      h.cashier.voidPayment({
        staffSession,
        paymentId: taken.payment.id,
        reason: 'Rechazado por el servidor',
        supervisor: { username: 'supervisor1', password: 'Supervisor1.Demo' },
      }),
    );
    expect(parked.resolve(eventId, 'discard', 'supervisor1', now())).toEqual({
      ok: true,
      value: { state: 'discarded' },
    });
  });

  it('signs a cashier in with the PIN, but a PIN never approves a void, and four digits are not a PIN', async () => {
    const signed = await value(h.cashier.signIn({ username: 'cajero1', password: '482615' }));
    expect(signed.staff.username).toBe('cajero1');
    expect(await h.cashier.signIn({ username: 'cajero1', password: '4826' })).toMatchObject({
      ok: false,
      error: { message: 'Usuario o contraseña incorrectos.' },
    });
    expect(await h.cashier.signIn({ username: 'cajero1', password: '4827' })).toMatchObject({
      ok: false,
      error: { message: 'Usuario o contraseña incorrectos.' },
    });
    if (signed.openSession === null)
      await value(h.cashier.openSession({ staffSession: signed.staffSession, openingFloat: 200_000 }));
    const bill = unpaid(7);
    // By card: the blind-close test below counts the session's cash in 50-peso coins.
    const taken = await value(
      h.cashier.takePayment({
        staffSession: signed.staffSession,
        codigoInterno: bill.codigoInterno,
        billNumber: bill.billNumber,
        tenders: [{ kind: 'card', amount: bill.total, voucher: '004512' }],
      }),
    );
    const byPin = await h.cashier.voidPayment({
      staffSession: signed.staffSession,
      paymentId: taken.payment.id,
      reason: 'Cobro a código equivocado',
      supervisor: { username: 'supervisor1', password: '517342' },
    });
    expect(byPin).toMatchObject({ ok: false, error: { message: 'Usuario o contraseña incorrectos.' } });
    expect(store.sqlite.prepare('SELECT state FROM cashier_payments WHERE id = ?').pluck().get(taken.payment.id)).toBe(
      'valid',
    );
  });

  it('warns about a bill this counter already took, charges it again only when confirmed apart, and numbers keep going after the store is reopened', async () => {
    const staffSession = await openCounter();
    const bill = unpaid(4);
    const first = await value(
      h.cashier.takePayment({
        staffSession,
        codigoInterno: bill.codigoInterno,
        billNumber: bill.billNumber,
        tenders: [{ kind: 'cash', received: bill.total }],
      }),
    );
    const again = await value(h.cashier.findBills({ staffSession, codigoInterno: bill.codigoInterno }));
    const paidHere = again.bills.find((b) => b.billNumber === bill.billNumber);
    expect(paidHere).toMatchObject({
      owed: false,
      warning: { code: 'paid-here', message: expect.stringContaining(first.payment.receiptNumber) },
    });
    const next = Number(first.payment.receiptNumber.split('-')[1]) + 1;
    // As after a restart: the store opened again, a new service, the staff signed in again.
    await h.receipts.queue.stop();
    store.close();
    store = openTestStore(dir.path);
    h = cashierHarness(store, printer.address, now);
    const signedAgain = await openCounter();
    // Issue 12, item 1: the same call that charges an owed bill (a scanner's Enter) does not charge
    // one already paid, and leaves nothing behind, not even a receipt number.
    const before = [
      count('SELECT count(*) FROM outbox'),
      count('SELECT count(*) FROM cashier_payments'),
      count('SELECT coalesce(max(next), 0) FROM number_series'),
    ];
    const unconfirmed = await h.cashier.takePayment({
      staffSession: signedAgain,
      codigoInterno: bill.codigoInterno,
      billNumber: bill.billNumber,
      tenders: [{ kind: 'cash', received: bill.total }],
    });
    expect(unconfirmed).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: paymentMessages.notOwedUnconfirmed },
    });
    expect([
      count('SELECT count(*) FROM outbox'),
      count('SELECT count(*) FROM cashier_payments'),
      count('SELECT coalesce(max(next), 0) FROM number_series'),
    ]).toEqual(before);
    const later = await value(
      h.cashier.takePayment({
        staffSession: signedAgain,
        codigoInterno: bill.codigoInterno,
        billNumber: bill.billNumber,
        tenders: [{ kind: 'cash', received: bill.total }],
        notOwedConfirmed: true,
      }),
    );
    expect(later.payment.receiptNumber).toBe(`CAJA1-${String(next).padStart(6, '0')}`);
    expect(later.payment.warning).toBe(paymentMessages.receiptNotes.paid);
    // A bill the replica knows is paid (at a bank, say) is not owed either.
    const paidElsewhere = store.sqlite
      .prepare(
        "SELECT bill_number AS billNumber, codigo_interno AS codigoInterno, total FROM bills WHERE state = 'pagada' LIMIT 1",
      )
      .get() as {
      billNumber: number;
      codigoInterno: number;
      total: number;
    };
    const listed = await value(
      h.cashier.findBills({ staffSession: signedAgain, codigoInterno: paidElsewhere.codigoInterno }),
    );
    expect(listed.bills.find((b) => b.billNumber === paidElsewhere.billNumber)).toMatchObject({
      owed: false,
      warning: { code: 'paid' },
    });
    expect(
      await h.cashier.takePayment({
        staffSession: signedAgain,
        codigoInterno: paidElsewhere.codigoInterno,
        billNumber: paidElsewhere.billNumber,
        tenders: [{ kind: 'card', amount: paidElsewhere.total, voucher: 'A1234' }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('will not close while the server is reachable and the session still has records to send', async () => {
    const staffSession = await openCounter();
    expect(count("SELECT count(*) FROM outbox WHERE state = 'pending'")).toBeGreaterThan(0);
    h.serverOnline = true;
    const refused = await h.cashier.closeSession({ staffSession, cash: {}, card: 0, check: 0 });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('sin enviar al servidor central') },
    });
    expect(count("SELECT count(*) FROM cash_sessions WHERE state = 'open'")).toBe(1);
  });

  it('refuses a scanned barcode after its due date when the convenio says so', async () => {
    const staffSession = await openCounter();
    const late = cashierHarness(store, null, () => new Date('2027-06-01T15:00:00Z'));
    const bill = unpaid(5);
    const config = demoEntity.paymentBarcode;
    if (!config) throw new Error('the demo entity has a convenio');
    const element = paymentElementString(config, {
      reference: String(bill.codigoInterno),
      amountPesos: bill.total,
      dueOn: bill.dueOn,
    });
    if (!element.ok) throw new Error(element.error.message);
    const lateSession = (await value(late.cashier.signIn({ username: 'cajero1', password: 'Cajero1.Demo' })))
      .staffSession;
    const accepted = await value(late.cashier.findBills({ staffSession: lateSession, scan: element.value.data }));
    expect(accepted.bills.find((b) => b.billNumber === bill.billNumber)).toMatchObject({
      owed: true,
      warning: { code: 'overdue', message: expect.stringMatching(/^Factura vencida el /) },
    });
    const strict = cashierHarness(
      store,
      null,
      () => new Date('2027-06-01T15:00:00Z'),
      {},
      { refuseExpiredBarcodes: true },
    );
    const strictSession = (await value(strict.cashier.signIn({ username: 'cajero1', password: 'Cajero1.Demo' })))
      .staffSession;
    expect(await strict.cashier.findBills({ staffSession: strictSession, scan: element.value.data })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('el convenio no permite recibirla') },
    });
    expect(staffSession).not.toBe('');
  });

  it('closes blind: a difference beyond the tolerance needs a supervisor; the Z report prints the arqueo', async () => {
    const staffSession = await openCounter();
    h.serverOnline = false;
    const { session } = await value(h.cashier.payments({ staffSession }));
    const rows = store.sqlite
      .prepare(
        "SELECT cash, card, check_amount AS checkAmount FROM cashier_payments WHERE session_id = ? AND state = 'valid'",
      )
      .all(session.id) as { cash: number; card: number; checkAmount: number }[];
    const expectedCash = session.openingFloat + rows.reduce((s, r) => s + r.cash, 0);
    const expectedCard = rows.reduce((s, r) => s + r.card, 0);
    // Counted: about 10.000 short, in 100.000 notes and 50-peso coins (a count the screen can send:
    // whole coins, so the short falls to the 50 pesos below).
    const counted = Math.floor((expectedCash - 10_000) / 50) * 50;
    const difference = counted - expectedCash;
    // As the receipt and the PDF print it: `\$ 10\.000`.
    const shortBy = `\\$ ${String(-difference).replace(/\B(?=(\d{3})+$)/g, '\\.')}`;
    const cash = { '100000': Math.floor(counted / 100_000), '50': (counted % 100_000) / 50 };
    const first = await value(h.cashier.closeSession({ staffSession, cash, card: expectedCard, check: 0 }));
    expect(first).toMatchObject({
      closed: false,
      needsSupervisor: true,
      figures: { expectedCash, countedCash: counted, difference },
    });
    printer.clear();
    const closed = await value(
      h.cashier.closeSession({
        staffSession,
        cash,
        card: expectedCard,
        check: 0,
        supervisor: { username: 'supervisor1', password: 'Supervisor1.Demo' },
      }),
    );
    expect(closed.closed).toBe(true);
    await settled(closed.jobId);
    const lines = printedLines(decodeEscpos(printer.received));
    expect(lines).toContain('INFORME Z');
    expect(lines).toContain('Cierre de caja');
    expect(lines.some((l) => new RegExp(`^DIFERENCIA +-${shortBy}$`).test(l))).toBe(true);
    expect(lines.some((l) => /^Aprobó la diferencia +supervisor1$/.test(l))).toBe(true);
    expect(count("SELECT count(*) FROM outbox WHERE type = 'cash_session.closed'")).toBe(1);
    // The same report as a PDF the office keeps, read back by poppler.
    const pdf = await value(h.cashier.sessionReportPdf({ staffSession, sessionId: closed.sessionId }));
    expect(pdf.fileName).toMatch(/^informe-z-\d{4}-\d{2}-\d{2}-cajero1\.pdf$/);
    const file = path.join(dir.path, pdf.fileName);
    expect(pdf.contentType).toBe('application/pdf');
    writeFileSync(file, pdf.bytes);
    const text = await pdfText(file);
    expect(text).toContain('INFORME Z');
    expect(text).toMatch(new RegExp(`DIFERENCIA\\s+-${shortBy}`));
    expect(text).toContain('MARTHA LUCÍA OYOLA PRADA');
    expect(await h.cashier.payments({ staffSession })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  // Issue 12, item 2: change to the peso ($ 20.267) while the smallest coin is $ 50.
  it('rounds cash change up to a coin that exists, prints the rounding, and the arqueo counted in real coins closes to zero', async () => {
    const staffSession = await openCounter();
    h.serverOnline = false;
    const bill = store.sqlite
      .prepare(
        `SELECT bill_number AS billNumber, codigo_interno AS codigoInterno, total FROM bills
         WHERE state = 'pendiente' AND total % 50 <> 0 AND bill_number NOT IN (SELECT bill_number FROM cashier_payments) ORDER BY bill_number LIMIT 1`,
      )
      .get() as { billNumber: number; codigoInterno: number; total: number };
    const received = Math.ceil((bill.total + 1) / 10_000) * 10_000;
    const change = Math.ceil((received - bill.total) / 50) * 50;
    const rounding = bill.total % 50;
    printer.clear();
    const taken = await value(
      h.cashier.takePayment({
        staffSession,
        codigoInterno: bill.codigoInterno,
        billNumber: bill.billNumber,
        tenders: [{ kind: 'cash', received }],
      }),
    );
    // The bill is paid in full; the drawer keeps what was received less the change handed over.
    expect(taken.payment).toMatchObject({ amount: bill.total, cash: received - change, change, rounding });
    expect(change % 50).toBe(0);
    const event = JSON.parse(
      store.sqlite
        .prepare("SELECT payload FROM outbox WHERE json_extract(payload, '$.paymentId') = ?")
        .pluck()
        .get(taken.payment.id) as string,
    ) as Record<string, unknown>;
    expect(event).toMatchObject({ amount: bill.total, cashRounding: rounding });
    await settled(taken.jobId);
    const receipt = printedLines(decodeEscpos(printer.received));
    expect(receipt).toContainEqual(pairLine('VALOR PAGADO', bill.total));
    expect(receipt).toContainEqual(pairLine('Redondeo a su favor', rounding));
    expect(receipt).toContainEqual(pairLine('Cambio', change));

    // The cashier counts the drawer in bills and coins that exist, $ 1.000 coins among them.
    const { session } = await value(h.cashier.payments({ staffSession }));
    const inDrawer =
      session.openingFloat +
      (store.sqlite
        .prepare("SELECT sum(cash) FROM cashier_payments WHERE session_id = ? AND state = 'valid'")
        .pluck()
        .get(session.id) as number);
    expect(inDrawer % 50).toBe(0);
    const coins1000 = Math.floor((inDrawer % 10_000) / 1000);
    const cash = { '10000': Math.floor(inDrawer / 10_000), '1000-moneda': coins1000, '50': (inDrawer % 1000) / 50 };
    printer.clear();
    const closed = await value(h.cashier.closeSession({ staffSession, cash, card: 0, check: 0 }));
    expect(closed).toMatchObject({
      closed: true,
      needsSupervisor: false,
      figures: { expectedCash: inDrawer, countedCash: inDrawer, difference: 0 },
    });
    await settled(closed.jobId);
    const z = printedLines(decodeEscpos(printer.received));
    expect(z).toContainEqual(pairLine('Redondeo del efectivo', -rounding));
    expect(z).toContainEqual(pairLine('DIFERENCIA', 0));
  });
});
