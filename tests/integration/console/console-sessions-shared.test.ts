import { randomBytes } from 'node:crypto';
import { expect, it, onTestFinished } from 'vitest';
import {
  ConsoleSessions,
  consoleSessionKey,
  consoleSessionLimits,
  maxSessionsPerMember,
} from '../../../src-server/console/console-sessions';
import type { SqlExecutor } from '../../../src-server/db/sql-executor';
import { startServer } from '../../../src-server/index';
import { createServerLogger } from '../../../src-server/logger';
import { migratedPostgresTemplate } from '../../support/migrated-templates';
import {
  createTestPostgresDatabase,
  describeEachServerDatabase,
  describePostgresOnly,
  type DatabaseVariant,
} from '../../support/postgres';
import { enrollPushingDevice } from '../../support/pushing-device';
import { startTestServer, type TestServer } from '../../support/server-harness';
import { cheapScrypt, ConsoleClient, csrfOf, seedConsoleStaff, staffPassword } from '../../support/staff-console';

/**
 * The staff console's sessions live in the server's database (staff_console_sessions,
 * src-server/console/console-sessions.ts; issue 17, stateless instances): a session opened
 * through one instance is served by any other on the same database, survives a restart, and
 * ends for all of them at once. What is not a live session of this browser is refused.
 */

const sessionCookie = 'ventanilla-consola';
const toLogin = { status: 303, location: '/consola/ingresar' };
const channelNotice = 'El equipo sigue ahora el canal piloto';

async function consoleServer(variant: DatabaseVariant): Promise<TestServer> {
  const t = await startTestServer(variant, { serverOptions: { passwordWork: { params: cheapScrypt } } });
  await seedConsoleStaff(t.server.database.exec);
  return t;
}

async function staffIdOf(exec: SqlExecutor, username: string): Promise<string> {
  const { rows } = await exec.query<{ id: string }>('SELECT id FROM staff_users WHERE username = $1', [username]);
  if (rows[0] === undefined) throw new Error(`fixture: no staff member ${username}`);
  return rows[0].id;
}

async function storedRows(exec: SqlExecutor, token: string): Promise<number> {
  const { rows } = await exec.query('SELECT 1 FROM staff_console_sessions WHERE token_hash = $1', [
    consoleSessionKey(token),
  ]);
  return rows.length;
}

function sessionTokenOf(browser: ConsoleClient): string {
  const token = browser.cookie(sessionCookie);
  if (token === undefined) throw new Error('the browser holds no console session');
  return token;
}

/** What a device's release channel is in the database (the console's «Cambiar canal» writes it). */
async function channelOf(exec: SqlExecutor, deviceId: string): Promise<string | null> {
  const { rows } = await exec.query<{ channel: string }>('SELECT channel FROM device_channels WHERE device_id = $1', [
    deviceId,
  ]);
  return rows[0]?.channel ?? null;
}

describeEachServerDatabase('console sessions in the database', (variant) => {
  it(
    'keep no cookie value or CSRF token, end when idle or old, stay closed once closed, and are capped per member',
    { timeout: 90_000 },
    async () => {
      const t = await consoleServer(variant);
      const exec = t.server.database.exec;
      const supervisor = await staffIdOf(exec, 'supervisor1');
      let now = Date.parse('2026-12-05T08:00:00Z');
      const sessions = new ConsoleSessions(exec, () => new Date(now), { idleMs: 1000, absoluteMs: 5000 });
      const at = (ms: number) => (now = Date.parse('2026-12-05T08:00:00Z') + ms);

      const { token } = await sessions.open({ staffId: supervisor, changesThrough: '0' });
      const opened = await sessions.touch(token, { takeNotice: false });
      expect(opened?.staff.username).toBe('supervisor1');
      const stored = JSON.stringify((await exec.query('SELECT * FROM staff_console_sessions')).rows);
      expect(stored).toContain(consoleSessionKey(token));
      expect(stored).not.toContain(token);
      expect(stored).not.toContain(opened?.csrfToken ?? 'never');
      // Another session's CSRF token is another value.
      const other = await sessions.open({ staffId: supervisor, changesThrough: '0' });
      expect((await sessions.touch(other.token, { takeNotice: false }))?.csrfToken).not.toBe(opened?.csrfToken);
      await sessions.close(other.token);

      at(900);
      expect(await sessions.touch(token, { takeNotice: false })).not.toBeNull();
      at(1800);
      expect(await sessions.touch(token, { takeNotice: false })).not.toBeNull();
      at(2900);
      expect(await sessions.touch(token, { takeNotice: false })).toBeNull();
      // The expired row is gone, and stays refused.
      expect(await storedRows(exec, token)).toBe(0);
      at(2901);
      expect(await sessions.touch(token, { takeNotice: false })).toBeNull();

      const second = await sessions.open({ staffId: supervisor, changesThrough: '0' });
      for (let ms = 3000; ms < 7900; ms += 900) {
        at(ms);
        expect(await sessions.touch(second.token, { takeNotice: false }), `at ${ms}`).not.toBeNull();
      }
      at(8100);
      expect(await sessions.touch(second.token, { takeNotice: false })).toBeNull();

      const third = await sessions.open({ staffId: supervisor, changesThrough: '0' });
      await sessions.close(third.token);
      expect(await sessions.touch(third.token, { takeNotice: false })).toBeNull();
      expect(await sessions.touch('', { takeNotice: false })).toBeNull();
      expect(await sessions.touch(undefined, { takeNotice: false })).toBeNull();

      // A notice is kept until a page takes it, then shown once.
      const noted = await sessions.open({ staffId: supervisor, changesThrough: '0' });
      await sessions.leaveNotice(noted.token, { kind: 'ok', text: 'Listo.' });
      expect((await sessions.touch(noted.token, { takeNotice: false }))?.notice).toEqual({
        kind: 'ok',
        text: 'Listo.',
      });
      expect((await sessions.touch(noted.token, { takeNotice: true }))?.notice).toEqual({ kind: 'ok', text: 'Listo.' });
      expect((await sessions.touch(noted.token, { takeNotice: true }))?.notice).toBeNull();

      // A login flood: the member keeps the newest sessions, expired rows of anyone go at a login.
      const cajero = await sessions.open({ staffId: await staffIdOf(exec, 'cajero1'), changesThrough: '0' });
      at(20_000);
      const admin = await sessions.open({ staffId: await staffIdOf(exec, 'admin'), changesThrough: '0' });
      expect(await storedRows(exec, cajero.token)).toBe(0);
      expect(await storedRows(exec, noted.token)).toBe(0);
      const flood: string[] = [];
      for (let i = 0; i < maxSessionsPerMember + 2; i += 1) {
        at(20_001 + i);
        flood.push((await sessions.open({ staffId: supervisor, changesThrough: '0' })).token);
      }
      const { rows } = await exec.query<{ staff_id: string; n: string }>(
        'SELECT staff_id, count(*)::text AS n FROM staff_console_sessions GROUP BY staff_id ORDER BY n',
      );
      expect(rows.map((r) => Number(r.n))).toEqual([1, maxSessionsPerMember]);
      expect(await sessions.touch(flood[0], { takeNotice: false })).toBeNull();
      expect(await sessions.touch(flood[1], { takeNotice: false })).toBeNull();
      for (const kept of flood.slice(2)) expect(await sessions.touch(kept, { takeNotice: false })).not.toBeNull();
      expect((await sessions.touch(admin.token, { takeNotice: false }))?.staff.username).toBe('admin');
    },
  );

  it(
    'a session survives a restart of the server; an unknown cookie, an expired row and another member’s CSRF token are refused',
    { timeout: 120_000 },
    async () => {
      const t = await consoleServer(variant);
      const device = await enrollPushingDevice(t, 'Caja 1', 'cashier');
      const admin = new ConsoleClient(t.server.url);
      expect(await admin.login('admin', staffPassword('admin'))).toMatchObject({ status: 303 });
      const token = sessionTokenOf(admin);
      const csrf = await admin.csrf();
      await t.stop();

      // The same data dir (and database): nobody is signed out.
      const again = await startServer(t.config, {
        logger: createServerLogger('silent'),
        passwordWork: { params: cheapScrypt },
      });
      try {
        const exec = again.database.exec;
        const browser = admin.on(again.url);
        const page = await browser.get('/consola/prepagos');
        expect(page.status).toBe(200);
        expect(page.text).toContain('(admin, Administrador)');
        expect(csrfOf(page.text)).toBe(csrf);
        const changed = await browser.post(`/consola/equipos/${device.id}/canal`, { csrf, canal: 'pilot' });
        expect(changed).toMatchObject({ status: 303, location: `/consola/equipos/${device.id}` });
        expect(await channelOf(exec, device.id)).toBe('pilot');
        const shown = await browser.get(`/consola/equipos/${device.id}`);
        expect(shown.text).toContain(channelNotice);
        // Shown once.
        expect((await browser.get(`/consola/equipos/${device.id}`)).text).not.toContain(channelNotice);

        // A cookie of the right shape whose hash is not stored.
        const forged = new ConsoleClient(again.url, new Map([[sessionCookie, randomBytes(32).toString('base64url')]]));
        expect(await forged.get('/consola/prepagos')).toMatchObject(toLogin);

        // Another member's CSRF token, sent with the admin's cookie: refused, nothing changed.
        const supervisor = new ConsoleClient(again.url);
        expect(await supervisor.login('supervisor1', staffPassword('supervisor1'))).toMatchObject({ status: 303 });
        const othersToken = await supervisor.csrf();
        expect(othersToken).not.toBe(csrf);
        const crossed = await browser.post(`/consola/equipos/${device.id}/canal`, {
          csrf: othersToken,
          canal: 'stable',
        });
        expect(crossed.status).toBe(403);
        expect(await channelOf(exec, device.id)).toBe('pilot');

        // Rows past the idle limit (the supervisor's) and the absolute one (the admin's, seen
        // just now): refused, and the rows are deleted.
        const supervisorToken = sessionTokenOf(supervisor);
        await exec.query(
          `UPDATE staff_console_sessions SET last_seen_at = now() - make_interval(secs => $2::double precision / 1000 + 1)
           WHERE token_hash = $1`,
          [consoleSessionKey(supervisorToken), consoleSessionLimits.idleMs],
        );
        await exec.query(
          `UPDATE staff_console_sessions SET created_at = now() - make_interval(secs => $2::double precision / 1000 + 1)
           WHERE token_hash = $1`,
          [consoleSessionKey(token), consoleSessionLimits.absoluteMs],
        );
        expect(await supervisor.get('/consola/prepagos')).toMatchObject(toLogin);
        expect(await browser.get('/consola/prepagos')).toMatchObject(toLogin);
        expect(await storedRows(exec, supervisorToken)).toBe(0);
        expect(await storedRows(exec, token)).toBe(0);
        const late = await browser.post(`/consola/equipos/${device.id}/canal`, { csrf, canal: 'stable' });
        expect(late).toMatchObject(toLogin);
        expect(await channelOf(exec, device.id)).toBe('pilot');
      } finally {
        await again.stop();
      }
    },
  );
});

function sharedSuite(adminUrl: string): void {
  it(
    'a login form from A posted to B; the session used on A and B, a notice left on B shown by A; «Salir» on B ends it on A',
    { timeout: 120_000 },
    async () => {
      const db = await createTestPostgresDatabase(adminUrl, await migratedPostgresTemplate(adminUrl));
      onTestFinished(() => db.drop());
      const shared: DatabaseVariant = { kind: 'postgres', freshDatabaseUrl: async () => db.url };
      const a = await startTestServer(shared, { serverOptions: { passwordWork: { params: cheapScrypt } } });
      const b = await startTestServer(shared, { serverOptions: { passwordWork: { params: cheapScrypt } } });
      await seedConsoleStaff(a.server.database.exec);
      const device = await enrollPushingDevice(a, 'Caja 1', 'cashier');

      const onA = new ConsoleClient(a.server.url);
      const onB = onA.on(b.server.url);
      const form = await onA.get('/consola/ingresar');
      const login = await onB.post('/consola/ingresar', {
        csrf: csrfOf(form.text),
        usuario: 'admin',
        contrasena: staffPassword('admin'),
      });
      expect(login).toMatchObject({ status: 303, location: '/consola/prepagos' });
      const token = sessionTokenOf(onA);

      for (const browser of [onA, onB]) {
        const page = await browser.get('/consola/prepagos');
        expect(page.status).toBe(200);
        expect(page.text).toContain('(admin, Administrador)');
      }
      const csrf = await onA.csrf();
      const changed = await onB.post(`/consola/equipos/${device.id}/canal`, { csrf, canal: 'pilot' });
      expect(changed).toMatchObject({ status: 303, location: `/consola/equipos/${device.id}` });
      expect(await channelOf(a.server.database.exec, device.id)).toBe('pilot');
      expect((await onA.get(`/consola/equipos/${device.id}`)).text).toContain(channelNotice);

      expect(await onB.post('/consola/salir', { csrf })).toMatchObject(toLogin);
      expect(await storedRows(a.server.database.exec, token)).toBe(0);
      // The same cookie, replayed on A.
      const replayed = new ConsoleClient(a.server.url, new Map([[sessionCookie, token]]));
      expect(await replayed.get('/consola/prepagos')).toMatchObject(toLogin);
      const late = await replayed.post(`/consola/equipos/${device.id}/canal`, { csrf, canal: 'stable' });
      expect(late).toMatchObject(toLogin);
      expect(await channelOf(a.server.database.exec, device.id)).toBe('pilot');
    },
  );
}

describePostgresOnly(
  'console sessions shared by two server instances on one PostgreSQL',
  'PostgreSQL only (PGlite is one process’s database)',
  sharedSuite,
);
