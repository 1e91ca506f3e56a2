import { expect, it } from 'vitest';
import { ServerClient } from '../../../src-main/server-link/server-client';
import { describeEachServerDatabase } from '../../support/postgres';
import { enrolledDevice } from '../../support/sync-support';
import { passwordIn, registration, startAccountsServer } from '../../support/accounts-server';

/**
 * What a kiosk's screen gets from the account operations, through the device's dispatcher and
 * the real central server: a wrong password is `wrong-credentials` (the screen stays on the
 * form), a session the server ended is `session-ended` (the screen goes back to «Ingresar»), and
 * a session the kiosk did not open in this visit never reaches the server.
 */
const sessionEnded = 'Su sesión terminó. Ingrese de nuevo con su número de documento y contraseña.';

describeEachServerDatabase('account session codes through the kiosk', (variant) => {
  it('tells a wrong password from an ended session, whoever ended it', { timeout: 90_000 }, async () => {
    const accounts = await startAccountsServer(variant);
    const kiosk = await enrolledDevice(accounts.t, { mode: 'kiosk' });
    expect(await kiosk.dispatch('accounts.register', registration)).toMatchObject({ ok: true });
    const [mail] = await accounts.sink.waitForMail(1);
    const password = passwordIn(mail, 'Contraseña inicial');
    const docNumber = registration.docNumber.replaceAll('.', '');

    expect(await kiosk.dispatch('accounts.login', { docNumber, password: 'no-es-la-clave' })).toEqual({
      ok: false,
      error: { code: 'wrong-credentials', message: 'Número de documento o contraseña incorrectos.' },
    });
    const login = await kiosk.dispatch('accounts.login', { docNumber, password });
    if (!login.ok) throw new Error(login.error.message);
    const { session } = login.value as { session: string };
    expect(await kiosk.dispatch('accounts.profile', { session })).toMatchObject({
      ok: true,
      value: { firstNames: 'Ana María' },
    });

    // Ended on the server (as another kiosk's password change or the server's idle limit would):
    // the kiosk still holds it for this visit, so the server's own answer reaches the screen.
    const token = kiosk.meta.get('deviceToken') ?? '';
    expect(await new ServerClient(accounts.t.server.url).call('accounts.logout', {}, { token, session })).toMatchObject(
      { ok: true },
    );
    expect(await kiosk.dispatch('accounts.profile', { session })).toEqual({
      ok: false,
      error: { code: 'session-ended', message: sessionEnded },
    });

    // A new login, then the visit ends: the kiosk refuses the session itself, as ended.
    const again = await kiosk.dispatch('accounts.login', { docNumber, password });
    if (!again.ok) throw new Error(again.error.message);
    const next = (again.value as { session: string }).session;
    expect(await kiosk.dispatch('kiosk.sessionEnded', { reason: 'user', durationSeconds: 30 })).toMatchObject({
      ok: true,
    });
    const profile = {
      firstNames: 'Ana María',
      lastNames: 'Rojas Pérez',
      email: 'ana.rojas@example.com',
      mobile: '3105551234',
      landline: null,
      address: 'Calle 10 No. 4-25',
      municipality: 'Ibagué',
    };
    expect(await kiosk.dispatch('accounts.saveProfile', { session: next, profile })).toEqual({
      ok: false,
      error: { code: 'session-ended', message: sessionEnded },
    });
  });
});
