import { expect, it } from 'vitest';
import { registeredMessage } from '../../../src-server/accounts/registration';
import { describeEachServerDatabase } from '../../support/postgres';
import {
  registerAndReadPassword,
  registration,
  startAccountsServer,
  valueOf,
  type AccountsServer,
  type Kiosk,
} from '../../support/accounts-server';

/**
 * What a kiosk, or someone holding its token, can make the server do in an hour: registrations,
 * captcha images and new email addresses are limited per kiosk (the citizen is told to wait);
 * mails a stranger can aim at one address are limited per address, quietly, with the same
 * answer, so no refusal says whether the address has an account.
 */
const captchaText = 'K7M3P';
const { docType: _docType, docNumber: _docNumber, consent: _consent, ...profile } = registration;

const person = (n: number) => ({
  ...registration,
  docNumber: String(10_000_000 + n),
  firstNames: 'Persona',
  lastNames: 'De Prueba',
  email: `persona${n}@example.com`,
});

async function outbox(server: AccountsServer, recipient: string): Promise<string[]> {
  const { rows } = await server.t.server.database.exec.query<{ template: string }>(
    'SELECT template FROM mail_outbox WHERE recipient = $1 ORDER BY id',
    [recipient],
  );
  return rows.map((r) => r.template);
}

/** Logs in with the mailed password and sets one of the citizen's own: an open session. */
async function openSession(server: AccountsServer, kiosk: Kiosk, docNumber: string, initial: string): Promise<string> {
  const { session } = valueOf<{ session: string }>(
    await server.call(kiosk, 'POST', '/v1/accounts/login', { docNumber, password: initial }),
  );
  valueOf(
    await server.call(
      kiosk,
      'POST',
      '/v1/accounts/password',
      { currentPassword: initial, newPassword: 'el río magdalena', repeatPassword: 'el río magdalena' },
      session,
    ),
  );
  return session;
}

describeEachServerDatabase('citizen accounts: limits per kiosk and per recipient', (variant) => {
  it('answers 20 registrations an hour from one kiosk; the next is refused in Spanish and stores and mails nothing; another kiosk goes on', async () => {
    const server = await startAccountsServer(variant);
    const [a, b] = (await server.enroll(2)) as [Kiosk, Kiosk];
    for (let n = 1; n <= 20; n += 1) {
      expect(
        valueOf<{ message: string }>(await server.call(a, 'POST', '/v1/accounts/register', person(n))).message,
      ).toBe(registeredMessage);
    }
    const refused = await server.call(a, 'POST', '/v1/accounts/register', person(21));
    expect(refused).toMatchObject({
      status: 429,
      body: {
        ok: false,
        error: {
          code: 'locked',
          message:
            'Desde este equipo se hicieron muchos registros en poco tiempo. Espere 60 minutos e intente de nuevo, o acérquese a una ventanilla.',
        },
      },
    });
    const accounts = async () =>
      Number(
        (await server.t.server.database.exec.query<{ n: string }>('SELECT count(*) AS n FROM citizen_accounts')).rows[0]
          ?.n,
      );
    expect(await accounts()).toBe(20);
    expect(await outbox(server, 'persona21@example.com')).toEqual([]);

    expect(
      valueOf<{ message: string }>(await server.call(b, 'POST', '/v1/accounts/register', person(21))).message,
    ).toBe(registeredMessage);
    expect(await accounts()).toBe(21);
    await server.sink.waitForMail(21);
  });

  it('sends one address at most three notices an hour, whatever asks for them, and answers the same when it sends none', async () => {
    const server = await startAccountsServer(variant);
    const [a, b, c] = (await server.enroll(3)) as [Kiosk, Kiosk, Kiosk];
    await registerAndReadPassword(server, a, registration);

    // A stranger registering again with Ana's document: the same answer five times, three notices.
    for (let i = 1; i <= 5; i += 1) {
      const answer = valueOf<{ message: string }>(
        await server.call(b, 'POST', '/v1/accounts/register', { ...registration, email: `otra${i}@example.com` }),
      );
      expect(answer.message).toBe(registeredMessage);
    }
    expect(await outbox(server, 'ana.rojas@example.com')).toEqual([
      'account-welcome',
      'account-exists',
      'account-exists',
      'account-exists',
    ]);
    await server.sink.waitForMail(4);

    // Luis asks for Ana's address as his new one: the same answer as a free address, and Ana's
    // notices for the hour are spent, so nothing goes to her.
    const luis = {
      ...registration,
      docNumber: '79123456',
      firstNames: 'Luis',
      lastNames: 'Prada',
      email: 'luis.prada@example.com',
    };
    const session = await openSession(server, c, '79123456', await registerAndReadPassword(server, c, luis));
    const luisProfile = { ...profile, firstNames: 'Luis', lastNames: 'Prada' };
    const taken = valueOf<{ email: string; pendingEmail: string | null }>(
      await server.call(c, 'PUT', '/v1/accounts/me', { ...luisProfile, email: 'ana.rojas@example.com' }, session),
    );
    expect(taken).toMatchObject({ email: 'luis.prada@example.com', pendingEmail: 'ana.rojas@example.com' });
    expect(await outbox(server, 'ana.rojas@example.com')).toHaveLength(4);

    // A free address gets three codes; a fourth request answers the same and mails nothing.
    for (let i = 1; i <= 4; i += 1) {
      const free = valueOf<{ email: string; pendingEmail: string | null }>(
        await server.call(c, 'PUT', '/v1/accounts/me', { ...luisProfile, email: 'luis.nuevo@example.com' }, session),
      );
      expect(free).toMatchObject({ email: 'luis.prada@example.com', pendingEmail: 'luis.nuevo@example.com' });
    }
    expect(await outbox(server, 'luis.nuevo@example.com')).toEqual([
      'email-change-code',
      'email-change-code',
      'email-change-code',
    ]);
    // The code last mailed no longer confirms: the fourth request replaced it with one nobody got.
    const mails = await server.sink.waitForMail(9);
    const lastCode =
      /Código de confirmación\s*:?\s*(\d{6})/.exec(
        mails.filter((m) => m.rcptTo.includes('luis.nuevo@example.com')).at(-1)?.parsed.text ?? '',
      )?.[1] ?? '';
    expect(lastCode).toMatch(/^\d{6}$/);
    expect(await server.call(c, 'POST', '/v1/accounts/email', { code: lastCode }, session)).toMatchObject({
      status: 400,
      body: { error: { field: 'code' } },
    });
  });

  it('takes ten new addresses an hour from one kiosk; the eleventh is refused in Spanish and changes nothing', async () => {
    const server = await startAccountsServer(variant);
    const [kiosk] = (await server.enroll(1)) as [Kiosk];
    const session = await openSession(
      server,
      kiosk,
      '1020304050',
      await registerAndReadPassword(server, kiosk, registration),
    );
    for (let i = 1; i <= 10; i += 1) {
      valueOf(
        await server.call(kiosk, 'PUT', '/v1/accounts/me', { ...profile, email: `ana${i}@example.com` }, session),
      );
    }
    const refused = await server.call(
      kiosk,
      'PUT',
      '/v1/accounts/me',
      { ...profile, email: 'ana11@example.com', mobile: '3001234567' },
      session,
    );
    expect(refused).toMatchObject({
      status: 429,
      body: {
        ok: false,
        error: {
          code: 'locked',
          field: 'email',
          message:
            'Desde este equipo se pidieron muchos cambios de correo en poco tiempo. Espere 60 minutos e intente de nuevo.',
        },
      },
    });
    const now = valueOf<{ mobile: string; pendingEmail: string | null }>(
      await server.call(kiosk, 'GET', '/v1/accounts/me', undefined, session),
    );
    expect(now).toMatchObject({ mobile: '3105551234', pendingEmail: 'ana10@example.com' });
    expect(await outbox(server, 'ana11@example.com')).toEqual([]);
    // The rest of the profile still saves while the address stays.
    expect(
      valueOf<{ mobile: string }>(
        await server.call(kiosk, 'PUT', '/v1/accounts/me', { ...profile, mobile: '3001234567' }, session),
      ).mobile,
    ).toBe('3001234567');
  });

  it('draws 30 captcha images in ten minutes for one kiosk, then asks it to wait; another kiosk still gets one', async () => {
    const server = await startAccountsServer(variant, { captchaText: () => captchaText });
    const [a, b] = (await server.enroll(2)) as [Kiosk, Kiosk];
    for (let i = 0; i < 30; i += 1) expect((await server.call(a, 'GET', '/v1/accounts/captcha')).status).toBe(200);
    expect(await server.call(a, 'GET', '/v1/accounts/captcha')).toMatchObject({
      status: 429,
      body: {
        ok: false,
        error: {
          code: 'locked',
          message: 'Se pidieron muchas imágenes desde este equipo. Espere 10 minutos e intente de nuevo.',
        },
      },
    });
    expect((await server.call(b, 'GET', '/v1/accounts/captcha')).status).toBe(200);
    const { rows } = await server.t.server.database.exec.query<{ n: string }>(
      'SELECT count(*) AS n FROM captcha_challenges',
    );
    expect(Number(rows[0]?.n)).toBe(31);
  });

  it('counts a recovery before its captcha is read: past the free failures even the right text waits, and its image is not spent', async () => {
    const server = await startAccountsServer(variant, { captchaText: () => captchaText });
    const [kiosk] = (await server.enroll(1)) as [Kiosk];
    await registerAndReadPassword(server, kiosk, registration);
    const image = async () =>
      valueOf<{ captchaId: string }>(await server.call(kiosk, 'GET', '/v1/accounts/captcha')).captchaId;
    const recover = async (captchaId: string, text: string) =>
      server.call(kiosk, 'POST', '/v1/accounts/recover', { docNumber: '1020304050', captchaId, captchaText: text });

    // A right text gives its attempt back: a kiosk's good recoveries never add up to a block.
    valueOf(await recover(await image(), captchaText));
    expect(await server.counter(`device:${kiosk.deviceId}`)).toEqual({ failures: 0 });
    for (let i = 0; i < 21; i += 1)
      expect(await recover(await image(), 'AAAAA')).toMatchObject({
        status: 400,
        body: { error: { field: 'captchaText' } },
      });
    expect(await server.counter(`device:${kiosk.deviceId}`)).toEqual({ failures: 21 });

    const right = await image();
    expect(await recover(right, captchaText)).toMatchObject({
      status: 429,
      body: { error: { code: 'locked', message: expect.stringMatching(/espere \d+ segundos/) } },
    });
    await server.t.server.database.exec.query("UPDATE login_throttle SET blocked_until = now() - interval '1 second'");
    expect(valueOf<{ message: string }>(await recover(right, captchaText)).message).toMatch(/contraseña temporal/);
    expect(await outbox(server, 'ana.rojas@example.com')).toEqual([
      'account-welcome',
      'account-reset',
      'account-reset',
    ]);
  });
});
