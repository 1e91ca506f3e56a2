import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { migrateServerDatabase } from '../../../src-server/db/migrate';
import { openServerDatabase } from '../../../src-server/db/open';
import { createServerLogger } from '../../../src-server/logger';
import { bankFile, countRows } from '../../support/bank-file-fixtures';
import { adminInProcess, adminSpawned, type AdminOutcome } from '../../support/admin-cli';
import { describeEachServerDatabase, type DatabaseVariant } from '../../support/postgres';
import { prepareDatabase, startTestServer } from '../../support/server-harness';
import { createTestLiquidation } from '../../support/wallet-fixtures';

/**
 * `npm run admin -- bank-file import <file> [--json]` and `liquidations --pending [--json]` as an
 * operator runs them (in-process, and once as the script): on a PGlite data dir no server holds,
 * on PostgreSQL, and through the running embedded server's loopback admin routes.
 */

/** The command in-process (runAdmin), on the given data dir or database. */
async function admin(env: { dataDir: string; databaseUrl: string | null }, ...args: string[]) {
  return adminOutcome(await adminInProcess({ env: adminEnv(env), args }));
}

function adminEnv(env: { dataDir: string; databaseUrl: string | null }): Record<string, string> {
  return { VENTANILLA_DATA_DIR: env.dataDir, DATABASE_URL: env.databaseUrl ?? '' };
}

/** stdout when the command succeeds (it may be JSON); with the refusal's words otherwise. */
function adminOutcome(outcome: AdminOutcome): { code: number; stdout: string } {
  return { code: outcome.code, stdout: outcome.code === 0 ? outcome.stdout : outcome.out };
}

/** Two liquidaciones owed; a file paying the first and one with an unknown reference. */
async function owed(exec: Parameters<typeof createTestLiquidation>[0], dir: string) {
  const paid = await createTestLiquidation(exec, { amount: 50_000, docType: 'CC', docNumber: '1020304050' });
  const pending = await createTestLiquidation(exec, {
    amount: 70_000,
    docType: 'CC',
    docNumber: '52000111',
    expiresAt: new Date('2027-01-20T04:59:00Z'),
  });
  const file = path.join(dir, 'recaudo-0115.txt');
  writeFileSync(
    file,
    bankFile([
      { reference: paid.number, amount: 50_000 },
      { reference: 999_999, amount: 5_000 },
    ]),
  );
  const damaged = path.join(dir, 'danado.txt');
  writeFileSync(damaged, bankFile([{ reference: paid.number, amount: 50_000 }]).replace(/\r\n09/, '\r\n08'));
  return { paid, pending, file, damaged };
}

describeEachServerDatabase('admin bank-file import (the database opened by the command)', (variant) => {
  it(
    'imports once, prints the summary as JSON, lists what is still pending and refuses a damaged file',
    { timeout: 240_000 },
    async () => {
      const { dir, databaseUrl } = await prepareDatabase(variant);
      onTestFinished(() => dir.remove());
      const env = { dataDir: dir.path, databaseUrl };
      const setup = await openServerDatabase(env, { logger: createServerLogger('silent') });
      await migrateServerDatabase(setup.exec);
      const { paid, pending, file, damaged } = await owed(setup.exec, dir.path);
      await setup.close();

      const first = await admin(env, 'bank-file', 'import', file, '--json');
      expect(first.code).toBe(0);
      const summary = JSON.parse(first.stdout) as Record<string, unknown>;
      expect(Object.keys(summary)).toEqual([
        'file',
        'records',
        'applied',
        'duplicates',
        'unknownReference',
        'amountMismatch',
        'rejected',
      ]);
      expect(summary).toMatchObject({
        file: { name: 'recaudo-0115.txt', bankCode: '007', collectedOn: '2026-01-15', totalAmount: 55_000 },
        records: 2,
        applied: 1,
        duplicates: 0,
        unknownReference: 1,
        amountMismatch: 0,
        rejected: null,
      });

      const again = await admin(env, 'bank-file', 'import', file);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('Archivo «recaudo-0115.txt» (banco 007, recaudo del 15/01/2026): 2 pagos por $');
      expect(again.stdout).toMatch(
        /Este archivo ya se importó el .+ \(hora de Colombia\): no se aplicó nada de nuevo\./,
      );

      const list = await admin(env, 'liquidations', '--pending', '--json');
      expect(JSON.parse(list.stdout)).toEqual([
        {
          number: pending.number,
          reference: String(pending.number).padStart(10, '0'),
          amount: 70_000,
          dueDate: '2027-01-19',
          expiresAt: '2027-01-20T04:59:00.000Z',
        },
      ]);
      const human = await admin(env, 'liquidations', '--pending');
      expect(human.stdout).toContain(`${pending.number}  ${String(pending.number).padStart(10, '0')}`);
      expect(human.stdout).toContain('2027-01-19');

      // With PostgreSQL as the real script, a child process: exit code 3 and the JSON on its stdout.
      const refused = adminOutcome(
        await (variant.kind === 'postgres' ? adminSpawned : adminInProcess)({
          env: adminEnv(env),
          args: ['bank-file', 'import', damaged, '--json'],
        }),
      );
      expect(refused.code).toBe(3);
      expect(JSON.parse(refused.stdout)).toMatchObject({
        applied: 0,
        rejected: { line: 5, message: expect.stringContaining('Línea 5:') as unknown },
      });
      const refusedHuman = await admin(env, 'bank-file', 'import', damaged);
      expect(refusedHuman.code).toBe(3);
      expect(refusedHuman.stdout).toContain('Archivo «danado.txt» rechazado: Línea 5:');
      expect(refusedHuman.stdout).toContain('No se aplicó ningún pago.');

      const check = await openServerDatabase(env, { logger: createServerLogger('silent') });
      onTestFinished(() => check.close());
      expect(await countRows(check.exec, 'bank_files')).toBe(1);
      expect(await countRows(check.exec, 'liquidation_payments')).toBe(1);
      expect(await countRows(check.exec, 'liquidations', `state = 'pagada' AND number = ${paid.number}`)).toBe(1);
    },
  );
});

describe('admin bank-file: usage', () => {
  it('explains its usage in Spanish', { timeout: 90_000 }, async () => {
    const wrong = await admin({ dataDir: '/nonexistent', databaseUrl: null }, 'bank-file', 'importar', 'x.txt');
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toContain('«bank-file» se usa así: bank-file import <archivo> [--json].');
    const unread = await admin({ dataDir: '/nonexistent', databaseUrl: null }, 'bank-file', 'import', '/no/existe.txt');
    expect(unread.code).toBe(1);
    expect(unread.stdout).toContain('No se pudo leer /no/existe.txt');
  });
});

// PGlite only: while the embedded server runs it holds the database, so the command asks it.
describe('admin bank-file import through the running embedded server [pglite]', () => {
  const variant: DatabaseVariant = { kind: 'pglite', freshDatabaseUrl: async () => null };

  it(
    'imports through the loopback admin routes and lists the pending liquidaciones',
    { timeout: 120_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      const exec = t.server.database.exec;
      const { pending, file } = await owed(exec, t.config.dataDir);
      const env = { dataDir: t.config.dataDir, databaseUrl: null };

      const first = await admin(env, 'bank-file', 'import', file, '--json');
      expect(first.code).toBe(0);
      expect(JSON.parse(first.stdout)).toMatchObject({ records: 2, applied: 1, unknownReference: 1, rejected: null });
      expect(await countRows(exec, 'liquidation_payments')).toBe(1);
      const again = await admin(env, 'bank-file', 'import', file, '--json');
      expect(JSON.parse(again.stdout)).toMatchObject({ applied: 0, duplicates: 2 });

      const list = await admin(env, 'liquidations', '--pending', '--json');
      expect((JSON.parse(list.stdout) as { number: number }[]).map((l) => l.number)).toEqual([pending.number]);
    },
  );
});
