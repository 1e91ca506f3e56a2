import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServerConfig, pgliteDataDir, ServerConfigError } from '../../../src-server/config';

const defaults = { dataDir: '/srv/ventanilla' };

describe('loadServerConfig', () => {
  it('uses loopback, port 5181, PGlite and a 24-hour code lifetime by default', () => {
    // Each part of the config (mail, money rules, TLS…) has its own tests; these are the basics.
    expect(loadServerConfig({}, defaults)).toMatchObject({
      dataDir: path.resolve('/srv/ventanilla'),
      databaseUrl: null,
      host: '127.0.0.1',
      port: 5181,
      logLevel: 'info',
      enrollmentCodeTtlHours: 24,
      smtpUrl: null,
      mailFrom: 'Ventanilla <no-responder@ventanilla.local>',
    });
    expect(pgliteDataDir('/srv/ventanilla')).toBe(path.join('/srv/ventanilla', 'server', 'pglite'));
  });

  it('reads the documented variables', () => {
    const config = loadServerConfig(
      {
        VENTANILLA_DATA_DIR: '/tmp/v',
        DATABASE_URL: 'postgres://u:p@db:5432/ventanilla',
        VENTANILLA_SERVER_HOST: '0.0.0.0',
        VENTANILLA_SERVER_PORT: '0',
        VENTANILLA_ENROLLMENT_TTL_HOURS: '48',
        LOG_LEVEL: 'WARN',
        SMTP_URL: 'smtps://ventanilla:cl4ve@smtp.acueducto.example:465',
        MAIL_FROM: 'Acueducto de Ibagué <no-responder@acueducto.example>',
      },
      defaults,
    );
    expect(config).toMatchObject({
      dataDir: path.resolve('/tmp/v'),
      databaseUrl: 'postgres://u:p@db:5432/ventanilla',
      host: '0.0.0.0',
      port: 0,
      logLevel: 'warn',
      enrollmentCodeTtlHours: 48,
      smtpUrl: 'smtps://ventanilla:cl4ve@smtp.acueducto.example:465',
      mailFrom: 'Acueducto de Ibagué <no-responder@acueducto.example>',
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadServerConfig({ DATABASE_URL: '  ', VENTANILLA_SERVER_PORT: '' }, defaults)).toMatchObject({
      databaseUrl: null,
      port: 5181,
    });
  });

  it('refuses bad values with Spanish messages, never echoing a connection string', () => {
    expect(() => loadServerConfig({ VENTANILLA_SERVER_PORT: '70000' }, defaults)).toThrow(ServerConfigError);
    expect(() => loadServerConfig({ VENTANILLA_SERVER_PORT: 'abc' }, defaults)).toThrow(
      /VENTANILLA_SERVER_PORT debe ser un número de puerto/,
    );
    expect(() => loadServerConfig({ LOG_LEVEL: 'verbose' }, defaults)).toThrow(/LOG_LEVEL debe ser uno de/);
    expect(() => loadServerConfig({ VENTANILLA_ENROLLMENT_TTL_HOURS: '0' }, defaults)).toThrow(/entre 1 y 720/);
    const secretUrl = 'mysql://root:s3cret@db/ventanilla';
    const error = (() => {
      try {
        loadServerConfig({ DATABASE_URL: secretUrl }, defaults);
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(error?.message).toBe('DATABASE_URL debe empezar por postgres:// o postgresql://.');
    expect(error?.message).not.toContain('s3cret');
  });

  it('refuses an SMTP_URL that is not smtp:// or smtps:// without echoing it, and a MAIL_FROM without an address', () => {
    for (const smtpUrl of ['http://user:s3cret@mail.example', 'user:s3cret@mail.example', 'smtp://']) {
      let message = '';
      try {
        loadServerConfig({ SMTP_URL: smtpUrl }, defaults);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toBe('SMTP_URL debe ser una URL smtp:// o smtps:// con el nombre del servidor de correo.');
    }
    expect(loadServerConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' }, defaults).smtpUrl).toBe('smtp://127.0.0.1:2525');
    expect(() => loadServerConfig({ MAIL_FROM: 'Ventanilla' }, defaults)).toThrow(
      /MAIL_FROM debe ser una dirección de correo/,
    );
    expect(loadServerConfig({ MAIL_FROM: 'no-responder@acueducto.example' }, defaults).mailFrom).toBe(
      'no-responder@acueducto.example',
    );
  });
});
