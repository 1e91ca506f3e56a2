import { expect, it } from 'vitest';
import { arrayLiteral } from '../../../db/seed/columns';
import type { ServerDatabase } from '../../../src-server/db/open';
import { demoEntity, demoStaffAccounts, SeedRefusedError, seedDemoData } from '../../../db/seed/index';
import { verifyPassword } from '../../../src-server/staff/password-hash';
import { describeEachServerDatabase } from '../../support/postgres';
import { openMigratedDatabase } from '../../support/server-harness';

const now = new Date('2026-03-10T15:00:00Z');

async function count(database: ServerDatabase, sql: string): Promise<number> {
  const { rows } = await database.exec.query<{ n: number }>(`SELECT (${sql})::int AS n`);
  return rows[0]?.n ?? -1;
}

/** Every constraint and index of the seeded tables, as the catalog defines them. */
async function schemaOf(database: ServerDatabase): Promise<string[]> {
  const { rows } = await database.exec.query<{ def: string }>(
    `SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE conrelid IN ('subscribers'::regclass, 'bills'::regclass, 'payments'::regclass)
     UNION ALL
     SELECT pg_get_indexdef(indexrelid) FROM pg_index
       WHERE indrelid IN ('subscribers'::regclass, 'bills'::regclass, 'payments'::regclass)
     ORDER BY 1`,
  );
  return rows.map((r) => r.def);
}

describeEachServerDatabase('demo data seeding', (variant) => {
  it('round-trips awkward text and numbers through the array literals the loader sends', async () => {
    const database = await openMigratedDatabase(variant);
    const texts = ['dice "hola"', 'C:\\ruta\\', 'NULL', 'x,y', '{z}', 'ñandú ÁÉÍÓÚ ü', '', ' sp ', '[{"a":1}]'];
    const { rows } = await database.exec.query<{ v: string | null }>('SELECT unnest($1::text[]) AS v', [
      arrayLiteral([...texts, null]),
    ]);
    expect(rows.map((r) => r.v)).toEqual([...texts, null]);
    const { rows: numbers } = await database.exec.query<{ n: string }>('SELECT unnest($1::int8[])::text AS n', [
      arrayLiteral([20260300000001, -5, 0]),
    ]);
    expect(numbers.map((r) => r.n)).toEqual(['20260300000001', '-5', '0']);
  });

  it('in bulk mode drops and rebuilds exactly the same keys, foreign keys and indexes', async () => {
    const database = await openMigratedDatabase(variant);
    const before = await schemaOf(database);
    expect(before.length).toBeGreaterThanOrEqual(12);
    const report = await seedDemoData(database.exec, { subscribers: 120, now, loadMode: 'bulk', batchSize: 50 });
    expect(report).toMatchObject({ subscribers: 120, loadMode: 'bulk', foreignKeyChecks: 'revalidated' });
    expect(await schemaOf(database)).toEqual(before);
    expect(await count(database, 'SELECT count(*) FROM subscribers')).toBe(120);
    // The rebuilt keys are enforced again.
    await expect(
      database.exec.query(
        'INSERT INTO bills SELECT * FROM bills WHERE codigo_interno = (SELECT min(codigo_interno) FROM bills) LIMIT 1',
      ),
    ).rejects.toThrow(/duplicate key|llave duplicada/);
    await expect(
      database.exec.query('UPDATE payments SET bill_number = 1 WHERE id = (SELECT min(id::text)::uuid FROM payments)'),
    ).rejects.toThrow(/foreign key|llave foránea/);
  });

  it('writes 300 subscribers with a year of bills, payments, staff and the entity, all consistent in SQL', async () => {
    const database = await openMigratedDatabase(variant);
    const progress: number[] = [];
    const report = await seedDemoData(database.exec, {
      subscribers: 300,
      now,
      batchSize: 120,
      onProgress: (p) => progress.push(p.subscribersDone),
    });
    expect(progress).toEqual([120, 240, 300]);
    expect(report).toMatchObject({
      subscribers: 300,
      staffUsers: demoStaffAccounts.length,
      firstIndex: 0,
      loadMode: 'batches',
    });

    expect(await count(database, 'SELECT count(*) FROM subscribers')).toBe(300);
    expect(await count(database, 'SELECT count(*) FROM bills')).toBe(report.bills);
    expect(await count(database, 'SELECT count(*) FROM payments')).toBe(report.payments);
    expect(report.bills).toBeGreaterThanOrEqual(300 * 12);
    expect(
      await count(database, "SELECT count(DISTINCT (codigo_interno, period)) FROM bills WHERE state <> 'anulada'"),
    ).toBe(300 * 12);
    expect(await count(database, "SELECT count(*) FROM bills WHERE state = 'pagada'")).toBe(report.payments);

    // pagada ⇔ exactly one payment, for the bill's total.
    expect(
      await count(
        database,
        `SELECT count(*) FROM bills b WHERE (b.state = 'pagada') <> EXISTS (
           SELECT 1 FROM payments p WHERE p.bill_number = b.bill_number AND p.amount = b.total AND p.paid_at = b.paid_at)`,
      ),
    ).toBe(0);
    expect(
      await count(database, 'SELECT count(*) FROM (SELECT bill_number FROM payments GROUP BY 1 HAVING count(*) > 1) d'),
    ).toBe(0);
    // total = line items + previous balance; consumption = current − previous.
    expect(
      await count(
        database,
        `SELECT count(*) FROM bills b WHERE b.total <> b.previous_balance +
           (SELECT sum((li ->> 'amount')::int) FROM jsonb_array_elements(b.line_items) li)`,
      ),
    ).toBe(0);
    expect(
      await count(database, 'SELECT count(*) FROM bills WHERE consumption_m3 <> current_reading - previous_reading'),
    ).toBe(0);
    // The foreign keys hold even where the loader checked them in memory.
    expect(
      await count(
        database,
        'SELECT count(*) FROM bills b LEFT JOIN subscribers s USING (codigo_interno) WHERE s.codigo_interno IS NULL',
      ),
    ).toBe(0);
    expect(
      await count(
        database,
        'SELECT count(*) FROM payments p LEFT JOIN bills b USING (bill_number) WHERE b.bill_number IS NULL OR b.codigo_interno <> p.codigo_interno',
      ),
    ).toBe(0);
    expect(await count(database, "SELECT count(*) FROM bills WHERE state = 'pendiente' AND period <> '2026-03'")).toBe(
      0,
    );

    const { rows: staff } = await database.exec.query<{ username: string; role: string; password_hash: string }>(
      'SELECT username, role, password_hash FROM staff_users ORDER BY username',
    );
    expect(new Set(staff.map((s) => s.role))).toEqual(new Set(['cajero', 'supervisor', 'soporte', 'admin']));
    const cajero = demoStaffAccounts.find((a) => a.role === 'cajero');
    const stored = staff.find((s) => s.username === cajero?.username);
    expect(await verifyPassword(cajero?.password ?? '', stored?.password_hash ?? '')).toBe(true);
    expect(await verifyPassword('otra', stored?.password_hash ?? '')).toBe(false);

    const { rows: settings } = await database.exec.query<{ value: unknown }>(
      "SELECT value FROM settings WHERE key = 'entity'",
    );
    expect(settings).toEqual([{ value: demoEntity }]);
  });

  it('refuses a database that already has subscribers, and appends only when asked', async () => {
    const database = await openMigratedDatabase(variant);
    await seedDemoData(database.exec, { subscribers: 40, now });
    const before = await count(database, 'SELECT count(*) FROM bills');

    await expect(seedDemoData(database.exec, { subscribers: 40, now })).rejects.toThrow(SeedRefusedError);
    await expect(seedDemoData(database.exec, { subscribers: 40, now })).rejects.toThrow(/ya tiene suscriptores/);
    expect(await count(database, 'SELECT count(*) FROM subscribers')).toBe(40);
    expect(await count(database, 'SELECT count(*) FROM bills')).toBe(before);

    const report = await seedDemoData(database.exec, { subscribers: 25, now, append: true });
    expect(report).toMatchObject({ subscribers: 25, firstIndex: 40, staffUsers: 0 });
    expect(await count(database, 'SELECT count(*) FROM subscribers')).toBe(65);
    expect(await count(database, 'SELECT count(*) FROM staff_users')).toBe(demoStaffAccounts.length);
    expect(await count(database, "SELECT count(*) FROM settings WHERE key = 'entity'")).toBe(1);
  });
});
