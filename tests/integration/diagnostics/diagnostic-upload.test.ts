import { gunzipSync, gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { scrubLogLine } from '../../../src-shared/diagnostics/scrub';
import { createEnrollmentCode, revokeDevice } from '../../../src-server/devices/admin';
import { describeEachServerDatabase } from '../../support/postgres';
import { postJson, startTestServer, type TestServer } from '../../support/server-harness';
import { cheapScrypt } from '../../support/staff-console';

/**
 * «Enviar diagnóstico» on the central server (POST /v1/device/diagnostics; docs/operations.md):
 * a scrubbed gzip is kept with its size, hash and who asked; refused and not kept: a body that
 * is not gzip, one whose lines were not scrubbed, one over 5 MiB, a second one within the
 * minute, and any from a revoked device.
 */
async function enroll(t: TestServer): Promise<{ token: string; id: string }> {
  const { code } = await createEnrollmentCode(t.server.database, { deviceName: 'Caja 1', mode: 'cashier' });
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

describeEachServerDatabase('diagnostic upload', (variant) => {
  it(
    'keeps a scrubbed bundle; refuses non-gzip, unscrubbed, too large, too soon and revoked',
    { timeout: 90_000 },
    async () => {
      const t = await startTestServer(variant, {
        logLevel: 'silent',
        serverOptions: { passwordWork: { params: cheapScrypt } },
      });
      const device = await enroll(t);

      const notGzip = await upload(t, device.token, Buffer.from('{"level":30}\n'));
      expect(notGzip.status).toBe(400);
      expect(notGzip.body).toMatchObject({ ok: false, error: { code: 'validation' } });
      const wrongType = await upload(t, device.token, scrubbedBundle(), 'application/json');
      expect(wrongType.status).toBeGreaterThanOrEqual(400);
      const unscrubbed = await upload(
        t,
        device.token,
        gzipSync(JSON.stringify({ level: 30, msg: 'recibo para lucia.perez@ejemplo.co, CE 5123456' })),
      );
      expect(unscrubbed.status).toBe(400);
      expect(JSON.stringify(unscrubbed.body)).toContain('sin limpiar');
      // Random bytes do not compress: a gzip over the 5 MiB cap, refused before it is read whole.
      const big = gzipSync(Buffer.from(Array.from({ length: 6 * 1024 * 1024 }, () => Math.floor(Math.random() * 256))));
      expect(big.byteLength).toBeGreaterThan(5 * 1024 * 1024);
      // 413, or the connection closed under the body's rest (binary-body.ts): either way nothing is kept.
      const tooBig = await upload(t, device.token, big).then(
        (answer) => answer.status,
        () => 'closed' as const,
      );
      expect([413, 'closed']).toContain(tooBig);
      expect(await stored(t)).toEqual([]);

      const bundle = scrubbedBundle();
      const first = await upload(t, device.token, bundle, 'application/gzip', '?requestedBy=supervisor1');
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
      const again = await upload(t, device.token, scrubbedBundle());
      expect(again.status).toBe(429);
      expect(JSON.stringify(again.body)).toContain('ya envió un diagnóstico');
      expect(await stored(t)).toHaveLength(1);

      // Another device has its own minute; revoked, it is refused before its body counts.
      const other = await enroll(t);
      await revokeDevice(t.server.database, other.id);
      const revoked = await upload(t, other.token, scrubbedBundle());
      expect(revoked.status).toBe(401);
      expect(await stored(t)).toHaveLength(1);
    },
  );
});
