import { expect, it } from 'vitest';
import { describeEachServerDatabase } from '../../support/postgres';
import { postJson, startTestServer } from '../../support/server-harness';

describeEachServerDatabase('central server: health and HTTP errors', (variant) => {
  it('answers /health after checking the database', async () => {
    const t = await startTestServer(variant);
    const { status, body } = await t.request('/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', database: variant.kind });
    const time = (body as { time: string }).time;
    expect(Math.abs(Date.parse(time) - Date.now())).toBeLessThan(60_000);
  });

  it('answers an unknown route with 404 not-found in the error envelope', async () => {
    const t = await startTestServer(variant);
    const { status, body } = await t.request('/v1/nothing-here');
    expect(status).toBe(404);
    expect(body).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses malformed JSON with 400 validation and a Spanish message', async () => {
    const t = await startTestServer(variant);
    const { status, body } = await t.request('/v1/enroll', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"code": ',
    });
    expect(status).toBe(400);
    expect(body).toEqual({
      ok: false,
      error: { code: 'validation', message: 'El cuerpo de la solicitud no es JSON válido.' },
    });
  });

  it('refuses wrong types, missing fields, unknown fields and badly shaped codes with 400 validation', async () => {
    const t = await startTestServer(variant);
    for (const input of [
      { code: 123456789012 },
      {},
      { code: 'ABCD-EFGH-JKMN', extra: true },
      { code: 'ABC' },
      [],
      'texto',
    ]) {
      const { status, body } = await t.request('/v1/enroll', postJson(input));
      expect(status, JSON.stringify(input)).toBe(400);
      expect(body, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'validation' } });
      // Spanish, never zod's English defaults.
      expect((body as { error: { message: string } }).error.message).not.toMatch(/Invalid|expected|Required/);
    }
    const noBody = await t.request('/v1/enroll', { method: 'POST' });
    expect(noBody.status).toBe(400);
    expect(noBody.body).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('refuses a non-JSON media type with the validation code', async () => {
    const t = await startTestServer(variant);
    const { status, body } = await t.request('/v1/enroll', {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<code/>',
    });
    expect(status).toBe(415);
    expect(body).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('turns an unexpected failure into 500 internal without details, and logs them', async () => {
    const t = await startTestServer(variant);
    // Break the table hello reads from, the way a bad deploy or a DBA mistake would.
    await t.server.database.exec.query('alter table settings rename to settings_gone');
    const code = await import('../../../src-server/devices/admin').then((m) =>
      m.createEnrollmentCode(t.server.database, { deviceName: 'Kiosco', mode: 'kiosk' }),
    );
    const enrolled = await t.request('/v1/enroll', postJson({ code: code.code }));
    const token = (enrolled.body as { value: { token: string } }).value.token;
    const { status, body } = await t.request('/v1/device/hello', { headers: { authorization: `Bearer ${token}` } });
    expect(status).toBe(500);
    expect(body).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message:
          'Ocurrió un error interno en el servidor central. Intente de nuevo en un momento; si continúa, avise a soporte.',
      },
    });
    expect(JSON.stringify(body)).not.toContain('settings');
    expect(t.logs.some((line) => line.includes('settings') && line.includes('"level":50'))).toBe(true);
  });
});
