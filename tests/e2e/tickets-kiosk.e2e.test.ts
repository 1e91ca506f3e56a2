import type { Browser, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { decodeEscpos, printedLines } from '../support/escpos-decoder';
import { expectKioskScreenUsable } from '../support/browser/accessibility';
import { expectFitsWidth } from '../support/browser/layout';
import { AccessibilityPanel } from '../support/browser/pages/accessibility-panel';
import { kioskTest } from '../support/browser/fixture';
import { MailboxPage } from '../support/browser/pages/mailbox-page';
import { TicketsPage } from '../support/browser/pages/tickets-page';
import { staffPassword } from '../support/staff-console';
import { keysFor, tapKeysQuickly } from '../support/browser/quick-keys';
import { saveScreenshot } from '../support/browser/screenshots';
import { embeddedServer, type TestStack } from '../support/browser/test-stack';
import { samplePdf } from '../support/ticket-server';

/**
 * Chromium's fake camera (a moving test pattern) stands for the kiosk's, and it is allowed
 * without asking, as a kiosk's browser is set up to allow its own camera.
 */
const it = kioskTest({
  name: 'tickets',
  receiptPrinter: true,
  config: { kiosk: { idleSeconds: 300, warningSeconds: 10 } },
  chromiumArgs: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
});

const citizen = { name: 'Luz Ospina', email: 'luz.ospina@correo.test', phone: '3154440202' } as const;

/** The local mailbox of the embedded server (`npm start` without SMTP), opened as its start-up log shows it. */
async function openMailbox(app: TestStack, browser: Browser): Promise<MailboxPage> {
  const url = embeddedServer(app.stack).running().mailboxUrl;
  if (url === null) throw new Error('the embedded server of a demo start has a local mailbox');
  return MailboxPage.open(browser, url);
}

/**
 * `TicketsPage.typeInto` with the keys found once per layout (quick-keys.ts): a touch on the
 * field, then a touch on each key of the keyboard named after it, «Mayús» before each capital.
 */
async function typeInto(tickets: TicketsPage, field: string, text: string): Promise<void> {
  await tickets.field(field).tap();
  await tapKeysQuickly(tickets.page.getByRole('group', { name: `Teclado: ${field}` }), keysFor(text));
  expect(await tickets.field(field).inputValue()).toBe(text);
}

/** `TicketsPage.typeDigits` with the keys found once (quick-keys.ts). */
async function typeDigits(tickets: TicketsPage, digits: string): Promise<void> {
  await tapKeysQuickly(tickets.page.getByRole('group', { name: 'Teclado numérico' }), [...digits]);
}

/** The one address a mail's text gives to open the ticket's page (the solution's link). */
function linkIn(text: string): string {
  const links = text.match(/https?:\/\/\S+/g) ?? [];
  if (links.length !== 1) throw new Error(`expected one link in the mail, found ${String(links.length)}`);
  return links[0] ?? '';
}

/** A support agent's screen at the office: the console of the central server, logged in. */
async function agentDesk(browser: Browser, serverUrl: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'es-CO' });
  const page = await context.newPage();
  await page.goto(`${serverUrl}/consola`);
  await page.getByLabel('Usuario').fill('soporte1');
  await page.getByLabel('Contraseña').fill(staffPassword('soporte1'));
  await page.getByRole('button', { name: 'Ingresar' }).click();
  await page.getByRole('heading', { name: 'Cola de tickets' }).waitFor();
  return page;
}

/** The agent opens the ticket by its number and proposes `solution`. */
async function proposeSolution(desk: Page, serverUrl: string, number: string, solution: string): Promise<void> {
  await desk.goto(`${serverUrl}/consola/tickets/${number}`);
  await desk.getByLabel(/^Solución/).fill(solution);
  await desk.getByRole('button', { name: 'Proponer la solución' }).click();
  await desk.getByText(/Solución propuesta: .* recibe un correo/).waitFor();
}

/** The citizen's phone, opening the link of the newest «Solución propuesta» mail. */
async function openSolutionLink(browser: Browser, mailbox: MailboxPage, solution: string): Promise<Page> {
  const mail = await mailbox.latestText(citizen.email, /Solución propuesta/);
  expect(mail).toContain(solution);
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'es-CO',
    hasTouch: true,
    isMobile: true,
  });
  const phone = await context.newPage();
  await phone.goto(linkIn(mail));
  await phone.getByRole('heading', { name: 'El equipo de soporte propone esta solución' }).waitFor();
  expect(await phone.getByRole('region').first().innerText()).toContain(solution);
  return phone;
}

describe('support tickets at the kiosk', () => {
  it('creates a ticket with a photo from the camera and a file from a USB memory, types the code from the mailbox, prints the number; lists it by number and email, sends a message; an agent proposes in the console, the citizen rejects with a reason, the agent proposes again, the citizen accepts from the mailed link with 4 stars: Resuelto', async ({
    app,
    browser,
    start,
    printer,
  }) => {
    const mailbox = await openMailbox(app, browser);
    const tickets = await TicketsPage.openCreate(start);
    const page = tickets.page;
    await saveScreenshot(page, 'tickets-1-form');
    await expectKioskScreenUsable(page, 'tickets-1-form');

    await typeInto(tickets, 'Nombre completo', citizen.name);
    await saveScreenshot(page, 'tickets-1b-typing');
    await typeInto(tickets, 'Correo electrónico', citizen.email);
    await typeInto(tickets, 'Teléfono', citizen.phone);
    await tickets.chooseCategory('Lectura y medidor');
    await typeInto(tickets, 'Asunto', 'Medidor marca de mas');
    await typeInto(tickets, 'Descripción', 'Desde octubre ');
    // The box being typed stays above the keyboard.
    await expect.poll(() => tickets.coveredByKeyboard('Descripción')).toBe(false);
    await saveScreenshot(page, 'tickets-1c-description');
    await tickets
      .field('Descripción')
      .fill(
        'Desde octubre el medidor marca el doble aunque en la casa vivimos las mismas personas. Adjunto foto del medidor.',
      );
    await tickets.button('Ocultar el teclado').tap();

    // «Tomar foto del documento»: the live picture, «Tomar foto», then «Usar esta foto».
    await tickets.button('Tomar foto del documento').tap();
    const camera = tickets.camera;
    const shoot = camera.getByRole('button', { name: 'Tomar foto', exact: true });
    await expect.poll(() => shoot.isEnabled(), { timeout: 15_000 }).toBe(true);
    await saveScreenshot(page, 'tickets-2-camera');
    await expectKioskScreenUsable(page, 'tickets-2-camera');
    await shoot.tap();
    await camera.getByRole('img', { name: 'La foto tomada' }).waitFor();
    await saveScreenshot(page, 'tickets-3-photo-taken');
    await camera.getByRole('button', { name: 'Repetir', exact: true }).tap();
    await expect.poll(() => shoot.isEnabled()).toBe(true);
    await shoot.tap();
    await camera.getByRole('button', { name: 'Usar esta foto', exact: true }).tap();
    await camera.waitFor({ state: 'detached' });
    await page.getByText('Archivo adjuntado: «foto-1.jpg».').waitFor();

    // «Desde una memoria USB»: «Seleccionar archivo», then «Adjuntar este archivo».
    await page.getByLabel('Seleccionar archivo').setInputFiles({
      name: 'recibo-octubre.pdf',
      mimeType: 'application/pdf',
      buffer: await samplePdf('Recibo de octubre'),
    });
    await page.getByRole('group', { name: 'Archivo seleccionado' }).waitFor();
    await saveScreenshot(page, 'tickets-4-usb-chosen');
    await tickets.button('Adjuntar este archivo').tap();
    await page.getByText('Archivo adjuntado: «recibo-octubre.pdf».').waitFor();
    expect(await tickets.attached.allInnerTexts()).toEqual([
      expect.stringContaining('foto-1.jpg'),
      expect.stringContaining('recibo-octubre.pdf'),
    ]);
    await tickets.scrollToEnd();
    await saveScreenshot(page, 'tickets-5-form-filled');
    await expectKioskScreenUsable(page, 'tickets-5-form-filled');

    // «Crear ticket» opens the code window.
    await tickets.button('Crear ticket').tap();
    await page.getByRole('heading', { name: 'Revise su bandeja de entrada', level: 1 }).waitFor();
    expect(await page.getByText(citizen.email).first().isVisible()).toBe(true);
    expect(await page.getByText('línea de soporte 300 000 0000').isVisible()).toBe(true);
    const codeMail = await mailbox.latestText(citizen.email, /Código para crear su ticket/);
    const code = /\b(\d{6})\b/.exec(codeMail)?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);
    const wrong = code === '000000' ? '111111' : '000000';
    await typeDigits(tickets, wrong);
    await tickets.button('Crear ticket').tap();
    await tickets.alert('El código no es correcto. Le quedan 4 intentos.').waitFor();
    await saveScreenshot(page, 'tickets-6-code-wrong');
    await expectKioskScreenUsable(page, 'tickets-6-code-wrong');
    await typeDigits(tickets, code);
    await tickets.button('Crear ticket').tap();

    await page.getByRole('heading', { name: 'Ticket creado' }).waitFor();
    const number = (await page.locator('.tickets-number__value').innerText()).trim();
    expect(number).toMatch(/^TK-\d{4}-\d{6}$/);
    expect(await page.getByText(`correo de confirmación a ${citizen.email}`).isVisible()).toBe(true);
    await tickets.button('Imprimir el número').tap();
    await page.getByText('El número de su ticket se imprimió.').waitFor({ timeout: 20_000 });
    await saveScreenshot(page, 'tickets-7-created');
    await expectKioskScreenUsable(page, 'tickets-7-created');
    const slip = printedLines(decodeEscpos(printer.received)).join(' ');
    expect(slip).toContain(number);
    expect(slip).not.toContain(citizen.email);

    // A later visit: «Ver mi lista de tickets» with the number and the email.
    await tickets.button('Terminar').tap();
    await start.waitUntilShown();
    const follow = await TicketsPage.openList(start);
    await typeInto(follow, 'Número del ticket', number.toLowerCase());
    await follow.field('Correo electrónico').fill(citizen.email);
    await saveScreenshot(page, 'tickets-8-lookup');
    await expectKioskScreenUsable(page, 'tickets-8-lookup');
    await follow.button('Ver mis tickets').tap();
    const entry = page.getByRole('button', { name: new RegExp(`^${number}`) });
    await entry.waitFor();
    expect(await entry.innerText()).toContain('Abierto');
    expect(await entry.innerText()).toContain('Medidor marca de mas');
    await saveScreenshot(page, 'tickets-9-list');
    await expectKioskScreenUsable(page, 'tickets-9-list');

    await entry.tap();
    await page.getByRole('heading', { name: 'Detalles de la solicitud' }).waitFor();
    for (const section of ['Documentos adjuntos', 'Histórico de eventos y mensajes'])
      await page.getByRole('heading', { name: section }).waitFor();
    await saveScreenshot(page, 'tickets-10-detail');
    await expectKioskScreenUsable(page, 'tickets-10-detail');

    // The photo, cleaned by the server, in the kiosk's own viewer.
    await page.getByRole('button', { name: 'Ver foto-1.jpg' }).tap();
    const viewer = await follow.viewer('foto-1.jpg');
    await saveScreenshot(page, 'tickets-11-photo-viewer');
    await viewer.getByRole('button', { name: 'Cerrar' }).tap();
    await viewer.waitFor({ state: 'hidden' });

    // «Agregar o enviar un mensaje».
    await follow.button('Agregar o enviar un mensaje').tap();
    await typeInto(follow, 'Su mensaje', 'Hoy volvi a mirar');
    await expect.poll(() => follow.coveredByKeyboard('Su mensaje')).toBe(false);
    await follow.field('Su mensaje').fill('Hoy volví a mirar el medidor: sigue marcando el doble.');
    await saveScreenshot(page, 'tickets-12-message');
    await expectKioskScreenUsable(page, 'tickets-12-message');
    await follow.button('Enviar el mensaje').tap();
    await page.getByText('Su mensaje quedó en el histórico del ticket').waitFor();
    const history = page.getByRole('list').filter({ hasText: 'Su mensaje' });
    expect(await history.innerText()).toContain('Hoy volví a mirar el medidor: sigue marcando el doble.');
    await saveScreenshot(page, 'tickets-13-message-sent');
    await follow.scrollToEnd();
    await saveScreenshot(page, 'tickets-14-history');

    // Back to the list, asked again: the same ticket, still open.
    await follow.button('Mis tickets').tap();
    await page.getByRole('heading', { name: 'Mis tickets', level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: new RegExp(`^${number}`) }).innerText()).toContain('Abierto');
    await tickets.button('Terminar').tap();
    await start.waitUntilShown();

    // At the office, an agent reads the message in the console and proposes a solution.
    const serverUrl = embeddedServer(app.stack).running().url;
    const desk = await agentDesk(browser, serverUrl);
    await proposeSolution(
      desk,
      serverUrl,
      number,
      'Revisamos la lectura: el medidor está bien; el consumo subió por una fuga.',
    );
    expect(await desk.getByTestId('estado').textContent()).toBe('Solución propuesta');
    await saveScreenshot(desk, 'tickets-15-console-proposed');

    // The citizen opens the mailed link on a phone and rejects it, saying why.
    const first = await openSolutionLink(browser, mailbox, 'el consumo subió por una fuga');
    await saveScreenshot(first, 'tickets-16-solution-link');
    await first.getByText('Rechazar solución').click();
    await first.getByLabel('¿Por qué la rechaza?').fill('No hay ninguna fuga: un plomero revisó la casa el lunes.');
    await first.getByRole('button', { name: 'Rechazar y reabrir el ticket' }).click();
    await first.getByRole('status').waitFor();
    expect(await first.getByTestId('estado').textContent()).toBe('Reabierto');
    await saveScreenshot(first, 'tickets-17-rejected');
    await first.context().close();

    // The agent sees the reason and proposes again.
    await desk.reload();
    expect(await desk.getByTestId('estado').textContent()).toBe('Reabierto');
    expect(await desk.locator('main').innerText()).toContain('un plomero revisó la casa el lunes');
    await proposeSolution(
      desk,
      serverUrl,
      number,
      'Cambiaremos el medidor sin costo el jueves y ajustaremos la factura.',
    );

    // The new mail's link: accepted with 4 stars, none chosen in advance.
    const second = await openSolutionLink(browser, mailbox, 'Cambiaremos el medidor sin costo');
    await second.getByText('Aceptar solución').click();
    expect(await second.locator('input[name="estrellas"]:checked').count()).toBe(0);
    await second.locator('label[for="estrella-4"]').click();
    await second.getByLabel('Comentario (opcional)').fill('Gracias por cambiar el medidor.');
    await saveScreenshot(second, 'tickets-18-rating');
    await second.getByRole('button', { name: 'Enviar calificación' }).click();
    await second.getByRole('status').waitFor();
    expect(await second.getByTestId('estado').textContent()).toBe('Resuelto');
    await saveScreenshot(second, 'tickets-19-resolved');
    await second.context().close();
    expect(await mailbox.latestText(citizen.email, /resuelto/)).toContain('4 de 5');

    // The console and the kiosk's list say the same.
    await desk.reload();
    expect(await desk.getByTestId('estado').textContent()).toBe('Resuelto');
    await saveScreenshot(desk, 'tickets-20-console-resolved');
    await desk.context().close();
    const again = await TicketsPage.openList(start);
    await again.field('Número del ticket').fill(number);
    await again.field('Correo electrónico').fill(citizen.email);
    await again.button('Ver mis tickets').tap();
    const resolved = page.getByRole('button', { name: new RegExp(`^${number}`) });
    await resolved.waitFor();
    expect(await resolved.innerText()).toContain('Resuelto');
    await saveScreenshot(page, 'tickets-21-list-resolved');
    await mailbox.close();
  }, 300_000);

  it('fits a 1024×768 kiosk with «Letra más grande» and «Alto contraste»: the form, its camera window and the lookup', async ({
    start,
  }) => {
    const page = start.page;
    await page.setViewportSize({ width: 1024, height: 768 });
    const panel = new AccessibilityPanel(page);
    await panel.open();
    await panel.toggle('Letra más grande');
    await panel.toggle('Alto contraste');
    await panel.close();
    const tickets = await TicketsPage.openCreate(start);
    await expectFitsWidth(page, 'tickets-form-1024');
    // The keyboard covers most of this screen: its bar shows what the field holds.
    await typeInto(tickets, 'Asunto', 'Cobro doble en la factura de octubre');
    expect(await tickets.keyboardEcho()).toBe('Cobro doble en la factura de octubre');
    await expectFitsWidth(page, 'tickets-form-typing-1024');
    await saveScreenshot(page, 'tickets-form-1024-large');
    await tickets.button('Ocultar el teclado').tap();
    await tickets.scrollToEnd();
    await expectFitsWidth(page, 'tickets-form-end-1024');
    await expectKioskScreenUsable(page, 'tickets-form-1024-large');
    await tickets.button('Tomar foto del documento').tap();
    await expect
      .poll(() => tickets.camera.getByRole('button', { name: 'Tomar foto', exact: true }).isEnabled())
      .toBe(true);
    await expectFitsWidth(page, 'tickets-camera-1024');
    await tickets.camera.getByRole('button', { name: 'Cancelar', exact: true }).tap();
    await tickets.button('Ver mi lista de tickets').tap();
    await tickets.field('Número del ticket').waitFor();
    await expectFitsWidth(page, 'tickets-lookup-1024');
    await saveScreenshot(page, 'tickets-lookup-1024-large');
  });
});
