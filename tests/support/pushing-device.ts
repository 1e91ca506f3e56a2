import { ServerClient } from '../../src-main/server-link/server-client';
import { createEnrollmentCode } from '../../src-server/devices/admin';
import type { DeviceMode } from '../../src-shared/domain/device-mode';
import type { PushResult } from '../../src-shared/server-api/sync-api';
import type { TestServer } from './server-harness';

/** An event as a test pushes it; the device's id is added by the device. */
export interface PushedEvent {
  readonly id: string;
  readonly type: string;
  readonly payload: Record<string, unknown>;
  readonly createdAt: string;
}

/**
 * A device enrolled on the test server that pushes events straight to `/v1/sync/push` with its
 * own token, as a device (or whoever holds its token) would — no device core in between.
 */
export interface PushingDevice {
  readonly id: string;
  readonly token: string;
  /** Its receipt series' prefix; null for a device that has none (a kiosk). */
  readonly prefix: string | null;
  /** Pushes the events as this device; a refused request (not a rejected event) throws. */
  push(events: readonly PushedEvent[]): Promise<PushResult[]>;
}

export async function enrollPushingDevice(
  t: TestServer,
  name: string,
  mode: DeviceMode,
  extra: { office?: string; scope?: string } = {},
): Promise<PushingDevice> {
  const { code } = await createEnrollmentCode(t.server.database, { deviceName: name, mode, ...extra });
  const client = new ServerClient(t.server.url);
  const answer = await client.enroll(code);
  if (!answer.ok) throw new Error(answer.error.message);
  const { deviceId, token, receiptSeries } = answer.value;
  return {
    id: deviceId,
    token,
    prefix: receiptSeries?.prefix ?? null,
    async push(events) {
      const result = await client.push(
        token,
        events.map((e) => ({ ...e, deviceId })),
      );
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return result.value.results;
    },
  };
}
