import type { Logger } from '../../logger';
import type { Store } from '../../store/open-store';
import type { DocumentPrinter } from '../document-printer/document-printer';
import { PrintQueue, type PrintQueueOptions } from './print-queue';
import { PrinterStatusCache } from './printer-status-cache';

/** A printer, its status for the status strip (cheap to read on every poll), and its persisted queue. */
export interface PrinterLine {
  readonly printer: DocumentPrinter;
  readonly status: PrinterStatusCache;
  readonly queue: PrintQueue;
}

export interface PrinterLineOptions {
  readonly store: Store;
  readonly printer: DocumentPrinter;
  /** The jobs of this printer in print_jobs. */
  readonly contentTypes: readonly string[];
  readonly log: Logger;
  readonly statusTtlMs?: number;
  readonly queue?: PrintQueueOptions;
}

/** Starts the queue in front of `printer` (settling what the last run left) and reads its status once. */
export function startPrinterLine(options: PrinterLineOptions): PrinterLine {
  const { printer } = options;
  const status = new PrinterStatusCache(printer, options.statusTtlMs ?? 5_000);
  const queue = new PrintQueue({
    store: options.store,
    printer,
    contentTypes: options.contentTypes,
    status,
    log: options.log,
    options: options.queue ?? {},
  });
  queue.start();
  void status.refresh();
  return { printer, status, queue };
}
