import type { Slice } from '../api/slice';
import type { DeviceMeta } from '../device/device-meta';
import type { PhoneLinks } from '../documents/phone-links';
import type { Logger } from '../logger';
import type { Store } from '../store/open-store';
import { BillAccess } from './bill-access';
import { modelDocuments, queuePrinting, type BillPdfRenderer, type BillPrinters } from './bill-output-wiring';
import { BillQueries } from './bill-queries';
import { billsHandlers } from './bills-handlers';
import { BillsService } from './bills-service';

export interface BillsDeps {
  readonly store: Store;
  readonly meta: DeviceMeta;
  /** The configured printers' persisted queues. */
  readonly printers: BillPrinters;
  readonly renderPdf: BillPdfRenderer;
  readonly log: Logger;
  /** Days from a bill's issue to the citizen's door (config `kiosk.billDeliveryDays`); 5 when not given. */
  readonly billDeliveryDays?: number;
  /** «Llevar a mi celular»: documents left on the central server for a phone. */
  readonly phoneLinks: PhoneLinks;
}

/**
 * Bills at the kiosk: who may see a código interno (its questions answered: the access id the
 * bills operations declare as their kiosk visit) and what they see. `access` is for accounts,
 * which open a linked code without the questions.
 */
export function startBills(deps: BillsDeps): Slice & { readonly access: BillAccess } {
  const queries = new BillQueries(deps.store);
  const access = new BillAccess({ store: deps.store, queries, log: deps.log, billDeliveryDays: deps.billDeliveryDays });
  // A kiosk reads its subscribers for the questions' peers now, so its first citizen does not
  // wait for a million rows; a counter never asks the questions.
  const mode = deps.meta.get('deviceMode');
  if (mode === null || mode === 'kiosk') {
    access
      .warmUp()
      .catch((error: unknown) => deps.log.warn({ err: error }, 'the peer directory could not be read at start-up'));
  }
  const service = new BillsService({
    access,
    queries,
    meta: deps.meta,
    documents: modelDocuments(deps.renderPdf),
    printing: queuePrinting(deps.printers),
    log: deps.log,
  });
  return {
    name: 'bills',
    access,
    handlers: billsHandlers(access, service, deps.phoneLinks),
    callers: { 'kiosk-visit': (accessId) => access.resolveVisit(accessId) },
    // The next citizen starts from nothing: no access to the last one's bills.
    endVisit: () => access.endSession(),
    stop: () => Promise.resolve(),
  };
}
