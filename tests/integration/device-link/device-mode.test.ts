import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../src-main/app-core';
import { DEFAULT_MAIL_FROM } from '../../../src-server/config';
import { createEnrollmentCode, revokeDevice, startServer, type RunningServer } from '../../../src-server/index';
import type { DeviceMode } from '../../../src-shared/domain/device-mode';
import { startTestCore, testConfig } from '../../support/test-app';
import { tempDir } from '../../support/temp-dir';

/**
 * The device works as what the central server enrolled it as (docs/trust-model.md): the
 * dispatcher serves only that mode's operations, a code for another mode than the configured
 * one is refused, and a config that disagrees with the enrollment stops the app at start-up.
 */

let serverDir: ReturnType<typeof tempDir>;
let server: RunningServer;
beforeAll(async () => {
  serverDir = tempDir('device-mode-server');
  server = await startServer({
    dataDir: serverDir.path,
    databaseUrl: null,
    host: '127.0.0.1',
    port: 0,
    logLevel: 'silent',
    enrollmentCodeTtlHours: 24,
    smtpUrl: null,
    mailFrom: DEFAULT_MAIL_FROM,
  });
});
afterAll(async () => {
  await server.stop();
  serverDir.remove();
});

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function device(dir: string, configured?: DeviceMode): AppCore {
  if (configured !== undefined)
    writeFileSync(
      path.join(dir, 'ventanilla.json'),
      JSON.stringify({ device: { mode: configured, name: 'Equipo de prueba' } }),
    );
  const core = startTestCore(testConfig(dir), server.url);
  cleanups.push(() => core.stop());
  return core;
}

async function enroll(core: AppCore, mode: DeviceMode, office?: string) {
  const { code } = await createEnrollmentCode(server.database, {
    deviceName: `Equipo ${mode}`,
    mode,
    ...(office === undefined ? {} : { office }),
  });
  return core.dispatch('device.enroll', { code });
}

describe('device mode from the central server', () => {
  it('serves a kiosk no counter, staff or parked-records operation, and a counter no citizen operation', async () => {
    const dir = tempDir('mode-kiosk');
    cleanups.push(() => dir.remove());
    const kiosk = device(dir.path);
    expect((await enroll(kiosk, 'kiosk')).ok).toBe(true);
    for (const [op, input] of [
      ['cashier.signIn', { username: 'cajero1', password: '482615' }],
      ['staff.authorize', { username: 'supervisor1', password: 'Supervisor1.Demo' }],
      ['sync.resolveParked', { grantId: 'x'.repeat(32), eventId: 'e', action: 'discard' }],
    ] as const) {
      expect(await kiosk.dispatch(op, input)).toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'Esta función no está disponible en este equipo.' },
      });
    }
    expect((await kiosk.dispatch('app.info', {})) as { value: { device: { mode: string } } }).toMatchObject({
      ok: true,
      value: { device: { mode: 'kiosk' } },
    });

    const counterDir = tempDir('mode-counter');
    cleanups.push(() => counterDir.remove());
    const counter = device(counterDir.path);
    const enrolled = await enroll(counter, 'cashier', 'Sede Centro');
    expect(enrolled.ok).toBe(true);
    expect(await counter.dispatch('bills.startValidation', { codigoInterno: 100001 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await counter.dispatch('accounts.policy', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(counter.mode()).toBe('cashier');
    expect(counter.meta.get('deviceOffice')).toBe('Sede Centro');
    expect(counter.meta.get('receiptPrefix')).toMatch(/^EQUIPOCA/);
  });

  it('refuses a code of another mode than the configured one, and stores nothing of it', async () => {
    const dir = tempDir('mode-mismatch');
    cleanups.push(() => dir.remove());
    const core = device(dir.path, 'cashier');
    const answer = await enroll(core, 'kiosk');
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('modo kiosk') },
    });
    expect(core.meta.get('deviceId')).toBeNull();
    expect(core.meta.get('deviceToken')).toBeNull();
  });

  it('does not start when the config names another mode than the enrollment', async () => {
    const dir = tempDir('mode-restart');
    cleanups.push(() => dir.remove());
    const first = device(dir.path);
    expect((await enroll(first, 'kiosk')).ok).toBe(true);
    await first.stop();
    writeFileSync(path.join(dir.path, 'ventanilla.json'), JSON.stringify({ device: { mode: 'cashier' } }));
    expect(() => startTestCore(testConfig(dir.path), server.url)).toThrow(
      /inscrito en el servidor central como kiosco/,
    );
    // Without device.mode it starts, as what the server says.
    writeFileSync(path.join(dir.path, 'ventanilla.json'), JSON.stringify({}));
    const again = device(dir.path);
    expect(again.mode()).toBe('kiosk');
    await revokeDevice(server.database, again.meta.get('deviceId') ?? '');
  });
});
