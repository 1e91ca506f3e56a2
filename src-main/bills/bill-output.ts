import type { BillDocumentInput } from '../../src-shared/domain/bill-document';

/**
 * What the bills service needs from the documents and printing modules: two small interfaces,
 * so the service does not depend on how a PDF is drawn or how a job reaches the printer. The
 * app wires the real ones (bill-output-wiring.ts); tests may wire their own.
 */
export interface BillDocuments {
  /** A letter-size PDF of the bill (`current`: with its payment barcode; `previous`: watermark, no barcode). */
  pdf(input: BillDocumentInput): Promise<Uint8Array>;
}

/** Which printer a bill goes to on this device. */
export type BillPrintTarget = 'document' | 'receipt' | 'none';

export interface BillPrinting {
  target(): BillPrintTarget;
  /** Queues a PDF on the document printer (a persisted job); its id. */
  printPdf(kind: 'bill' | 'previous-bill', title: string, pdf: Uint8Array): string;
  /** Queues the short thermal slip on the receipt printer; null when it has none. */
  printSlip(input: BillDocumentInput): Promise<string | null>;
}
