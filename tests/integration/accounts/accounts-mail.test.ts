import { expect, it } from 'vitest';
import { accountSessionHeader } from '../../../src-shared/server-api/accounts-api';
import { createEnrollmentCode } from '../../../src-server/devices/admin';
import { describeEachServerDatabase } from '../../support/postgres';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../../support/smtp-sink';
import { postJson, startTestServer, type TestServer } from '../../support/server-harness';
import { cheapScrypt } from '../../support/accounts-server';

/**
 * Citizen accounts end to end on the central server, with the mail delivered to a real SMTP
 * server on loopback and read back with mailparser: the password in the mail is what logs in.
 */
const registration = {
  docType: 'CC',
  docNumber: '1.020.304.050',
  firstNames: 'Ana María',
  lastNames: 'Rojas Pérez',
  email: 'Ana.Rojas@Example.com',
  mobile: '310 555 1234',
  landline: '',
  address: 'Calle 10 No. 4-25',
  municipality: 'Ibagué',
  consent: { policyVersion: '2026-01', accepted: true },
};

const passwordIn = (mail: ReceivedMail | undefined, label: string): string => {
  const match = new RegExp(`${label}\\s*:?\\s*([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})`).exec(mail?.parsed.text ?? '');
  if (match?.[1] === undefined) throw new Error(`no «${label}» in the mail: ${mail?.parsed.text ?? '(no mail)'}`);
  return match[1];
};

describeEachServerDatabase('citizen accounts with mail over SMTP', (variant) => {
  let t: TestServer;
  let sink: SmtpSink;
  let device: { token: string; deviceId: string };
  const captcha = 'K7M3P';

  const call = async (method: string, path: string, body?: unknown, session?: string) => {
    const headers: Record<string, string> = {
      authorization: `Bearer ${device.token}`,
      ...(session === undefined ? {} : { [accountSessionHeader]: session }),
    };
    return t.request(path, body === undefined ? { method, headers } : { ...postJson(body, headers), method });
  };
  const value = <T>(answer: { status: number; body: unknown }): T => {
    if (answer.status !== 200) throw new Error(`HTTP ${answer.status}: ${JSON.stringify(answer.body)}`);
    return (answer.body as { value: T }).value;
  };
  const accounts = async () =>
    Number(
      (await t.server.database.exec.query<{ n: string }>('SELECT count(*) AS n FROM citizen_accounts')).rows[0]?.n,
    );

  async function start(): Promise<void> {
    sink = await startSmtpSink();
    // scrypt at its lowest accepted cost: these flows are not about it (login-bursts.test.ts proves the production one).
    t = await startTestServer(variant, {
      config: { smtpUrl: sink.url },
      captchaText: () => captcha,
      serverOptions: { passwordWork: { params: cheapScrypt } },
    });
    const { code } = await createEnrollmentCode(t.server.database, { deviceName: 'Kiosco 1', mode: 'kiosk' });
    device = value(await t.request('/v1/enroll', postJson({ code })));
  }

  it('registers with the consent, mails an initial password that logs in once to a forced change, then recovers by captcha', async () => {
    await start();
    const registered = value<{ message: string }>(await call('POST', '/v1/accounts/register', registration));
    expect(registered.message).toMatch(/recibirá en su correo los datos de acceso/);
    const [welcome] = await sink.waitForMail(1);
    expect(welcome?.rcptTo).toEqual(['ana.rojas@example.com']);
    expect(welcome?.parsed.subject).toMatch(/Sus datos de acceso/);
    expect(welcome?.parsed.text).toContain('CC 1.020.304.050');
    expect(welcome?.parsed.html).toContain('Ley 1581');
    const initial = passwordIn(welcome, 'Contraseña inicial');
    const { rows: consent } = await t.server.database.exec.query<{
      policy_version: string;
      text_sha256: string;
      channel: string;
      device_id: string;
    }>('SELECT policy_version, text_sha256, channel, device_id FROM account_consents');
    expect(consent).toEqual([
      {
        policy_version: '2026-01',
        text_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        channel: 'kiosk',
        device_id: device.deviceId,
      },
    ]);

    const first = value<{ session: string; mustChangePassword: boolean }>(
      await call('POST', '/v1/accounts/login', { docNumber: '1020304050', password: initial.toLowerCase() }),
    );
    expect(first.mustChangePassword).toBe(true);
    expect(await call('GET', '/v1/accounts/me', undefined, first.session)).toMatchObject({ status: 200 });
    // Until the mailed password is changed, nothing else is open.
    const { docType: _t, docNumber: _n, consent: _c, ...profile } = registration;
    expect(await call('PUT', '/v1/accounts/me', profile, first.session)).toMatchObject({
      status: 403,
      body: { error: { message: expect.stringContaining('Cambio de contraseña') } },
    });
    const changed = await call(
      'POST',
      '/v1/accounts/password',
      { currentPassword: initial, newPassword: 'el río magdalena', repeatPassword: 'el río magdalena' },
      first.session,
    );
    expect(changed.status).toBe(200);
    const [, notice] = await sink.waitForMail(2);
    expect(notice?.parsed.subject).toMatch(/contraseña/i);
    expect(await call('POST', '/v1/accounts/login', { docNumber: '1020304050', password: initial })).toMatchObject({
      status: 401,
    });

    // Recovery: a wrong captcha is refused (and spent); the right one mails a temporary password.
    const wrongImage = value<{ captchaId: string; svg: string }>(await call('GET', '/v1/accounts/captcha'));
    expect(wrongImage.svg).toMatch(/^<svg[\s\S]*<path/);
    expect(wrongImage.svg).not.toContain('K7M3P');
    expect(
      await call('POST', '/v1/accounts/recover', {
        docNumber: '1020304050',
        captchaId: wrongImage.captchaId,
        captchaText: 'AAAAA',
      }),
    ).toMatchObject({
      status: 400,
      body: { error: { field: 'captchaText' } },
    });
    expect(
      await call('POST', '/v1/accounts/recover', {
        docNumber: '1020304050',
        captchaId: wrongImage.captchaId,
        captchaText: 'K7M3P',
      }),
    ).toMatchObject({ status: 400 });
    const image = value<{ captchaId: string }>(await call('GET', '/v1/accounts/captcha'));
    const recovered = value<{ message: string }>(
      await call('POST', '/v1/accounts/recover', {
        docNumber: '1020304050',
        captchaId: image.captchaId,
        captchaText: 'k7m3p',
      }),
    );
    const unknownImage = value<{ captchaId: string }>(await call('GET', '/v1/accounts/captcha'));
    const unknown = value<{ message: string }>(
      await call('POST', '/v1/accounts/recover', {
        docNumber: '99887766',
        captchaId: unknownImage.captchaId,
        captchaText: 'K7M3P',
      }),
    );
    expect(unknown.message).toBe(recovered.message);
    const mails = await sink.waitForMail(3);
    expect(mails).toHaveLength(3);
    const reset = mails[2];
    expect(reset?.parsed.text).not.toContain('el río magdalena');
    const temporary = passwordIn(reset, 'Contraseña temporal');

    // The stored password still works meanwhile: a stranger's request locks nobody out.
    expect(
      await call('POST', '/v1/accounts/login', { docNumber: '1020304050', password: 'el río magdalena' }),
    ).toMatchObject({ status: 200, body: { value: { mustChangePassword: false } } });
    const viaReset = value<{ session: string; mustChangePassword: boolean }>(
      await call('POST', '/v1/accounts/login', { docNumber: '1020304050', password: temporary }),
    );
    expect(viaReset.mustChangePassword).toBe(true);
    expect(await call('POST', '/v1/accounts/login', { docNumber: '1020304050', password: temporary })).toMatchObject({
      status: 401,
      body: { error: { message: 'Número de documento o contraseña incorrectos.' } },
    });

    // An expired temporary password does not open the account.
    const again = value<{ captchaId: string }>(await call('GET', '/v1/accounts/captcha'));
    value(
      await call('POST', '/v1/accounts/recover', {
        docNumber: '1020304050',
        captchaId: again.captchaId,
        captchaText: 'K7M3P',
      }),
    );
    const expired = passwordIn((await sink.waitForMail(4))[3], 'Contraseña temporal');
    await t.server.database.exec.query(
      "UPDATE account_reset_codes SET expires_at = now() - interval '1 second' WHERE used_at IS NULL",
    );
    expect(await call('POST', '/v1/accounts/login', { docNumber: '1020304050', password: expired })).toMatchObject({
      status: 401,
    });

    // Nothing personal in the server's log.
    const log = t.logs.join('\n');
    for (const secret of ['1020304050', 'ana.rojas@example.com', initial, temporary, 'el río magdalena', 'Rojas'])
      expect(log).not.toContain(secret);
  });

  it('answers a duplicate like a new registration and mails the owner; refuses bad input in Spanish and stores nothing', async () => {
    await start();
    value(await call('POST', '/v1/accounts/register', registration));
    await sink.waitForMail(1);
    const duplicate = value<{ message: string }>(
      await call('POST', '/v1/accounts/register', { ...registration, email: 'otra.persona@example.com' }),
    );
    expect(duplicate.message).toMatch(/Si ya tenía una cuenta, le enviamos un aviso/);
    const [, owner] = await sink.waitForMail(2);
    expect(owner?.rcptTo).toEqual(['ana.rojas@example.com']);
    expect(sink.received.some((m) => m.rcptTo.includes('otra.persona@example.com'))).toBe(false);
    expect(await accounts()).toBe(1);

    const refused: Array<[Record<string, unknown>, RegExp]> = [
      [{ email: 'ana@' }, /El correo electrónico no es válido/],
      [{ docType: 'NIT', docNumber: '800.197.268-5' }, /dígito de verificación no corresponde/],
      [{ docNumber: '10203O4050' }, /lleva solo números/],
      [{ firstNames: '<script>alert(1)</script>' }, /Sus nombres llevan solo letras/],
      [{ address: 'x'.repeat(121) }, /hasta 120 caracteres/],
      [{ mobile: '6012345678' }, /empieza por 3/],
      [{ consent: { policyVersion: '2026-01', accepted: false } }, /debe autorizar el tratamiento/],
      // Minors' documents: the consent text says no data of minors are collected.
      [{ docType: 'TI', docNumber: '1098765432' }, /Elija el tipo de documento/],
      [{ docType: 'RC', docNumber: '1098765432' }, /Elija el tipo de documento/],
    ];
    for (const [change, message] of refused) {
      const answer = await call('POST', '/v1/accounts/register', {
        ...registration,
        docNumber: '79123456',
        email: 'nuevo@example.com',
        ...change,
      });
      expect(answer.status, JSON.stringify(change)).toBe(400);
      expect((answer.body as { error: { message: string } }).error.message).toMatch(message);
    }
    expect(await accounts()).toBe(1);
    expect(sink.received).toHaveLength(2);
  });

  it('slows down repeated failures per document, the same for an unknown one, without locking for good', async () => {
    await start();
    value(await call('POST', '/v1/accounts/register', registration));
    const initial = passwordIn((await sink.waitForMail(1))[0], 'Contraseña inicial');
    // One after another: a kiosk has two password checks at a time (simultaneous guesses: login-bursts.test.ts).
    const wrong = [];
    for (let i = 0; i < 4; i += 1)
      wrong.push(await call('POST', '/v1/accounts/login', { docNumber: '1020304050', password: 'no-es-esta' }));
    const unknown = await call('POST', '/v1/accounts/login', { docNumber: '55443322', password: 'no-es-esta' });
    expect(new Set([...wrong, unknown].map((a) => JSON.stringify(a.body)))).toEqual(
      new Set([
        JSON.stringify({
          ok: false,
          error: { code: 'wrong-credentials', message: 'Número de documento o contraseña incorrectos.' },
        }),
      ]),
    );
    expect((await call('POST', '/v1/accounts/login', { docNumber: '1020304050', password: 'no-es-esta' })).status).toBe(
      401,
    );
    // The fifth failure starts a 30-second wait: even the right password must wait.
    const locked = await call('POST', '/v1/accounts/login', { docNumber: '1020304050', password: initial });
    expect(locked).toMatchObject({
      status: 429,
      body: { error: { code: 'locked', message: expect.stringMatching(/espere \d+ segundos/) } },
    });
    await t.server.database.exec.query("UPDATE login_throttle SET blocked_until = now() - interval '1 second'");
    expect(await call('POST', '/v1/accounts/login', { docNumber: '1020304050', password: initial })).toMatchObject({
      status: 200,
    });
    const { rows } = await t.server.database.exec.query("SELECT key FROM login_throttle WHERE key = 'doc:1020304050'");
    expect(rows).toEqual([]);
  });
  it("changes the email only with the code mailed to it; another account's address gets the same answer and its owner is told", async () => {
    await start();
    value(await call('POST', '/v1/accounts/register', registration));
    value(
      await call('POST', '/v1/accounts/register', {
        ...registration,
        docNumber: '79123456',
        firstNames: 'Luis',
        lastNames: 'Prada',
        email: 'luis.prada@example.com',
      }),
    );
    const mails = await sink.waitForMail(2);
    const ana = mails.find((m) => m.rcptTo.includes('ana.rojas@example.com'));
    const first = value<{ session: string }>(
      await call('POST', '/v1/accounts/login', {
        docNumber: '1020304050',
        password: passwordIn(ana, 'Contraseña inicial'),
      }),
    );
    value(
      await call(
        'POST',
        '/v1/accounts/password',
        {
          currentPassword: passwordIn(ana, 'Contraseña inicial'),
          newPassword: 'el río magdalena',
          repeatPassword: 'el río magdalena',
        },
        first.session,
      ),
    );
    await sink.waitForMail(3);
    const { docType: _t, docNumber: _n, consent: _c, ...profile } = registration;

    // Luis's address: the answer is the same as for a free one, Luis is told, no code is sent.
    const taken = value<{ email: string; pendingEmail: string | null }>(
      await call('PUT', '/v1/accounts/me', { ...profile, email: 'luis.prada@example.com' }, first.session),
    );
    expect(taken).toMatchObject({ email: 'ana.rojas@example.com', pendingEmail: 'luis.prada@example.com' });
    const [, , , notice] = await sink.waitForMail(4);
    expect(notice?.rcptTo).toEqual(['luis.prada@example.com']);
    expect(notice?.parsed.subject).toMatch(/Alguien intentó usar su correo/);
    expect(notice?.parsed.text).not.toMatch(/\b\d{6}\b/);
    for (const guess of ['000000', '123456']) {
      expect(await call('POST', '/v1/accounts/email', { code: guess }, first.session)).toMatchObject({
        status: 400,
        body: { error: { field: 'code' } },
      });
    }

    // A free address: the code mailed to it makes it the account's; a wrong code does not.
    const free = value<{ email: string; pendingEmail: string | null }>(
      await call(
        'PUT',
        '/v1/accounts/me',
        { ...profile, email: 'ana.nueva@example.com', mobile: '3001234567' },
        first.session,
      ),
    );
    expect(free).toMatchObject({
      email: 'ana.rojas@example.com',
      pendingEmail: 'ana.nueva@example.com',
      mobile: '3001234567',
    });
    const codeMail = (await sink.waitForMail(5))[4];
    expect(codeMail?.rcptTo).toEqual(['ana.nueva@example.com']);
    const code = /Código de confirmación\s*:?\s*(\d{6})/.exec(codeMail?.parsed.text ?? '')?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);
    expect(
      await call('POST', '/v1/accounts/email', { code: code === '999999' ? '999998' : '999999' }, first.session),
    ).toMatchObject({ status: 400 });
    const confirmed = value<{ email: string; pendingEmail: string | null }>(
      await call('POST', '/v1/accounts/email', { code }, first.session),
    );
    expect(confirmed).toMatchObject({ email: 'ana.nueva@example.com', pendingEmail: null });
    expect(await call('POST', '/v1/accounts/email', { code }, first.session)).toMatchObject({ status: 400 });
    // The old address is told, with the new one masked.
    const oldAddress = (await sink.waitForMail(6))[5];
    expect(oldAddress?.rcptTo).toEqual(['ana.rojas@example.com']);
    expect(oldAddress?.parsed.subject).toMatch(/Se cambió el correo de su cuenta/);
    expect(oldAddress?.parsed.text).toContain('an•••@example.com');
    expect(oldAddress?.parsed.text).not.toContain('ana.nueva@example.com');
  });
});
