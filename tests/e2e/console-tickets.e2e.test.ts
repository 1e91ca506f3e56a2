import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemoTickets } from '../../src-server/tickets/ticket-demo';
import { startTicket } from '../../src-server/tickets/ticket-drafts';
import { TicketFields } from '../../src-shared/tickets/ticket-fields';
import { launchChromium } from '../support/browser/browser';
import { saveScreenshot } from '../support/browser/screenshots';
import { describeEachServerDatabase } from '../support/postgres';
import { staffPassword } from '../support/staff-console';
import { ago, startTicketConsole } from '../support/ticket-console';
import { citizenFields, samplePdf } from '../support/ticket-server';

/**
 * «Tickets» in Chromium, as a support agent works it at a busy desk (docs/staff-console.md):
 * the queue over a few hundred demo tickets, a ticket opened by its number, taken, answered and
 * solved from the keyboard alone (accesskeys, Tab, Enter), a second agent told the solution went
 * out before theirs, a caller's request created by phone, and the summary. Plain forms: the
 * page runs no script and the browser reports no error.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function deskPage(): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'es-CO',
    timezoneId: 'America/Bogota',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { page, problems };
}

/**
 * Alt+<letter> as a keyboard sends it: Chromium acts on an accesskey at the `char` event that
 * follows the key-down, and Playwright's `keyboard.press('Alt+r')` sends none while Alt is held.
 */
async function accessKey(page: Page, letter: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const key = { modifiers: 1, key: letter, code: `Key${letter.toUpperCase()}` };
  const keyCode = letter.toUpperCase().charCodeAt(0);
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key, windowsVirtualKeyCode: keyCode });
  await cdp.send('Input.dispatchKeyEvent', { type: 'char', ...key, text: letter, unmodifiedText: letter });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key, windowsVirtualKeyCode: keyCode });
  await cdp.detach();
}

async function logIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/consola`);
  await page.getByLabel('Usuario').fill(username);
  await page.getByLabel('Contraseña').fill(staffPassword(username));
  await page.getByRole('button', { name: 'Ingresar' }).click();
}

describeEachServerDatabase('console tickets in the browser', (variant) => {
  it('an agent works the queue and a ticket from the keyboard', async () => {
    const s = await startTicketConsole(variant);
    const exec = s.t.server.database.exec;
    await seedDemoTickets(exec, { seed: 11, tickets: 400, now: new Date() });
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#7a9cc6' } })
      .jpeg()
      .toBuffer();
    const ticket = await s.createTicket(
      {
        name: 'Ana María Restrepo',
        category: 'facturacion',
        subject: 'Me cobraron dos veces el alcantarillado',
        description:
          'En la factura de octubre aparece dos veces el cargo de alcantarillado. Adjunto la factura y una foto del medidor.\nGracias.',
      },
      {
        agoMs: ago.hours(52),
        uploads: [
          { name: 'factura-octubre.pdf', bytes: await samplePdf('Factura de octubre') },
          { name: 'medidor.jpg', bytes: photo },
        ],
      },
    );
    const caller = await startTicket(
      s.at(ago.hours(1)),
      TicketFields.parse({ ...citizenFields, email: 'jorge.tapiero@correo.test', subject: 'No me llegó el código' }),
      [],
      { channel: 'web' },
    );
    if (!caller.ok) throw new Error(caller.error.message);

    const { page, problems } = await deskPage();
    await logIn(page, s.t.server.url, 'soporte1');
    // A support agent starts at the queue.
    await page.getByRole('heading', { name: 'Cola de tickets' }).waitFor();
    expect(await page.locator('table.queue tbody tr').count()).toBeGreaterThan(0);
    await saveScreenshot(page, `console-tickets-1-queue-${variant.kind}`);

    await page.getByRole('link', { name: 'Vencidos, el más atrasado primero' }).click();
    await page.getByRole('heading', { name: 'Cola de tickets' }).waitFor();
    const firstDue = page.locator('table.queue tbody tr').first().getByTestId('vence');
    expect(await firstDue.textContent()).toContain('Vencido');
    await saveScreenshot(page, `console-tickets-2-overdue-${variant.kind}`);

    // «Ir al ticket» from the keyboard: Alt+B, the number as the citizen reads it, Enter.
    await accessKey(page, 'b');
    await page.keyboard.type(ticket.number.replaceAll('-', ' ').toLowerCase());
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Me cobraron dos veces/ }).waitFor();
    expect(await page.getByTestId('vence').textContent()).toContain('Vencido');
    await saveScreenshot(page, `console-tickets-3-ticket-${variant.kind}`);

    // The citizen's PDF downloads with its name.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'factura-octubre.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('factura-octubre.pdf');

    // A second agent has the same ticket open.
    const other = await deskPage();
    await logIn(other.page, s.t.server.url, 'soporte2');
    await other.page.goto(`${s.t.server.url}/consola/tickets/${ticket.number}`);

    // Take it (Alt+T), answer it (Alt+R, Tab past the files, Enter), propose (Alt+S, Tab, Enter).
    await accessKey(page, 't');
    await page.getByText('Usted tomó el ticket.').waitFor();
    expect(await page.getByTestId('estado').textContent()).toBe('En atención');
    await accessKey(page, 'r');
    await page.keyboard.type('Buenos días, Ana María. Ya revisamos la factura: el cargo repetido es un error nuestro.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText(/Respuesta enviada: le llega por correo a/).waitFor();
    await accessKey(page, 's');
    await page.keyboard.type('Anulamos el cargo repetido; la próxima factura llega con el descuento de $ 18.450.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText(/Solución propuesta: .* recibe un correo/).waitFor();
    expect(await page.getByTestId('estado').textContent()).toBe('Solución propuesta');
    await saveScreenshot(page, `console-tickets-4-proposed-${variant.kind}`);
    await page.locator('#historial').evaluate((heading) => heading.scrollIntoView());
    await saveScreenshot(page, `console-tickets-4-history-${variant.kind}`);

    // The second agent's proposal, written on the page they still had open, is refused and kept.
    await other.page.getByLabel(/^Solución/).fill('Le devolvemos el valor en la próxima factura.');
    await other.page.getByRole('button', { name: 'Proponer la solución' }).click();
    await other.page.getByText('Ya hay una solución propuesta en este ticket').waitFor();
    expect(await other.page.getByTestId('no-enviado').inputValue()).toBe(
      'Le devolvemos el valor en la próxima factura.',
    );
    await saveScreenshot(other.page, `console-tickets-5-refused-${variant.kind}`);

    // A caller whose code never came: found by the address they dictate, created with a note.
    await page.getByRole('link', { name: 'Solicitudes sin código (por teléfono)' }).click();
    await page.getByLabel('Correo que dicta el ciudadano').fill('jorge.tapiero@correo.test');
    await page.keyboard.press('Enter');
    await page.getByText('No me llegó el código').waitFor();
    await page.getByLabel('Cómo verificó la identidad (obligatorio)').fill('Confirmó nombre, correo y asunto.');
    await saveScreenshot(page, `console-tickets-6-pending-${variant.kind}`);
    await page.getByRole('button', { name: 'Crear el ticket' }).click();
    await page.getByText(/Se creó el ticket TK-\d{4}-\d{6}/).waitFor();
    expect(await page.getByTestId('estado').textContent()).toBe('Abierto');

    await page.getByRole('link', { name: 'Resumen' }).click();
    await page.getByRole('heading', { name: 'Resumen de tickets' }).waitFor();
    expect(Number(await page.getByTestId('abiertos-solucion-propuesta').textContent())).toBeGreaterThan(0);
    await saveScreenshot(page, `console-tickets-7-summary-${variant.kind}`);

    expect(problems).toEqual([]);
    // The refused proposal is answered 409, which Chromium reports; nothing else went wrong there.
    expect(other.problems).toEqual(['Failed to load resource: the server responded with a status of 409 (Conflict)']);
    await other.page.context().close();
    await page.context().close();
  });
});
