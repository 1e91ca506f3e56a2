import { gunzipSync, gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import type { DeviceMode } from '../../../src-shared/domain/device-mode';
import { scrubLogLine } from '../../../src-shared/diagnostics/scrub';
import { diagnosticRequestMessage } from '../../../src-shared/sync/approval';
import { signApproval } from '../../../src-node/staff-credentials';
import { createEnrollmentCode, revokeDevice } from '../../../src-server/devices/admin';
import { describeEachServerDatabase } from '../../support/postgres';
import { postJson, startTestServer, type TestServer } from '../../support/server-harness';
import { cheapScrypt, seedConsoleStaff, staffPassword } from '../../support/staff-console';

/**
 * «Enviar diagnóstico» on the central server (POST /v1/device/diagnostics; docs/operations.md):
 * a scrubbed gzip is kept with its size, hash and who asked; refused and not kept: a body that
 * is not gzip, one whose lines were not scrubbed, one over 5 MiB, a second one within the
 * minute, and any from a revoked device. And the name it is kept under is one the server
 * checked: a copied device token alone uploads nothing (no permission, a forged one, one for
 * another device, out of its time, a cashier's, an unknown or inactive member's).
 */
async function enroll(t: TestServer, mode: DeviceMode = 'cashier'): Promise<{ token: string; id: string }> {
  const { code } = await createEnrollmentCode(t.server.database, {
    deviceName: mode === 'kiosk' ? 'Kiosco 1' : 'Caja 1',
    mode,
  });
  const answer = await t.request('/v1/enroll', postJson({ code }));
  const value = (answer.body as { value: { token: string; deviceId: string } }).value;
  return { token: value.token, id: value.deviceId };
}

const upload = (t: TestServer, token: string, body: Buffer, contentType = 'application/gzip', query = '') =>
  t.request(`/v1/device/diagnostics${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body: new Uint8Array(body),
  });

const stored = (t: TestServer) =>
  t.server.database.exec
    .query<{ device_id: string; requested_by: string | null; size_bytes: number; sha256: string; bundle: Uint8Array }>(
      'SELECT device_id, requested_by, size_bytes, sha256, bundle FROM device_diagnostics',
    )
    .then((r) => r.rows);

const scrubbedBundle = (): Buffer =>
  gzipSync(
    [
      JSON.stringify({ kind: 'ventanilla-diagnostic', version: 1, summary: { appVersion: '1.0.0', mode: 'cashier' } }),
      JSON.stringify({ level: 30, time: Date.now(), module: 'sync', msg: 'pushed', events: 3 }),
    ]
      .map(scrubLogLine)
      .join('\n'),
  );

/** The staff member's approval key as the server keeps it: what a counter learns when they type the password. */
async function approvalKeyOf(t: TestServer, username: string): Promise<Buffer> {
  const { rows } = await t.server.database.exec.query<{ approval_key: string }>(
    `SELECT k.approval_key FROM staff_approval_keys k JOIN staff_users s ON s.id = k.staff_id WHERE s.username = $1`,
    [username],
  );
  if (rows[0] === undefined) throw new Error(`fixture: no approval key for ${username}`);
  return Buffer.from(rows[0].approval_key, 'base64url');
}

interface Permission {
  readonly requestedBy: string;
  readonly until: string;
  readonly proof: string;
}

/** What a counter signs when a supervisor's grant is made: for `deviceId`, until five minutes from now. */
async function permit(
  t: TestServer,
  username: string,
  deviceId: string,
  options: { untilMs?: number; key?: Buffer } = {},
): Promise<Permission> {
  const until = new Date(Date.now() + (options.untilMs ?? 5 * 60_000)).toISOString();
  const key = options.key ?? (await approvalKeyOf(t, username));
  return {
    requestedBy: username,
    until,
    proof: signApproval(key, diagnosticRequestMessage({ deviceId, staff: username, until })),
  };
}

const queryOf = (fields: Partial<Permission>): string => `?${new URLSearchParams(fields).toString()}`;

describeEachServerDatabase('diagnostic upload', (variant) => {
  it(
    'keeps a scrubbed bundle; refuses non-gzip, unscrubbed, too large, too soon and revoked',
    { timeout: 90_000 },
    async () => {
      const t = await startTestServer(variant, {
        logLevel: 'silent',
        serverOptions: { passwordWork: { params: cheapScrypt } },
      });
      await seedConsoleStaff(t.server.database.exec);
      const device = await enroll(t);
      const supervisor = queryOf(await permit(t, 'supervisor1', device.id));

      const notGzip = await upload(t, device.token, Buffer.from('{"level":30}\n'), 'application/gzip', supervisor);
      expect(notGzip.status).toBe(400);
      expect(notGzip.body).toMatchObject({ ok: false, error: { code: 'validation' } });
      const wrongType = await upload(t, device.token, scrubbedBundle(), 'application/json', supervisor);
      expect(wrongType.status).toBeGreaterThanOrEqual(400);
      const unscrubbed = await upload(
        t,
        device.token,
        gzipSync(JSON.stringify({ level: 30, msg: 'recibo para lucia.perez@ejemplo.co, CE 5123456' })),
        'application/gzip',
        supervisor,
      );
      expect(unscrubbed.status).toBe(400);
      expect(JSON.stringify(unscrubbed.body)).toContain('sin limpiar');
      // Random bytes do not compress: a gzip over the 5 MiB cap, refused before it is read whole.
      const big = gzipSync(Buffer.from(Array.from({ length: 6 * 1024 * 1024 }, () => Math.floor(Math.random() * 256))));
      expect(big.byteLength).toBeGreaterThan(5 * 1024 * 1024);
      // 413, or the connection closed under the body's rest (binary-body.ts): either way nothing is kept.
      const tooBig = await upload(t, device.token, big, 'application/gzip', supervisor).then(
        (answer) => answer.status,
        () => 'closed' as const,
      );
      expect([413, 'closed']).toContain(tooBig);
      expect(await stored(t)).toEqual([]);

      const bundle = scrubbedBundle();
      const first = await upload(t, device.token, bundle, 'application/gzip', supervisor);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ ok: true, value: { sizeBytes: bundle.byteLength } });
      const rows = await stored(t);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        device_id: device.id,
        requested_by: 'supervisor1',
        size_bytes: bundle.byteLength,
      });
      expect(gunzipSync(Buffer.from(rows[0]!.bundle)).toString('utf8')).toContain('ventanilla-diagnostic');

      // One a minute per device.
      const again = await upload(t, device.token, scrubbedBundle(), 'application/gzip', supervisor);
      expect(again.status).toBe(429);
      expect(JSON.stringify(again.body)).toContain('ya envió un diagnóstico');
      expect(await stored(t)).toHaveLength(1);

      // Another device has its own minute; revoked, it is refused before its body counts.
      const other = await enroll(t);
      await revokeDevice(t.server.database, other.id);
      const revoked = await upload(
        t,
        other.token,
        scrubbedBundle(),
        'application/gzip',
        queryOf(await permit(t, 'supervisor1', other.id)),
      );
      expect(revoked.status).toBe(401);
      expect(await stored(t)).toHaveLength(1);
    },
  );

  it(
    'refuses what a copied counter token would try: no permission, forged, another device’s, out of time, the wrong person',
    { timeout: 90_000 },
    async () => {
      const t = await startTestServer(variant, {
        logLevel: 'warn',
        serverOptions: { passwordWork: { params: cheapScrypt } },
      });
      const exec = t.server.database.exec;
      await seedConsoleStaff(exec);
      const counter = await enroll(t);
      const elsewhere = await enroll(t);
      const send = (query: string) => upload(t, counter.token, scrubbedBundle(), 'application/gzip', query);
      const good = await permit(t, 'supervisor1', counter.id);

      // Without a permission, or half of one: the query's schema refuses it.
      for (const query of [
        queryOf({ requestedBy: 'supervisor1' }),
        queryOf({ requestedBy: 'supervisor1', until: good.until }),
        queryOf({ until: good.until, proof: good.proof }),
        '',
      ]) {
        const answer = await send(query);
        expect([answer.status, query]).toEqual([400, query]);
      }

      const refusals: [string, Partial<Permission>][] = [
        ['a forged proof', { ...good, proof: 'A'.repeat(43) }],
        ['the proof of another name', { ...good, requestedBy: 'admin' }],
        ['a proof made for another device', await permit(t, 'supervisor1', elsewhere.id)],
        ['an until the proof did not sign', { ...good, until: new Date(Date.parse(good.until) + 1000).toISOString() }],
        ['an expired permission', await permit(t, 'supervisor1', counter.id, { untilMs: -1000 })],
        ['a permission for hours ahead', await permit(t, 'supervisor1', counter.id, { untilMs: 3 * 60 * 60_000 })],
        ['a cashier’s, signed with the cashier’s own key', await permit(t, 'cajero1', counter.id)],
        ['support at a counter', await permit(t, 'soporte1', counter.id)],
        ['an unknown name', await permit(t, 'nadie', counter.id, { key: await approvalKeyOf(t, 'supervisor1') })],
      ];
      for (const [what, permission] of refusals) {
        const answer = await send(queryOf(permission));
        expect([answer.status, (answer.body as { error?: { code: string } }).error?.code], what).toEqual([
          403,
          'forbidden',
        ]);
      }
      // Its message is Spanish, and the log says why without the name.
      const forged = await send(queryOf({ ...good, proof: 'B'.repeat(43) }));
      expect(JSON.stringify(forged.body)).toContain('no tiene una firma válida para este equipo');
      const warnings = t.logs.filter((line) => line.includes('diagnostic refused: permission'));
      expect(warnings.length).toBeGreaterThanOrEqual(refusals.length);
      expect(warnings.join('\n')).not.toContain('supervisor1');
      expect(warnings.join('\n')).toContain('"reason":"proof"');

      // A supervisor made inactive, or one without an approval key, signs nothing the server takes.
      await exec.query(`UPDATE staff_users SET active = false WHERE username = 'supervisor1'`);
      expect((await send(queryOf(good))).status).toBe(403);
      await exec.query(`UPDATE staff_users SET active = true WHERE username = 'supervisor1'`);
      const key = await approvalKeyOf(t, 'supervisor1');
      await exec.query(
        `DELETE FROM staff_approval_keys WHERE staff_id = (SELECT id FROM staff_users WHERE username = 'supervisor1')`,
      );
      const keyless = await send(queryOf(good));
      expect(keyless.status).toBe(403);
      expect(JSON.stringify(keyless.body)).toContain('no tiene llave de aprobación');
      expect(await stored(t)).toEqual([]);

      // None of it took the device's minute: the supervisor's own permission goes through.
      await exec.query(
        `INSERT INTO staff_approval_keys (staff_id, approval_key) SELECT id, $1 FROM staff_users WHERE username = 'supervisor1'`,
        [key.toString('base64url')],
      );
      const sent = await send(queryOf(good));
      expect(sent.status).toBe(200);
      expect(await stored(t)).toMatchObject([{ device_id: counter.id, requested_by: 'supervisor1' }]);
    },
  );

  it(
    'takes a kiosk’s bundle under the permission the server signed at the corner’s sign-in',
    { timeout: 90_000 },
    async () => {
      const t = await startTestServer(variant, {
        logLevel: 'silent',
        serverOptions: { passwordWork: { params: cheapScrypt } },
      });
      await seedConsoleStaff(t.server.database.exec);
      const kiosk = await enroll(t, 'kiosk');
      const counter = await enroll(t);
      const signIn = await t.request(
        '/v1/kiosk/staff-sign-in',
        postJson(
          { username: 'soporte1', password: staffPassword('soporte1') },
          { authorization: `Bearer ${kiosk.token}` },
        ),
      );
      expect(signIn.status).toBe(200);
      const { diagnostic } = (signIn.body as { value: { diagnostic: { until: string; proof: string } } }).value;
      // Ten minutes, the kiosk grant's life.
      expect(Date.parse(diagnostic.until) - Date.now()).toBeGreaterThan(9 * 60_000);
      const permission = queryOf({ requestedBy: 'soporte1', ...diagnostic });

      // Copied to a counter, it is another device's: refused; support does not send from a counter anyway.
      const copied = await upload(t, counter.token, scrubbedBundle(), 'application/gzip', permission);
      expect(copied.status).toBe(403);
      // A cashier at a kiosk is refused, whatever key signed it.
      const cashier = await upload(
        t,
        kiosk.token,
        scrubbedBundle(),
        'application/gzip',
        queryOf(await permit(t, 'cajero1', kiosk.id)),
      );
      expect(cashier.status).toBe(403);
      expect(await stored(t)).toEqual([]);

      const sent = await upload(t, kiosk.token, scrubbedBundle(), 'application/gzip', permission);
      expect(sent.status).toBe(200);
      expect(await stored(t)).toMatchObject([{ device_id: kiosk.id, requested_by: 'soporte1' }]);
    },
  );
});
