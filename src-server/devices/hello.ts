import { eq } from 'drizzle-orm';
import { settings } from '../../db/server/schema';
import type { DeviceMode } from '../../src-shared/domain/device-mode';
import type { ServerDatabase } from '../db/open';
import type { SubscriberCounter } from '../subscribers/subscriber-count';
import type { AuthenticatedDevice } from './auth';
import { seriesOf, type IssuedSeries } from './receipt-series';

/** What a device learns when it (re)connects: who it is, whose server this is, how big the data are. */
export interface DeviceHello {
  readonly deviceId: string;
  readonly deviceName: string;
  readonly mode: DeviceMode;
  readonly scope: string | null;
  readonly office: string | null;
  readonly receiptSeries: IssuedSeries | null;
  /** ISO 8601; devices compare it with their clock before money operations. */
  readonly serverTime: string;
  readonly deployment: { readonly id: string };
  /** The `entity` setting (name, NIT, …) exactly as stored, or null before it is configured. */
  readonly entity: unknown;
  readonly counts: { readonly subscribers: number };
}

export async function deviceHello(
  database: ServerDatabase,
  device: AuthenticatedDevice,
  deploymentId: string,
  subscriberCount: SubscriberCounter,
): Promise<DeviceHello> {
  const [entityRow, subscribers, receiptSeries] = await Promise.all([
    database.db.select({ value: settings.value }).from(settings).where(eq(settings.key, 'entity')),
    subscriberCount.get(),
    device.mode === 'kiosk' ? null : seriesOf(database.exec, device.id),
  ]);
  return {
    deviceId: device.id,
    deviceName: device.name,
    mode: device.mode,
    scope: device.scope,
    office: device.office,
    receiptSeries,
    serverTime: new Date().toISOString(),
    deployment: { id: deploymentId },
    entity: entityRow[0]?.value ?? null,
    counts: { subscribers },
  };
}
