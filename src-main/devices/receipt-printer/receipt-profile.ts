import type { ReceiptPaper } from '../../../src-shared/receipts/receipt-model';

export const receiptPrinterTypes = ['epson', 'star'] as const;
export type ReceiptPrinterType = (typeof receiptPrinterTypes)[number];

/** What the encoder needs to know of the receipt printer (`printers.receiptType`, `receiptPaper`). */
export interface ReceiptPrinterProfile {
  readonly type: ReceiptPrinterType;
  readonly paper: ReceiptPaper;
}

/** `application/vnd.escpos`: the content type of receipt print jobs (db/local/schema/printing.ts). */
export const escposContentType = 'application/vnd.escpos';
