import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sidewaysJpegWithGps } from '../support/attachment-fixtures';
import { launchChromium } from '../support/browser/browser';
import { saveScreenshot } from '../support/browser/screenshots';
import { describeEachServerDatabase } from '../support/postgres';
import { citizenFields, samplePdf } from '../support/ticket-server';
import { startTicketWebServer } from '../support/ticket-web';

/**
 * A citizen on a phone files a support ticket on the central server's /soporte pages and follows
 * it to the end (docs/tickets.md, «Web pages»): the form with a PDF and a photo, the code read
 * from the mail, the list, the ticket's page, and the mailed solution accepted with 4 stars.
 * Plain pages: no script runs, and the browser reports no CSP violation or failed request.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function pageOf(viewport: { width: number; height: number }): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({
    viewport,
    locale: 'es-CO',
    timezoneId: 'America/Bogota',
    hasTouch: viewport.width < 600,
    isMobile: viewport.width < 600,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    // A refused form's page comes with its own status (400); that is the answer, not a fault.
    if (message.type() === 'error' && !/status of 400\b/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { page, problems };
}

describeEachServerDatabase('support tickets on the web, from a phone', (variant) => {
  it('creates a ticket with files and the mailed code, finds it in the list, and accepts the solution with 4 stars', async () => {
    const s = await startTicketWebServer(variant);
    const { page, problems } = await pageOf({ width: 390, height: 844 });
    const shot = (name: string) => saveScreenshot(page, `ticket-web-${name}-${variant.kind}`);

    await page.goto(`${s.url}/soporte`);
    await page.getByRole('heading', { name: 'Soporte' }).waitFor();
    await shot('1-start');
    await page.getByRole('link', { name: 'Crear ticket' }).click();

    await page.getByRole('heading', { name: 'Crear ticket' }).waitFor();
    await page.getByLabel('Nombre completo').fill(citizenFields.name);
    await page.getByLabel('Correo electrónico').fill('ana.restrepo arroba correo.test');
    await page.getByLabel('Teléfono').fill(citizenFields.phone);
    await page.getByLabel('Categoría').selectOption({ label: 'Factura y cobros' });
    await page.getByLabel('Asunto').fill(citizenFields.subject);
    await page.getByLabel('Descripción').fill(citizenFields.description);
    await shot('2-form');
    // A mistyped address: the form comes back with what was typed and the message beside the field.
    await page.getByRole('button', { name: 'Crear ticket' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Revise los datos marcados.');
    expect(await page.getByLabel('Asunto').inputValue()).toBe(citizenFields.subject);
    await page.getByLabel('Correo electrónico').scrollIntoViewIfNeeded();
    await shot('3-form-refused');
    await page.getByLabel('Correo electrónico').fill(citizenFields.email);
    await page.getByLabel('Adjuntos (opcional)').setInputFiles([
      { name: 'factura-octubre.pdf', mimeType: 'application/pdf', buffer: await samplePdf('Factura de octubre') },
      { name: 'medidor.jpg', mimeType: 'image/jpeg', buffer: await sidewaysJpegWithGps() },
    ]);
    await page.getByRole('button', { name: 'Crear ticket' }).scrollIntoViewIfNeeded();
    await shot('4-form-files');
    await page.getByRole('button', { name: 'Crear ticket' }).click();

    await page.getByRole('heading', { name: 'Revise su bandeja de entrada' }).waitFor();
    expect(await page.locator('main').textContent()).toContain(citizenFields.email);
    await shot('5-code');
    await page.getByLabel('Código de verificación').fill('12');
    await page.getByRole('button', { name: 'Confirmar y crear el ticket' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('6 números');
    await shot('6-code-typo');
    await page.getByLabel('Código de verificación').fill(await s.lastCode(citizenFields.email));
    await page.getByRole('button', { name: 'Confirmar y crear el ticket' }).click();

    await page.getByRole('heading', { name: 'Su ticket quedó creado' }).waitFor();
    const number = ((await page.getByTestId('numero').textContent()) ?? '').trim();
    expect(number).toMatch(/^TK-\d{4}-000001$/);
    await shot('7-created');

    await page.getByRole('link', { name: 'Volver al inicio de soporte' }).click();
    await page.getByRole('link', { name: 'Ver mi lista de tickets' }).click();
    await page.getByLabel('Número del ticket').fill(number);
    await page.getByLabel('Correo electrónico').fill(citizenFields.email);
    await shot('8-lookup');
    await page.getByRole('button', { name: 'Ver mis tickets' }).click();
    await page.getByRole('heading', { name: 'Mis tickets' }).waitFor();
    expect(page.url()).not.toContain(citizenFields.email);
    expect(page.url()).not.toContain(encodeURIComponent(citizenFields.email));
    await shot('9-list');
    await page.getByRole('link', { name: new RegExp(number) }).click();

    await page.getByRole('heading', { name: `Ticket ${number}` }).waitFor();
    expect(await page.getByTestId('estado').textContent()).toBe('Abierto');
    await shot('10-ticket');
    await page.getByText('Agregar o enviar un mensaje').click();
    await page.getByLabel('Mensaje').fill('El cargo de alcantarillado aparece dos veces en la página 2.');
    await shot('11-message');
    await page.getByRole('button', { name: 'Enviar mensaje' }).click();
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').textContent()).toContain('Su mensaje quedó en el histórico');
    await page.getByText('El cargo de alcantarillado aparece dos veces en la página 2.').waitFor();

    // An agent proposes a solution; the mail's link opens the ticket with the two choices.
    const rows = await s.query<{ id: string }>('SELECT id FROM tickets WHERE number = $1', [number]);
    const link = await s.proposeSolution(
      rows[0]?.id ?? '',
      'Anulamos el cargo repetido; verá el ajuste en la próxima factura.',
    );
    await page.goto(link);
    await page.getByRole('heading', { name: 'El equipo de soporte propone esta solución' }).waitFor();
    expect(await page.getByTestId('estado').textContent()).toBe('Solución propuesta');
    await shot('12-solution');
    await page.getByText('Aceptar solución').click();
    expect(await page.locator('input[name="estrellas"]:checked').count()).toBe(0);
    await page.locator('label[for="estrella-4"]').click();
    expect(await page.getByLabel('4 estrellas').isChecked()).toBe(true);
    await page.getByLabel('Comentario (opcional)').fill('Rápido y claro, gracias.');
    await page.getByRole('button', { name: 'Enviar calificación' }).scrollIntoViewIfNeeded();
    await shot('13-rating');
    await page.getByRole('button', { name: 'Enviar calificación' }).click();

    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').textContent()).toContain('El ticket quedó resuelto');
    expect(await page.getByTestId('estado').textContent()).toBe('Resuelto');
    await shot('14-resolved');
    const [ticket] = await s.query<{ state: string; rating: number }>('SELECT state, rating FROM tickets');
    expect(ticket).toEqual({ state: 'resuelto', rating: 4 });

    // The same pages on a computer's screen.
    const desk = await pageOf({ width: 1280, height: 900 });
    await desk.page.goto(page.url());
    await desk.page.getByRole('heading', { name: `Ticket ${number}` }).waitFor();
    await saveScreenshot(desk.page, `ticket-web-15-desktop-ticket-${variant.kind}`);
    await desk.page.goto(`${s.url}/soporte/crear`);
    await saveScreenshot(desk.page, `ticket-web-16-desktop-form-${variant.kind}`);

    expect([...problems, ...desk.problems]).toEqual([]);
    await page.context().close();
    await desk.page.context().close();
  });
});
