import { describe, expect } from 'vitest';
import { expectAccessible } from '../support/browser/accessibility';
import { kioskTest } from '../support/browser/fixture';
import { saveScreenshot } from '../support/browser/screenshots';

const it = kioskTest({ name: 'field-send-diagnostic', config: { device: { mode: 'field', name: 'Portátil ruta 3' } } });

/** A laptop's screen: what a collector carries. */
const laptop = { width: 1366, height: 768 };

/**
 * «Enviar diagnóstico» on a field laptop (docs/operations.md, "Logs and diagnostics"): from the
 * collector's sign-in screen, «Registros detenidos y diagnóstico»; a collector's credentials
 * are refused there, a supervisor's send it and read «Diagnóstico enviado»; «Volver» goes back
 * to the sign-in.
 */
describe('a supervisor sends a diagnostic from the field laptop', () => {
  it('refuses a collector, sends for a supervisor, and goes back to the sign-in', async ({ app, page }) => {
    await page.setViewportSize(laptop);
    await page.goto(app.stack.appUrl);
    await page.getByRole('heading', { name: 'Ingreso del recaudador' }).waitFor();
    await saveScreenshot(page, 'field-diagnostic-sign-in');
    await expectAccessible(page, 'field-diagnostic-sign-in');
    await page.getByRole('button', { name: 'Registros detenidos y diagnóstico' }).click();
    await page.getByRole('heading', { name: 'Registros detenidos' }).waitFor();

    const signIn = page.getByRole('form', { name: 'Ingreso del personal' });
    await signIn.getByRole('textbox', { name: 'Usuario' }).fill('cajero1');
    await signIn.getByLabel('Contraseña').fill('Cajero1.Demo');
    await signIn.getByRole('button', { name: 'Ingresar' }).click();
    // A collector's grant lists nothing: the screen says who may, and asks again.
    await page.getByRole('alert').filter({ hasText: 'Esta acción requiere un supervisor.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Enviar diagnóstico' }).count()).toBe(0);
    await saveScreenshot(page, 'field-diagnostic-collector-refused');

    await signIn.getByRole('textbox', { name: 'Usuario' }).fill('supervisor1');
    await signIn.getByLabel('Contraseña').fill('Supervisor1.Demo');
    await signIn.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByRole('button', { name: 'Enviar diagnóstico' }).click();
    const sent = page.getByRole('status').filter({ hasText: 'Diagnóstico enviado' });
    await sent.waitFor({ timeout: 30_000 });
    await saveScreenshot(page, 'field-diagnostic-sent');
    await expectAccessible(page, 'field-diagnostic-sent');

    await page.getByRole('button', { name: 'Volver' }).click();
    await page.getByRole('heading', { name: 'Ingreso del recaudador' }).waitFor();
  });
});
