import type { EntitySetting } from '../../src-shared/domain/entity-setting';
import type { BillView } from '../../src-shared/api/ops/bills';
import type { z } from 'zod';
import type { SubscriberSummary } from '../../src-shared/api/ops/bills';

/**
 * What the bills service needs from the documents and printing modules, so it depends on two
 * small interfaces rather than on a renderer or a queue. The app wires the real ones.
 */

/** `current`: with the payment barcode. `previous`: informative, no barcode, state watermark. */
export type BillDocumentKind = 'current' | 'previous';

export interface BillDocumentSource {
  readonly kind: BillDocumentKind;
  readonly entity: EntitySetting;
  readonly subscriber: z.infer<typeof SubscriberSummary>;
  readonly bill: BillView;
  /** Oldest first, up to six periods ending at the bill's. */
  readonly consumption: readonly { readonly period: string; readonly consumptionM3: number }[];
  /** "Datos actualizados al …": the replica's last pull, ISO, or null. */
  readonly dataAsOf: string | null;
}

export interface BillDocuments {
  /** A letter-size PDF of the bill. */
  pdf(source: BillDocumentSource): Promise<Uint8Array>;
}

/** Which printer a bill goes to on this device. */
export type BillPrintTarget = 'document' | 'receipt' | 'none';

export interface BillPrinting {
  target(): BillPrintTarget;
  /** Queues a PDF on the document printer; the persisted job's id. */
  printPdf(title: string, pdf: Uint8Array): Promise<string>;
  /** Queues the short thermal slip on the receipt printer; null while no slip encoder exists. */
  printSlip(source: BillDocumentSource): Promise<string | null>;
}
