import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServerConfig, pgliteDataDir, ServerConfigError } from '../../../src-server/config';

const defaults = { dataDir: '/srv/ventanilla' };

describe('loadServerConfig', () => {
  it('uses loopback, port 5181, PGlite and a 24-hour code lifetime by default', () => {
    expect(loadServerConfig({}, defaults)).toEqual({
      dataDir: path.resolve('/srv/ventanilla'),
      databaseUrl: null,
      host: '127.0.0.1',
      port: 5181,
      logLevel: 'info',
      enrollmentCodeTtlHours: 24,
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
      },
      defaults,
    );
    expect(config).toEqual({
      dataDir: path.resolve('/tmp/v'),
      databaseUrl: 'postgres://u:p@db:5432/ventanilla',
      host: '0.0.0.0',
      port: 0,
      logLevel: 'warn',
      enrollmentCodeTtlHours: 48,
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadServerConfig({ DATABASE_URL: '  ', VENTANILLA_SERVER_PORT: '' }, defaults)).toMatchObject({ databaseUrl: null, port: 5181 });
  });

  it('refuses bad values with Spanish messages, never echoing a connection string', () => {
    expect(() => loadServerConfig({ VENTANILLA_SERVER_PORT: '70000' }, defaults)).toThrow(ServerConfigError);
    expect(() => loadServerConfig({ VENTANILLA_SERVER_PORT: 'abc' }, defaults)).toThrow(/VENTANILLA_SERVER_PORT debe ser un número de puerto/);
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
});
