import path from 'node:path';
import { expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createEnrollmentCode } from '../../../src-server/devices/admin';
import { adminInProcess, adminSpawned, type AdminOutcome } from '../../support/admin-cli';
import { describeEachServerDatabase } from '../../support/postgres';
import { writeBuilderOutput } from '../../support/release-fixtures';
import { postJson, startTestServer, type TestServer } from '../../support/server-harness';
import { tempDir } from '../../support/temp-dir';

/**
 * `npm run admin -- release …` as IT runs it (docs/updates.md; in-process, and once as the
 * script): with PostgreSQL it publishes into the release store the running server serves
 * (VENTANILLA_RELEASES_DIR, shared), lists and withdraws; with PGlite it refuses while the server
 * holds the database and works once it stopped. Mistakes answer in Spanish with exit code 2
 * (usage) or 1 (refused).
 */

/** The command in-process (runAdmin), with the release store the test server serves. */
function admin(t: TestServer, store: string, ...args: string[]): Promise<AdminOutcome> {
  return adminInProcess({ env: adminEnv(t, store), args: ['release', ...args] });
}

function adminEnv(t: TestServer, store: string): Record<string, string> {
  return {
    VENTANILLA_DATA_DIR: t.config.dataDir,
    VENTANILLA_RELEASES_DIR: store,
    DATABASE_URL: t.config.databaseUrl ?? '',
  };
}

describeEachServerDatabase('npm run admin -- release', (variant) => {
  it('publishes, lists and withdraws; refuses mistakes in Spanish', { timeout: 240_000 }, async () => {
    const work = tempDir('release-cli');
    const store = path.join(work.path, 'store');
    const t = await startTestServer(variant, { logLevel: 'silent', config: { releasesDir: store } });
    try {
      const dir = path.join(work.path, 'release');
      writeBuilderOutput(dir, '2.0.0', ['linux', 'windows']);

      const noChannel = await admin(t, store, 'publish', dir);
      expect(noChannel.code).toBe(2);
      expect(noChannel.out).toContain('--channel debe ser pilot o stable');
      expect((await admin(t, store, 'unpublish')).code).toBe(2);

      if (variant.kind === 'pglite') {
        // The embedded database admits one process: refused while the server runs, done once it stopped.
        const refused = await admin(t, store, 'publish', dir, '--channel', 'pilot');
        expect(refused.code).toBe(1);
        expect(refused.out).toContain('deténgalo para publicar');
        await t.stop();
      }

      // With PostgreSQL as the real script, a child process: its environment, exit code and output.
      const published = await (variant.kind === 'postgres' ? adminSpawned : adminInProcess)({
        env: adminEnv(t, store),
        args: ['release', 'publish', dir, '--channel', 'pilot'],
      });
      expect(published.out).toContain('Publicada la versión 2.0.0 para Linux en el canal pilot');
      expect(published.out).toContain('Publicada la versión 2.0.0 para Windows en el canal pilot');
      expect(published.code).toBe(0);
      const again = await admin(t, store, 'publish', dir, '--channel', 'pilot');
      expect(again.code).toBe(1);
      expect(again.out).toContain('ya está publicada en el canal pilot');

      if (variant.kind === 'postgres') {
        // The running server serves what the command put in the shared store.
        const { code } = await createEnrollmentCode(t.server.database, { deviceName: 'Kiosco', mode: 'kiosk' });
        const { token, deviceId } = (
          (await t.request('/v1/enroll', postJson({ code }))).body as { value: { token: string; deviceId: string } }
        ).value;
        await t.server.database.exec.query(
          `INSERT INTO device_channels (device_id, channel, set_by) VALUES ($1, 'pilot', 'prueba')`,
          [deviceId],
        );
        const feed = await fetch(`${t.server.url}/updates/latest.yml`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const parsed = parseYaml(await feed.text()) as { version: string; path: string };
        expect(parsed.version).toBe('2.0.0');
        const exe = await fetch(new URL(parsed.path, `${t.server.url}/updates/`), {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(exe.status).toBe(200);
      }

      const listed = await admin(t, store, 'list');
      expect(listed.code).toBe(0);
      expect(listed.out).toMatch(/pilot\s+linux\s+2\.0\.0\s+\S+\s+vigente/);
      const withdrawn = await admin(t, store, 'withdraw', '2.0.0', '--channel', 'pilot', '--platform', 'linux');
      expect(withdrawn.code).toBe(0);
      expect(withdrawn.out).toContain('Versión 2.0.0 retirada del canal pilot (Linux)');
      expect((await admin(t, store, 'list')).out).toMatch(/pilot\s+linux\s+2\.0\.0\s+\S+\s+retirada/);
      const unknown = await admin(t, store, 'withdraw', '9.0.0', '--channel', 'pilot', '--platform', 'linux');
      expect(unknown.code).toBe(1);
      expect(unknown.out).toContain('No hay una versión 9.0.0');
    } finally {
      await t.stop();
      work.remove();
    }
  });
});
