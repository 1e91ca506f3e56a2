import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../src-main/app-core';
import { DEFAULT_MAIL_FROM } from '../../../src-server/config';
import {
  createEnrollmentCode,
  revokeDevice,
  startServer,
  type RunningServer,
  type ServerConfig,
} from '../../../src-server/index';
import { startTestCore, testConfig } from '../../support/test-app';
import { tempDir } from '../../support/temp-dir';

interface Status {
  server: { state: string; lastContactAt: string | null; subscribers: number | null };
}

const serverConfig = (dataDir: string, port = 0): ServerConfig => ({
  dataDir,
  databaseUrl: null,
  host: '127.0.0.1',
  port,
  logLevel: 'silent',
  enrollmentCodeTtlHours: 24,
  smtpUrl: null,
  mailFrom: DEFAULT_MAIL_FROM,
});

// One central server for the file (PGlite takes seconds to start); each test gets its own device.
let serverDir: ReturnType<typeof tempDir>;
let server: RunningServer;
beforeAll(async () => {
  serverDir = tempDir('device-link-server');
  server = await startServer(serverConfig(serverDir.path));
});
afterAll(async () => {
  await server.stop();
  serverDir.remove();
});

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function newDevice(serverUrl = server.url): AppCore {
  const dir = tempDir('device-link');
  const core = startTestCore(testConfig(dir.path), serverUrl);
  cleanups.push(
    () => dir.remove(),
    () => core.stop(),
  );
  return core;
}

const status = async (core: AppCore): Promise<Status> => {
  const result = await core.dispatch('status.get', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Status;
};

/** Asks for a hello now (as the timer would) until the status shows `wanted`, for 15 s at most. */
async function pollState(core: AppCore, wanted: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  let state = '';
  while (Date.now() < deadline) {
    await core.checkConnection();
    state = (await status(core)).server.state;
    if (state === wanted) return state;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return state;
}

describe('device ↔ central server', () => {
  it('enrolls with a one-time code through the contract and then reports the server online', async () => {
    const core = newDevice();
    expect((await status(core)).server.state).toBe('not-enrolled');
    const { code } = await createEnrollmentCode(server.database, { deviceName: 'Kiosco Sede Centro', mode: 'kiosk' });
    const enrolled = await core.dispatch('device.enroll', { code: code.toLowerCase() });
    expect(enrolled).toMatchObject({ ok: true, value: { deviceName: 'Kiosco Sede Centro' } });
    const after = await status(core);
    expect(after.server.state).toBe('online');
    expect(after.server.lastContactAt).not.toBeNull();
    expect(after.server.subscribers).toBe(0);
    const info = await core.dispatch('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { device: { name: 'Kiosco Sede Centro' } } });
  });

  it('refuses to use the same code twice, on a second device', async () => {
    const first = newDevice();
    const { code } = await createEnrollmentCode(server.database, { deviceName: 'Caja 1', mode: 'cashier' });
    expect((await first.dispatch('device.enroll', { code })).ok).toBe(true);
    const second = newDevice();
    const again = await second.dispatch('device.enroll', { code });
    expect(again.ok).toBe(false);
    expect((await status(second)).server.state).toBe('not-enrolled');
  });

  it('refuses a second enrollment of a device that already has one', async () => {
    const core = newDevice();
    const { code } = await createEnrollmentCode(server.database, { deviceName: 'Caja 2', mode: 'cashier' });
    await core.dispatch('device.enroll', { code });
    const other = await createEnrollmentCode(server.database, { deviceName: 'Caja 3', mode: 'cashier' });
    expect(await core.dispatch('device.enroll', { code: other.code })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('shows a revoked device as not enrolled, and lets it enroll again with a new code', async () => {
    const core = newDevice();
    const { code } = await createEnrollmentCode(server.database, { deviceName: 'Portátil ruta 3', mode: 'field' });
    const enrolled = await core.dispatch('device.enroll', { code });
    if (!enrolled.ok) throw new Error('enrollment failed');
    await revokeDevice(server.database, (enrolled.value as { deviceId: string }).deviceId);
    expect(await pollState(core, 'not-enrolled')).toBe('not-enrolled');
    const fresh = await createEnrollmentCode(server.database, { deviceName: 'Portátil ruta 3', mode: 'field' });
    const again = await core.dispatch('device.enroll', { code: fresh.code });
    expect(again.ok).toBe(true);
    expect((again as { value: { deviceId: string } }).value.deviceId).not.toBe(
      (enrolled.value as { deviceId: string }).deviceId,
    );
    expect((await status(core)).server.state).toBe('online');
  });

  it('enrolls once when asked twice at the same time', async () => {
    const core = newDevice();
    const { code } = await createEnrollmentCode(server.database, { deviceName: 'Kiosco doble toque', mode: 'kiosk' });
    const results = await Promise.all([
      core.dispatch('device.enroll', { code }),
      core.dispatch('device.enroll', { code }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('shows offline when its server stops, and online again when it returns on the same port', async () => {
    const dir = tempDir('device-link-restart');
    cleanups.push(() => dir.remove());
    const own = await startServer(serverConfig(dir.path));
    const core = newDevice(own.url);
    const { code } = await createEnrollmentCode(own.database, { deviceName: 'Kiosco', mode: 'kiosk' });
    await core.dispatch('device.enroll', { code });
    await own.stop();
    expect(await pollState(core, 'offline')).toBe('offline');
    const back = await startServer(serverConfig(dir.path, own.port));
    cleanups.push(() => back.stop());
    expect(await pollState(core, 'online')).toBe('online');
  });
});
