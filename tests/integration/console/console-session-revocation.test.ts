import { expect, it } from 'vitest';
import { newStaffPin, setStaffActive, setStaffPassword } from '../../../src-server/admin/staff-admin';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer, type TestServer } from '../../support/server-harness';
import { cheapScrypt, ConsoleClient, seedConsoleStaff, staffPassword } from '../../support/staff-console';

/**
 * A new password or a deactivation (`npm run admin -- staff …`, src-server/admin/staff-admin.ts,
 * called here in-process on the server's own database) ends every console session the member
 * opened before it, at its next request — a stolen cookie stops working with the password it was
 * taken under (OWASP ASVS V3.3.3/V3.3.4). Other members' sessions, and the member's sessions
 * opened after the change, go on.
 */
const admin = { by: 'prueba', scrypt: cheapScrypt };
const page = '/consola/prepagos';

async function consoleServer(variant: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
  const t = await startTestServer(variant, { serverOptions: { passwordWork: { params: cheapScrypt } } });
  await seedConsoleStaff(t.server.database.exec);
  return t;
}

/** A browser signed in to the console as `username` with its demo password. */
async function signedIn(t: TestServer, username: string, password = staffPassword(username)): Promise<ConsoleClient> {
  const browser = new ConsoleClient(t.server.url);
  const login = await browser.login(username, password);
  expect(login.status, `login of ${username}`).toBe(303);
  expect((await browser.get(page)).status, `first page of ${username}`).toBe(200);
  return browser;
}

/** What the console answers a request carrying only this cookie: the page (200) or «Ingresar». */
async function withCookie(t: TestServer, cookie: string): Promise<{ status: number; location: string | null }> {
  const answer = await fetch(`${t.server.url}${page}`, { headers: { cookie }, redirect: 'manual' });
  await answer.text();
  return { status: answer.status, location: answer.headers.get('location') };
}

const toLogin = { status: 303, location: '/consola/ingresar' };

describeEachServerDatabase('console sessions end with a new password or a deactivation', (variant) => {
  it(
    'set-password: both of the member’s sessions are refused at once, the old password too; another member and a new login go on',
    { timeout: 90_000 },
    async () => {
      const t = await consoleServer(variant);
      const office = await signedIn(t, 'supervisor1');
      const home = await signedIn(t, 'supervisor1');
      const stolen = home.cookieHeader();
      const other = await signedIn(t, 'admin');

      await setStaffPassword(t.server.database, 'supervisor1', 'Lluvia.En.Bogota.42', admin);

      expect(await withCookie(t, stolen)).toEqual(toLogin);
      const refused = await office.get(page);
      expect(refused.status).toBe(303);
      expect(refused.location).toBe('/consola/ingresar');
      // Nothing is done with it either: an action is sent back to «Ingresar» before its body is read.
      const action = await office.post('/consola/salir', {});
      expect(action.location).toBe('/consola/ingresar');
      expect((await new ConsoleClient(t.server.url).login('supervisor1', staffPassword('supervisor1'))).status).toBe(
        401,
      );

      // Another member is untouched.
      const otherPage = await other.get(page);
      expect(otherPage.status).toBe(200);
      expect(otherPage.text).toContain('(admin, Administrador)');

      // The member signs in with the new password; the stolen cookie coming back does not end that session.
      const fresh = await signedIn(t, 'supervisor1', 'Lluvia.En.Bogota.42');
      expect(await withCookie(t, stolen)).toEqual(toLogin);
      const freshPage = await fresh.get(page);
      expect(freshPage.status).toBe(200);
      expect(freshPage.text).toContain('GLORIA INÉS BOCANEGRA RUIZ (supervisor1, Supervisor)');
    },
  );

  it(
    'deactivate: the member’s sessions are refused and stay refused after activate; another member goes on',
    { timeout: 90_000 },
    async () => {
      const t = await consoleServer(variant);
      const first = await signedIn(t, 'soporte1');
      const second = await signedIn(t, 'soporte1');
      const other = await signedIn(t, 'supervisor1');

      expect(await setStaffActive(t.server.database, 'soporte1', false, admin)).toEqual({
        username: 'soporte1',
        changed: true,
      });
      expect(await withCookie(t, first.cookieHeader())).toEqual(toLogin);
      expect((await new ConsoleClient(t.server.url).login('soporte1', staffPassword('soporte1'))).status).toBe(401);
      expect((await other.get(page)).status).toBe(200);

      // Activated again before the second session's next request: it does not come back.
      await setStaffActive(t.server.database, 'soporte1', true, admin);
      expect(await withCookie(t, second.cookieHeader())).toEqual(toLogin);
      expect(await withCookie(t, first.cookieHeader())).toEqual(toLogin);
      // The member signs in again (same password) and works.
      const back = await signedIn(t, 'soporte1');
      expect((await back.get(page)).status).toBe(200);
      expect((await other.get(page)).status).toBe(200);
    },
  );

  it('a new PIN (not used by the console) leaves the member’s sessions open', { timeout: 90_000 }, async () => {
    const t = await consoleServer(variant);
    const browser = await signedIn(t, 'supervisor1');
    await newStaffPin(t.server.database, 'supervisor1', admin);
    expect((await browser.get(page)).status).toBe(200);
    // And a password change after it still ends the session (the mark counts only those changes).
    await setStaffPassword(t.server.database, 'supervisor1', 'Otra.Clave.Segura.7', admin);
    expect((await browser.get(page)).location).toBe('/consola/ingresar');
  });
});
