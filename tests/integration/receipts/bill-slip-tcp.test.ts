import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queuePrinting } from '../../../src-main/bills/bill-output-wiring';
import { createRootLogger } from '../../../src-main/logger';
import { startReceiptPrinting, type ReceiptPrinting } from '../../../src-main/devices/receipt-printer/receipt-printing';
import { receiptMessages } from '../../../src-main/devices/receipt-printer/receipt-messages';
import type { Store } from '../../../src-main/store/open-store';
import type { PrintJobView } from '../../../src-shared/api/ops/print';
import type { BillDocumentInput } from '../../../src-shared/domain/bill-document';
import { GS } from '../../../src-shared/domain/gs1-128';
import { sampleCurrentBill, sampleEntity, sampleHistory, sampleSubscriber } from '../../support/bill-fixtures';
import { decodeEscpos, printedLines } from '../../support/escpos-decoder';
import { openTestStore } from '../../support/replica-store';
import { printerStates, TcpReceiptPrinter } from '../../support/tcp-receipt-printer';
import { tempDir } from '../../support/temp-dir';
import { decodeBarcodes } from '../../support/poppler-zbar';

/**
 * The bill's thermal slip on a network receipt printer: a real socket on loopback to a fake
 * EPSON printer that records the bytes and answers DLE EOT; the bytes decoded back to the text
 * a citizen reads and the payment barcode decoded by zbar from the printed raster.
 */
const current: BillDocumentInput = {
  mode: 'current',
  entity: sampleEntity,
  subscriber: sampleSubscriber,
  bill: sampleCurrentBill,
  history: sampleHistory,
};

let dir: ReturnType<typeof tempDir>;
let store: Store;
let printer: TcpReceiptPrinter;
let receipts: ReceiptPrinting;

beforeAll(async () => {
  dir = tempDir('bill-slip');
  store = openTestStore(dir.path);
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
  receipts = startReceiptPrinting({
    store,
    address: printer.address,
    profile: { type: 'epson', paper: 80 },
    log: createRootLogger('silent'),
    statusTtlMs: 0,
    queue: { retryBaseMs: 10, retryMaxMs: 20, pollMs: 5 },
    tcp: { statusTimeoutMs: 1500, connectTimeoutMs: 1500 },
  });
});
afterEach(async () => {
  await receipts.queue.stop();
});

const printing = () => queuePrinting({ document: null, receipt: { queue: receipts.queue, profile: receipts.profile } });

async function settled(jobId: string): Promise<PrintJobView> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const job = receipts.queue.get(jobId);
    if (!job.ok) throw new Error(job.error.message);
    if (job.value.state === 'done' || job.value.state === 'failed' || job.value.state === 'unknown') return job.value;
    if (Date.now() > deadline) throw new Error(`job stayed ${job.value.state}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('bill slip on a network receipt printer', () => {
  it('prints the bill in Spanish with its accents, cut, no drawer kick', async () => {
    expect(printing().target()).toBe('receipt');
    const jobId = await printing().printSlip(current);
    expect((await settled(jobId ?? '')).state).toBe('done');
    const events = decodeEscpos(printer.received);
    const lines = printedLines(events);
    expect(events[0]).toEqual({ kind: 'init' });
    expect(events).toContainEqual({ kind: 'code-page', page: 19 });
    expect(lines).toContain('Empresa Ibaguereña de Acueducto y Alcantarillado');
    expect(lines.some((l) => /^Lectura anterior · actual +10\.559 · 10\.576$/.test(l))).toBe(true);
    expect(lines).toContain('NIT 800.089.809-6');
    expect(lines.some((l) => /^Código interno +104233$/.test(l))).toBe(true);
    expect(lines).toContain('María Fernanda Ñáñez Peña');
    expect(lines.some((l) => /^TOTAL A PAGAR +\$ 147\.580$/.test(l))).toBe(true);
    expect(lines.some((l) => /^Pague hasta +20\/03\/2026$/.test(l))).toBe(true);
    expect(lines.some((l) => /^Consumo +17 m³$/.test(l))).toBe(true);
    expect(lines.join('')).toContain('(415)7709998000421(8020)000000104233(3900)0000147580(96)20260320');
    expect(lines.every((l) => l.length <= 48)).toBe(true);
    expect(events.at(-2)).toMatchObject({ kind: 'cut', partial: true });
    expect(events.some((e) => e.kind === 'drawer')).toBe(false);
  });

  it('prints a payment barcode that zbar decodes to exactly the GS1 element string', async () => {
    const jobId = await printing().printSlip(current);
    expect((await settled(jobId ?? '')).state).toBe('done');
    const raster = decodeEscpos(printer.received).find((e) => e.kind === 'raster');
    if (raster?.kind !== 'raster') throw new Error('no raster image printed');
    expect(raster.widthDots).toBe(576);
    const file = path.join(dir.path, 'slip-barcode.png');
    writeFileSync(file, raster.png);
    expect((await decodeBarcodes(file)).symbols).toEqual([
      `41577099980004218020000000104233${GS}39000000147580${GS}9620260320`,
    ]);
  });

  it('marks a previous bill with its state and prints no barcode', async () => {
    const previous = {
      ...current,
      mode: 'previous' as const,
      bill: { ...sampleCurrentBill, state: 'pagada', paidAt: '2026-03-15T15:00:00.000Z' },
    };
    const jobId = await printing().printSlip(previous);
    expect((await settled(jobId ?? '')).state).toBe('done');
    const events = decodeEscpos(printer.received);
    expect(printedLines(events)).toContain('FACTURA PAGADA');
    expect(events.some((e) => e.kind === 'raster')).toBe(false);
  });

  it('does not print without paper, says so, and prints once when a person retries', async () => {
    printer.state = printerStates.paperEnd;
    const jobId = (await printing().printSlip(current)) ?? '';
    const failed = await settled(jobId);
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toContain('no tiene papel');
    expect(printer.received.length).toBe(0);

    printer.state = printerStates.ready;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(printer.received.length).toBe(0);
    const retried = receipts.queue.retry(jobId);
    expect(retried.ok).toBe(true);
    expect((await settled(jobId)).state).toBe('done');
    expect(
      printedLines(decodeEscpos(printer.received)).filter((l) => l === 'FACTURA DE SERVICIOS PÚBLICOS'),
    ).toHaveLength(1);
  });

  it('keeps a receipt whose paper ran out mid-print as unknown, and never prints it again by itself', async () => {
    printer.paperEndAfterBytes = 400;
    const jobId = (await printing().printSlip(current)) ?? '';
    const failed = await settled(jobId);
    // Part of it is on the paper: a person looks and decides (print.resolve), nothing resends it.
    expect(failed.state).toBe('unknown');
    expect(failed.lastError).toBe(receiptMessages.paperRanOut);
    const bytes = printer.received.length;
    printer.state = printerStates.ready;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(printer.received.length).toBe(bytes);
  });

  it('keeps a receipt cut off by a dropped connection as unknown, never sent twice', async () => {
    printer.resetAfterBytes = 300;
    const jobId = (await printing().printSlip(current)) ?? '';
    const failed = await settled(jobId);
    expect(failed.state).toBe('unknown');
    expect(failed.lastError).toBe(receiptMessages.cutOff);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(printer.received.length).toBe(300);
  });

  it('says the printer is disconnected when nothing listens, and keeps the job', async () => {
    await receipts.queue.stop();
    receipts = startReceiptPrinting({
      store,
      address: 'tcp://127.0.0.1:9',
      profile: { type: 'epson', paper: 80 },
      log: createRootLogger('silent'),
      statusTtlMs: 0,
    });
    const jobId = (await printing().printSlip(current)) ?? '';
    const failed = await settled(jobId);
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toBe(
      'La impresora de recibos está desconectada; avise a un funcionario y vuelva a intentarlo.',
    );
  });
});
