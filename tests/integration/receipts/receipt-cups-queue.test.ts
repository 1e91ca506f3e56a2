import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRootLogger } from '../../../src-main/logger';
import { printReceipt } from '../../../src-main/devices/receipt-printer/print-receipt';
import { startReceiptPrinting } from '../../../src-main/devices/receipt-printer/receipt-printing';
import type { Store } from '../../../src-main/store/open-store';
import { receiptTestPage } from '../../../src-shared/receipts/test-page';
import { describeWithCups } from '../../support/cups';
import { decodeEscpos, printedLines } from '../../support/escpos-decoder';
import { openTestStore } from '../../support/replica-store';
import { TcpReceiptPrinter } from '../../support/tcp-receipt-printer';
import { tempDir } from '../../support/temp-dir';

/**
 * A receipt printer behind an OS queue (`printers.receipt: "printer:QUEUE"`): a raw CUPS queue
 * whose device is CUPS's own socket backend pointed at a loopback printer. The ESC/POS bytes
 * must go through CUPS untouched (`lp -o raw`) and decode to the same Spanish text.
 */
// Like .ci/cups.sh: queues are an administrator's job, so through sudo when not root.
const asAdmin = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
const lpadmin = (...args: string[]): string => {
  const [command = 'lpadmin', ...rest] = [...asAdmin, 'lpadmin', ...args];
  return execFileSync(command, rest, {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
};

describeWithCups('receipts through a raw CUPS queue', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: Store;
  let printer: TcpReceiptPrinter;
  const queue = `ventanilla-recibos-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    dir = tempDir('receipt-cups');
    store = openTestStore(dir.path);
    printer = await TcpReceiptPrinter.start();
    const port = new URL(`http://${printer.address.replace(/^tcp:\/\//, '')}`).port;
    // `-m raw` is deprecated in CUPS 2.x but still makes a queue without a driver, what a
    // thermal printer on a shop's Linux box is given.
    lpadmin('-p', queue, '-E', '-v', `socket://127.0.0.1:${port}`, '-m', 'raw');
  });
  afterAll(async () => {
    try {
      lpadmin('-x', queue);
    } finally {
      await printer.stop();
      store.close();
      dir.remove();
    }
  });

  it('hands the ESC/POS bytes to the queue raw, and the printer decodes them to the Spanish text', async () => {
    const receipts = startReceiptPrinting({
      store,
      address: `printer:${queue}`,
      profile: { type: 'epson', paper: 80 },
      log: createRootLogger('silent'),
      statusTtlMs: 0,
      queue: { pollMs: 100, followTimeoutMs: 20_000 },
    });
    try {
      const printed = await printReceipt(
        receipts,
        'test-page',
        'Página de prueba',
        receiptTestPage('Caja 1', 48, '01/12/2026 10:00'),
        createRootLogger('silent'),
      );
      expect(printed.printerProblem).toBeNull();
      await expect
        .poll(
          () => {
            const job = receipts.queue.get(printed.jobId ?? '');
            return job.ok ? job.value.state : 'missing';
          },
          { timeout: 25_000, interval: 200 },
        )
        .toBe('done');
      await expect
        .poll(() => printedLines(decodeEscpos(printer.received)).includes('ñ Ñ á é í ó ú Á É Í Ó Ú ü Ü'), {
          timeout: 10_000,
        })
        .toBe(true);
      const events = decodeEscpos(printer.received);
      expect(printedLines(events).join(' ')).toContain('¿Cómo está? ¡Bien! Nº 123');
      expect(events.some((e) => e.kind === 'cut')).toBe(true);
    } finally {
      await receipts.queue.stop();
    }
  });
});
