import type { DeviceStatus } from '../../src-shared/api/ops/status';
import type { DeviceReadings, KioskDevice } from '../../src-shared/kiosk/out-of-service';
import { stripState, type PrinterStatusCache } from '../devices/printing/printer-status-cache';

/** Where each reading comes from: the status caches the strip already uses (no new questions to a device). */
export interface ReadingSources {
  /** Null where the device has no such printer configured. */
  readonly receiptPrinter: PrinterStatusCache | null;
  readonly documentPrinter: PrinterStatusCache | null;
  /** A kiosk's dispenser, as the strip sees it; null where there is none. */
  readonly dispenser: (() => Promise<NonNullable<DeviceStatus['dispenser']>['state']>) | null;
}

/** Reads only the devices the kiosk requires: a printer not required is not asked every few seconds. */
export function deviceReadings(
  required: readonly KioskDevice[],
  sources: ReadingSources,
): () => Promise<DeviceReadings> {
  const printer = async (cache: PrinterStatusCache | null, device: KioskDevice) =>
    !required.includes(device) || cache === null ? null : stripState((await cache.current()).condition);
  return async () => ({
    'receipt-printer': await printer(sources.receiptPrinter, 'receipt-printer'),
    'document-printer': await printer(sources.documentPrinter, 'document-printer'),
    dispenser: required.includes('dispenser') && sources.dispenser !== null ? await sources.dispenser() : null,
  });
}
