import { onTestFinished } from 'vitest';
import { StaffSessions } from '../../src-main/cashier/staff-sessions';
import { startField, type FieldDeps } from '../../src-main/field/start-field';
import { createRootLogger } from '../../src-main/logger';
import { startReceiptPrinting, type ReceiptPrinting } from '../../src-main/devices/receipt-printer/receipt-printing';
import { DeviceMeta } from '../../src-main/device/device-meta';
import { StaffAuthorizer } from '../../src-main/staff/staff-authorizer';
import type { Store } from '../../src-main/store/open-store';
import type { DeviceMode } from '../../src-shared/domain/device-mode';
import { featureDispatch, opCalls, type OpCalls } from './op-caller';
import { testStaffPepper } from './staff-pepper';

export interface FieldHarness {
  /** The field operations through the real dispatcher (schemas, mode, the staff session checked). */
  readonly field: OpCalls<'field'>;
  readonly receipts: ReceiptPrinting;
  readonly meta: DeviceMeta;
}

/** The field slice over a real store, a receipt printer address (or null: none) and a clock. */
export function fieldHarness(
  store: Store,
  printer: string | null,
  now: () => Date,
  mode: DeviceMode = 'field',
  /** Who stops the receipt queue: the test by default; a file-wide harness, its afterAll. */
  register: (stop: () => Promise<void>) => void = onTestFinished,
  /** The central server's client and the sync service's wake-up, for «Preparar salida» and the handover. */
  server?: FieldDeps['server'],
): FieldHarness {
  const log = createRootLogger('silent');
  const authorizer = new StaffAuthorizer(store, log, testStaffPepper);
  const sessions = new StaffSessions(authorizer, () => now().getTime());
  const receipts = startReceiptPrinting({
    store,
    address: printer,
    profile: { type: 'epson', paper: 80 },
    log,
    statusTtlMs: 0,
    queue: { retryBaseMs: 10, retryMaxMs: 20, pollMs: 5, reader: () => 'staff' },
  });
  register(() => receipts.queue.stop());
  const meta = new DeviceMeta(store);
  const slice = startField({
    store,
    meta,
    sessions,
    authorizer,
    clock: { checkForMoney: () => ({ ok: true, value: undefined }) },
    receipts,
    config: {
      entity: { name: 'Empresa de Acueducto (demostración)', nit: '800089809', city: 'Ibagué, Tolima' },
      deviceName: 'Portátil ruta 3',
      cashRoundingStep: 1,
    },
    log,
    now,
    server,
  });
  const dispatch = featureDispatch(
    slice.handlers,
    { 'staff-session': (staffSession: string) => sessions.resolve(staffSession) },
    mode,
  );
  return { field: opCalls(dispatch, 'field'), receipts, meta };
}
