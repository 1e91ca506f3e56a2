import { expect, it } from 'vitest';
import type { DeviceReport } from '../../../src-shared/server-api/device-report';
import { createEnrollmentCode, revokeDevice } from '../../../src-server/devices/admin';
import { DeviceReports } from '../../../src-server/devices/device-report';
import { createServerLogger } from '../../../src-server/logger';
import { describeEachServerDatabase } from '../../support/postgres';
import { bearer, postJson, startTestServer, type TestServer } from '../../support/server-harness';

/**
 * The heartbeat checks its token in the same statement that writes the report (issue 18), not
 * in the hook every other device route shares. These are the refusals that statement must give
 * exactly as the hook does — status, header, Spanish message, no log line — writing nothing:
 * no report, no history, no `last_seen_at`.
 */
const UNAUTHORIZED = {
  ok: false,
  error: {
    code: 'device-locked',
    message:
      'Este dispositivo no está autorizado ante el servidor central. Inscríbalo con un código nuevo del administrador.',
  },
};

async function enroll(t: TestServer, deviceName: string, mode: DeviceReport['mode']) {
  const { code } = await createEnrollmentCode(t.server.database, { deviceName, mode, office: 'Sede Centro' });
  const { body } = await t.request('/v1/enroll', postJson({ code }));
  return (body as { value: { deviceId: string; token: string } }).value;
}

const report = (mode: DeviceReport['mode'] = 'kiosk'): DeviceReport => ({
  appVersion: '0.1.0',
  mode,
  madeAt: new Date().toISOString(),
  printer: { state: 'ready', name: 'ventanilla-documentos' },
  dispenser: null,
  outbox: { pending: 0, parked: 0, oldestPendingAt: null },
  clockOffsetSeconds: 0,
  freeDiskBytes: 10_000_000_000,
});

const postReport = (t: TestServer, token: string, init: RequestInit = postJson(report())) =>
  t.request('/v1/device/report', {
    ...init,
    headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
  });

/** Everything a heartbeat may write, to compare before and after a refusal. */
async function written(t: TestServer) {
  const exec = t.server.database.exec;
  const [reports, history, seen] = await Promise.all([
    exec.query('SELECT device_id, received_at, report FROM device_reports ORDER BY device_id'),
    exec.query('SELECT device_id, received_at FROM device_report_history ORDER BY id'),
    exec.query('SELECT id, last_seen_at FROM devices ORDER BY id'),
  ]);
  return { reports: reports.rows, history: history.rows, seen: seen.rows };
}

/** Two minutes ago for every device, as the database sees it: a heartbeat that got through would move it. */
async function ageLastSeen(t: TestServer): Promise<void> {
  await t.server.database.exec.query(`UPDATE devices SET last_seen_at = now() - interval '2 minutes'`);
}

async function expectRefusedWritingNothing(t: TestServer, send: () => ReturnType<TestServer['request']>) {
  const before = await written(t);
  const logged = t.logs.length;
  const answer = await send();
  expect(answer.status).toBe(401);
  expect(answer.body).toEqual(UNAUTHORIZED);
  expect(answer.headers.get('www-authenticate')).toContain('Bearer');
  expect(await written(t)).toEqual(before);
  // As the shared check: a refusal is no event for the log.
  expect(t.logs.slice(logged)).toEqual([]);
}

describeEachServerDatabase('device heartbeat: refusals of the statement that checks and writes', (variant) => {
  it('refuses an unknown token, a revoked one, and one whose device has an unknown mode, writing nothing', async () => {
    const t = await startTestServer(variant);
    const kiosk = await enroll(t, 'Kiosco A', 'kiosk');
    const counter = await enroll(t, 'Caja 1', 'cashier');
    expect((await postReport(t, kiosk.token)).status).toBe(200);
    expect((await postReport(t, counter.token, postJson(report('cashier')))).status).toBe(200);
    await ageLastSeen(t);

    // Well formed, so it reaches the database, but nobody's; and one character off a live token.
    await expectRefusedWritingNothing(t, () => postReport(t, 'A'.repeat(43)));
    const typo = `${kiosk.token.slice(0, -1)}${kiosk.token.endsWith('A') ? 'B' : 'A'}`;
    await expectRefusedWritingNothing(t, () => postReport(t, typo));

    // Revoked: its next heartbeat is refused, even one claiming to come from the other device.
    expect(await revokeDevice(t.server.database, kiosk.deviceId)).toBe('revoked');
    await expectRefusedWritingNothing(t, () => postReport(t, kiosk.token));
    await expectRefusedWritingNothing(t, () => postReport(t, kiosk.token, postJson(report('cashier'))));
    await expectRefusedWritingNothing(t, () =>
      postReport(t, kiosk.token, postJson({ ...report('cashier'), deviceId: counter.deviceId })),
    );

    // A device whose stored mode is none the server knows (only possible past the table's own
    // check, dropped here): refused like the shared check refuses it.
    await t.server.database.exec.query('ALTER TABLE devices DROP CONSTRAINT devices_mode_check');
    await t.server.database.exec.query(`UPDATE devices SET mode = 'tablet' WHERE id = $1`, [counter.deviceId]);
    await expectRefusedWritingNothing(t, () => postReport(t, counter.token, postJson(report('cashier'))));
    expect((await t.request('/v1/device/hello', bearer(counter.token))).status).toBe(401);
  });

  it('refuses a dead token before saying what is wrong with the body, as the other routes do', async () => {
    const t = await startTestServer(variant);
    const kiosk = await enroll(t, 'Kiosco A', 'kiosk');
    const outsideSchema = postJson({ ...report(), citizenName: 'Ana' });
    const notJson: RequestInit = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"appVersion":',
    };
    // A live token hears about its body.
    expect((await postReport(t, kiosk.token, outsideSchema)).status).toBe(400);
    const broken = await postReport(t, kiosk.token, notJson);
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ ok: false, error: { code: 'validation' } });

    await ageLastSeen(t);
    await expectRefusedWritingNothing(t, () => postReport(t, 'A'.repeat(43), outsideSchema));
    await expectRefusedWritingNothing(t, () => postReport(t, 'A'.repeat(43), notJson));
    expect(await revokeDevice(t.server.database, kiosk.deviceId)).toBe('revoked');
    await expectRefusedWritingNothing(t, () => postReport(t, kiosk.token, outsideSchema));
    await expectRefusedWritingNothing(t, () => postReport(t, kiosk.token, notJson));
    // Without a well-formed token the body is not even read.
    await expectRefusedWritingNothing(t, () => t.request('/v1/device/report', notJson));
  });

  it('writes the report and history of the token’s own device, and its last_seen_at once a minute', async () => {
    const t = await startTestServer(variant);
    const kiosk = await enroll(t, 'Kiosco A', 'kiosk');
    const other = await enroll(t, 'Kiosco B', 'kiosk');
    const lastSeen = async (id: string) =>
      (
        await t.server.database.exec.query<{ last_seen_at: Date | null }>(
          'SELECT last_seen_at FROM devices WHERE id = $1',
          [id],
        )
      ).rows[0]?.last_seen_at ?? null;
    await ageLastSeen(t);
    const stale = await lastSeen(kiosk.deviceId);

    expect((await postReport(t, kiosk.token)).body).toMatchObject({ ok: true, value: { everySeconds: 60 } });
    const first = await lastSeen(kiosk.deviceId);
    expect(first?.getTime()).toBeGreaterThan(stale?.getTime() ?? Infinity);
    expect(await lastSeen(other.deviceId)).toEqual(stale);
    // Within the minute: written, last_seen_at left as it was.
    expect((await postReport(t, kiosk.token)).status).toBe(200);
    expect(await lastSeen(kiosk.deviceId)).toEqual(first);

    const { reports, history } = await written(t);
    expect(reports.map((r) => r.device_id)).toEqual([kiosk.deviceId]);
    expect(history.map((r) => r.device_id)).toEqual([kiosk.deviceId, kiosk.deviceId]);
  });

  it('writes a batch of heartbeats together: every live one, in order, and nothing of the others', async () => {
    const t = await startTestServer(variant);
    const kiosk = await enroll(t, 'Kiosco A', 'kiosk');
    const counter = await enroll(t, 'Caja 1', 'cashier');
    const revoked = await enroll(t, 'Kiosco B', 'kiosk');
    expect(await revokeDevice(t.server.database, revoked.deviceId)).toBe('revoked');
    await ageLastSeen(t);
    const before = await written(t);
    // One batch at a time: what is recorded while the first is written waits and goes together.
    const reports = new DeviceReports(t.server.database.exec, createServerLogger('silent'), { concurrency: 1 });
    const at = (second: number) => new Date(Date.UTC(2026, 11, 4, 12, 0, second));
    const beat = (pending: number) => ({ ...report(), outbox: { pending, parked: 0, oldestPendingAt: null } });
    const answers = await Promise.all([
      reports.record(kiosk.token, beat(1), at(1)),
      reports.record(kiosk.token, beat(2), at(2)),
      reports.record(revoked.token, beat(3), at(3)),
      reports.record('A'.repeat(43), beat(4), at(4)),
      reports.record(counter.token, { ...beat(5), mode: 'cashier' }, at(5)),
      reports.record(kiosk.token, beat(6), at(6)),
      reports.record(revoked.token, beat(7), at(7)),
    ]);
    expect(answers.map((answer) => answer !== null)).toEqual([true, true, false, false, true, true, false]);

    const exec = t.server.database.exec;
    const history = await exec.query<{ device_id: string; pending: number }>(
      `SELECT device_id, (report->'outbox'->>'pending')::int AS pending FROM device_report_history ORDER BY id`,
    );
    expect(history.rows).toEqual([
      { device_id: kiosk.deviceId, pending: 1 },
      { device_id: kiosk.deviceId, pending: 2 },
      { device_id: counter.deviceId, pending: 5 },
      { device_id: kiosk.deviceId, pending: 6 },
    ]);
    // The latest of each device is its last of the batch.
    const latest = await exec.query<{ device_id: string; pending: number; received_at: Date }>(
      `SELECT device_id, (report->'outbox'->>'pending')::int AS pending, received_at FROM device_reports ORDER BY pending`,
    );
    expect(latest.rows).toEqual([
      { device_id: counter.deviceId, pending: 5, received_at: at(5) },
      { device_id: kiosk.deviceId, pending: 6, received_at: at(6) },
    ]);
    // Seen: the live ones; the revoked one keeps what it had.
    const after = await written(t);
    const seen = (rows: Record<string, unknown>[], id: string) => rows.find((row) => row.id === id)?.last_seen_at;
    expect(seen(after.seen, revoked.deviceId)).toEqual(seen(before.seen, revoked.deviceId));
    for (const id of [kiosk.deviceId, counter.deviceId])
      expect((seen(after.seen, id) as Date).getTime()).toBeGreaterThan((seen(before.seen, id) as Date).getTime());
  });
});
