import { randomBytes, randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { DeviceReport } from '../../../src-shared/server-api/device-report';
import { sha256Hex } from '../../../src-server/devices/secrets';
import { describeEachServerDatabase } from '../../support/postgres';
import { postJson, startTestServer } from '../../support/server-harness';
import { cheapScrypt, ConsoleClient, seedConsoleStaff, staffPassword } from '../../support/staff-console';

/**
 * 500 devices report over HTTP, 25 at a time, twice: every report taken, one latest row per
 * device, both reports in each device's history, and «Equipos» shows the 500 with the one kiosk
 * whose printer ran out of paper in the second round «Caído» and the rest «OK».
 */
const modes = ['kiosk', 'cashier', 'field'] as const;

const report = (mode: DeviceReport['mode'], printer: DeviceReport['printer']['state']): DeviceReport => ({
  appVersion: '1.4.0',
  mode,
  madeAt: new Date().toISOString(),
  printer: { state: printer, name: 'Recibos' },
  dispenser: mode === 'kiosk' ? { state: 'ready', paperLow: false } : null,
  outbox: { pending: 0, parked: 0, oldestPendingAt: null },
  clockOffsetSeconds: 0,
  freeDiskBytes: 20_000_000_000,
});

describeEachServerDatabase('heartbeats of 500 devices', (variant) => {
  it(
    'takes every report, keeps the latest and the history, and the fleet view shows them',
    { timeout: 240_000 },
    async () => {
      const t = await startTestServer(variant, {
        logLevel: 'warn',
        serverOptions: { passwordWork: { params: cheapScrypt } },
      });
      const exec = t.server.database.exec;
      await seedConsoleStaff(exec);
      const devices = Array.from({ length: 500 }, (_, i) => ({
        id: randomUUID(),
        token: randomBytes(32).toString('base64url'),
        mode: modes[i % 3]!,
        name: `Equipo ${String(i).padStart(3, '0')}`,
      }));
      await exec.query(
        `INSERT INTO devices (id, name, mode, office, token_hash)
       SELECT id, name, mode, 'Sede ' || (n % 10), token_hash
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[]) AS t(id, name, mode, token_hash, n)`,
        [
          devices.map((d) => d.id),
          devices.map((d) => d.name),
          devices.map((d) => d.mode),
          devices.map((d) => sha256Hex(d.token)),
          devices.map((_, i) => i),
        ],
      );
      const paperless = devices[3]!;
      expect(paperless.mode).toBe('kiosk');

      const statuses: number[] = [];
      for (const round of [0, 1]) {
        let next = 0;
        await Promise.all(
          Array.from({ length: 25 }, async () => {
            for (let i = next++; i < devices.length; i = next++) {
              const d = devices[i]!;
              const body = report(d.mode, round === 1 && d === paperless ? 'paper-end' : 'ready');
              const answer = await t.request(
                '/v1/device/report',
                postJson(body, { authorization: `Bearer ${d.token}` }),
              );
              statuses.push(answer.status);
            }
          }),
        );
      }
      expect(statuses).toHaveLength(1000);
      expect(statuses.every((s) => s === 200)).toBe(true);
      const counted = async (sql: string) => Number((await exec.query<{ n: string }>(sql)).rows[0]?.n ?? 0);
      expect(await counted('SELECT count(*) AS n FROM device_reports')).toBe(500);
      expect(await counted('SELECT count(*) AS n FROM device_report_history')).toBe(1000);
      expect(
        await counted(
          'SELECT count(*) AS n FROM (SELECT device_id FROM device_report_history GROUP BY device_id HAVING count(*) = 2) x',
        ),
      ).toBe(500);

      const admin = new ConsoleClient(t.server.url);
      expect((await admin.login('admin', staffPassword('admin'))).status).toBe(303);
      const page = await admin.get('/consola/equipos');
      const states = [...page.text.matchAll(/data-testid="fleet-device"\s+data-state="([a-z]+)"/g)].map((m) => m[1]);
      expect(states).toHaveLength(500);
      expect(states.filter((s) => s === 'caido')).toHaveLength(1);
      expect(states.filter((s) => s === 'ok')).toHaveLength(499);
      expect(page.text).toMatch(/data-state="caido"\s*>\s*<td><a href="[^"]+">Equipo 003<\/a>/);
    },
  );
});
