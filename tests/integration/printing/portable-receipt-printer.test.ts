import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createRootLogger } from '../../../src-main/logger';
import { receiptMessages } from '../../../src-main/devices/receipt-printer/receipt-messages';
import { startReceiptPrinting, type ReceiptPrinting } from '../../../src-main/devices/receipt-printer/receipt-printing';
import { escposContentType } from '../../../src-main/devices/receipt-printer/receipt-profile';
import type { Store } from '../../../src-main/store/open-store';
import type { PrintJobView } from '../../../src-shared/api/ops/print';
import { formatCop } from '../../../src-shared/domain/money';
import { cashierHarness, openCounter, value, type CashierHarness } from '../../support/cashier-harness';
import { decodeEscpos, printedLines } from '../../support/escpos-decoder';
import { FifoReceiptPrinter } from '../../support/fifo-receipt-printer';
import { PtyReceiptPrinter } from '../../support/pty-receipt-printer';
import { openReplicaStore, replicaNow } from '../../support/replica-store';
import { testStaffPepper } from '../../support/staff-pepper';
import { printerStates } from '../../support/tcp-receipt-printer';
import { tempDir } from '../../support/temp-dir';

/**
 * The field collector's 58 mm Bluetooth printer, which the operating system shows as a serial
 * device (/dev/rfcomm0, COM5): here a real pseudo-terminal whose other end records the bytes and
 * answers DLE EOT like the printer. Receipts of real counter payments are decoded back to what
 * the paper says; a missing device, a printer that never takes the bytes and one that goes
 * silent mid-shift end in the outcomes a person can act on, never in a hang or a lost payment.
 */
let dir: ReturnType<typeof tempDir>;
let store: Store;
const printers: PtyReceiptPrinter[] = [];
const now = () => replicaNow;

beforeAll(async () => {
  dir = tempDir('portable-printer');
  store = await openReplicaStore(dir.path, { subscribers: 60, staffPepper: testStaffPepper });
});
afterEach(async () => {
  await Promise.all(printers.splice(0).map((p) => p.stop()));
});
afterAll(() => {
  store.close();
  dir.remove();
});

async function pty(mode: 'read' | 'stalled' = 'read'): Promise<PtyReceiptPrinter> {
  const printer = await PtyReceiptPrinter.start(mode);
  printers.push(printer);
  return printer;
}

/** The counter on a 58 mm roll, its receipt printer at `address` with the app's own time limits. */
const counter = (address: string): CashierHarness => cashierHarness(store, address, now, { paper: 58 });

async function settled(
  h: { receipts: ReceiptPrinting },
  jobId: string | null,
  timeoutMs = 10_000,
): Promise<PrintJobView> {
  if (jobId === null) throw new Error('no print job');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = h.receipts.queue.get(jobId);
    if (!job.ok) throw new Error(job.error.message);
    if (['done', 'failed', 'unknown'].includes(job.value.state)) return job.value;
    if (Date.now() > deadline) throw new Error(`receipt job stayed ${job.value.state}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let skip = 0;
/** A pending bill no other test of this file has paid. */
function unpaid(): { billNumber: number; codigoInterno: number; total: number } {
  const bill = store.sqlite
    .prepare(
      "SELECT bill_number AS billNumber, codigo_interno AS codigoInterno, total FROM bills WHERE state = 'pendiente' ORDER BY bill_number LIMIT 1 OFFSET ?",
    )
    .get(skip) as { billNumber: number; codigoInterno: number; total: number };
  skip += 1;
  return bill;
}

async function pay(h: CashierHarness, staffSession: string, received: number) {
  const bill = unpaid();
  const taken = await value(
    h.cashier.takePayment({
      staffSession,
      codigoInterno: bill.codigoInterno,
      billNumber: bill.billNumber,
      tenders: [{ kind: 'cash', received: bill.total + received }],
    }),
  );
  return { bill, taken };
}

/** The pipe's lines once `done` holds of them (the reader may still be catching up with the closed writer). */
async function linesWhen(fifo: FifoReceiptPrinter, done: (lines: string[]) => boolean): Promise<string[]> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    let lines: string[] = [];
    try {
      lines = printedLines(decodeEscpos(fifo.received));
    } catch {
      // A receipt cut in the middle of a command: more bytes are on their way.
    }
    if (done(lines)) return lines;
    if (Date.now() > deadline) throw new Error(`the pipe holds ${fifo.received.length} bytes: ${lines.join(' | ')}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const printedAmount = (pesos: number) => formatCop(pesos).replace('\u00a0', ' ');

describe('a receipt printer on a serial device path', () => {
  it('prints a counter payment receipt at 32 columns, amounts at the right margin, and its reprint marked COPIA', async () => {
    const printer = await pty();
    const h = counter(`serial://${printer.path}`);
    const staffSession = await openCounter(h, 100_000);
    const started = Date.now();
    const { bill, taken } = await pay(h, staffSession, 5_000);
    expect((await settled(h, taken.jobId)).state).toBe('done');
    const elapsed = Date.now() - started;

    const events = decodeEscpos(printer.received);
    const lines = printedLines(events);
    expect(lines).toContain('RECIBO DE CAJA');
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^Recibo Nº +${taken.payment.receiptNumber}$`)));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^Cambio +\\$ 5\\.000$`)));
    const total = lines.find((l) => l.endsWith(printedAmount(bill.total)));
    expect(total, 'the amount paid, right-aligned').toBeDefined();
    expect(total?.length).toBe(32);
    for (const event of events) {
      if (event.kind !== 'text') continue;
      // Double-width text (ESC ! bit 5) takes two columns a character.
      const columns = event.line.length * ((event.size & 0x20) !== 0 ? 2 : 1);
      expect(columns, `«${event.line}» on a 32-column roll`).toBeLessThanOrEqual(32);
    }
    expect(events).toContainEqual(expect.objectContaining({ kind: 'barcode', data: taken.payment.receiptNumber }));
    expect(events.some((e) => e.kind === 'cut')).toBe(true);
    // Asked before and after the receipt (DLE EOT 1, 2 and 4 each time), and by the status strip.
    expect(printer.statusRequests).toBeGreaterThanOrEqual(6);
    expect(elapsed).toBeLessThan(5_000);

    printer.clear();
    const copy = await value(h.cashier.reprint({ staffSession, paymentId: taken.payment.id }));
    expect((await settled(h, copy.jobId)).state).toBe('done');
    const copyLines = printedLines(decodeEscpos(printer.received));
    expect(copyLines).toContain('*** COPIA ***');
    expect(copyLines).toContainEqual(expect.stringMatching(new RegExp(`^Recibo Nº +${taken.payment.receiptNumber}$`)));
  });

  it('tells the collector the printer is off when the device is missing, keeps the payment and prints it once the printer is back', async () => {
    const missing = '/dev/ventanilla-test-no-such-rfcomm';
    const h = counter(missing);
    const staffSession = await openCounter(h, 100_000);
    const { taken } = await pay(h, staffSession, 0);
    const failed = await settled(h, taken.jobId);
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toBe(
      'La impresora de recibos está desconectada; revise que esté encendida, con carga y emparejada con este equipo (Bluetooth) y vuelva a intentarlo.',
    );
    // Nothing lost: the payment stands with its receipt number, and is in the session's list.
    const listed = await value(h.cashier.payments({ staffSession }));
    expect(listed.payments.find((p) => p.id === taken.payment.id)).toMatchObject({
      state: 'valid',
      receiptNumber: taken.payment.receiptNumber,
    });

    // The printer paired again, at a path that exists: the reprint comes out.
    const printer = await pty();
    const back = counter(printer.path);
    const again = await openCounter(back, 100_000);
    const copy = await value(back.cashier.reprint({ staffSession: again, paymentId: taken.payment.id }));
    expect((await settled(back, copy.jobId)).state).toBe('done');
    const lines = printedLines(decodeEscpos(printer.received));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^Recibo Nº +${taken.payment.receiptNumber}$`)));
  });

  it('gives up on a device that never takes the bytes: outcome unknown within the time limit, not a hang', async () => {
    const printer = await pty('stalled');
    const receipts = startReceiptPrinting({
      store,
      address: printer.path,
      profile: { type: 'epson', paper: 58 },
      log: createRootLogger('silent'),
      statusTtlMs: 0,
      queue: { retryBaseMs: 10, retryMaxMs: 20, pollMs: 5, reader: () => 'staff' },
      device: { openTimeoutMs: 2_000, statusTimeoutMs: 1_000, writeTimeoutMs: 2_000 },
    });
    onTestFinished(() => receipts.queue.stop());
    const h = { receipts };
    // More than the kernel's pty buffers hold (a long report; a short receipt fits in them).
    const text = Buffer.from(`${'Linea de informe de prueba 1234'.padEnd(31)}\n`.repeat(8_000), 'latin1');
    const job = h.receipts.queue.enqueue({
      kind: 'test-page',
      title: 'Informe largo',
      contentType: escposContentType,
      content: Buffer.concat([Buffer.from([0x1b, 0x40]), text]),
    });
    const started = Date.now();
    const outcome = await settled(h, job.id, 15_000);
    expect(outcome.state).toBe('unknown');
    expect(outcome.lastError).toBe(receiptMessages.cutOff);
    // Status (no answer: 1 s) + write limit (2 s) + close, with room for a busy machine.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(printer.received.length).toBe(0);
  });

  it('calls a receipt unknown when a printer that answered goes silent after it, and never sends it again by itself', async () => {
    const printer = await pty();
    const h = counter(printer.path);
    const staffSession = await openCounter(h, 100_000);
    const first = await pay(h, staffSession, 0);
    expect((await settled(h, first.taken.jobId)).state).toBe('done');

    printer.stall();
    const second = await pay(h, staffSession, 0);
    const outcome = await settled(h, second.taken.jobId);
    expect(outcome.state).toBe('unknown');
    expect(outcome.lastError).toBe(receiptMessages.cutOff);
    expect(outcome.attempts).toBe(1);
  });

  it('refuses to send a receipt to a printer out of paper, in the words of the staff who change the roll', async () => {
    const printer = await pty();
    const h = counter(printer.path);
    const staffSession = await openCounter(h, 100_000);
    printer.state = printerStates.paperEnd;
    const { taken } = await pay(h, staffSession, 0);
    const outcome = await settled(h, taken.jobId);
    expect(outcome.state).toBe('failed');
    expect(outcome.lastError).toBe(
      'La impresora de recibos no tiene papel; cambie el rollo de papel y vuelva a intentarlo.',
    );
    expect(printer.received.length).toBe(0);
  });

  it('prints on a printer that never answers DLE EOT: status unknown but reachable, the receipt done', async () => {
    const printer = await pty();
    printer.silent = true;
    const h = counter(printer.path);
    const staffSession = await openCounter(h, 100_000);
    expect((await h.receipts.status.refresh()).condition).toBe('unknown');
    const { taken } = await pay(h, staffSession, 0);
    expect((await settled(h, taken.jobId)).state).toBe('done');
    expect(printedLines(decodeEscpos(printer.received))).toContain('RECIBO DE CAJA');
  });

  it('prints on a write-only line (a named pipe): nobody reading is «desconectada», a reader gets the receipt', async () => {
    const fifo = new FifoReceiptPrinter();
    onTestFinished(() => fifo.stop());
    const h = counter(fifo.path);
    const staffSession = await openCounter(h, 100_000);
    const first = await pay(h, staffSession, 0);
    const failed = await settled(h, first.taken.jobId);
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toMatch(/^La impresora de recibos está desconectada/);

    fifo.listen();
    expect((await h.receipts.status.refresh()).condition).toBe('unknown');
    const copy = await value(h.cashier.reprint({ staffSession, paymentId: first.taken.payment.id }));
    expect((await settled(h, copy.jobId)).state).toBe('done');
    const lines = await linesWhen(fifo, (l) => l.includes('Gracias por su pago.'));
    expect(lines).toContain('*** COPIA ***');
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^Recibo Nº +${first.taken.payment.receiptNumber}$`)),
    );
    // No status request went down a line that cannot answer.
    expect(fifo.received.includes(Buffer.from([0x10, 0x04]))).toBe(false);
  });
});
