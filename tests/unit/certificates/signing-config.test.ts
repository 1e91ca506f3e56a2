import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSigningConfig } from '../../../src-node/certificates/signing/signing-config';

const defaults = { dataDir: '/srv/ventanilla' };

describe('the signing identity settings from the environment', () => {
  it('uses the demo identity under the data dir when nothing is set', () => {
    expect(loadSigningConfig({}, defaults)).toEqual({ ok: true, value: { dataDir: '/srv/ventanilla' } });
    expect(loadSigningConfig({ VENTANILLA_CERT_SIGNING_P12: '  ' }, { ...defaults, organization: 'Cámara X' })).toEqual(
      {
        ok: true,
        value: { dataDir: '/srv/ventanilla', organization: 'Cámara X' },
      },
    );
  });

  it("takes the chamber's P12 and its passphrase exactly as given", () => {
    const result = loadSigningConfig(
      { VENTANILLA_CERT_SIGNING_P12: 'firma/camara.p12', VENTANILLA_CERT_SIGNING_PASSPHRASE: ' clave con espacios ' },
      defaults,
    );
    expect(result).toEqual({
      ok: true,
      value: { p12Path: path.resolve('firma/camara.p12'), passphrase: ' clave con espacios ' },
    });
    // An empty passphrase is a P12 without one, not a missing setting.
    expect(
      loadSigningConfig(
        { VENTANILLA_CERT_SIGNING_P12: '/etc/f.p12', VENTANILLA_CERT_SIGNING_PASSPHRASE: '' },
        defaults,
      ),
    ).toEqual({ ok: true, value: { p12Path: '/etc/f.p12', passphrase: '' } });
  });

  it('refuses a P12 without its passphrase variable', () => {
    const result = loadSigningConfig({ VENTANILLA_CERT_SIGNING_P12: '/etc/f.p12' }, defaults);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'VENTANILLA_CERT_SIGNING_PASSPHRASE' },
    });
  });

  it('refuses a passphrase without a P12 instead of signing as DEMO', () => {
    const result = loadSigningConfig({ VENTANILLA_CERT_SIGNING_PASSPHRASE: 'secreta' }, defaults);
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', field: 'VENTANILLA_CERT_SIGNING_P12' } });
    if (!result.ok) expect(result.error.message).not.toContain('secreta');
  });
});
