import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { Store } from '../store/open-store';
import { BillAccess } from './bill-access';
import { modelDocuments, queuePrinting, type BillPdfRenderer, type BillPrinters } from './bill-output-wiring';
import { BillQueries } from './bill-queries';
import { BillsService } from './bills-service';

export interface BillsDeps {
  readonly store: Store;
  readonly meta: DeviceMeta;
  /** The configured printers' persisted queues. */
  readonly printers: BillPrinters;
  readonly renderPdf: BillPdfRenderer;
  readonly log: Logger;
}

/** The bills feature's services, ready for the handlers: who may see a code, and what they see. */
export function startBills(deps: BillsDeps): { access: BillAccess; service: BillsService } {
  const queries = new BillQueries(deps.store);
  const access = new BillAccess({ store: deps.store, queries, log: deps.log });
  const service = new BillsService({
    access,
    queries,
    meta: deps.meta,
    documents: modelDocuments(deps.renderPdf),
    printing: queuePrinting(deps.printers),
    log: deps.log,
  });
  return { access, service };
}
