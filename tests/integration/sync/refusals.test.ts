import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../src-main/app-core';
import { otherDeploymentMessage } from '../../../src-main/sync/deployment-check';
import { malformedPageMessage } from '../../../src-main/sync/puller';
import { tempDir } from '../../support/temp-dir';
import { startTestCore, testConfig } from '../../support/test-app';
import { status, until } from '../../support/sync-support';

/**
 * A device against a central server that answers in the real protocol but with what no good
 * server sends: a malformed page, or a page from another deployment. Nothing is applied, the
 * cursor stays, and staff see why.
 */
const deploymentId = '01930000-0000-7000-8000-0000000000d1';
const deviceId = '01930000-0000-7000-8000-0000000000e1';

let server: http.Server;
let page: unknown;
let dir: ReturnType<typeof tempDir>;
let core: AppCore;

beforeEach(async () => {
  server = http.createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    if (request.url?.startsWith('/v1/sync/pull')) {
      // Once the device is at the page's cursor, nothing more (as a server with no news).
      const asked = new URL(request.url, 'http://x').searchParams.get('cursor');
      const current = page as { cursor: string };
      const value = asked === current.cursor ? { ...current, changes: [] } : page;
      setTimeout(() => response.end(JSON.stringify({ ok: true, value })), asked === current.cursor ? 200 : 0);
    } else if (request.url?.startsWith('/v1/sync/push'))
      response.end(
        JSON.stringify({
          ok: true,
          value: { deployment: { id: deploymentId }, epoch, serverTime: new Date().toISOString(), results: [] },
        }),
      );
    else
      response.end(
        JSON.stringify({
          ok: true,
          value: {
            deployment: { id: deploymentId },
            serverTime: new Date().toISOString(),
            entity: null,
            counts: { subscribers: 1 },
          },
        }),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  dir = tempDir('sync-refusals');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  core = startTestCore(testConfig(dir.path), `http://127.0.0.1:${address.port}`);
  core.meta.set({ deviceId, deviceToken: 'token-de-prueba', deploymentId, deviceName: 'Caja 1' });
});

afterEach(async () => {
  await core.stop();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  dir.remove();
});

const epoch = '01930000-0000-7000-8000-0000000000f1';
const header = (deployment = deploymentId) => ({
  deployment: { id: deployment },
  epoch,
  serverTime: new Date().toISOString(),
  cursor: '2',
  hasMore: false,
  remaining: null,
});
const subscriber = {
  codigo_interno: 100001,
  codigo_ruta: '01-001-0001',
  holder_name: 'Ana',
  estrato: 2,
  uso: 'residencial',
  address: 'Calle 1',
  neighborhood: 'Centro',
  municipality: 'Ibagué',
  meter_serial: 'M-1',
};
const applied = () => core.store.sqlite.prepare('SELECT count(*) FROM subscribers').pluck().get() as number;
const cursor = () => core.store.sqlite.prepare("SELECT value FROM device_meta WHERE key = 'syncCursor'").pluck().get();

describe('sync refusals', () => {
  it('applies nothing of a page with one bad row, keeps its cursor and says so to staff', async () => {
    page = {
      ...header(),
      changes: [
        { seq: 1, table: 'subscribers', key: '100001', op: 'put', row: subscriber },
        {
          seq: 2,
          table: 'subscribers',
          key: '100002',
          op: 'put',
          row: { ...subscriber, codigo_interno: 100002, estrato: 'dos' },
        },
      ],
    };
    const sync = await until(
      'the refusal',
      async () => (await status(core)).sync,
      (s) => s.lastError !== null,
      10_000,
    );
    expect(sync.lastError).toContain(malformedPageMessage);
    expect(applied()).toBe(0);
    expect(cursor()).toBeUndefined();
  });

  it('applies nothing from a server of another deployment', async () => {
    page = {
      ...header('01930000-0000-7000-8000-0000000000ff'),
      changes: [{ seq: 1, table: 'subscribers', key: '100001', op: 'put', row: subscriber }],
      cursor: '1',
    };
    const sync = await until(
      'the refusal',
      async () => (await status(core)).sync,
      (s) => s.lastError !== null,
      10_000,
    );
    expect(sync.lastError).toBe(otherDeploymentMessage);
    expect(applied()).toBe(0);
  });

  it('applies a good page, as the control of the two above', async () => {
    page = {
      ...header(),
      cursor: '1',
      changes: [{ seq: 1, table: 'subscribers', key: '100001', op: 'put', row: subscriber }],
    };
    await until('the page', applied, (n) => n === 1, 10_000);
    expect(cursor()).toBe('1');
    expect((await status(core)).sync.lastError).toBeNull();
  });
});
