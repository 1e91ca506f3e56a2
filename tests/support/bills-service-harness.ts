import { BillAccess } from '../../src-main/bills/bill-access';
import type { BillDocuments, BillPrinting } from '../../src-main/bills/bill-output';
import { BillQueries } from '../../src-main/bills/bill-queries';
import { billsHandlers } from '../../src-main/bills/bills-handlers';
import { PhoneLinks } from '../../src-main/documents/phone-links';
import { ServerClient } from '../../src-main/server-link/server-client';
import { BillsService } from '../../src-main/bills/bills-service';
import { keyedRandom } from '../../src-main/bills/random-source';
import { DeviceMeta } from '../../src-main/device/device-meta';
import { createRootLogger } from '../../src-main/logger';
import type { Store } from '../../src-main/store/open-store';
import { featureDispatch, opCalls, type OpCalls } from './op-caller';

export interface BillsHarness {
  readonly access: BillAccess;
  /** The bills operations through the dispatcher (schemas, the visit's access id checked). */
  readonly bills: OpCalls<'bills'>;
  readonly meta: DeviceMeta;
}

/**
 * The bills services over a real store, with a clock and randomness the test controls. The
 * documents and printing are passed in: the app's real ones, or whatever the test needs.
 */
export function billsHarness(
  store: Store,
  now: () => Date,
  output: { documents: BillDocuments; printing: BillPrinting },
  options: {
    /** Another kiosk (or the same one restarted): its own randomness. */
    readonly kiosk?: string;
    readonly billDeliveryDays?: number;
  } = {},
): BillsHarness {
  const kiosk = options.kiosk ?? 'harness';
  const log = createRootLogger('silent');
  const queries = new BillQueries(store);
  const meta = new DeviceMeta(store);
  const access = new BillAccess({
    store,
    queries,
    log,
    now,
    random: keyedRandom(Buffer.from(kiosk), 'order'),
    billDeliveryDays: options.billDeliveryDays,
  });
  const service = new BillsService({ access, queries, meta, log, ...output });
  // No central server here: «Llevar a mi celular» answers `offline` (tests/integration/documents/ has it with one).
  const phoneLinks = new PhoneLinks(new ServerClient('http://127.0.0.1:9', { timeoutMs: 500 }), meta, log);
  const dispatch = featureDispatch(
    billsHandlers(access, service, phoneLinks),
    { 'kiosk-visit': (accessId) => access.resolveVisit(accessId) },
    'kiosk',
  );
  return { access, meta, bills: opCalls(dispatch, 'bills') };
}
