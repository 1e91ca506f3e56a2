import { expect, it, onTestFinished } from 'vitest';
import { openServerDatabase } from '../../../src-server/db/open';
import type { SqlExecutor } from '../../../src-server/db/sql-executor';
import { startServer, type RunningServer } from '../../../src-server/index';
import { createServerLogger } from '../../../src-server/logger';
import { adminInProcess, adminSpawned, type AdminOutcome } from '../../support/admin-cli';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer, type TestServer } from '../../support/server-harness';
import { ConsoleClient, seedConsoleStaff } from '../../support/staff-console';
import { callOk, enrolledDevice, expectReplicaEqual, seedServer, until } from '../../support/sync-support';

/**
 * `npm run admin -- staff …` as IT runs it (in-process, and once as the script): with PostgreSQL
 * while the server runs, with PGlite once the server is stopped (it refuses while the server runs). The
 * password comes on standard input, never in the arguments. What it writes is checked where it
 * matters: the console's sign-in, the approval key, the feed that carries staff_users to the
 * devices, and the staff_changes audit rows. Each refusal changes nothing.
 */

/** The command in-process (runAdmin), against the test server's data dir and database. */
function admin(t: TestServer, stdin: string, ...args: string[]): Promise<AdminOutcome> {
  return adminInProcess({ env: adminEnv(t), args, stdin });
}

function adminEnv(t: TestServer): Record<string, string> {
  return { VENTANILLA_DATA_DIR: t.config.dataDir, DATABASE_URL: t.config.databaseUrl ?? '' };
}

const twice = (password: string): string => `${password}\n${password}\n`;

describeEachServerDatabase('admin staff accounts', (variant) => {
  it(
    'adds a member who signs in to the console; a new password replaces the old one and the approval key; deactivation closes the door; refusals change nothing',
    { timeout: 300_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedConsoleStaff(t.server.database.exec);
      const embedded = t.config.databaseUrl === null;

      if (embedded) {
        // PGlite admits one process: the command refuses while the server runs, and writes nothing.
        const refused = await admin(t, '', 'staff', 'list');
        expect(refused.code).toBe(1);
        expect(refused.out).toContain('El servidor central está en marcha');
        await t.stop();
      }

      /** The database, directly (PGlite: the server is stopped while the command runs). */
      async function withDb<T>(fn: (exec: SqlExecutor) => Promise<T>): Promise<T> {
        if (!embedded) return fn(t.server.database.exec);
        const database = await openServerDatabase(t.config, { logger: createServerLogger('silent') });
        try {
          return await fn(database.exec);
        } finally {
          await database.close();
        }
      }

      /**
       * A browser on the console, and the database the server holds; with PGlite a server started
       * for it and stopped after (one opening of the files for both).
       */
      async function withConsole<T>(fn: (browser: () => ConsoleClient, exec: SqlExecutor) => Promise<T>): Promise<T> {
        if (!embedded) return fn(() => new ConsoleClient(t.server.url), t.server.database.exec);
        const server = await startServer(t.config, { logger: createServerLogger('silent') });
        try {
          return await fn(() => new ConsoleClient(server.url), server.database.exec);
        } finally {
          await server.stop();
        }
      }

      const stateIn = async (exec: SqlExecutor) => ({
        staff: (
          await exec.query(
            `SELECT s.username, s.full_name, s.role, s.active, s.password_hash, s.pin_hash, k.approval_key
               FROM staff_users s LEFT JOIN staff_approval_keys k ON k.staff_id = s.id ORDER BY s.username`,
          )
        ).rows,
        changes: (await exec.query('SELECT staff_id, action, by FROM staff_changes ORDER BY id')).rows,
        feed: (await exec.query(`SELECT count(*)::int AS n FROM change_log WHERE table_name = 'staff_users'`)).rows[0],
      });
      const state = () => withDb(stateIn);
      const memberIn = async (exec: SqlExecutor, username: string) => {
        const { rows } = await exec.query<{
          id: string;
          role: string;
          active: boolean;
          password_hash: string;
          pin_hash: string | null;
          approval_key: string | null;
        }>(
          `SELECT s.id, s.role, s.active, s.password_hash, s.pin_hash, k.approval_key
             FROM staff_users s LEFT JOIN staff_approval_keys k ON k.staff_id = s.id WHERE s.username = $1`,
          [username],
        );
        return rows[0];
      };
      const member = (username: string) => withDb((exec) => memberIn(exec, username));

      // Added with a typed-twice password; stored in lower case, as sign-in looks it up.
      // With PostgreSQL as the real script, a child process: the password on its piped standard input.
      const first = 'Clave.Segura-2026';
      const added = await (variant.kind === 'postgres' ? adminSpawned : adminInProcess)({
        env: adminEnv(t),
        args: ['staff', 'add', 'JPerez', '--role', 'supervisor', '--name', 'JUAN CARLOS PÉREZ', '--pin'],
        stdin: twice(first),
      });
      expect(added.out).toContain('Usuario «jperez» creado (supervisor)');
      expect(added.code).toBe(0);
      expect(added.out).not.toContain(first);
      const pin = /PIN para la caja: (\d{6})/.exec(added.out)?.[1];
      expect(pin).toBeDefined();
      // The stored row, the console's sign-in, and (`before`) what the refusals below must leave as it is.
      const [created, before] = await withConsole(async (browser, exec) => {
        const row = await memberIn(exec, 'jperez');
        expect((await browser().login('JPEREZ', first)).status).toBe(303);
        expect((await browser().login('jperez', 'Otra.Cosa-2026')).status).not.toBe(303);
        return [row, await stateIn(exec)] as const;
      });
      expect(created).toMatchObject({ role: 'supervisor', active: true });
      expect(created?.pin_hash).toMatch(/^scrypt\$/);
      expect(created?.approval_key).toMatch(/^[\w-]{43}$/);
      expect(added.out).not.toContain(created!.password_hash);

      // Refusals: nothing written, the reason in Spanish.
      const refusals: [string, string[], string, number][] = [
        [twice('Clave.Segura-2026'), ['add', 'ana.gomez', '--role', 'jefe', '--name', 'ANA'], '--role debe ser', 1],
        [
          twice('Clave.Segura-2026'),
          ['add', 'SUPERVISOR1', '--role', 'cajero', '--name', 'X'],
          'Ya existe el usuario «supervisor1»',
          1,
        ],
        [
          twice('Clave.Segura-2026'),
          ['add', 'JPEREZ', '--role', 'cajero', '--name', 'X'],
          'Ya existe el usuario «jperez»',
          1,
        ],
        [twice('corta'), ['add', 'ana.gomez', '--role', 'cajero', '--name', 'ANA'], 'al menos 10 caracteres', 1],
        [twice('Admin.Demo'), ['add', 'ana.gomez', '--role', 'cajero', '--name', 'ANA'], 'de demostración', 1],
        [twice('x-ana.gomez-1'), ['add', 'ana.gomez', '--role', 'cajero', '--name', 'ANA'], 'nombre de usuario', 1],
        [
          'Clave.Segura-1\nClave.Segura-2\n',
          ['add', 'ana.gomez', '--role', 'cajero', '--name', 'ANA'],
          'no coinciden',
          1,
        ],
        [
          twice('Clave.Segura-2026'),
          ['add', 'ana.gomez', '--role', 'soporte', '--name', 'ANA', '--pin'],
          'El PIN es solo',
          1,
        ],
        [twice('Clave.Segura-2026'), ['add', 'ana.gomez', '--role', 'cajero'], 'Falta --name', 2],
        [twice('Clave.Segura-2026'), ['set-password', 'nadie'], 'No existe el usuario «nadie»', 1],
        ['Clave.Segura-1\nClave.Segura-2\n', ['set-password', 'jperez'], 'no coinciden', 1],
        ['', ['deactivate', 'nadie'], 'No existe el usuario «nadie»', 1],
        ['', ['new-pin', 'soporte1'], 'El PIN es solo para los roles cajero y supervisor', 1],
        ['', ['new-pin', 'nadie'], 'No existe el usuario «nadie»', 1],
        ['', ['new-pin'], 'recibe exactamente un usuario', 2],
        ['', ['frob'], 'Subcomando desconocido', 2],
      ];
      for (const [stdin, args, message, code] of refusals) {
        const outcome = await admin(t, stdin, 'staff', ...args);
        expect(outcome.out, args.join(' ')).toContain(message);
        expect(outcome.code, args.join(' ')).toBe(code);
      }
      expect(await state()).toEqual(before);

      // A new password: a new verifier and a new approval key; the old password stops working.
      const second = 'Nueva.Clave-2027';
      const changed = await admin(t, twice(second), 'staff', 'set-password', 'jperez');
      expect(changed.code).toBe(0);
      expect(changed.out).not.toContain(second);
      const after = await withConsole(async (browser, exec) => {
        const row = await memberIn(exec, 'jperez');
        expect((await browser().login('jperez', first)).status).not.toBe(303);
        expect((await browser().login('jperez', second)).status).toBe(303);
        return row;
      });
      expect(after?.password_hash).not.toBe(created?.password_hash);
      expect(after?.approval_key).toMatch(/^[\w-]{43}$/);
      expect(after?.approval_key).not.toBe(created?.approval_key);

      // A new PIN (forgotten, or seen): shown once, stored hashed, the old hash replaced.
      const repinned = await admin(t, '', 'staff', 'new-pin', 'JPEREZ');
      expect(repinned.code).toBe(0);
      const newPin = /PIN nuevo de «jperez» para la caja: (\d{6})/.exec(repinned.out)?.[1];
      expect(newPin).toBeDefined();
      const afterPin = await member('jperez');
      expect(afterPin?.pin_hash).toMatch(/^scrypt\$/);
      expect(afterPin?.pin_hash).not.toBe(after?.pin_hash);
      expect(afterPin?.password_hash).toBe(after?.password_hash);
      expect(repinned.out).not.toContain(afterPin!.pin_hash!);

      // Deactivated: the console refuses, and the feed carries the row the devices check at sign-in.
      const off = await admin(t, '', 'staff', 'deactivate', 'JPerez');
      expect(off.code).toBe(0);
      expect(off.out).toContain('Usuario «jperez» desactivado');
      expect((await admin(t, '', 'staff', 'deactivate', 'jperez')).out).toContain('ya estaba inactivo');
      const fed = await withConsole(async (browser, exec) => {
        expect((await browser().login('jperez', second)).status).not.toBe(303);
        const { rows } = await exec.query<{ row: Record<string, unknown> }>(
          `SELECT row FROM change_log WHERE table_name = 'staff_users' AND row_key = $1 ORDER BY seq DESC LIMIT 1`,
          [created!.id],
        );
        return rows[0]?.row;
      });
      expect(fed).toMatchObject({ username: 'jperez', active: false });
      expect(Object.keys(fed ?? {})).not.toContain('approval_key');

      const list = await admin(t, '', 'staff', 'list');
      expect(list.code).toBe(0);
      expect(list.out).toMatch(/jperez\s+JUAN CARLOS PÉREZ\s+supervisor\s+sí\s+inactivo/);
      expect(list.out).toMatch(/cajero1\s+.+\s+cajero\s+no\s+activo/);
      expect(list.out).not.toContain('scrypt');

      // Active again, and each change has its audit row.
      expect((await admin(t, '', 'staff', 'activate', 'jperez')).code).toBe(0);
      const audit = await withConsole(async (browser, exec) => {
        expect((await browser().login('jperez', second)).status).toBe(303);
        return (
          await exec.query<{ action: string; by: string }>(
            'SELECT action, by FROM staff_changes WHERE staff_id = $1 ORDER BY id',
            [created!.id],
          )
        ).rows;
      });
      expect(audit).toEqual(
        ['add', 'set-password', 'new-pin', 'deactivate', 'activate'].map((action) => ({ action, by: 'admin-cli' })),
      );
    },
  );

  it(
    'a cashier the CLI adds signs in at a counter after its next sync, and after deactivation no longer can',
    { timeout: 240_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 4);
      const counter = await enrolledDevice(t, { mode: 'cashier' });
      // «Sincronizar ahora»: without it the puller finds the new token at the end of its 2 s sleep (puller.ts).
      expect((await counter.dispatch('sync.now', {})).ok).toBe(true);
      await expectReplicaEqual(t, counter);
      const embedded = t.config.databaseUrl === null;
      let current: RunningServer = t.server;

      /** The CLI; with PGlite the server stops for it and starts again on the same port, where the counter finds it. */
      async function cli(stdin: string, ...args: string[]): Promise<void> {
        if (embedded) await current.stop();
        const outcome = await admin(t, stdin, 'staff', ...args);
        expect(outcome.code, outcome.out).toBe(0);
        if (embedded) {
          const started = await startServer(
            { ...t.config, port: t.server.port },
            { logger: createServerLogger('silent') },
          );
          onTestFinished(() => started.stop());
          current = started;
        }
      }
      const replicated = () =>
        counter.store.sqlite.prepare('SELECT active FROM staff_users WHERE username = ?').pluck().get('ana.caja') as
          number | undefined;

      const password = 'Caja.Norte-2026';
      await cli(twice(password), 'add', 'Ana.Caja', '--role', 'cajero', '--name', 'ANA MARÍA CAJA');
      await until('the new cashier on the counter', replicated, (active) => active === 1, 60_000);
      const signed = await callOk(counter, 'cashier.signIn', { username: 'ana.caja', password });
      expect(signed.staff).toMatchObject({ username: 'ana.caja', role: 'cajero' });

      await cli('', 'deactivate', 'ana.caja');
      await until('the deactivation on the counter', replicated, (active) => active === 0, 60_000);
      expect(await counter.dispatch('cashier.signIn', { username: 'ana.caja', password })).toMatchObject({
        ok: false,
        error: { code: 'wrong-credentials' },
      });
    },
  );
});
