import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src-main/config/app-config';
import { tlsFailureMessage } from '../../../src-main/server-link/server-fetch';
import { serverUrlRefusal } from '../../../src-main/server-link/server-url-policy';
import { ServerConfigError } from '../../../src-server/config';
import { assertListenAllowed, loadServerTransport, plainTransport } from '../../../src-server/transport';
import {
  makeServerCertificate,
  makeTestCa,
  type TestCa,
  type TestServerCertificate,
} from '../../support/test-certificates';
import { tempDir } from '../../support/temp-dir';

let dir: ReturnType<typeof tempDir>;
let ca: TestCa;
let cert: TestServerCertificate;
let other: TestServerCertificate;
beforeAll(() => {
  dir = tempDir('transport-config');
  ca = makeTestCa(dir.path, 'unidad');
  cert = makeServerCertificate(dir.path, ca, 'servidor');
  other = makeServerCertificate(dir.path, ca, 'otro');
});
afterAll(() => dir.remove());

const deviceConfig = (env: Record<string, string>) =>
  loadConfig({ VENTANILLA_DATA_DIR: dir.path, ...env }, { dataDir: dir.path, version: '1' });

describe('the device: which central-server addresses it accepts', () => {
  it('takes https anywhere, and plain http to this machine only', () => {
    for (const url of [
      'https://central.acueducto.example',
      'https://10.0.0.8:8443/ventanilla',
      'http://127.0.0.1:5181',
      'http://127.8.9.10:5181',
      'http://localhost:5181',
      'http://[::1]:5181',
    ]) {
      expect(serverUrlRefusal(url), url).toBeNull();
    }
  });

  it('refuses plain http to any other host, saying why, in Spanish', () => {
    for (const url of [
      'http://central.acueducto.example',
      'http://10.0.0.8:5181',
      'http://128.0.0.1',
      'http://localhost.acueducto.example',
      'http://[::ffff:7f00:1]',
      'http://127.0.0.1.nip.io',
    ]) {
      expect(serverUrlRefusal(url), url).toMatch(/debe empezar por https:\/\/.*sin cifrar/);
    }
    expect(serverUrlRefusal('ftp://central.example')).toMatch(/https:\/\//);
    expect(() => deviceConfig({ VENTANILLA_SERVER_URL: 'http://central.acueducto.example:5181' })).toThrow(ConfigError);
    expect(deviceConfig({ VENTANILLA_SERVER_URL: 'https://central.acueducto.example/' }).serverUrl).toBe(
      'https://central.acueducto.example',
    );
  });

  it('reads VENTANILLA_SERVER_CA once at start-up, and refuses a file that is not a CA certificate', () => {
    expect(deviceConfig({}).serverCa).toBeNull();
    expect(deviceConfig({ VENTANILLA_SERVER_CA: ca.certFile }).serverCa).toContain('-----BEGIN CERTIFICATE-----');
    expect(() => deviceConfig({ VENTANILLA_SERVER_CA: path.join(dir.path, 'no-existe.pem') })).toThrow(
      /VENTANILLA_SERVER_CA apunta a .*no se puede leer/,
    );
    const notPem = path.join(dir.path, 'nota.txt');
    writeFileSync(notPem, 'no es un certificado');
    expect(() => deviceConfig({ VENTANILLA_SERVER_CA: notPem })).toThrow(/no contiene ningún certificado PEM/);
    // Someone copies the CA's key with its certificate: a device must never hold it.
    expect(() => deviceConfig({ VENTANILLA_SERVER_CA: ca.keyFile })).toThrow(/contiene una clave privada/);
  });
});

describe('the device: TLS failures read as such, ordinary network trouble as offline', () => {
  const fetchFailed = (code: string) =>
    Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('socket'), { code }) });

  it('names the problem and the fix for each kind of certificate failure', () => {
    expect(tlsFailureMessage(fetchFailed('SELF_SIGNED_CERT_IN_CHAIN'))).toMatch(
      /no es de confianza.*VENTANILLA_SERVER_CA.*SELF_SIGNED_CERT_IN_CHAIN/,
    );
    expect(tlsFailureMessage(fetchFailed('CERT_HAS_EXPIRED'))).toMatch(/vencido o aún no es válido.*fecha y hora/);
    expect(tlsFailureMessage(fetchFailed('ERR_TLS_CERT_ALTNAME_INVALID'))).toMatch(/no corresponde a la dirección/);
    expect(tlsFailureMessage(fetchFailed('ERR_SSL_WRONG_VERSION_NUMBER'))).toMatch(/conexión segura \(HTTPS\)/);
  });

  it('leaves a refused or reset connection as plain offline', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'UND_ERR_SOCKET'])
      expect(tlsFailureMessage(fetchFailed(code)), code).toBeNull();
    expect(tlsFailureMessage(new DOMException('timed out', 'TimeoutError'))).toBeNull();
    expect(tlsFailureMessage(new TypeError('fetch failed'))).toBeNull();
  });
});

describe('the central server: TLS and proxy settings', () => {
  it('loads a certificate with its key, and refuses halves, unreadable files and a key of another certificate', () => {
    expect(loadServerTransport({})).toEqual(plainTransport);
    const loaded = loadServerTransport({ VENTANILLA_TLS_CERT: cert.certFile, VENTANILLA_TLS_KEY: cert.keyFile });
    expect(loaded.tls?.cert.toString()).toContain('BEGIN CERTIFICATE');
    expect(() => loadServerTransport({ VENTANILLA_TLS_CERT: cert.certFile })).toThrow(/van juntas/);
    expect(() =>
      loadServerTransport({ VENTANILLA_TLS_CERT: path.join(dir.path, 'nada.pem'), VENTANILLA_TLS_KEY: cert.keyFile }),
    ).toThrow(/no se puede leer/);
    expect(() =>
      loadServerTransport({ VENTANILLA_TLS_CERT: cert.certFile, VENTANILLA_TLS_KEY: other.keyFile }),
    ).toThrow(/no corresponde al certificado/);
    expect(() => loadServerTransport({ VENTANILLA_TLS_CERT: cert.keyFile, VENTANILLA_TLS_KEY: cert.keyFile })).toThrow(
      /no es un certificado PEM/,
    );
  });

  it("takes the proxy as addresses, never as a yes that would trust every client's X-Forwarded-For", () => {
    expect(loadServerTransport({ VENTANILLA_BEHIND_PROXY: '127.0.0.1' }).trustedProxies).toEqual(['127.0.0.1']);
    expect(loadServerTransport({ VENTANILLA_BEHIND_PROXY: '10.0.0.5, 10.0.0.6,fd00::/64' }).trustedProxies).toEqual([
      '10.0.0.5',
      '10.0.0.6',
      'fd00::/64',
    ]);
    for (const value of ['1', 'true', '*', '10.0.0.0/33', 'proxy.acueducto.example']) {
      expect(() => loadServerTransport({ VENTANILLA_BEHIND_PROXY: value }), value).toThrow(ServerConfigError);
    }
  });

  it('listens on a network interface only with TLS or a TLS proxy', () => {
    const tls = loadServerTransport({ VENTANILLA_TLS_CERT: cert.certFile, VENTANILLA_TLS_KEY: cert.keyFile });
    for (const host of ['127.0.0.1', '::1', 'localhost'])
      expect(() => assertListenAllowed(host, plainTransport), host).not.toThrow();
    for (const host of ['0.0.0.0', '::', '', '192.168.1.20'])
      expect(() => assertListenAllowed(host, plainTransport), host).toThrow(ServerConfigError);
    expect(() => assertListenAllowed('0.0.0.0', tls)).not.toThrow();
    expect(() => assertListenAllowed('0.0.0.0', { tls: null, trustedProxies: ['10.0.0.5'] })).not.toThrow();
  });
});
