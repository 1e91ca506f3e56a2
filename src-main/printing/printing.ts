import type { Logger } from '../logger';
import type { Store } from '../store/open-store';
import { createDocumentPrinter, type ElectronPrinterFactory } from './create-document-printer';
import type { DocumentPrinter } from './document-printer';
import { PrintQueue, type PrintQueueOptions } from './print-queue';
import { PrinterStatusCache } from './printer-status-cache';

export interface DocumentPrinting {
  readonly printer: DocumentPrinter;
  /** For the status strip: cheap to read on every poll. */
  readonly status: PrinterStatusCache;
  readonly queue: PrintQueue;
}

export interface DocumentPrintingOptions {
  readonly store: Store;
  /** `config.printers.document`. */
  readonly printerName: string | null;
  readonly platform: NodeJS.Platform;
  readonly log: Logger;
  readonly electronPrinter?: ElectronPrinterFactory | undefined;
  readonly statusTtlMs?: number;
  readonly queue?: PrintQueueOptions;
}

/** The document printer, its status for the status strip, and the persisted queue in front of it. */
export function startDocumentPrinting(options: DocumentPrintingOptions): DocumentPrinting {
  const printer = createDocumentPrinter({
    printerName: options.printerName,
    platform: options.platform,
    electronPrinter: options.electronPrinter,
  });
  const status = new PrinterStatusCache(printer, options.statusTtlMs ?? 5_000);
  const queue = new PrintQueue({ store: options.store, printer, status, log: options.log, options: options.queue ?? {} });
  queue.start();
  void status.refresh();
  return { printer, status, queue };
}
