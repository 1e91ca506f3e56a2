import { expect, it } from 'vitest';
import { deviceBusyMessage, serverBusyMessage } from '../../../src-server/accounts/password-work';
import { describeEachServerDatabase } from '../../support/postgres';
import {
  burst,
  registerAndReadPassword,
  registration,
  startAccountsServer,
  until,
  valueOf,
  type Answer,
  type Kiosk,
} from '../../support/accounts-server';

/**
 * What simultaneous requests get past: the login throttle counts an attempt before scrypt, so a
 * burst of guesses cannot slip past the block its own first guesses start; a kiosk has at most
 * two password checks at a time and the server a bounded number. The scrypt work is held at its
 * start while the rest of a burst is answered, so the tests do not depend on how fast anything is.
 */
const wrongLogin = {
  ok: false,
  error: { code: 'wrong-credentials', message: 'Número de documento o contraseña incorrectos.' },
};
const login = (docNumber: string, password = 'no-es-esta') => ({ docNumber, password });
const statusCount = (answers: readonly Answer[], status: number) => answers.filter((a) => a.status === status).length;

describeEachServerDatabase('citizen accounts: simultaneous requests', (variant) => {
  it('lets five of 50 simultaneous wrong passwords for one document reach scrypt, the same for a document without an account', async () => {
    // Room for the whole burst at once: this test is about the count, the admission bound has its own.
    const server = await startAccountsServer(variant, { limits: { admitted: 64 } });
    const kiosks = await server.enroll(50);
    const first = kiosks[0] as Kiosk;
    const initial = await registerAndReadPassword(server, first, registration);
    // The unknown-document check compares against a hash made once per server; made now, so the
    // bursts below count only their own checks.
    expect(await server.call(first, 'POST', '/v1/accounts/login', login('11223344'))).toMatchObject({ status: 401 });

    const outcomes: Record<string, string[]> = {};
    for (const docNumber of ['1020304050', '55443322']) {
      server.watch.reset();
      server.watch.hold();
      const sent = burst(
        kiosks.map((kiosk) => () => server.call(kiosk, 'POST', '/v1/accounts/login', login(docNumber))),
      );
      // The first five are counted and sent to scrypt (four run at once, the fifth waits for a
      // thread) and stay there; every other guess is answered meanwhile, without scrypt.
      await until(
        '45 answers while five checks are held',
        () => sent.answered.length === 45 && server.watch.count === 4,
      );
      for (const answer of sent.answered) {
        expect(answer).toMatchObject({
          status: 429,
          body: {
            ok: false,
            error: {
              code: 'locked',
              message: expect.stringMatching(
                /^Hubo varios intentos fallidos\. Por seguridad, espere [1-3]?\d segundos e intente de nuevo\.$/,
              ),
            },
          },
        });
      }
      server.watch.release();
      const answers = await sent.all;
      expect(statusCount(answers, 401)).toBe(5);
      expect(answers.filter((a) => a.status === 401).map((a) => a.body)).toEqual(Array(5).fill(wrongLogin));
      expect(server.watch.count).toBe(5);
      expect(await server.counter(`doc:${docNumber}`)).toEqual({ failures: 5 });
      // The wait is counted from each request's own start, so a second either way is no signal.
      outcomes[docNumber] = answers.map((a) => JSON.stringify(a.body).replace(/\d+ segundos/, 'N segundos')).sort();
    }
    // A document with an account and one without get the very same answers.
    expect(outcomes['1020304050']).toEqual(outcomes['55443322']);

    // Blocked means blocked: even the right password waits now, and it costs no scrypt.
    server.watch.reset();
    expect(await server.call(first, 'POST', '/v1/accounts/login', login('1020304050', initial))).toMatchObject({
      status: 429,
      body: { error: { code: 'locked' } },
    });
    expect(server.watch.count).toBe(0);
    // Once the wait is over it opens, and the document's count is cleared.
    await server.t.server.database.exec.query("UPDATE login_throttle SET blocked_until = now() - interval '1 second'");
    valueOf(await server.call(first, 'POST', '/v1/accounts/login', login('1020304050', initial)));
    expect(await server.counter('doc:1020304050')).toBeUndefined();
  });

  it('gives a kiosk two password checks at a time: a third is told to try again in a few seconds, another kiosk is not held back', async () => {
    const server = await startAccountsServer(variant);
    const [a, b] = (await server.enroll(2)) as [Kiosk, Kiosk];
    expect(await server.call(b, 'POST', '/v1/accounts/login', login('11223344'))).toMatchObject({ status: 401 });

    server.watch.reset();
    server.watch.hold();
    const fromA = Array.from(
      { length: 8 },
      (_, i) => () => server.call(a, 'POST', '/v1/accounts/login', login(String(70_000_001 + i))),
    );
    const fromB = Array.from(
      { length: 2 },
      (_, i) => () => server.call(b, 'POST', '/v1/accounts/login', login(String(80_000_001 + i))),
    );
    const sent = burst([...fromA, ...fromB]);
    await until(
      'six refusals while four checks are held',
      () => sent.answered.length === 6 && server.watch.count === 4,
    );
    for (const answer of sent.answered) {
      expect(answer).toMatchObject({
        status: 429,
        body: { ok: false, error: { code: 'locked', message: deviceBusyMessage } },
      });
    }
    expect(deviceBusyMessage).toMatch(/Intente en unos segundos/);
    expect(server.watch.maxPerDevice.get(a.deviceId)).toBe(2);
    expect(server.watch.maxPerDevice.get(b.deviceId)).toBe(2);
    server.watch.release();
    const answers = await sent.all;
    expect(statusCount(answers, 401)).toBe(4);
    expect(server.watch.maxPerDevice.get(a.deviceId)).toBe(2);
    // The refused ones were not attempts: the kiosk's count has only the two that were checked.
    expect(await server.counter(`device:${a.deviceId}`)).toEqual({ failures: 2 });

    // The slots come back: the kiosk checks again as soon as its requests have answered.
    expect(await server.call(a, 'POST', '/v1/accounts/login', login('70000099'))).toMatchObject({ status: 401 });
  });

  it('runs a bounded number of checks at once on the server and turns away what would queue beyond its bound', async () => {
    const server = await startAccountsServer(variant, { limits: { running: 2, admitted: 3 } });
    const kiosks = await server.enroll(5);
    expect(await server.call(kiosks[0] as Kiosk, 'POST', '/v1/accounts/login', login('11223344'))).toMatchObject({
      status: 401,
    });

    server.watch.reset();
    server.watch.hold();
    const sent = burst(
      kiosks.map((kiosk, i) => () => server.call(kiosk, 'POST', '/v1/accounts/login', login(String(90_000_001 + i)))),
    );
    // Two run (held), one waits for a thread, two are turned away.
    await until('two refusals while two checks are held', () => sent.answered.length === 2 && server.watch.count === 2);
    for (const answer of sent.answered) {
      expect(answer).toMatchObject({
        status: 429,
        body: { ok: false, error: { code: 'locked', message: serverBusyMessage } },
      });
    }
    server.watch.release();
    const answers = await sent.all;
    expect(statusCount(answers, 401)).toBe(3);
    expect(server.watch.count).toBe(3);
    expect(server.watch.maxRunning).toBe(2);
  });

  it('hashes at OWASP parameters (N = 2^17, r = 8, p = 1) when nothing lowers them, and the mailed password opens the account', async () => {
    const server = await startAccountsServer(variant, { scrypt: 'production' });
    const [kiosk] = (await server.enroll(1)) as [Kiosk];
    const initial = await registerAndReadPassword(server, kiosk, registration);
    const { rows } = await server.t.server.database.exec.query<{ password_hash: string }>(
      'SELECT password_hash FROM citizen_accounts',
    );
    expect(rows.map((r) => r.password_hash.split('$').slice(0, 4).join('$'))).toEqual(['scrypt$17$8$1']);
    expect(
      valueOf<{ mustChangePassword: boolean }>(
        await server.call(kiosk, 'POST', '/v1/accounts/login', login('1020304050', initial)),
      ).mustChangePassword,
    ).toBe(true);
  });
});
