import { buildBillDocument, type BillDocument } from '../../src-shared/domain/bill-document';
import { billSlip } from '../../src-shared/domain/bill-slip';
import { encodeReceipt } from '../devices/receipt-printer/escpos-encoder';
import { escposContentType, type ReceiptPrinterProfile } from '../devices/receipt-printer/receipt-profile';
import type { BillDocuments, BillPrinting, BillPrintTarget } from './bill-output';

/** The part of the print queue (src-main/devices/printing/print-queue.ts) a bill needs. */
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

/** The printers a bill can go to on this device, each with its persisted queue; null when absent. */
export interface BillPrinters {
  readonly document: BillJobQueue | null;
  readonly receipt: { readonly queue: BillJobQueue; readonly profile: ReceiptPrinterProfile } | null;
}

/**
 * The document printer takes the full PDF; a kiosk with only a receipt printer gets the short
 * thermal slip (the same document model, src-shared/domain/bill-slip.ts). Both are persisted jobs.
 */
export function queuePrinting(printers: BillPrinters): BillPrinting {
  return {
    target(): BillPrintTarget {
      if (printers.document !== null) return 'document';
      return printers.receipt !== null ? 'receipt' : 'none';
    },
    printPdf(kind, title, pdf) {
      if (printers.document === null) throw new Error('no document printer on this device');
      return printers.document.enqueue({ kind, title, contentType: 'application/pdf', content: pdf }).id;
    },
    async printSlip(input) {
      if (printers.receipt === null) return null;
      const built = buildBillDocument(input);
      if (!built.ok) throw new Error(`The bill document could not be built: ${built.error.message}`);
      const bytes = await encodeReceipt(billSlip(built.value), printers.receipt.profile);
      return printers.receipt.queue.enqueue({
        kind: 'bill-slip',
        title: `Factura ${input.bill.period}`,
        contentType: escposContentType,
        content: bytes,
      }).id;
    },
  };
}
