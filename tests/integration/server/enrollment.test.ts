import { expect, it } from 'vitest';
import { createEnrollmentCode } from '../../../src-server/devices/admin';
import { EnrollValue, HelloValue } from '../../../src-server/http/wire';
import { describeEachServerDatabase } from '../../support/postgres';
import { bearer, postJson, startTestServer, type TestServer } from '../../support/server-harness';

async function rowCounts(t: TestServer): Promise<{ devices: number; usedCodes: number }> {
  const { rows } = await t.server.database.exec.query<{ devices: number; used_codes: number }>(
    `select (select count(*)::int from devices) as devices,
            (select count(*)::int from enrollment_codes where used_at is not null) as used_codes`,
  );
  return { devices: rows[0]?.devices ?? -1, usedCodes: rows[0]?.used_codes ?? -1 };
}

describeEachServerDatabase('central server: device enrollment', (variant) => {
  it('exchanges a code for a token once, and the token opens hello', async () => {
    const t = await startTestServer(variant);
    const { code, expiresAt } = await createEnrollmentCode(t.server.database, {
      deviceName: 'Caja 1',
      mode: 'cashier',
      scope: 'Oficina centro',
    });
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    const hoursLeft = (expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(23.9);
    expect(hoursLeft).toBeLessThanOrEqual(24);

    const enrolled = await t.request('/v1/enroll', postJson({ code }));
    expect(enrolled.status).toBe(200);
    expect(enrolled.body).toMatchObject({ ok: true });
    const value = EnrollValue.parse((enrolled.body as { value: unknown }).value);
    expect(value).toMatchObject({ deviceName: 'Caja 1', mode: 'cashier' });
    expect(value.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const hello = await t.request('/v1/device/hello', bearer(value.token));
    expect(hello.status).toBe(200);
    const greeting = HelloValue.parse((hello.body as { value: unknown }).value);
    expect(greeting).toMatchObject({
      deviceId: value.deviceId,
      deviceName: 'Caja 1',
      mode: 'cashier',
      deployment: { id: value.deployment.id },
      entity: null,
      counts: { subscribers: 0 },
    });
    expect(Math.abs(Date.parse(greeting.serverTime) - Date.now())).toBeLessThan(60_000);
  });

  it('accepts the code in lower case and without dashes', async () => {
    const t = await startTestServer(variant);
    const { code } = await createEnrollmentCode(t.server.database, { deviceName: 'Kiosco lobby', mode: 'kiosk' });
    const enrolled = await t.request('/v1/enroll', postJson({ code: ` ${code.replace(/-/g, '').toLowerCase()} ` }));
    expect(enrolled.status).toBe(200);
    expect(enrolled.body).toMatchObject({ ok: true, value: { deviceName: 'Kiosco lobby', mode: 'kiosk' } });
  });

  it('reports the deployment, the entity setting and the subscriber count in hello', async () => {
    const t = await startTestServer(variant);
    const entity = { name: 'Empresa Ibaguereña de Acueducto y Alcantarillado', nit: '800089809-7' };
    await t.server.database.exec.query(`insert into settings (key, value) values ('entity', $1::jsonb)`, [
      JSON.stringify(entity),
    ]);
    await t.server.database.exec.query(
      `insert into subscribers (codigo_interno, codigo_ruta, holder_name, estrato, uso, address, neighborhood, municipality, meter_serial)
       select n, '01-001-' || n, 'Suscriptor ' || n, 3, 'residencial', 'Calle ' || n, 'Centro', 'Ibagué', 'M' || n
       from generate_series(1, 25) as n`,
    );
    const { rows } = await t.server.database.exec.query<{ id: string }>('select id from deployments');
    expect(rows).toHaveLength(1);
    const { code } = await createEnrollmentCode(t.server.database, { deviceName: 'Portátil ruta 3', mode: 'field' });
    const { value } = (await t.request('/v1/enroll', postJson({ code }))).body as {
      value: { token: string; deployment: { id: string } };
    };
    expect(value.deployment.id).toBe(rows[0]?.id);
    const hello = await t.request('/v1/device/hello', bearer(value.token));
    expect(hello.body).toMatchObject({
      ok: true,
      value: { entity, counts: { subscribers: 25 }, deployment: { id: rows[0]?.id } },
    });
  });

  it('refuses a code used before, with 409 conflict, and changes nothing', async () => {
    const t = await startTestServer(variant);
    const { code } = await createEnrollmentCode(t.server.database, { deviceName: 'Caja 2', mode: 'cashier' });
    expect((await t.request('/v1/enroll', postJson({ code }))).status).toBe(200);
    const before = await rowCounts(t);
    const again = await t.request('/v1/enroll', postJson({ code }));
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: 'Este código de inscripción ya se usó. Pida un código nuevo al administrador.',
      },
    });
    expect(await rowCounts(t)).toEqual(before);
  });

  it('refuses an expired code with 400 validation, and changes nothing', async () => {
    const t = await startTestServer(variant);
    const { code } = await createEnrollmentCode(t.server.database, {
      deviceName: 'Caja 3',
      mode: 'cashier',
      ttlHours: 1,
    });
    // Time passing, as the database sees it: the code's hour ended a minute ago.
    await t.server.database.exec.query(`update enrollment_codes set expires_at = now() - interval '1 minute'`);
    const refused = await t.request('/v1/enroll', postJson({ code }));
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      ok: false,
      error: {
        code: 'validation',
        message: 'El código de inscripción venció. Pida uno nuevo al administrador.',
        field: 'code',
      },
    });
    expect(await rowCounts(t)).toEqual({ devices: 0, usedCodes: 0 });
  });

  it('refuses an unknown code with 400 validation', async () => {
    const t = await startTestServer(variant);
    const refused = await t.request('/v1/enroll', postJson({ code: 'ABCD-EFGH-JKMN' }));
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'validation', field: 'code' } });
    expect((refused.body as { error: { message: string } }).error.message).toContain('no es válido');
    expect(await rowCounts(t)).toEqual({ devices: 0, usedCodes: 0 });
  });

  it('lets exactly one of several simultaneous exchanges of one code win', async () => {
    const t = await startTestServer(variant);
    const { code } = await createEnrollmentCode(t.server.database, { deviceName: 'Kiosco 7', mode: 'kiosk' });
    const attempts = await Promise.all(Array.from({ length: 8 }, () => t.request('/v1/enroll', postJson({ code }))));
    const statuses = attempts.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    const winner = attempts.find((a) => a.status === 200)?.body as { value: { deviceId: string } };
    const { rows } = await t.server.database.exec.query<{ id: string; used_by: string | null }>(
      'select d.id, c.used_by_device_id as used_by from devices d cross join enrollment_codes c',
    );
    expect(rows).toEqual([{ id: winner.value.deviceId, used_by: winner.value.deviceId }]);
  });
});
