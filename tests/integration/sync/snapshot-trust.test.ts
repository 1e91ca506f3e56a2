import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { ServerClient } from '../../../src-main/server-link/server-client';
import { replicaTables } from '../../../src-main/sync/replica-tables';
import { createEnrollmentCode, revokeDevice } from '../../../src-server/devices/admin';
import type { DeviceMode } from '../../../src-shared/domain/device-mode';
import { describeEachServerDatabase } from '../../support/postgres';
import { bearer, startTestServer, type TestServer } from '../../support/server-harness';
import { seedServer } from '../../support/sync-support';

/**
 * What a stolen device token could ask of the snapshot routes (src-server/http/routes/sync-snapshot.ts):
 * the device names a table and columns, the server decides what it gets from the mode and routes
 * it enrolled with, and refuses the rest before reading a row.
 */

async function enroll(t: TestServer, mode: DeviceMode, scope?: string): Promise<{ token: string; id: string }> {
  const { code } = await createEnrollmentCode(t.server.database, {
    deviceName: `Equipo ${mode}`,
    mode,
    ...(scope === undefined ? {} : { scope }),
  });
  const answer = await new ServerClient(t.server.url).enroll(code);
  if (!answer.ok) throw new Error(answer.error.message);
  return { token: answer.value.token, id: answer.value.deviceId };
}

const columns = (table: keyof typeof replicaTables): string =>
  replicaTables[table].columns.map(([column]) => column).join(',');

interface PartAnswer {
  ok: boolean;
  value: { count: number; rows: unknown[][]; sha256: string };
  error: { code: string; message: string };
}

async function part(t: TestServer, token: string | null, query: Record<string, string>) {
  const response = await fetch(
    `${t.server.url}/v1/sync/snapshot/part?${new URLSearchParams(query).toString()}`,
    token === null ? {} : bearer(token),
  );
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as PartAnswer };
}

describeEachServerDatabase('sync: what the snapshot routes refuse', (variant) => {
  it(
    'refuses columns, tables and keys a device may not ask for, and answers nothing without a token',
    { timeout: 120_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 20);
      const counter = await enroll(t, 'cashier');
      const kiosk = await enroll(t, 'kiosk');

      // A column only the server keeps (who took a payment), an unknown one, one asked twice.
      for (const asked of [`${columns('payments')},device_id`, 'id,no_such_column', 'id,id']) {
        const refused = await part(t, counter.token, { table: 'payments', columns: asked });
        expect(refused.status).toBe(400);
        expect(refused.json.error.code).toBe('validation');
        expect(refused.json.error.message).toMatch(/columna/i);
      }
      // SQL where a column or a key should be.
      expect((await part(t, counter.token, { table: 'bills', columns: 'bill_number;drop table bills' })).status).toBe(
        400,
      );
      expect(
        (await part(t, counter.token, { table: 'bills', columns: columns('bills'), after: '1 OR 1=1' })).status,
      ).toBe(400);
      expect((await part(t, counter.token, { table: 'change_log', columns: 'seq' })).status).toBe(400);
      expect((await part(t, counter.token, { table: 'bills', columns: columns('bills'), limit: '20001' })).status).toBe(
        400,
      );
      // A text key is a value, never SQL: the rows after it, nothing more.
      const quoted = await part(t, counter.token, {
        table: 'settings',
        columns: columns('settings'),
        after: "a' OR '1'='1",
      });
      expect(quoted.status).toBe(200);
      expect(quoted.json.value.count).toBe(1);
      const { rows: billsLeft } = await t.server.database.exec.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM bills',
      );
      expect(billsLeft[0]!.n).toBeGreaterThan(0);

      // A kiosk holds no staff, and its payments come without references whatever it asks.
      const staff = await part(t, kiosk.token, { table: 'staff_users', columns: columns('staff_users') });
      expect(staff.status).toBe(403);
      const payments = await part(t, kiosk.token, { table: 'payments', columns: columns('payments') });
      expect(payments.status).toBe(200);
      const referenceAt = replicaTables.payments.columns.findIndex(([column]) => column === 'reference');
      expect(payments.json.value.count).toBeGreaterThan(0);
      expect(payments.json.value.rows.every((row: unknown[]) => row[referenceAt] === null)).toBe(true);
      const counterPayments = await part(t, counter.token, { table: 'payments', columns: columns('payments') });
      expect(counterPayments.json.value.rows.some((row: unknown[]) => row[referenceAt] !== null)).toBe(true);

      // No token, a made-up one, a revoked one.
      expect((await part(t, null, { table: 'bills', columns: columns('bills') })).status).toBe(401);
      expect((await part(t, 'x'.repeat(43), { table: 'bills', columns: columns('bills') })).status).toBe(401);
      expect(await revokeDevice(t.server.database, counter.id)).toBe('revoked');
      expect((await part(t, counter.token, { table: 'bills', columns: columns('bills') })).status).toBe(401);
      const start = await fetch(`${t.server.url}/v1/sync/snapshot`, bearer(counter.token));
      expect(start.status).toBe(401);
    },
  );

  it('gives a field laptop its routes only, and the rows hash to the checksum sent', { timeout: 120_000 }, async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    await seedServer(t, 60);
    const { rows } = await t.server.database.exec.query<{ prefix: string }>(
      'SELECT left(min(codigo_ruta), 6) AS prefix FROM subscribers',
    );
    const prefix = rows[0]!.prefix;
    const laptop = await enroll(t, 'field', prefix);
    const bills = await part(t, laptop.token, { table: 'bills', columns: columns('bills') });
    expect(bills.status).toBe(200);
    const { rows: expected } = await t.server.database.exec.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM bills WHERE codigo_interno IN (SELECT codigo_interno FROM subscribers WHERE left(codigo_ruta, ${prefix.length + 1}) = $1)`,
      [`${prefix}-`],
    );
    expect(bills.json.value.count).toBe(expected[0]!.n);
    const { rows: all } = await t.server.database.exec.query<{ n: number }>('SELECT count(*)::int AS n FROM bills');
    expect(bills.json.value.count).toBeLessThan(all[0]!.n);
    // The checksum covers exactly the text after `"rows":`.
    const rowsText = bills.text.slice(bills.text.indexOf(',"rows":') + 8, -2);
    expect(createHash('sha256').update(rowsText).digest('hex')).toBe(bills.json.value.sha256);
    // The start names the laptop's routes and counts only what it may hold.
    const start = (await (await fetch(`${t.server.url}/v1/sync/snapshot`, bearer(laptop.token))).json()) as {
      value: { routes: string[]; tables: { table: string; rows: number }[] };
    };
    expect(start.value.routes).toEqual([prefix]);
    expect(start.value.tables.find((x) => x.table === 'bills')?.rows).toBe(expected[0]!.n);
  });
});
