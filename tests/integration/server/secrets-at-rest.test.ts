import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { createEnrollmentCode } from '../../../src-server/devices/admin';
import { describeEachServerDatabase } from '../../support/postgres';
import { bearer, postJson, startTestServer, type TestServer } from '../../support/server-harness';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Every row of the tables that hold secrets, as one string to search in. */
async function dumpDeviceTables(t: TestServer): Promise<string> {
  const { rows } = await t.server.database.exec.query<{ dump: string }>(
    `select (select coalesce(json_agg(d), '[]') from devices d)::text
         || (select coalesce(json_agg(c), '[]') from enrollment_codes c)::text as dump`,
  );
  return rows[0]?.dump ?? '';
}

describeEachServerDatabase('central server: secrets at rest and in logs', (variant) => {
  it('stores the enrollment code and the device token only as sha256 hashes', async () => {
    const t = await startTestServer(variant);
    const { code } = await createEnrollmentCode(t.server.database, { deviceName: 'Caja 1', mode: 'cashier' });
    const plainCode = code.replace(/-/g, '');
    const { body } = await t.request('/v1/enroll', postJson({ code }));
    const { token, deviceId } = (body as { value: { token: string; deviceId: string } }).value;

    const { rows: codeRows } = await t.server.database.exec.query<{ code_hash: string }>(
      'select code_hash from enrollment_codes',
    );
    expect(codeRows).toEqual([{ code_hash: sha256(plainCode) }]);
    const { rows: deviceRows } = await t.server.database.exec.query<{ token_hash: string }>(
      'select token_hash from devices where id = $1',
      [deviceId],
    );
    expect(deviceRows).toEqual([{ token_hash: sha256(token) }]);

    const dump = await dumpDeviceTables(t);
    expect(dump).toContain(deviceId);
    for (const secret of [token, code, plainCode, plainCode.toLowerCase()]) expect(dump).not.toContain(secret);
  });

  it('never writes the token, the code or the authorization header to the log', async () => {
    const t = await startTestServer(variant, { logLevel: 'trace' });
    const { code } = await createEnrollmentCode(t.server.database, { deviceName: 'Caja 1', mode: 'cashier' });
    const { body } = await t.request('/v1/enroll', postJson({ code }));
    const { token } = (body as { value: { token: string } }).value;
    await t.request('/v1/device/hello', bearer(token));
    await t.request('/v1/enroll', postJson({ code })); // refused: reuse
    await t.request('/v1/device/hello', bearer(`${token.slice(0, -1)}${token.endsWith('x') ? 'y' : 'x'}`)); // refused: wrong token

    const log = t.logs.join('\n');
    expect(log).toContain('Dispositivo inscrito'); // the log is really captured
    for (const secret of [token, token.slice(0, -1), code, code.replace(/-/g, '')]) expect(log).not.toContain(secret);
    expect(log.toLowerCase()).not.toContain('bearer');
  });
});
