import { expect, it } from 'vitest';
import { ServerClient } from '../../../src-main/server-link/server-client';
import { createEnrollmentCode } from '../../../src-server/devices/admin';
import { serverOnlyPaymentColumns } from '../../../src-server/sync/feed-policy';
import type { DeviceMode } from '../../../src-shared/domain/device-mode';
import type { FeedChange } from '../../../src-shared/server-api/sync-api';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer, type TestServer } from '../../support/server-harness';
import { enrolledDevice, expectReplicaEqual, seedServer } from '../../support/sync-support';

/**
 * What each kind of device receives of the change feed (src-server/sync/feed-policy.ts): a
 * kiosk in a public lobby no staff accounts and no payment references; a counter only the
 * cashiers and supervisors; and changes a device may not see still move its cursor.
 */

async function tokenFor(t: TestServer, mode: DeviceMode): Promise<string> {
  const { code } = await createEnrollmentCode(t.server.database, { deviceName: `Equipo ${mode}`, mode });
  const answer = await new ServerClient(t.server.url).enroll(code);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value.token;
}

async function pull(t: TestServer, token: string, cursor: string, wait = 0) {
  const answer = await new ServerClient(t.server.url).pull(token, { cursor, limit: 10_000, wait, count: '0' });
  if (!answer.ok) throw new Error(answer.error.message);
  return { ...answer.value, changes: answer.value.changes as FeedChange[] };
}

describeEachServerDatabase('sync: what each device receives', (variant) => {
  it(
    'sends a kiosk no staff and no payment references, a counter only cashiers and supervisors',
    { timeout: 90_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 8);
      const kiosk = await pull(t, await tokenFor(t, 'kiosk'), '0');
      const counter = await pull(t, await tokenFor(t, 'cashier'), '0');
      const tables = (changes: FeedChange[]) => new Set(changes.map((c) => c.table));
      expect(tables(kiosk.changes)).toEqual(new Set(['subscribers', 'bills', 'payments', 'settings']));
      const kioskPayments = kiosk.changes.filter((c) => c.table === 'payments');
      expect(kioskPayments.length).toBeGreaterThan(0);
      for (const change of kioskPayments) {
        expect(change.row?.reference).toBeNull();
        expect(Object.keys(change.row ?? {})).not.toContain('cashier');
      }
      const roles = counter.changes.filter((c) => c.table === 'staff_users' && c.op === 'put').map((c) => c.row?.role);
      expect(roles.sort()).toEqual(['cajero', 'cajero', 'supervisor']);
      // Without staff in its share, the kiosk's feed still ends where the counter's does.
      expect(kiosk.cursor).toBe(counter.cursor);
    },
  );

  it(
    'never sends a payment’s server-only columns, however its row reached the feed (bulk load, insert, update, route move)',
    { timeout: 90_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 4);
      const counterToken = await tokenFor(t, 'cashier');
      const kioskToken = await tokenFor(t, 'kiosk');
      const exec = t.server.database.exec;
      const bulk = await pull(t, counterToken, '0');
      // A counter's payment: every server-only column holds a value.
      const inserted = '8a0f3c52-6d1e-4b7a-9c3d-2e5f6a7b8c9d';
      await exec.query(
        `INSERT INTO payments (id, codigo_interno, bill_number, period, amount, paid_at, channel, reference,
           device_id, cash_session_id, cashier)
         SELECT $1, codigo_interno, bill_number, period, amount, paid_at, 'caja', 'R-000777',
           (SELECT id FROM devices ORDER BY id LIMIT 1), '3b1d2c4e-5f6a-4b8c-9d0e-1f2a3b4c5d6e', 'cajero1'
         FROM payments ORDER BY id LIMIT 1`,
        [inserted],
      );
      await exec.query(`UPDATE payments SET state = 'voided', voided_at = now() WHERE id = $1`, [inserted]);
      // A subscriber moved to another route: its payments are written again (migration 0019).
      await exec.query(
        `UPDATE subscribers SET codigo_ruta = '99' WHERE codigo_interno = (SELECT codigo_interno FROM payments WHERE id = $1)`,
        [inserted],
      );
      const later = await pull(t, counterToken, bulk.cursor);
      const kiosk = await pull(t, kioskToken, '0');
      const payments = (changes: FeedChange[]) => changes.filter((c) => c.table === 'payments' && c.op === 'put');
      const ours = payments(later.changes).filter((c) => c.key === inserted);
      // Inserted, voided, moved: three puts of it, and each one whole but for the server's columns.
      expect(ours).toHaveLength(3);
      expect(ours.at(-1)?.row).toMatchObject({ id: inserted, reference: 'R-000777', state: 'voided', channel: 'caja' });
      for (const change of [...payments(bulk.changes), ...payments(later.changes), ...payments(kiosk.changes)]) {
        expect(change.row).toHaveProperty('amount');
        for (const column of serverOnlyPaymentColumns) expect(Object.keys(change.row ?? {})).not.toContain(column);
      }
      // The counter keeps the reference the kiosk is not sent.
      expect(payments(kiosk.changes).find((c) => c.key === inserted)?.row?.reference).toBeNull();
    },
  );

  it(
    'takes a staff member off the counters when the role changes, and the kiosk’s cursor moves past it without a wake-up loop',
    { timeout: 90_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 4);
      const kioskToken = await tokenFor(t, 'kiosk');
      const counterToken = await tokenFor(t, 'cashier');
      const kioskStart = await pull(t, kioskToken, '0');
      const counterStart = await pull(t, counterToken, '0');
      const { rows } = await t.server.database.exec.query<{ id: string }>(
        "UPDATE staff_users SET role = 'soporte' WHERE username = 'cajero2' RETURNING id",
      );
      const counter = await pull(t, counterToken, counterStart.cursor);
      expect(counter.changes).toEqual([
        expect.objectContaining({ table: 'staff_users', key: rows[0]?.id, op: 'del', row: null }),
      ]);

      const kiosk = await pull(t, kioskToken, kioskStart.cursor);
      expect(kiosk.changes).toEqual([]);
      expect(Number(kiosk.cursor)).toBeGreaterThan(Number(kioskStart.cursor));
      // From the new cursor there is nothing to wake for: the long poll waits its time out.
      const started = Date.now();
      const waited = await pull(t, kioskToken, kiosk.cursor, 1500);
      expect(waited.changes).toEqual([]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    },
  );

  it(
    'a kiosk device keeps no staff and no references; a counter keeps its staff peppered',
    { timeout: 90_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 6);
      const kiosk = await enrolledDevice(t, { mode: 'kiosk' });
      const counter = await enrolledDevice(t, { mode: 'cashier' });
      await expectReplicaEqual(t, kiosk);
      await expectReplicaEqual(t, counter);
      expect(kiosk.store.sqlite.prepare('SELECT count(*) FROM staff_users').pluck().get()).toBe(0);
      expect(
        kiosk.store.sqlite.prepare('SELECT count(*) FROM payments WHERE reference IS NOT NULL').pluck().get(),
      ).toBe(0);
      const hashes = counter.store.sqlite.prepare('SELECT password_hash, pin_hash FROM staff_users').all() as {
        password_hash: string;
        pin_hash: string | null;
      }[];
      expect(hashes.length).toBe(3);
      const server = await t.server.database.exec.query<{ password_hash: string }>(
        'SELECT password_hash FROM staff_users',
      );
      const serverHashes = new Set(server.rows.map((r) => r.password_hash));
      for (const row of hashes) {
        expect(row.password_hash).toMatch(/^scrypt-hmac\$/);
        expect(serverHashes.has(row.password_hash)).toBe(false);
      }
    },
  );
});
