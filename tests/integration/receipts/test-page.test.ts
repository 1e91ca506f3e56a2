import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRootLogger } from '../../../src-main/logger';
import { printReceipt } from '../../../src-main/devices/receipt-printer/print-receipt';
import { startReceiptPrinting } from '../../../src-main/devices/receipt-printer/receipt-printing';
import type { Store } from '../../../src-main/store/open-store';
import { receiptTestPage } from '../../../src-shared/receipts/test-page';
import { decodeEscpos, printedLines } from '../../support/escpos-decoder';
import { openTestStore } from '../../support/replica-store';
import { TcpReceiptPrinter } from '../../support/tcp-receipt-printer';
import { tempDir } from '../../support/temp-dir';

let dir: ReturnType<typeof tempDir>;
let store: Store;
let printer: TcpReceiptPrinter;

beforeAll(async () => {
  dir = tempDir('test-page');
  store = openTestStore(dir.path);
  printer = await TcpReceiptPrinter.start();
});
afterAll(async () => {
  await printer.stop();
  store.close();
  dir.remove();
});

it.each([80, 58] as const)(
  'prints the installer’s test page on a %i mm roll with every Spanish sign as it should read',
  async (paper) => {
    printer.clear();
    const receipts = startReceiptPrinting({
      store,
      address: printer.address,
      profile: { type: 'epson', paper },
      log: createRootLogger('silent'),
      statusTtlMs: 0,
    });
    try {
      const columns = paper === 80 ? 48 : 32;
      const printed = await printReceipt(
        receipts,
        'test-page',
        'Página de prueba',
        receiptTestPage('Caja 1', columns, '01/12/2026 10:00'),
        createRootLogger('silent'),
      );
      expect(printed.printerProblem).toBeNull();
      await expect
        .poll(
          () =>
            receipts.queue.get(printed.jobId ?? '').ok &&
            (receipts.queue.get(printed.jobId ?? '') as { value: { state: string } }).value.state,
          { timeout: 5000 },
        )
        .toBe('done');
      const lines = printedLines(decodeEscpos(printer.received));
      expect(lines).toContain('ñ Ñ á é í ó ú Á É Í Ó Ú ü Ü');
      expect(lines.join(' ')).toContain('¿Cómo está? ¡Bien! Nº 123 · 25 °C · 17 m³');
      expect(lines).toContain('1234567890'.repeat(5).slice(0, columns));
      expect(lines.every((l) => l.length <= columns)).toBe(true);
    } finally {
      await receipts.queue.stop();
    }
  },
);
