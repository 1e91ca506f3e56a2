import { expect, onTestFinished } from 'vitest';
import { seedDemoData } from '../../db/seed';
import type { AppCore } from '../../src-main/app-core';
import { createEnrollmentCode } from '../../src-server/devices/admin';
import type { OpInput, OpName, OpOutput } from '../../src-shared/api/contract';
import type { DeviceMode } from '../../src-shared/domain/device-mode';
import { deviceChecksums, serverChecksums } from './replica-checksum';
import { tempDir } from './temp-dir';
import { startTestCore, testConfig } from './test-app';
import type { SyncOptions } from '../../src-main/sync/sync-service';
import type { TestServer } from './server-harness';

export const seedNow = new Date('2026-11-15T15:00:00Z');

export async function seedServer(
  t: { readonly server: Pick<TestServer['server'], 'database'> },
  subscribers: number,
): Promise<void> {
  await seedDemoData(t.server.database.exec, { subscribers, months: 6, now: seedNow });
}

/** A device with its own data dir, enrolled with `t`'s server; stopped after the test. */
export async function enrolledDevice(
  t: TestServer,
  opts: {
    scope?: string;
    serverUrl?: string;
    dir?: string;
    mode?: DeviceMode;
    office?: string;
    sync?: SyncOptions;
  } = {},
): Promise<AppCore> {
  const dir = opts.dir === undefined ? tempDir('sync-device') : null;
  const core = startTestCore(testConfig(opts.dir ?? dir!.path), opts.serverUrl ?? t.server.url, opts.sync);
  onTestFinished(async () => {
    await core.stop();
    dir?.remove();
  });
  const mode = opts.mode ?? 'cashier';
  const { code } = await createEnrollmentCode(t.server.database, {
    deviceName: mode === 'kiosk' ? 'Kiosco 1' : 'Caja 1',
    mode,
    ...(opts.scope === undefined ? {} : { scope: opts.scope }),
    ...(opts.office === undefined ? {} : { office: opts.office }),
  });
  const enrolled = await core.dispatch('device.enroll', { code });
  expect(enrolled.ok).toBe(true);
  return core;
}

export async function until<T>(
  what: string,
  probe: () => T | Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await probe();
  }
  return value;
}

/** Waits until the device's replica hashes the same as the server's tables. */
export async function expectReplicaEqual(t: TestServer, core: AppCore, timeoutMs = 30_000): Promise<void> {
  const server = await serverChecksums(t.server.database.exec, undefined, core.mode());
  await until(
    'replica = server',
    () => deviceChecksums(core.store),
    (device) => JSON.stringify(device) === JSON.stringify(server),
    timeoutMs,
  );
}

export async function status(core: AppCore): Promise<OpOutput<'status.get'>> {
  const result = await core.dispatch('status.get', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as OpOutput<'status.get'>;
}

/** A contract operation through the core, its output typed by the contract; an error throws. */
export async function callOk<K extends OpName>(core: AppCore, op: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const result = await core.dispatch(op, input);
  if (!result.ok) throw new Error(`${op}: ${result.error.code} ${result.error.message}`);
  return result.value as OpOutput<K>;
}
