import { describe } from 'vitest';
import { expectAccessible } from '../support/browser/accessibility';
import { kioskTest } from '../support/browser/fixture';
import { saveScreenshot } from '../support/browser/screenshots';

const it = kioskTest({ name: 'send-diagnostic', config: { device: { mode: 'cashier', name: 'Caja 1' } } });

/**
 * «Enviar diagnóstico» at a counter (docs/operations.md, "Logs and diagnostics"): F12 on the
 * sign-in screen, a supervisor signs in, sends the diagnostic and reads «Diagnóstico enviado»;
 * a second one within the minute is refused in words.
 */
describe('a supervisor sends a diagnostic from the counter', () => {
  it('says it was sent, and why a second one was not', async ({ app, page }) => {
    await page.goto(app.stack.appUrl);
    await page.getByRole('heading', { name: 'Ingreso a la caja' }).waitFor();
    await page.keyboard.press('F12');
    await page.getByRole('heading', { name: 'Registros detenidos' }).waitFor();
    const signIn = page.getByRole('form', { name: 'Ingreso del personal' });
    await signIn.getByRole('textbox', { name: 'Usuario' }).fill('supervisor1');
    await signIn.getByLabel('Contraseña').fill('Supervisor1.Demo');
    await signIn.getByRole('button', { name: 'Ingresar' }).click();

    const send = page.getByRole('button', { name: 'Enviar diagnóstico' });
    await send.click();
    await page.getByRole('status').filter({ hasText: 'Diagnóstico enviado' }).waitFor();
    await saveScreenshot(page, 'diagnostic-sent');
    await expectAccessible(page, 'diagnostic-sent');

    await send.click();
    await page.getByRole('alert').filter({ hasText: 'ya envió un diagnóstico hace poco' }).waitFor();
  });
});
