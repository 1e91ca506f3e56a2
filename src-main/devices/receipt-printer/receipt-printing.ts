import type { Logger } from '../../logger';
import { CupsPrinter } from '../document-printer/cups/cups-printer';
import type { DocumentPrinter } from '../document-printer/document-printer';
import type { PrintQueueOptions } from '../printing/print-queue';
import { startPrinterLine, type PrinterLine } from '../printing/printer-line';
import { UnavailablePrinter } from '../document-printer/unavailable-printer';
import type { Store } from '../../store/open-store';
import { EscposTcpPrinter, type EscposTcpOptions } from './escpos-tcp-printer';
import { receiptMessages } from './receipt-messages';
import { parseReceiptPrinterAddress } from './receipt-printer-address';
import { escposContentType, type ReceiptPrinterProfile } from './receipt-profile';

export interface ReceiptPrinting extends PrinterLine {
  readonly profile: ReceiptPrinterProfile;
  /** False when `printers.receipt` is not set: nothing prints, the screens say so. */
  readonly configured: boolean;
}

export interface ReceiptPrintingOptions {
  readonly store: Store;
  /** `config.printers.receipt`, already validated by the config loader. */
  readonly address: string | null;
  readonly profile: ReceiptPrinterProfile;
  readonly log: Logger;
  readonly tcp?: EscposTcpOptions;
  readonly statusTtlMs?: number;
  readonly queue?: PrintQueueOptions;
}

/**
 * The receipt printer: a network printer spoken to directly (status before and after each
 * receipt), or an OS queue given the bytes raw. Its jobs are ESC/POS bytes in print_jobs,
 * with their own queue beside the document printer's.
 */
export function startReceiptPrinting(options: ReceiptPrintingOptions): ReceiptPrinting {
  const printer = createReceiptPrinter(options.address, options.tcp);
  // A failed receipt is never sent again by itself: a person asks for the retry or the reprint.
  const queue: PrintQueueOptions = { maxAttempts: 2, ...options.queue };
  const line = startPrinterLine({ ...options, printer, contentTypes: [escposContentType], queue });
  return { ...line, profile: options.profile, configured: options.address !== null };
}

function createReceiptPrinter(address: string | null, tcp?: EscposTcpOptions): DocumentPrinter {
  if (address === null) return new UnavailablePrinter('not-configured', null, receiptMessages.notConfigured);
  const parsed = parseReceiptPrinterAddress(address);
  if (parsed === null) throw new Error(receiptMessages.badAddress);
  return parsed.kind === 'tcp'
    ? new EscposTcpPrinter(address, parsed.host, parsed.port, tcp)
    : new CupsPrinter(parsed.queue);
}
