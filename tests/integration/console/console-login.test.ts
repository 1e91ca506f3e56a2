import { expect, it } from 'vitest';
import { consoleSessionLimits } from '../../../src-server/console/console-sessions';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer, type TestServer } from '../../support/server-harness';
import { cheapScrypt, ConsoleClient, csrfOf, seedConsoleStaff, staffPassword } from '../../support/staff-console';

/**
 * The staff console's door (docs/staff-console.md; OWASP ASVS level 2, V2 and V3): who gets in,
 * how often one may guess, what the session cookie is, and how a session ends.
 */
async function consoleServer(
  variant: Parameters<typeof startTestServer>[0],
  opts: { now?: () => Date; proxy?: boolean } = {},
): Promise<TestServer> {
  const t = await startTestServer(variant, {
    logLevel: 'info',
    ...(opts.proxy ? { config: { transport: { tls: null, trustedProxies: ['127.0.0.1'] } } } : {}),
    serverOptions: { passwordWork: { params: cheapScrypt }, ...(opts.now ? { now: opts.now } : {}) },
  });
  await seedConsoleStaff(t.server.database.exec);
  return t;
}

describeEachServerDatabase('staff console login', (variant) => {
  it(
    'without a session every page sends to «Ingresar»; a supervisor logs in and out',
    { timeout: 90_000 },
    async () => {
      const t = await consoleServer(variant);
      const browser = new ConsoleClient(t.server.url);

      for (const path of ['/consola', '/consola/prepagos', '/consola/revisiones', '/consola/liquidaciones/100001']) {
        const answer = await browser.get(path);
        expect(answer.status, path).toBe(303);
        expect(answer.location, path).toBe('/consola/ingresar');
      }
      const login = await browser.get('/consola/ingresar');
      expect(login.status).toBe(200);
      expect(login.text).toContain('Consola del personal');
      expect(login.headers.get('content-security-policy')).toBe(
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
      );
      expect(login.headers.get('cache-control')).toBe('no-store');
      expect(login.headers.get('x-frame-options')).toBe('DENY');
      expect(login.text).not.toMatch(/<script/i);

      const wrong = await browser.login('supervisor1', 'Supervisor1.Malo');
      expect(wrong.status).toBe(401);
      expect(wrong.text).toContain('Usuario o contraseña incorrectos.');
      expect(browser.lastSetCookies.some((c) => c.startsWith('ventanilla-consola='))).toBe(false);
      // An unknown user gets the same words.
      const unknown = await browser.login('nadie', 'Supervisor1.Demo');
      expect(unknown.status).toBe(401);
      expect(unknown.text).toContain('Usuario o contraseña incorrectos.');

      const right = await browser.login(' Supervisor1 ', staffPassword('supervisor1'));
      expect(right.status).toBe(303);
      expect(right.location).toBe('/consola/prepagos');
      const session = browser.lastSetCookies.find((c) => c.startsWith('ventanilla-consola='));
      // 256 random bits, HttpOnly, SameSite=Strict, only for the console's paths (plain HTTP on loopback: not Secure).
      expect(session).toMatch(/^ventanilla-consola=[A-Za-z0-9_-]{43}; Path=\/consola; HttpOnly; SameSite=Strict$/);

      const page = await browser.get('/consola/prepagos');
      expect(page.status).toBe(200);
      expect(page.text).toContain('GLORIA INÉS BOCANEGRA RUIZ (supervisor1, Supervisor)');
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(page.headers.get('content-security-policy')).not.toContain('script');
      const stylesheet = await browser.get('/consola/estilos.css');
      expect(stylesheet.headers.get('content-type')).toContain('text/css');

      // «Salir» without the session's token does nothing; with it the session ends for good.
      const stolenCookie = browser.cookieHeader();
      expect((await browser.post('/consola/salir', {})).location).toBe('/consola/ingresar');
      expect((await browser.get('/consola/prepagos')).status).toBe(200);
      const csrf = await browser.csrf();
      const out = await browser.post('/consola/salir', { csrf });
      expect(out.location).toBe('/consola/ingresar');
      expect((await browser.get('/consola/prepagos')).location).toBe('/consola/ingresar');
      const replayed = await fetch(`${t.server.url}/consola/prepagos`, {
        headers: { cookie: stolenCookie },
        redirect: 'manual',
      });
      expect(replayed.status).toBe(303);
      expect(replayed.headers.get('location')).toBe('/consola/ingresar');
      // No password and no cookie value in the log.
      const log = t.logs.join('\n');
      expect(log).not.toContain('Supervisor1.Demo');
      expect(log).not.toContain(session?.split(';')[0]?.split('=')[1] ?? 'never');
    },
  );

  it(
    'a login posted without its form’s token (from another site) is refused, and no session opens',
    { timeout: 90_000 },
    async () => {
      const t = await consoleServer(variant);
      const forged = await fetch(`${t.server.url}/consola/ingresar`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ usuario: 'supervisor1', contrasena: staffPassword('supervisor1') }).toString(),
        redirect: 'manual',
      });
      expect(forged.status).toBe(403);
      expect(forged.headers.getSetCookie().some((c) => c.startsWith('ventanilla-consola='))).toBe(false);
      expect(await forged.text()).toContain('no se pudo verificar');

      // The right token, but the browser says another site sent it.
      const browser = new ConsoleClient(t.server.url);
      const page = await browser.get('/consola/ingresar');
      const crossSite = await browser.post(
        '/consola/ingresar',
        { csrf: csrfOf(page.text), usuario: 'supervisor1', contrasena: staffPassword('supervisor1') },
        { 'sec-fetch-site': 'cross-site' },
      );
      expect(crossSite.status).toBe(403);
      expect((await browser.get('/consola/prepagos')).location).toBe('/consola/ingresar');
    },
  );

  it(
    'wrong passwords are throttled: after four free failures even the right password waits',
    { timeout: 90_000 },
    async () => {
      const t = await consoleServer(variant);
      const browser = new ConsoleClient(t.server.url);
      for (let i = 1; i <= 5; i += 1) {
        const wrong = await browser.login('supervisor1', `Adivina.${i}`);
        expect(wrong.status, `attempt ${i}`).toBe(401);
      }
      const blocked = await browser.login('supervisor1', staffPassword('supervisor1'));
      expect(blocked.status).toBe(429);
      expect(blocked.text).toContain(
        'Hubo varios intentos fallidos. Por seguridad, espere 30 segundos e intente de nuevo.',
      );
      expect(browser.lastSetCookies.some((c) => c.startsWith('ventanilla-consola='))).toBe(false);
      // Another user is not locked out by those guesses (the address has 20 free failures).
      const other = await new ConsoleClient(t.server.url).login('admin', staffPassword('admin'));
      expect(other.status).toBe(303);
      // Case does not dodge the count.
      const upper = await browser.login('SUPERVISOR1', 'Adivina.6');
      expect(upper.status).toBe(429);
    },
  );

  it(
    'a session ends after 15 minutes idle and 8 hours in all; an inactive staff member is out at once',
    { timeout: 90_000 },
    async () => {
      let clock = Date.parse('2026-12-03T13:00:00Z');
      const t = await consoleServer(variant, { now: () => new Date(clock) });
      const idle = new ConsoleClient(t.server.url);
      expect((await idle.login('soporte1', staffPassword('soporte1'))).status).toBe(303);
      clock += consoleSessionLimits.idleMs - 1000;
      expect((await idle.get('/consola/prepagos')).status).toBe(200);
      clock += consoleSessionLimits.idleMs + 1000;
      expect((await idle.get('/consola/prepagos')).location).toBe('/consola/ingresar');

      const busy = new ConsoleClient(t.server.url);
      expect((await busy.login('soporte1', staffPassword('soporte1'))).status).toBe(303);
      const started = clock;
      while (clock - started < consoleSessionLimits.absoluteMs - 10 * 60_000) {
        clock += 10 * 60_000;
        expect((await busy.get('/consola/prepagos')).status).toBe(200);
      }
      clock += 11 * 60_000;
      expect((await busy.get('/consola/prepagos')).location).toBe('/consola/ingresar');

      const leaving = new ConsoleClient(t.server.url);
      expect((await leaving.login('cajero1', staffPassword('cajero1'))).status).toBe(303);
      await t.server.database.exec.query("UPDATE staff_users SET active = false WHERE username = 'cajero1'");
      expect((await leaving.get('/consola/prepagos')).location).toBe('/consola/ingresar');
      expect((await leaving.login('cajero1', staffPassword('cajero1'))).status).toBe(401);
    },
  );

  it('over HTTPS (a TLS proxy says so) the cookie is __Host- and Secure', { timeout: 90_000 }, async () => {
    const t = await consoleServer(variant, { proxy: true });
    const page = await fetch(`${t.server.url}/consola/ingresar`, { headers: { 'x-forwarded-proto': 'https' } });
    const loginCookie = page.headers.getSetCookie()[0] ?? '';
    expect(loginCookie).toMatch(
      /^__Host-ventanilla-consola-ingreso=[A-Za-z0-9_-]{43}; Path=\/; Secure; HttpOnly; SameSite=Strict$/,
    );
    const html = await page.text();
    const answer = await fetch(`${t.server.url}/consola/ingresar`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'x-forwarded-proto': 'https',
        'content-type': 'application/x-www-form-urlencoded',
        cookie: loginCookie.split(';')[0] ?? '',
      },
      body: new URLSearchParams({
        csrf: csrfOf(html),
        usuario: 'supervisor1',
        contrasena: staffPassword('supervisor1'),
      }).toString(),
    });
    expect(answer.status).toBe(303);
    const cookies = answer.headers.getSetCookie();
    expect(cookies).toContainEqual(
      expect.stringMatching(
        /^__Host-ventanilla-consola=[A-Za-z0-9_-]{43}; Path=\/; Secure; HttpOnly; SameSite=Strict$/,
      ),
    );
    // The login form's token is spent with the login.
    expect(cookies).toContainEqual(expect.stringMatching(/^__Host-ventanilla-consola-ingreso=; .*Max-Age=0$/));
  });
});
