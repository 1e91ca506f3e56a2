import { expect, it } from 'vitest';
import { ServerClient } from '../../../src-main/server-link/server-client';
import { accountSessionHeader, type ServerRoute } from '../../../src-shared/server-api/route';
import { routeNames, serverRoutes } from '../../../src-shared/server-api/routes';
import { createEnrollmentCode } from '../../../src-server/devices/admin';
import { describeEachServerDatabase } from '../../support/postgres';
import { registerAndReadPassword, registration, startAccountsServer } from '../../support/accounts-server';
import { startTestServer, type TestServer } from '../../support/server-harness';

/**
 * The auth kinds and body limits of the route map (src-shared/server-api/routes.ts), on a real
 * server: what the map says a route needs is what the server demands, and the device's client,
 * built from the same map, gets the server's Spanish answers.
 */

const SESSION_ENDED = 'Su sesión terminó. Ingrese de nuevo con su número de documento y contraseña.';

const accountRoutes = routeNames.filter((name) => serverRoutes[name].auth === 'account');

async function enrolled(
  t: TestServer,
  mode: 'kiosk' | 'cashier',
  deviceName: string,
): Promise<{ token: string; deviceId: string }> {
  const { code } = await createEnrollmentCode(t.server.database, { deviceName, mode });
  const answer = await new ServerClient(t.server.url).enroll(code);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}

/** Sends `body` to a route of the map as it is, with the device's token and maybe a session. */
function send(t: TestServer, route: ServerRoute, token: string, body: string | null, session?: string) {
  const headers: Record<string, string> = {
    authorization: `Bearer ${token}`,
    ...(session === undefined ? {} : { [accountSessionHeader]: session }),
  };
  return t.request(
    route.path,
    body === null
      ? { method: route.method, headers }
      : { method: route.method, headers: { ...headers, 'content-type': 'application/json' }, body },
  );
}

describeEachServerDatabase('device API auth kinds and limits, as the map says', (variant) => {
  it('every account route refuses a device token without a live session of that device, before reading the input', async () => {
    const server = await startAccountsServer(variant);
    const { t } = server;
    const [kiosk, other] = await server.enroll(2);
    if (kiosk === undefined || other === undefined) throw new Error('two kiosks');
    const password = await registerAndReadPassword(server, kiosk, registration);
    const client = new ServerClient(t.server.url);
    const login = await client.call(
      'accounts.login',
      { docNumber: registration.docNumber, password },
      { token: kiosk.token },
    );
    if (!login.ok) throw new Error(login.error.message);
    const session = login.value.session;

    expect(accountRoutes.toSorted()).toEqual([
      'accounts.changePassword',
      'accounts.confirmEmail',
      'accounts.linkCode',
      'accounts.profile',
      'accounts.saveProfile',
    ]);
    for (const name of accountRoutes) {
      const route = serverRoutes[name];
      const junk = route.method === 'GET' ? null : '{"not":"this route’s input"}';
      // No session, one never issued, and a live one of another kiosk (a copied header).
      for (const [label, answer] of [
        ['none', await send(t, route, kiosk.token, junk)],
        ['unknown', await send(t, route, kiosk.token, junk, 'Z'.repeat(43))],
        ['another kiosk’s', await send(t, route, other.token, junk, session)],
      ] as const) {
        expect(answer.status, `${name}, ${label} session`).toBe(401);
        expect(answer.body, `${name}, ${label} session`).toEqual({
          ok: false,
          error: { code: 'session-ended', message: SESSION_ENDED },
        });
      }
    }

    // The same session from its own kiosk opens the account, through the client the device uses.
    const profile = await client.call('accounts.profile', {}, { token: kiosk.token, session });
    expect(profile.ok && profile.value.email).toBe(registration.email);
    // And with its input checked after the session: Spanish, naming the field.
    const badCode = await client.call('accounts.confirmEmail', { code: '12' }, { token: kiosk.token, session });
    expect(badCode).toEqual({
      ok: false,
      error: { code: 'validation', message: 'El código tiene 6 números: cópielo del correo nuevo.' },
    });

    // Logging out needs no live session: ending one that already ended is no error.
    expect(await client.call('accounts.logout', {}, { token: kiosk.token, session })).toEqual({
      ok: true,
      value: { message: 'Sesión cerrada.' },
    });
    expect(await client.call('accounts.profile', {}, { token: kiosk.token, session })).toEqual({
      ok: false,
      error: { code: 'session-ended', message: SESSION_ENDED },
    });
    expect(await client.call('accounts.logout', {}, { token: kiosk.token, session })).toEqual({
      ok: true,
      value: { message: 'Sesión cerrada.' },
    });
    expect(await client.call('accounts.logout', {}, { token: kiosk.token, session: null })).toEqual({
      ok: true,
      value: { message: 'Sesión cerrada.' },
    });
  });

  it('only the push takes a body of megabytes', async () => {
    const t = await startTestServer(variant);
    const counter = await enrolled(t, 'cashier', 'Caja 1');
    const megabyte = JSON.stringify({ events: [{ padding: 'x'.repeat(1024 * 1024) }] });
    const tooLarge = JSON.stringify({ events: [{ padding: 'x'.repeat(5 * 1024 * 1024) }] });
    const push = serverRoutes['sync.push'];

    // Within the map's 4 MiB the body is read and parsed: refused for what it says, not its size.
    const parsed = await send(t, push, counter.token, megabyte);
    expect(parsed.status).toBe(400);
    expect(parsed.body).toMatchObject({ ok: false, error: { code: 'validation', field: 'events.0.id' } });
    const large = await send(t, push, counter.token, tooLarge);
    expect(large.status).toBe(413);
    expect(large.body).toEqual({
      ok: false,
      error: { code: 'validation', message: 'La solicitud es demasiado grande.' },
    });
    // Any other route keeps the server's 256 KiB.
    const register = await send(t, serverRoutes['accounts.register'], counter.token, megabyte);
    expect(register.status).toBe(413);
  });
});
