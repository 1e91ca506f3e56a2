import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { AppCore } from '../../../src-main/app-core';
import { ConfigError } from '../../../src-main/config/app-config';
import { createEnrollmentCodeViaServer, listDevicesViaServer } from '../../../src-server/admin/admin-client';
import { readLocalAdminFile } from '../../../src-server/admin/local-admin-file';
import { ServerConfigError } from '../../../src-server/config';
import { createEnrollmentCode, listDevices, startServer } from '../../../src-server/index';
import type { ServerTransport } from '../../../src-server/transport';
import type { DatabaseVariant } from '../../support/postgres';
import {
  makeServerCertificate,
  makeTestCa,
  type TestCa,
  type TestServerCertificate,
} from '../../support/test-certificates';
import { startTestCore, testConfig } from '../../support/test-app';
import { tempDir } from '../../support/temp-dir';
import { startTestServer, type TestServer } from '../../support/server-harness';
import { deviceChecksums, serverChecksums } from '../../support/replica-checksum';
import { callOk, seedServer, status, until } from '../../support/sync-support';

// TLS does not depend on the database: PGlite alone keeps the file quick.
const pglite: DatabaseVariant = { kind: 'pglite', freshDatabaseUrl: async () => null };

const untrusted =
  /El certificado del servidor central no es de confianza para este equipo\. No se envió nada al servidor\..*VENTANILLA_SERVER_CA/;

let certs: ReturnType<typeof tempDir>;
let entityCa: TestCa;
let otherCa: TestCa;
let serverCert: TestServerCertificate;
let strangerCert: TestServerCertificate;
let misnamedCert: TestServerCertificate;

beforeAll(() => {
  certs = tempDir('tls-certs');
  entityCa = makeTestCa(certs.path, 'entidad');
  otherCa = makeTestCa(certs.path, 'ajena');
  serverCert = makeServerCertificate(certs.path, entityCa, 'central');
  strangerCert = makeServerCertificate(certs.path, otherCa, 'impostor');
  misnamedCert = makeServerCertificate(certs.path, entityCa, 'otro-nombre', 'DNS:central.otra-entidad.example');
});
afterAll(() => certs.remove());

const tls = (certificate: TestServerCertificate): ServerTransport => ({
  tls: { cert: certificate.cert, key: certificate.key },
  trustedProxies: null,
});

function tlsServer(certificate: TestServerCertificate): Promise<TestServer> {
  return startTestServer(pglite, { logLevel: 'silent', config: { transport: tls(certificate) } });
}

/** A device core trusting `ca` (VENTANILLA_SERVER_CA), in a data dir of its own. */
function device(serverUrl: string, ca: TestCa | null, dir = tempDir('tls-device')): AppCore {
  const core = startTestCore(testConfig(dir.path, ca === null ? {} : { VENTANILLA_SERVER_CA: ca.certFile }), serverUrl);
  onTestFinished(async () => {
    await core.stop();
    dir.remove();
  });
  return core;
}

/** The subscribers and bills of the device's replica are the server's, row for row. */
async function expectBillsReplicated(t: TestServer, core: AppCore): Promise<void> {
  const server = await serverChecksums(t.server.database.exec);
  const wanted = JSON.stringify([server.subscribers, server.bills]);
  await until(
    'the replica',
    () => deviceChecksums(core.store),
    (local) => JSON.stringify([local.subscribers, local.bills]) === wanted,
  );
}

async function enroll(t: TestServer, core: AppCore, mode: 'kiosk' | 'cashier' = 'kiosk') {
  const { code } = await createEnrollmentCode(t.server.database, { deviceName: 'Kiosco TLS', mode });
  return { code, result: await core.dispatch('device.enroll', { code }) };
}

describe("device ↔ central server over HTTPS with the entity's own CA", () => {
  it('enrolls, pulls the replica and pushes its events over https', async () => {
    const t = await tlsServer(serverCert);
    expect(t.server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    await seedServer(t, 20);
    const core = device(t.server.url, entityCa);

    const { result } = await enroll(t, core);
    expect(result.ok).toBe(true);
    await expectBillsReplicated(t, core);
    expect((await status(core)).server.state).toBe('online');

    await callOk(core, 'kiosk.sessionEnded', { reason: 'idle', durationSeconds: 42 });
    await until(
      'the visit pushed',
      () => status(core),
      (s) => s.sync.pendingEvents === 0 && s.sync.lastPushAt !== null,
    );
    const { rows } = await t.server.database.exec.query<{ type: string }>('select type from applied_events');
    expect(rows.map((row) => row.type)).toEqual(['kiosk.session_ended']);
    expect((await status(core)).sync.lastError).toBeNull();
  });

  it('refuses a server whose certificate another CA signed: a clear message, and nothing reaches the server', async () => {
    const t = await tlsServer(strangerCert);
    const core = device(t.server.url, entityCa);

    const { code, result } = await enroll(t, core);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(untrusted);
    expect(result.error.code).not.toBe('offline');
    // The code was never presented: the same code still enrolls a device that trusts that CA.
    expect(await listDevices(t.server.database)).toEqual([]);
    const trusting = device(t.server.url, otherCa);
    expect((await trusting.dispatch('device.enroll', { code })).ok).toBe(true);
  });

  it("refuses a private CA's certificate when the device was given no CA (the system's CAs only)", async () => {
    const t = await tlsServer(serverCert);
    const { result } = await enroll(t, device(t.server.url, null));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(untrusted);
  });

  it('refuses a certificate made out to another name', async () => {
    const t = await tlsServer(misnamedCert);
    const { result } = await enroll(t, device(t.server.url, entityCa));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toMatch(
        /no corresponde a la dirección configurada en VENTANILLA_SERVER_URL.*ERR_TLS_CERT_ALTNAME_INVALID/,
      );
  });

  it('says the address does not speak HTTPS when https:// points at a plain HTTP server', async () => {
    const t = await startTestServer(pglite, { logLevel: 'silent' });
    const { result } = await enroll(t, device(t.server.url.replace('http://', 'https://'), entityCa));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toMatch(
        /No se pudo establecer una conexión segura \(HTTPS\) con el servidor central/,
      );
  });

  it('shows a certificate problem in the sync status, not as «sin conexión» forever', async () => {
    const t = await tlsServer(serverCert);
    await seedServer(t, 5);
    const dir = tempDir('tls-device');
    const first = startTestCore(testConfig(dir.path, { VENTANILLA_SERVER_CA: entityCa.certFile }), t.server.url);
    expect((await enroll(t, first)).result.ok).toBe(true);
    await expectBillsReplicated(t, first);
    await first.stop();

    // The same device restarted with the wrong CA file: every sync fails on the certificate.
    const again = device(t.server.url, otherCa, dir);
    const seen = await until(
      'the sync error',
      () => status(again),
      (s) => s.sync.lastError !== null,
    );
    expect(seen.sync.lastError).toMatch(untrusted);
  });
});

describe("the central server's transport settings", () => {
  it('serves its own admin command over https on loopback (npm run admin with PGlite)', async () => {
    const t = await tlsServer(serverCert);
    const endpoint = await readLocalAdminFile(t.config.dataDir);
    expect(endpoint?.url).toMatch(/^https:\/\//);
    if (endpoint === null) return;
    const created = await createEnrollmentCodeViaServer(endpoint, { deviceName: 'Caja TLS', mode: 'cashier' });
    expect(created.code).toMatch(/\S/);
    expect(await listDevicesViaServer(endpoint)).toEqual([]);
  });

  it('refuses to listen on every interface with neither TLS nor a TLS proxy, before opening anything', async () => {
    const dir = tempDir('tls-refusal');
    onTestFinished(() => dir.remove());
    const config = {
      dataDir: dir.path,
      databaseUrl: null,
      host: '0.0.0.0',
      port: 0,
      logLevel: 'silent',
      enrollmentCodeTtlHours: 24,
      smtpUrl: null,
      mailFrom: 'x@y.co',
    };
    await expect(startServer(config)).rejects.toThrow(ServerConfigError);
    await expect(startServer({ ...config, host: '192.168.10.5' })).rejects.toThrow(
      /VENTANILLA_TLS_CERT.*VENTANILLA_BEHIND_PROXY/,
    );
  });

  it('refuses at configuration time a device address that is plain http to another machine', () => {
    const dir = tempDir('tls-config');
    onTestFinished(() => dir.remove());
    expect(() => testConfig(dir.path, { VENTANILLA_SERVER_URL: 'http://central.acueducto.example:5181' })).toThrow(
      ConfigError,
    );
    expect(() => testConfig(dir.path, { VENTANILLA_SERVER_URL: 'http://10.0.0.8:5181' })).toThrow(
      /https:\/\/.*10\.0\.0\.8.*sin cifrar/,
    );
  });

  it('never sends a request to a plain-http address on another machine, even when handed one directly', async () => {
    const core = device('http://192.0.2.10:5181', null);
    const result = await core.dispatch('device.enroll', { code: 'K7QF-9XWD-2MRT' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/debe empezar por https:\/\//);
  });
});
