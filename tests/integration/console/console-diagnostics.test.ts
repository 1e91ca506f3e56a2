import { gzipSync } from 'node:zlib';
import { v7 as uuidv7 } from 'uuid';
import { expect, it } from 'vitest';
import { storeDiagnostic } from '../../../src-server/devices/diagnostics';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer, type TestServer } from '../../support/server-harness';
import { cheapScrypt, ConsoleClient, seedConsoleStaff, staffPassword } from '../../support/staff-console';

/**
 * «Diagnósticos» on a device's page of «Equipos» (docs/operations.md): an admin sees each bundle
 * (time, size, who asked) and downloads it as the device sent it — gzip, an attachment, never
 * cached; anyone else is refused, and another device's bundle is not found under this device.
 */
const path = '/consola/equipos';

async function loggedIn(t: TestServer, username: string): Promise<ConsoleClient> {
  const browser = new ConsoleClient(t.server.url);
  expect((await browser.login(username, staffPassword(username))).status).toBe(303);
  return browser;
}

async function device(t: TestServer, name: string): Promise<string> {
  const id = uuidv7();
  await t.server.database.exec.query(
    `INSERT INTO devices (id, name, mode, office, token_hash) VALUES ($1, $2, 'cashier', 'Sede Centro', $3)`,
    [id, name, `hash-${id}`],
  );
  return id;
}

const download = (t: TestServer, browser: ConsoleClient, url: string) =>
  fetch(`${t.server.url}${url}`, { headers: { cookie: browser.cookieHeader() }, redirect: 'manual' });

describeEachServerDatabase('console: device diagnostics', (variant) => {
  it('lists a device’s bundles and downloads one for an admin; refuses others', { timeout: 90_000 }, async () => {
    const t = await startTestServer(variant, {
      logLevel: 'silent',
      serverOptions: { passwordWork: { params: cheapScrypt } },
    });
    const exec = t.server.database.exec;
    await seedConsoleStaff(exec);
    const caja = await device(t, 'Caja 1');
    const other = await device(t, 'Caja 2');
    const admin = await loggedIn(t, 'admin');

    const empty = await admin.get(`${path}/${caja}`);
    expect(empty.status).toBe(200);
    expect(empty.text).toContain('data-testid="fleet-diagnostics-empty"');

    const bundle = gzipSync('{"kind":"ventanilla-diagnostic","version":1}\n{"level":30,"msg":"hola"}\n');
    const stored = await storeDiagnostic(exec, caja, bundle, 'supervisor1', new Date('2026-12-04T15:30:00Z'));
    const theirs = await storeDiagnostic(exec, other, bundle, null, new Date('2026-12-04T15:31:00Z'));

    const page = await admin.get(`${path}/${caja}`);
    const section = page.text.slice(page.text.indexOf('data-testid="fleet-diagnostics"'));
    expect(section).toContain('supervisor1');
    expect(section).toContain(`${bundle.byteLength} B`);
    expect(section).toContain(`href="${path}/${caja}/diagnosticos/${stored.id}"`);
    expect(section).not.toContain(theirs.id);

    const answer = await download(t, admin, `${path}/${caja}/diagnosticos/${stored.id}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/gzip');
    expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="diagnostico-[^"]+\.jsonl\.gz"$/);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await answer.arrayBuffer()).equals(bundle)).toBe(true);

    // Another device's bundle under this device, or a made-up id: not found.
    expect((await download(t, admin, `${path}/${caja}/diagnosticos/${theirs.id}`)).status).toBe(404);
    expect((await download(t, admin, `${path}/${caja}/diagnosticos/${uuidv7()}`)).status).toBe(404);
    expect((await download(t, admin, `${path}/${caja}/diagnosticos/nada`)).status).toBe(404);

    for (const username of ['supervisor1', 'soporte1', 'cajero1']) {
      const browser = await loggedIn(t, username);
      const refused = await download(t, browser, `${path}/${caja}/diagnosticos/${stored.id}`);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toContain('text/html');
    }
    const anonymous = await fetch(`${t.server.url}${path}/${caja}/diagnosticos/${stored.id}`, { redirect: 'manual' });
    expect(anonymous.status).toBe(303);
  });
});
