import { err, ok, type Result } from '../../src-shared/api/result';
import type { Logger } from '../logger';
import type { DeviceMeta } from '../device/device-meta';
import type { Store } from '../store/open-store';
import { cashierMessages } from './cashier-messages';
import type { CashierRecords, CashSessionRow } from './cashier-records';
import type { CounterStaff } from './staff-sessions';

/** What the counter's parts share: the store and its reads, the device, the clock, the settings. */
export interface CounterDeps {
  readonly store: Store;
  readonly records: CashierRecords;
  readonly meta: DeviceMeta;
  readonly config: CounterConfig;
  readonly log: Logger;
  readonly now: () => Date;
}

export interface CounterConfig {
  readonly entity: { readonly name: string; readonly nit: string; readonly city: string };
  readonly deviceName: string;
  /** Largest arqueo difference a cashier may close with alone, in pesos. */
  readonly closeTolerance: number;
  /** Refuse a scanned barcode after its due date (the convenio's rule). */
  readonly refuseExpiredBarcodes: boolean;
  /** Change is rounded up to this many pesos (src-shared/cashier/cash-rounding.ts). */
  readonly cashRoundingStep: number;
}

/** The open session and who works it: a cajero only their own, a supervisor any. */
export function openCounter(
  records: CashierRecords,
  staff: CounterStaff,
): Result<{ staff: CounterStaff; session: CashSessionRow }> {
  const session = records.openSession();
  if (session === undefined) return err('conflict', cashierMessages.noOpenSession);
  if (session.cashier !== staff.username && staff.role === 'cajero')
    return err('forbidden', cashierMessages.notYourSession(session.cashierName));
  return ok({ staff, session });
}

/** The id the server enrolled this device with; a supervisor's approvals are bound to it. */
export function enrolledDeviceId(meta: DeviceMeta): string {
  return meta.get('deviceId') ?? '';
}
