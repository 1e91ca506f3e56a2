import { ok } from '../../../src-shared/api/result';
import { formatBogotaDateTime } from '../../../src-shared/domain/calendar-es';
import { receiptPapers } from '../../../src-shared/receipts/receipt-model';
import { receiptTestPage } from '../../../src-shared/receipts/test-page';
import type { Slice } from '../../api/slice';
import type { BillPrinters } from '../../bills/bill-output-wiring';
import type { AppConfig } from '../../config/app-config';
import type { DeviceMeta } from '../../device/device-meta';
import { moduleLogger, type Logger } from '../../logger';
import type { Store } from '../../store/open-store';
import { startDocumentPrinting, type DocumentPrinting } from '../document-printer/document-printing';
import { printReceipt } from '../receipt-printer/print-receipt';
import { startReceiptPrinting, type ReceiptPrinting } from '../receipt-printer/receipt-printing';
import { PrintDesk } from './print-desk';
import type { PrinterStatusCache } from './printer-status-cache';
import type { PrintReader } from './print-messages';

export interface PrintersDeps {
  readonly store: Store;
  readonly meta: DeviceMeta;
  readonly config: AppConfig;
  /** The app's root logger: each printer logs as its own module. */
  readonly log: Logger;
  /** Who stands at the printers: a citizen on a kiosk, staff at a counter or in the field. */
  readonly reader: () => PrintReader;
  /** How long each printer's last status is reused (each line's own default when absent; tests shorten it). */
  readonly statusTtlMs?: number | undefined;
}

export interface Printers {
  readonly documents: DocumentPrinting;
  readonly receipts: ReceiptPrinting;
  /** The printers a bill can go to (null where none is configured). */
  readonly forBills: BillPrinters;
  /**
   * The printer the status strip shows: the one citizens' documents come out of (the document
   * printer, or the receipt printer on a kiosk that has only that one).
   */
  readonly stripPrinter: PrinterStatusCache;
}

/**
 * The device's printers, each a persisted queue (docs/architecture.md): screens follow a job
 * and ask for retries (print.job, print.retry), the installer prints the receipt printer's test
 * page. Stopping lets each queue finish the job in hand.
 */
export function startPrinters(deps: PrintersDeps): Slice & Printers {
  const { config, log } = deps;
  const statusTtl = deps.statusTtlMs === undefined ? {} : { statusTtlMs: deps.statusTtlMs };
  const documents = startDocumentPrinting({
    store: deps.store,
    printerName: config.printers.document,
    platform: process.platform,
    log: moduleLogger(log, 'printing'),
    queue: { reader: deps.reader },
    ...statusTtl,
  });
  const receipts = startReceiptPrinting({
    store: deps.store,
    address: config.printers.receipt,
    profile: { type: config.printers.receiptType, paper: config.printers.receiptPaper },
    log: moduleLogger(log, 'receipts'),
    queue: { reader: deps.reader },
    ...statusTtl,
  });
  const desk = new PrintDesk([documents.queue, receipts.queue]);
  const testPage = () =>
    printReceipt(
      receipts,
      'test-page',
      'Página de prueba',
      receiptTestPage(
        deps.meta.get('deviceName') ?? config.device.name,
        receiptPapers[receipts.profile.paper].columns,
        formatBogotaDateTime(new Date().toISOString()),
      ),
      log,
    );
  return {
    name: 'printers',
    documents,
    receipts,
    forBills: {
      document: config.printers.document === null ? null : documents.queue,
      receipt: receipts.configured ? { queue: receipts.queue, profile: receipts.profile } : null,
    },
    stripPrinter: config.printers.document === null && receipts.configured ? receipts.status : documents.status,
    handlers: {
      'print.job': (input) => Promise.resolve(desk.get(input.jobId)),
      'print.retry': (input) => Promise.resolve(desk.retry(input.jobId)),
      'print.resolve': (input) => Promise.resolve(desk.resolve(input.jobId, input.resolution)),
      'print.receiptTestPage': async () => ok(await testPage()),
    },
    stop: async () => {
      await Promise.all([documents.queue.stop(), receipts.queue.stop()]);
    },
  };
}
