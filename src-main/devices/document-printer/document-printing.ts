import type { Logger } from '../../logger';
import type { Store } from '../../store/open-store';
import type { PrintQueueOptions } from '../printing/print-queue';
import { startPrinterLine, type PrinterLine } from '../printing/printer-line';
import { createDocumentPrinter, type ElectronPrinterFactory } from './create-document-printer';

export type DocumentPrinting = PrinterLine;

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

/** The document printer (full-page PDFs through the OS print system). */
export function startDocumentPrinting(options: DocumentPrintingOptions): DocumentPrinting {
  const printer = createDocumentPrinter({
    printerName: options.printerName,
    platform: options.platform,
    electronPrinter: options.electronPrinter,
  });
  return startPrinterLine({ ...options, printer, contentTypes: ['application/pdf'] });
}
