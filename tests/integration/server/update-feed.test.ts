import { readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
// electron-updater's own reading of a feed file (pure functions, no Electron needed).
import { parseUpdateInfo, resolveFiles } from 'electron-updater/out/providers/Provider';
import { createEnrollmentCode, revokeDevice } from '../../../src-server/devices/admin';
import { ReleaseRefused } from '../../../src-server/releases/builder-output';
import { publishRelease } from '../../../src-server/releases/publish-release';
import { withdrawRelease } from '../../../src-server/releases/release-queries';
import type { DeviceReport } from '../../../src-shared/server-api/device-report';
import { skipVersionsHeader } from '../../../src-shared/server-api/update-feed';
import { describeEachServerDatabase } from '../../support/postgres';
import { artifactNameOf, sha512Base64, writeBuilderOutput, writeFeedFile } from '../../support/release-fixtures';
import { postJson, startTestServer, type TestServer } from '../../support/server-harness';
import { cheapScrypt, ConsoleClient, csrfOf, seedConsoleStaff, staffPassword } from '../../support/staff-console';
import { tempDir } from '../../support/temp-dir';

/**
 * Installers and updates (docs/updates.md): `release publish` on electron-builder output folders
 * made here (random «installers» and their latest.yml / latest-linux.yml), its refusals changing
 * nothing, and the update feed as electron-updater's generic provider reads it with a device's
 * token: each device gets its own channel's newest version, an admin moves a device to «Piloto»
 * through the console (login, CSRF) and its feed follows, withdrawing a version rolls the channel
 * back, and unknown, revoked, foreign or traversing requests are refused.
 */

async function enroll(t: TestServer, name: string): Promise<{ id: string; token: string }> {
  const { code } = await createEnrollmentCode(t.server.database, {
    deviceName: name,
    mode: 'kiosk',
    office: 'Sede Centro',
  });
  const answer = await t.request('/v1/enroll', postJson({ code }));
  expect(answer.status).toBe(200);
  const value = (answer.body as { value: { deviceId: string; token: string } }).value;
  return { id: value.deviceId, token: value.token };
}

interface Feed {
  version: string;
  files: Array<{ url: string; sha512: string; size: number }>;
  path: string;
  sha512: string;
  releaseDate: string;
}

/**
 * What electron-updater does: GET the feed file under the feed URL, with the device's headers,
 * read it with its own parser (js-yaml, YAML 1.1) and resolve its files against the feed URL.
 */
async function feed(t: TestServer, token: string, file = 'latest-linux.yml', headers: Record<string, string> = {}) {
  const base = new URL(`${t.server.url}/updates/`);
  const response = await fetch(new URL(`${file}?noCache=1`, base), {
    headers: { authorization: `Bearer ${token}`, ...headers },
  });
  const text = await response.text();
  if (response.ok) {
    const info = parseUpdateInfo(text, file, base) as Feed;
    // Strings, as electron-builder writes them (a bare date would be read as a Date).
    expect(typeof info.version).toBe('string');
    expect(typeof info.releaseDate).toBe('string');
    const resolved = resolveFiles(info, base);
    expect(resolved.map((r) => r.url.href)).toEqual(info.files.map((f) => new URL(f.url, base).href));
  }
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    feed: response.ok ? (parseYaml(text) as Feed) : null,
  };
}

/** Then the file the feed names, its url resolved against the feed's folder as the generic provider does. */
async function download(t: TestServer, token: string, url: string): Promise<{ status: number; bytes: Buffer }> {
  const response = await fetch(new URL(url, `${t.server.url}/updates/`), {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Every file under the store, relative: a refused publish must leave it as it was. */
function storeListing(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
  } catch {
    return [];
  }
}

describeEachServerDatabase('update feed and releases', (variant) => {
  it(
    'publishes checked releases per channel, serves each device its channel, follows the console, rolls back',
    { timeout: 120_000 },
    async () => {
      const work = tempDir('releases');
      const store = path.join(work.path, 'store');
      const t = await startTestServer(variant, {
        logLevel: 'silent',
        config: { releasesDir: store },
        serverOptions: { passwordWork: { params: cheapScrypt } },
      });
      try {
        const exec = t.server.database.exec;
        await seedConsoleStaff(exec);
        const publish = (dir: string, channel: 'stable' | 'pilot') =>
          publishRelease(exec, { sourceDir: dir, storeDir: store, channel, now: new Date() });
        const rowCount = async () =>
          Number((await exec.query<{ n: string }>(`SELECT count(*)::text AS n FROM app_releases`)).rows[0]!.n);

        // 1.0.0 for both platforms on both channels; 1.1.0 for Linux on pilot only.
        const v100 = path.join(work.path, 'v1.0.0');
        const bytes100 = writeBuilderOutput(v100, '1.0.0', ['linux', 'windows']);
        expect((await publish(v100, 'stable')).map((r) => r.platform).sort()).toEqual(['linux', 'windows']);
        await publish(v100, 'pilot');
        const v110 = path.join(work.path, 'v1.1.0');
        const bytes110 = writeBuilderOutput(v110, '1.1.0', ['linux']);
        await publish(v110, 'pilot');
        expect(await rowCount()).toBe(5);

        // Refusals: each leaves the table and the store as they were.
        const before = { rows: await rowCount(), files: storeListing(store) };
        const refusals: Array<[string, () => void, RegExp]> = [
          [
            'sha512 mismatch',
            () => {
              const dir = path.join(work.path, 'bad-sha');
              writeBuilderOutput(dir, '1.2.0', ['linux']);
              writeFileSync(path.join(dir, artifactNameOf('linux', '1.2.0')), Buffer.alloc(256 * 1024, 7));
            },
            /sha512 de Ventanilla-1\.2\.0\.AppImage no coincide/,
          ],
          [
            'missing file',
            () => {
              const dir = path.join(work.path, 'missing');
              writeBuilderOutput(dir, '1.2.0', ['linux', 'windows']);
              renameSync(path.join(dir, 'Ventanilla Setup 1.2.0.exe'), path.join(work.path, 'elsewhere.exe'));
            },
            /Falta Ventanilla Setup 1\.2\.0\.exe/,
          ],
          [
            'traversal name',
            () => {
              const dir = path.join(work.path, 'traversal');
              writeBuilderOutput(dir, '1.2.0', ['linux']);
              const bytes = Buffer.from('x');
              writeFileSync(path.join(work.path, 'outside.AppImage'), bytes);
              writeFeedFile(dir, 'linux', {
                version: '1.2.0',
                files: [{ url: '../outside.AppImage', sha512: sha512Base64(bytes), size: 1 }],
              });
            },
            /solo se aceptan nombres de archivo simples/,
          ],
          [
            'size mismatch',
            () => {
              const dir = path.join(work.path, 'size');
              const made = writeBuilderOutput(dir, '1.2.0', ['linux']);
              const [name, bytes] = Object.entries(made)[0]!;
              writeFeedFile(dir, 'linux', {
                version: '1.2.0',
                files: [{ url: name, sha512: sha512Base64(bytes), size: bytes.length + 1 }],
              });
            },
            /mide 262144 bytes/,
          ],
          [
            'duplicate version',
            () => writeBuilderOutput(path.join(work.path, 'duplicate'), '1.1.0', ['linux']),
            /ya está publicada en el canal pilot/,
          ],
          ['not semver', () => writeBuilderOutput(path.join(work.path, 'semver'), '1.2', ['linux']), /no es semver/],
        ];
        const dirs: Record<string, string> = {
          'sha512 mismatch': 'bad-sha',
          'missing file': 'missing',
          'traversal name': 'traversal',
          'size mismatch': 'size',
          'duplicate version': 'duplicate',
          'not semver': 'semver',
        };
        for (const [what, make, message] of refusals) {
          make();
          const attempt = publish(path.join(work.path, dirs[what]!), 'pilot');
          await expect(attempt, what).rejects.toBeInstanceOf(ReleaseRefused);
          await expect(attempt, what).rejects.toThrow(message);
          expect({ rows: await rowCount(), files: storeListing(store) }, what).toEqual(before);
        }
        // A folder without any feed file is not electron-builder's output.
        await expect(publish(work.path, 'pilot')).rejects.toThrow(/no tiene latest\.yml ni latest-linux\.yml/);

        const stable = await enroll(t, 'Kiosco Estable');
        const pilot = await enroll(t, 'Kiosco Piloto');

        // Before any channel is set both follow stable: 1.0.0, a feed electron-updater can read.
        for (const device of [stable, pilot]) {
          const answer = await feed(t, device.token);
          expect(answer.status).toBe(200);
          expect(answer.type).toMatch(/^text\/yaml/);
          const f = answer.feed!;
          expect(f.version).toBe('1.0.0');
          expect(f.files).toEqual([
            {
              url: '1.0.0/Ventanilla-1.0.0.AppImage',
              sha512: sha512Base64(bytes100['Ventanilla-1.0.0.AppImage']!),
              size: 256 * 1024,
            },
          ]);
          expect(f.path).toBe(f.files[0]!.url);
          expect(f.sha512).toBe(f.files[0]!.sha512);
          expect(Number.isNaN(Date.parse(f.releaseDate))).toBe(false);
        }
        const windows = (await feed(t, stable.token, 'latest.yml')).feed!;
        expect(windows.version).toBe('1.0.0');
        expect(windows.files[0]!.url).toBe('1.0.0/Ventanilla%20Setup%201.0.0.exe');
        const exe = await download(t, stable.token, windows.files[0]!.url);
        expect(exe.status).toBe(200);
        expect(sha512Base64(exe.bytes)).toBe(windows.sha512);

        // A stable device may not fetch pilot's 1.1.0, nor anything outside a release.
        const pilotUrl = '1.1.0/Ventanilla-1.1.0.AppImage';
        expect((await download(t, stable.token, pilotUrl)).status).toBe(404);
        for (const bad of [
          '1.0.0/..%2F..%2Fpackage.json',
          '..%2Fstore/x',
          '1.0.0/latest-linux.yml',
          '1.0.0/Ventanilla-1.1.0.AppImage',
          'feed.yml',
        ]) {
          expect((await download(t, stable.token, bad)).status, bad).toBe(404);
        }

        // An admin moves the pilot kiosk to «Piloto» on its page (CSRF token of the session).
        const browser = new ConsoleClient(t.server.url);
        expect((await browser.login('admin', staffPassword('admin'))).status).toBe(303);
        // Its heartbeat says which version it runs; the page shows it beside the channel.
        const heartbeat: DeviceReport = {
          appVersion: '1.0.0',
          mode: 'kiosk',
          madeAt: new Date().toISOString(),
          printer: { state: 'ready', name: 'Recibos' },
          dispenser: { state: 'ready', paperLow: false },
          outbox: { pending: 0, parked: 0, oldestPendingAt: null },
          clockOffsetSeconds: 0,
          freeDiskBytes: 20_000_000_000,
        };
        const reported = await t.request(
          '/v1/device/report',
          postJson(heartbeat, { authorization: `Bearer ${pilot.token}` }),
        );
        expect(reported.status).toBe(200);
        const page = await browser.get(`/consola/equipos/${pilot.id}`);
        expect(page.status).toBe(200);
        expect(page.text).toMatch(/data-testid="fleet-channel" data-channel="stable"/);
        expect(page.text).toMatch(/data-testid="fleet-reported-version">\s*1\.0\.0\s*</);
        const form = `/consola/equipos/${pilot.id}/canal`;
        expect((await browser.post(form, { csrf: 'wrong', canal: 'pilot' })).status).toBe(403);
        expect((await feed(t, pilot.token)).feed!.version).toBe('1.0.0');
        const moved = await browser.post(form, { csrf: csrfOf(page.text), canal: 'pilot' });
        expect(moved.status).toBe(303);
        const after = await browser.get(`/consola/equipos/${pilot.id}`);
        expect(after.text).toMatch(/data-channel="pilot"/);
        expect(after.text).toContain('lo asignó admin');
        const audit = await exec.query<{ set_by: string; channel: string }>(
          `SELECT channel, set_by FROM device_channels WHERE device_id = $1`,
          [pilot.id],
        );
        expect(audit.rows).toEqual([{ channel: 'pilot', set_by: 'admin' }]);
        // «Equipos» filtered by channel: each list has its own kiosk; a value that is no channel is refused.
        const listed = async (query: string) => (await browser.get(`/consola/equipos${query}`)).text;
        expect(await listed('?canal=pilot')).toContain('Kiosco Piloto');
        expect(await listed('?canal=pilot')).not.toContain('Kiosco Estable');
        expect(await listed('?canal=stable')).toContain('Kiosco Estable');
        expect(await listed('?canal=stable')).not.toContain('Kiosco Piloto');
        expect(await listed('')).toContain('Kiosco Piloto');
        const bad = await browser.get('/consola/equipos?canal=beta');
        expect(bad.status).toBe(400);
        expect(bad.text).toContain('El canal no es válido');

        // Now the pilot kiosk's feed is 1.1.0 and it may download it; the stable one still 1.0.0.
        const pilotFeed = (await feed(t, pilot.token)).feed!;
        expect(pilotFeed.version).toBe('1.1.0');
        const appImage = await download(t, pilot.token, pilotFeed.path);
        expect(appImage.status).toBe(200);
        expect(appImage.bytes.equals(bytes110['Ventanilla-1.1.0.AppImage']!)).toBe(true);
        expect((await feed(t, stable.token)).feed!.version).toBe('1.0.0');
        // A device that rolled back from 1.1.0 is offered the previous version.
        expect((await feed(t, pilot.token, 'latest-linux.yml', { [skipVersionsHeader]: '1.1.0' })).feed!.version).toBe(
          '1.0.0',
        );

        // Withdrawing 1.1.0 rolls the pilot channel back to 1.0.0, and its files are no longer served.
        expect(await withdrawRelease(exec, { channel: 'pilot', platform: 'linux', version: '1.1.0' }, new Date())).toBe(
          'withdrawn',
        );
        expect(await withdrawRelease(exec, { channel: 'pilot', platform: 'linux', version: '1.1.0' }, new Date())).toBe(
          'already-withdrawn',
        );
        expect(await withdrawRelease(exec, { channel: 'pilot', platform: 'linux', version: '9.9.9' }, new Date())).toBe(
          'not-found',
        );
        expect((await feed(t, pilot.token)).feed!.version).toBe('1.0.0');
        expect((await download(t, pilot.token, pilotUrl)).status).toBe(404);

        // No token, an unknown one, a revoked device: refused before anything is read.
        expect((await fetch(`${t.server.url}/updates/latest-linux.yml`)).status).toBe(401);
        expect((await feed(t, 'v1.' + 'a'.repeat(43))).status).toBe(401);
        expect(await revokeDevice(t.server.database, pilot.id)).toBe('revoked');
        expect((await feed(t, pilot.token)).status).toBe(401);
        expect((await download(t, pilot.token, '1.0.0/Ventanilla-1.0.0.AppImage')).status).toBe(401);
      } finally {
        await t.stop();
        work.remove();
      }
    },
  );
});
