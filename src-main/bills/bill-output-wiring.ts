import { buildBillDocument, type BillDocument } from '../../src-shared/domain/bill-document';
import type { BillDocuments, BillPrinting, BillPrintTarget } from './bill-output';

/** The part of the print queue (src-main/printing/print-queue.ts) a bill needs. */
export interface BillJobQueue {
  enqueue(request: { kind: string; title: string; contentType: string; content: Uint8Array }): { id: string };
}

/** Draws the PDF of a built document (src-main/documents). */
export type BillPdfRenderer = (document: BillDocument) => Promise<Uint8Array>;

/** Documents from the shared bill model (one model for PDF and slip) and the PDF renderer. */
export function modelDocuments(render: BillPdfRenderer): BillDocuments {
  return {
    async pdf(input) {
      const built = buildBillDocument(input);
      // The builder refuses only rows that contradict each other: a damaged replica, not bad input.
      if (!built.ok) throw new Error(`The bill document could not be built: ${built.error.message}`);
      return render(built.value);
    },
  };
}

export interface PrinterNames {
  readonly document: string | null;
  readonly receipt: string | null;
}

/**
 * A document printer takes the PDF as a persisted job; a kiosk with only a receipt printer
 * would take the thermal slip, which has no encoder and transport yet (so: null, and the
 * screen offers the PDF instead).
 */
export function queuePrinting(printers: PrinterNames, queue: BillJobQueue): BillPrinting {
  return {
    target(): BillPrintTarget {
      if (printers.document !== null) return 'document';
      return printers.receipt !== null ? 'receipt' : 'none';
    },
    printPdf(kind, title, pdf) {
      return queue.enqueue({ kind, title, contentType: 'application/pdf', content: pdf }).id;
    },
    printSlip() {
      return Promise.resolve(null);
    },
  };
}
