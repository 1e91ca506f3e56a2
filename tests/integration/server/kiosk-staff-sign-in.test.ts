import { expect, it } from 'vitest';
import type { DeviceMode } from '../../../src-shared/domain/device-mode';
import { createEnrollmentCode } from '../../../src-server/devices/admin';
import { describeEachServerDatabase } from '../../support/postgres';
import { postJson, startTestServer, type TestServer } from '../../support/server-harness';
import { cheapScrypt, seedConsoleStaff, staffPassword } from '../../support/staff-console';

/**
 * `POST /v1/kiosk/staff-sign-in` (docs/kiosk-lockdown.md): staff at a kiosk's hidden corner,
 * checked by the server because a kiosk holds no staff accounts. Only a kiosk asks; only a
 * supervisor, support or an admin gets in; the console's throttle per username applies.
 */
async function enroll(t: TestServer, name: string, mode: DeviceMode): Promise<string> {
  const { code } = await createEnrollmentCode(t.server.database, {
    deviceName: name,
    mode,
    office: 'Sede Centro',
    ...(mode === 'cashier' ? { receiptPrefix: 'CAJA9' } : {}),
  });
  const answer = await t.request('/v1/enroll', postJson({ code }));
  return (answer.body as { value: { token: string } }).value.token;
}

const signIn = (t: TestServer, token: string, username: string, password: string) =>
  t.request('/v1/kiosk/staff-sign-in', postJson({ username, password }, { authorization: `Bearer ${token}` }));

const codeOf = (answer: { body: unknown }): string | undefined =>
  (answer.body as { error?: { code: string } }).error?.code;

describeEachServerDatabase('kiosk staff sign-in', (variant) => {
  it(
    'lets support, a supervisor and an admin into a kiosk; refuses a cashier, a wrong password and a counter',
    {
      timeout: 90_000,
    },
    async () => {
      const t = await startTestServer(variant, {
        logLevel: 'warn',
        serverOptions: { passwordWork: { params: cheapScrypt } },
      });
      try {
        await seedConsoleStaff(t.server.database.exec);
        const kiosk = await enroll(t, 'Kiosco del vestíbulo', 'kiosk');
        const counter = await enroll(t, 'Caja 9', 'cashier');

        for (const username of ['soporte1', 'supervisor1', 'admin']) {
          const answer = await signIn(t, kiosk, username, staffPassword(username));
          expect(answer.status, username).toBe(200);
          expect((answer.body as { value: { username: string } }).value.username).toBe(username);
        }
        const support = await signIn(t, kiosk, 'soporte1', staffPassword('soporte1'));
        // With the permission to send a diagnostic from this kiosk, signed by the server (diagnostic-upload.test.ts checks it).
        expect((support.body as { value: unknown }).value).toEqual({
          username: 'soporte1',
          fullName: 'ANDRÉS FELIPE DEVIA CASTRO',
          role: 'soporte',
          diagnostic: { until: expect.any(String), proof: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) },
        });

        const cashier = await signIn(t, kiosk, 'cajero1', staffPassword('cajero1'));
        expect([cashier.status, codeOf(cashier)]).toEqual([403, 'forbidden']);

        const wrong = await signIn(t, kiosk, 'soporte2', 'no-es-esta');
        expect([wrong.status, codeOf(wrong)]).toEqual([401, 'wrong-credentials']);
        const unknown = await signIn(t, kiosk, 'nadie', 'no-es-esta');
        expect([unknown.status, codeOf(unknown)]).toEqual([401, 'wrong-credentials']);

        // A counter has its own staff sign-in, against its own replica: it never asks here.
        const fromCounter = await signIn(t, counter, 'soporte1', staffPassword('soporte1'));
        expect([fromCounter.status, codeOf(fromCounter)]).toEqual([403, 'forbidden']);

        // No token, no answer about anyone's password.
        const anonymous = await t.request('/v1/kiosk/staff-sign-in', postJson({ username: 'soporte1', password: 'x' }));
        expect(anonymous.status).toBe(401);

        // The console's throttle per username: guessing soporte2's password soon waits.
        let last = wrong;
        for (let i = 0; i < 6 && last.status !== 429; i += 1) last = await signIn(t, kiosk, 'soporte2', 'otra-vez');
        expect([last.status, codeOf(last)]).toEqual([429, 'locked']);
      } finally {
        await t.stop();
      }
    },
  );
});
