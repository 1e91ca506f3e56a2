import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { BillsCodePage } from '../support/browser/pages/bills-code-page';
import { BillsQuestionsPage } from '../support/browser/pages/bills-questions-page';
import { BillsResultsPage } from '../support/browser/pages/bills-results-page';
import { MailboxPage } from '../support/browser/pages/mailbox-page';
import { BillFixture, ensureReplica } from '../support/browser/bill-fixture';
import { rightPick } from '../support/browser/bills-visit';
import { StartPage } from '../support/browser/pages/start-page';
import { expectKioskScreenUsable } from '../support/browser/accessibility';
import { kioskTest } from '../support/browser/fixture';
import { saveScreenshot } from '../support/browser/screenshots';
import { embeddedServer } from '../support/browser/test-stack';

/** The captcha's text for this test's server: the browser cannot read a distorted image. */
const captchaTexts = ['WRONG', 'K7M3P', 'R4T8H'];

/** A password in the mail, grouped like `K7MR-PX4W-9TQB`. */
const mailedPassword = (text: string, label: RegExp): string => {
  const match = new RegExp(`${label.source}\\s*:?\\s*([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})`).exec(text);
  if (match?.[1] === undefined) throw new Error(`no password in the mail:\n${text}`);
  return match[1];
};

/** Types on the kiosk's on-screen keyboard, key by key (the touch-only path). */
async function tapText(page: Page, text: string): Promise<void> {
  const keyboard = page.getByRole('group', { name: 'Teclado en pantalla' });
  for (const char of text) {
    if (char === ' ') await keyboard.getByRole('button', { name: 'Espacio', exact: true }).tap();
    else if (char !== char.toLowerCase()) {
      await keyboard.getByRole('button', { name: 'Mayús', exact: true }).tap();
      await keyboard.getByRole('button', { name: char, exact: true }).tap();
    } else await keyboard.getByRole('button', { name: char, exact: true }).tap();
  }
}

/** A form field of `page`, by its label. */
const fieldOf = (page: Page) => (name: string) => page.getByRole('textbox', { name, exact: true });

let nextCaptcha = 0;

// Each flow runs on a kiosk page of its own (`page`): nothing of the last one's screen is left.
// The pages share the file's browser context (the app keeps nothing in it but a page's sessionStorage).
const it = kioskTest({
  name: 'accounts',
  sharedContext: true,
  // Reading the mailbox leaves the kiosk untouched for a while: a short idle limit would end
  // the visit mid-flow on a loaded machine. Ending the visit is checked with «Terminar».
  config: { kiosk: { idleSeconds: 120, warningSeconds: 10 } },
  server: {
    captchaText: () => captchaTexts[nextCaptcha++ % captchaTexts.length] ?? 'K7M3P',
    // scrypt at its lowest accepted cost: this flow is not about it, and a busy machine feels every hash.
    passwordWork: { params: { log2N: 14, r: 8, p: 1 } },
  },
});

describe('citizen accounts at the kiosk, mail in the local mailbox', () => {
  let mailbox: MailboxPage;
  let fixture: BillFixture;

  it.beforeAll(async ({ app, browser }) => {
    // «Sincronizar ahora»: the first download need not wait out the puller's sleep for a token.
    await app.stack.core.dispatch('sync.now', {});
    await ensureReplica(app.stack.core.store.sqlite, 50);
    fixture = new BillFixture(app.stack.core.store.sqlite);
    const mailboxUrl = embeddedServer(app.stack).running().mailboxUrl;
    if (mailboxUrl === null) throw new Error('the embedded server of a demo start has a local mailbox');
    mailbox = await MailboxPage.open(browser, mailboxUrl);
  });

  const email = 'ana.rojas@example.com';

  it('registers, mails the access data, forces a new password, logs out, recovers, edits the profile and changes the password', async ({
    app,
    page,
  }) => {
    const field = fieldOf(page);
    const start = await StartPage.open(page, app.stack.appUrl);
    await start.tile('Regístrese aquí').tap();
    await page.getByRole('heading', { name: 'Regístrese aquí' }).waitFor();
    await page.getByRole('button', { name: 'NIT', exact: true }).tap();
    await field('Número de documento').fill('800.197.268-5');
    await field('Nombres').tap();
    await tapText(page, 'Ana María');
    expect(await field('Nombres').inputValue()).toBe('Ana María');
    // A key of the on-screen keyboard types; it never submits the form it sits in.
    expect(await page.getByRole('alert').count()).toBe(0);
    await field('Apellidos').fill('Rojas <b>Pérez</b>');
    await field('Correo electrónico').fill('ana.rojas@');
    await field('Celular').fill('310 555 1234');
    await field('Dirección').fill('Calle 10 No. 4-25');
    await field('Municipio').fill('Ibagué');
    // Bad input, one at a time: each says what is wrong and nothing is registered.
    await page.getByRole('button', { name: 'Registrar' }).tap();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Para crear la cuenta debe leer y aceptar la autorización' })
      .waitFor();
    await page.getByRole('checkbox', { name: /Leí y acepto la autorización/ }).check();
    await page.getByRole('button', { name: 'Registrar' }).tap();
    await page.getByRole('alert').filter({ hasText: 'Sus apellidos llevan solo letras' }).waitFor();
    await saveScreenshot(page, 'accounts-1-register-problem');
    await expectKioskScreenUsable(page, 'accounts-1-register-problem');
    await field('Apellidos').fill('Rojas Pérez');
    await page.getByRole('button', { name: 'Registrar' }).tap();
    await page.getByRole('alert').filter({ hasText: 'El correo electrónico no es válido' }).waitFor();
    await field('Correo electrónico').fill(email);
    await page.getByRole('button', { name: 'Registrar' }).tap();
    await page.getByRole('alert').filter({ hasText: 'El dígito de verificación no corresponde a ese NIT' }).waitFor();
    expect(await mailbox.countTo(email)).toBe(0);
    await page.getByRole('button', { name: 'Cédula de ciudadanía', exact: true }).tap();
    await field('Número de documento').fill('1.020.304.050');
    await saveScreenshot(page, 'accounts-2-register-filled');
    await expectKioskScreenUsable(page, 'accounts-2-register-filled');
    await page.getByRole('button', { name: 'Registrar' }).tap();
    await page.getByRole('heading', { name: 'Revise su correo' }).waitFor();
    await saveScreenshot(page, 'accounts-3-registered');
    await expectKioskScreenUsable(page, 'accounts-3-registered');

    const welcome = await mailbox.latestText(email, /Sus datos de acceso/);
    expect(welcome).toContain('1.020.304.050');
    expect(welcome).toMatch(/Ley 1581 de 2012/);
    const initial = mailedPassword(welcome, /Contraseña inicial/);

    // First login with the mailed password: only «Cambio de contraseña» is open.
    await page.getByRole('button', { name: 'Ir a Ingresar' }).tap();
    await page.getByRole('heading', { name: 'Ingresar' }).waitFor();
    await field('Número de documento').fill('1020304050');
    await field('Contraseña').fill('no-es-esta');
    await page.getByRole('button', { name: 'Ingresar', exact: true }).tap();
    await page.getByRole('alert').filter({ hasText: 'Número de documento o contraseña incorrectos.' }).waitFor();
    await saveScreenshot(page, 'accounts-4-login-wrong');
    await expectKioskScreenUsable(page, 'accounts-4-login-wrong');
    await field('Contraseña').fill(initial.toLowerCase());
    await page.getByRole('button', { name: 'Ingresar', exact: true }).tap();
    await page.getByRole('heading', { name: 'Cambio de contraseña' }).waitFor();
    await field('Contraseña que le enviamos').fill(initial);
    await field('Contraseña nueva').fill('colombia123');
    await field('Repita la contraseña nueva').fill('colombia123');
    await page.getByRole('button', { name: 'Aceptar' }).tap();
    await page.getByRole('alert').filter({ hasText: 'de las más usadas' }).waitFor();
    await field('Contraseña nueva').fill('el río magdalena');
    await field('Repita la contraseña nueva').fill('el rio magdalena');
    await page.getByRole('button', { name: 'Aceptar' }).tap();
    await page.getByRole('alert').filter({ hasText: 'no son iguales' }).waitFor();
    await saveScreenshot(page, 'accounts-5-forced-change');
    await expectKioskScreenUsable(page, 'accounts-5-forced-change');
    await field('Contraseña nueva').fill('el río magdalena');
    await field('Repita la contraseña nueva').fill('el río magdalena');
    await page.getByRole('button', { name: 'Aceptar' }).tap();
    await page.getByRole('navigation', { name: 'Opciones de mi cuenta' }).waitFor();
    await page.getByText('Su contraseña quedó cambiada.').waitFor();
    await saveScreenshot(page, 'accounts-6-menu');
    await expectKioskScreenUsable(page, 'accounts-6-menu');
    expect(await mailbox.latestText(email, /cambió/i)).toContain('contraseña');

    await page.getByRole('button', { name: 'Cerrar sesión' }).tap();
    await page.getByText('Cerró su sesión.').waitFor();

    // «Recuperar contraseña»: a wrong captcha first, then the right one.
    await page.getByRole('button', { name: 'Recuperar contraseña' }).tap();
    await page.getByRole('heading', { name: 'Recuperar contraseña' }).waitFor();
    await page.getByRole('img', { name: 'Imagen con el texto que debe escribir' }).waitFor();
    await field('Número de documento').fill('1020304050');
    await field('Texto de la imagen').fill('AAAAA');
    await page.getByRole('button', { name: 'Enviar' }).tap();
    await page.getByRole('alert').filter({ hasText: 'El texto no coincide con el de la imagen' }).waitFor();
    await saveScreenshot(page, 'accounts-7-recover-wrong-captcha');
    await expectKioskScreenUsable(page, 'accounts-7-recover-wrong-captcha');
    await field('Texto de la imagen').fill('k7m3p');
    await page.getByRole('button', { name: 'Enviar' }).tap();
    await page.getByRole('heading', { name: 'Revise su correo' }).waitFor();
    const reset = await mailbox.latestText(email, /contraseña temporal/i);
    expect(reset).not.toContain('el río magdalena');
    const temporary = mailedPassword(reset, /Contraseña temporal/);

    await page.getByRole('button', { name: 'Ingresar con la contraseña temporal' }).tap();
    await field('Número de documento').fill('1020304050');
    await field('Contraseña').fill(temporary);
    await page.getByRole('button', { name: 'Ingresar', exact: true }).tap();
    await page.getByRole('heading', { name: 'Cambio de contraseña' }).waitFor();
    await field('Contraseña que le enviamos').fill(temporary);
    await field('Contraseña nueva').fill('la casa del árbol');
    await field('Repita la contraseña nueva').fill('la casa del árbol');
    await page.getByRole('button', { name: 'Aceptar' }).tap();
    await page.getByRole('navigation', { name: 'Opciones de mi cuenta' }).waitFor();

    // «Modificar usuario»: read-only until «Modificar»; the document never changes.
    await page.getByRole('button', { name: 'Modificar usuario' }).tap();
    await page.getByRole('heading', { name: 'Modificar usuario' }).waitFor();
    await page.getByText('CC 1.020.304.050').waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
    await saveScreenshot(page, 'accounts-8-profile-readonly');
    await expectKioskScreenUsable(page, 'accounts-8-profile-readonly');
    await page.getByRole('button', { name: 'Modificar', exact: true }).tap();
    await field('Celular').fill('3001234567');
    await field('Dirección').fill('Carrera 5 No. 60-12');
    await page.getByRole('button', { name: 'Guardar' }).tap();
    await page.getByText('Sus datos quedaron actualizados.').waitFor();
    await page.getByText('Carrera 5 No. 60-12').waitFor();
    await saveScreenshot(page, 'accounts-9-profile-saved');
    await expectKioskScreenUsable(page, 'accounts-9-profile-saved');

    // A new email counts only once the code mailed to it is typed.
    await page.getByRole('button', { name: 'Modificar', exact: true }).tap();
    await field('Correo electrónico').fill('ana.maria@example.com');
    await page.getByRole('button', { name: 'Guardar' }).tap();
    await page.getByText('falta confirmarlo').waitFor();
    const confirmation = await mailbox.latestText('ana.maria@example.com', /Confirme su nuevo correo/);
    const emailCode = /Código de confirmación\s*:?\s*(\d{6})/.exec(confirmation)?.[1] ?? '';
    const keypadField = field('Código de confirmación');
    await keypadField.tap();
    await tapText(page, emailCode);
    await saveScreenshot(page, 'accounts-9b-email-code');
    await expectKioskScreenUsable(page, 'accounts-9b-email-code');
    await page.getByRole('button', { name: 'Confirmar el correo' }).tap();
    await page.getByText('Su correo quedó cambiado.').waitFor();
    await page.getByText('ana.maria@example.com').waitFor();

    // «Cambio de contraseña» from the menu: the current one must be right.
    await page.getByRole('button', { name: 'Volver al menú' }).tap();
    await page.getByRole('button', { name: 'Cambio de contraseña' }).tap();
    await field('Contraseña actual').fill('el río magdalena');
    await field('Contraseña nueva').fill('otra frase más larga');
    await field('Repita la contraseña nueva').fill('otra frase más larga');
    await page.getByRole('button', { name: 'Aceptar' }).tap();
    await page.getByRole('alert').filter({ hasText: 'La contraseña actual no es correcta.' }).waitFor();
    await field('Contraseña actual').fill('la casa del árbol');
    await field('Contraseña nueva').fill('otra frase más larga');
    await field('Repita la contraseña nueva').fill('otra frase más larga');
    await page.getByRole('button', { name: 'Aceptar' }).tap();
    await page.getByText('Su contraseña quedó cambiada.').waitFor();

    // The same answer for a registration that collides: the owner gets a notice instead.
    await page.getByRole('button', { name: 'Cerrar sesión' }).tap();
    await field('Número de documento').fill('1020304050');
    await field('Contraseña').fill('otra frase más larga');
    await page.getByRole('button', { name: 'Ingresar', exact: true }).tap();
    await page.getByRole('navigation', { name: 'Opciones de mi cuenta' }).waitFor();
  });

  it('links a código interno after its questions, opens it again without them, and the end of the visit logs out', async ({
    app,
    page,
  }) => {
    const field = fieldOf(page);
    const start = await StartPage.open(page, app.stack.appUrl);
    await start.tile('Ingresar').tap();
    await field('Número de documento').fill('1020304050');
    await field('Contraseña').fill('otra frase más larga');
    await page.getByRole('button', { name: 'Ingresar', exact: true }).tap();
    await page.getByRole('button', { name: 'Facturación servicios públicos' }).tap();
    await page.getByText('Todavía no tiene códigos internos vinculados.').waitFor();
    await saveScreenshot(page, 'accounts-10-no-codes');
    await expectKioskScreenUsable(page, 'accounts-10-no-codes');
    expect(await page.getByRole('group', { name: 'Sus códigos internos' }).count()).toBe(0);

    // Another code goes through its questions, then it can be linked.
    const code = fixture.codes("state <> 'anulada'")[0] ?? 0;
    await page.getByRole('button', { name: 'Otro código interno' }).tap();
    const entry = new BillsCodePage(page);
    await entry.waitUntilShown();
    await entry.tapDigits(String(code));
    await entry.continue();
    await new BillsQuestionsPage(page).answerAll(rightPick(fixture, code));
    const results = new BillsResultsPage(page);
    await results.waitUntilShown('Facturación servicios públicos');
    await page.getByRole('button', { name: 'Vincular a mi cuenta' }).tap();
    await page.getByText(`El código interno ${code} quedó vinculado a su cuenta`).waitFor();
    await saveScreenshot(page, 'accounts-11-linked');
    await expectKioskScreenUsable(page, 'accounts-11-linked');

    // Back in the menu, the linked code opens its bills without questions.
    await page.getByRole('button', { name: 'Volver al menú' }).tap();
    await page.getByRole('button', { name: 'Historial de pagos' }).tap();
    const mine = page.getByRole('group', { name: 'Sus códigos internos' });
    await mine.getByRole('button', { name: new RegExp(String(code)) }).tap();
    await results.waitUntilShown('Historial de pagos');
    expect(await page.getByRole('heading', { name: /Preguntas|pregunta/i }).count()).toBe(0);
    await saveScreenshot(page, 'accounts-12-linked-history');
    await expectKioskScreenUsable(page, 'accounts-12-linked-history');

    // The visit ends («Terminar», as the idle timeout does): the next citizen finds «Ingresar» asking for a login.
    await page.getByRole('button', { name: 'Terminar', exact: true }).tap();
    await page.getByRole('list', { name: 'Servicios disponibles en este punto de atención' }).waitFor();
    await start.tile('Ingresar').tap();
    await field('Número de documento').waitFor();
    expect(await field('Número de documento').inputValue()).toBe('');
  });
  it('says plainly that accounts need the central server when it is down, and what still works', async ({
    app,
    page,
  }) => {
    const field = fieldOf(page);
    const server = embeddedServer(app.stack);
    await server.stop();
    try {
      const start = await StartPage.open(page, app.stack.appUrl);
      await start.tile('Ingresar').tap();
      await field('Número de documento').fill('1020304050');
      await field('Contraseña').fill('otra frase más larga');
      await page.getByRole('button', { name: 'Ingresar', exact: true }).tap();
      await page
        .getByRole('alert')
        .filter({ hasText: 'Las cuentas de usuario necesitan conexión con el servidor central' })
        .waitFor({ timeout: 20_000 });
      await page.getByText('puede imprimir su factura, ver su historial de pagos y sus facturas anteriores').waitFor();
      await saveScreenshot(page, 'accounts-13-offline');
      await expectKioskScreenUsable(page, 'accounts-13-offline');
    } finally {
      await server.start();
    }
  });
});
