import path from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { describe, expect, onTestFinished } from 'vitest';
import { formatCop } from '../../src-shared/domain/money';
import { expectKioskScreenUsable } from '../support/browser/accessibility';
import { newKioskPage } from '../support/browser/browser';
import { kioskTest } from '../support/browser/fixture';
import { expectFitsWidth } from '../support/browser/layout';
import { AccessibilityPanel } from '../support/browser/pages/accessibility-panel';
import { StartPage } from '../support/browser/pages/start-page';
import { WalletPage } from '../support/browser/pages/wallet-page';
import { showsAsClockRuns } from '../support/browser/page-clock';
import { saveScreenshot } from '../support/browser/screenshots';
import { embeddedServer, type TestStack } from '../support/browser/test-stack';
import { decodeBarcodes } from '../support/poppler-zbar';
import { cheapScrypt } from '../support/staff-console';

// A citizen reads the terms and types a whole form between touches: a short idle limit would end
// the visit mid-flow on a loaded machine. The end of the visit is checked with «Terminar».
// Each test's kiosk page is a new one in the file's browser context: nothing of the last
// visit is left (the app keeps it in the page's sessionStorage), and no context is started.
const it = kioskTest({
  name: 'wallet',
  // The claves the server makes and checks (a first payment's soporte, a new clave, a wrong one)
  // at scrypt's lowest accepted cost instead of OWASP's: about 0.3 s of CPU each instead of 1.7 s.
  server: { passwordWork: { params: cheapScrypt } },
  config: { kiosk: { idleSeconds: 120, warningSeconds: 10 } },
  sharedContext: true,
});

/** A new citizen: no wallet yet for this cédula. */
const newcomer = {
  number: '1.098.765.432',
  holder: {
    firstSurname: 'Gómez',
    secondSurname: 'Rincón',
    firstName: 'Laura',
    secondName: 'Inés',
    email: 'laura.gomez@example.com',
    mobile: '310 555 7788',
    address: 'Carrera 3 No. 12-40',
    municipality: 'Ibagué',
  },
} as const;

/** Pesos of `$ 1.250.000` as the screen writes them. */
const pesosOf = (shown: string): number => Number(shown.replace(/\D/g, ''));

/** Opens the statement from its form (already on screen, or from the menu) and reads the balance. */
async function statementBalance(wallet: WalletPage, number: string, clave: string): Promise<string> {
  if (await wallet.menu.isVisible()) await wallet.entry('Consultar saldo y movimientos').tap();
  await wallet.identify('Cédula de ciudadanía', number, { 'Clave del prepago': clave });
  await wallet.button('Consultar').tap();
  await wallet.page.getByRole('heading', { name: 'Saldo y movimientos' }).waitFor();
  return wallet.balance();
}

/** The citizen's phone reads the checkout QR off the kiosk's screen and answers on the gateway's page. */
async function payOnPhone(
  browser: Browser,
  wallet: WalletPage,
  dataDir: string,
  decision: 'Aprobar pago' | 'Rechazar pago',
  /** What the gateway's page must say is being paid. */
  amount: number,
): Promise<void> {
  await wallet.page.getByText('Esperando su pago desde el celular').waitFor();
  const shot = path.join(dataDir, 'checkout-qr.png');
  await wallet.checkoutQr.screenshot({ path: shot });
  const { symbols } = await decodeBarcodes(shot);
  expect(symbols).toHaveLength(1);
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true });
  try {
    await phone.goto(symbols[0] ?? '');
    expect(await phone.getByText(formatCop(amount)).count()).toBeGreaterThan(0);
    await phone.getByRole('button', { name: decision }).click();
    await phone
      .getByRole('heading', { name: decision === 'Aprobar pago' ? 'Pago aprobado' : 'Pago rechazado' })
      .waitFor();
  } finally {
    await phone.close();
  }
}

/**
 * A kiosk page in a browser context of its own whose clock the test moves: the kiosk asks for
 * the checkout's state every 2 s of it (useCheckout.ts), and `settles` jumps it a second at a
 * time while waiting for the screen to show the gateway's answer.
 */
async function kioskWithClock(
  browser: Browser,
  app: TestStack,
): Promise<{ wallet: WalletPage; settles: (what: Locator) => Promise<void> }> {
  const { context, page } = await newKioskPage(browser);
  onTestFinished(() => context.close());
  await page.clock.install();
  const wallet = await WalletPage.open(await StartPage.open(page, app.stack.appUrl));
  const settles = (what: Locator) => showsAsClockRuns(page, what);
  return { wallet, settles };
}

describe('«Prepago de servicios» at the kiosk', () => {
  let liquidationNumber = '';
  let recoveryCode = '';

  it('recharges a new identification: terms, identification, holder data, amount, the liquidación with its code', async ({
    start,
  }) => {
    const wallet = await WalletPage.open(start);
    await saveScreenshot(wallet.page, 'wallet-1-menu');
    await expectKioskScreenUsable(wallet.page, 'wallet-1-menu');

    await wallet.entry('Recargar prepago').tap();
    await wallet.page.getByRole('heading', { name: 'Términos y condiciones de uso - Prepago de Servicios' }).waitFor();
    expect(await wallet.currentStep()).toBe('Paso 1 de 5');
    await expect.poll(() => wallet.page.getByText('no tiene vencimiento').count()).toBeGreaterThan(0);
    await saveScreenshot(wallet.page, 'wallet-2-terms');
    await expectKioskScreenUsable(wallet.page, 'wallet-2-terms');
    await wallet.acceptTerms();
    expect(await wallet.currentStep()).toBe('Paso 2 de 5');

    // A NIT with a wrong check digit is told at once, under its field, and nothing is asked of the server.
    await wallet.identify('NIT', '900.123.456-7');
    await wallet.button('Continuar').tap();
    await wallet.alert('El dígito de verificación no corresponde a ese NIT').waitFor();
    await saveScreenshot(wallet.page, 'wallet-3-identification-problem');
    await expectKioskScreenUsable(wallet.page, 'wallet-3-identification-problem');
    // Letters in a cédula, likewise.
    await wallet.identify('Cédula de ciudadanía', '10987A5432');
    await wallet.button('Continuar').tap();
    await wallet.alert('lleva solo números').waitFor();

    await wallet.identify('Cédula de ciudadanía', newcomer.number);
    await wallet.button('Continuar').tap();
    await wallet.page.getByRole('heading', { name: 'Datos del cliente' }).waitFor();
    expect(await wallet.currentStep()).toBe('Paso 3 de 5');
    await wallet.page.getByText('todavía no tiene prepago').waitFor();
    // Nothing typed: the first missing datum, under its field.
    await wallet.button('Continuar').tap();
    await wallet.alert('primer apellido').waitFor();
    await wallet.fillNaturalHolder({ ...newcomer.holder, email: 'laura.gomez@' });
    await wallet.button('Continuar').tap();
    await wallet.alert('El correo electrónico no es válido').waitFor();
    await saveScreenshot(wallet.page, 'wallet-4-holder-problem');
    await expectKioskScreenUsable(wallet.page, 'wallet-4-holder-problem');
    await wallet.field('Correo electrónico').fill(newcomer.holder.email);
    await wallet.button('Continuar').tap();

    await wallet.field('Cargar ($)').waitFor();
    expect(await wallet.currentStep()).toBe('Paso 4 de 5');
    await wallet.typeAmount(5000);
    await wallet.button('Generar liquidación').tap();
    await wallet.alert(`El valor a cargar va de ${formatCop(10_000)} a ${formatCop(5_000_000)}.`).waitFor();
    await saveScreenshot(wallet.page, 'wallet-5-amount-problem');
    await expectKioskScreenUsable(wallet.page, 'wallet-5-amount-problem');
    await wallet.typeAmount(100000);
    await wallet.page.getByText(`Va a cargar ${formatCop(100_000)}`).waitFor();
    await wallet.button('Generar liquidación').tap();

    await wallet.page.getByRole('heading', { name: 'Pago electrónico' }).waitFor();
    expect(await wallet.currentStep()).toBe('Paso 5 de 5');
    liquidationNumber = await wallet.fact('Liquidación Nro.');
    expect(liquidationNumber).toMatch(/^\d{6,}$/);
    expect(await wallet.fact('Tipo de trámite')).toBe('prepago');
    expect(await wallet.fact('Valor de la liquidación')).toBe(formatCop(100_000));
    expect(await wallet.fact('Estado')).toBe('Pendiente de pago');
    recoveryCode = await wallet.recoveryCode();
    expect(recoveryCode).toMatch(/^[A-Za-z2-9]{6}$/);
    await wallet.page.getByText('Este código le permitirá retomar su trámite').waitFor();
    await saveScreenshot(wallet.page, 'wallet-6-liquidation');
    await expectKioskScreenUsable(wallet.page, 'wallet-6-liquidation');

    const office = await wallet.openPayWay('Pago en cualquiera de nuestras oficinas');
    expect(await office.innerText()).toContain(liquidationNumber);
    expect(await office.innerText()).toContain(recoveryCode);
    await saveScreenshot(wallet.page, 'wallet-7-pay-at-office');
    await expectKioskScreenUsable(wallet.page, 'wallet-7-pay-at-office');

    // The volante, in the kiosk's own viewer, names the banks that take it.
    const bank = await wallet.openPayWay('Volante de pago en bancos');
    expect(await bank.innerText()).toContain('Banco de Occidente');
    await bank.getByRole('button', { name: 'Ver el volante de pago' }).tap();
    const volante = wallet.page.getByRole('dialog', {
      name: `Volante de pago · Liquidación Nro. ${liquidationNumber}`,
    });
    await volante.locator('canvas').first().waitFor();
    await saveScreenshot(wallet.page, 'wallet-7b-volante');
    await expectKioskScreenUsable(wallet.page, 'wallet-7b-volante');
    await volante.getByRole('button', { name: 'Cerrar' }).tap();
    await volante.waitFor({ state: 'detached' });
  });

  it('recharges for a company by its NIT: persona jurídica, razón social', async ({ start }) => {
    const wallet = await WalletPage.open(start);
    await wallet.entry('Recargar prepago').tap();
    await wallet.acceptTerms();
    await wallet.identify('NIT', '800.197.268-4');
    await wallet.button('Continuar').tap();
    await wallet.page.getByRole('heading', { name: 'Datos del cliente' }).waitFor();
    // The NIT as papers write it, whatever the punctuation typed.
    await wallet.page.getByText('NIT 800.197.268-4', { exact: true }).waitFor();
    // A NIT's holder is most likely a company: the form opens on persona jurídica.
    const kind = wallet.page.getByRole('group', { name: 'Tipo de cliente' });
    expect(await kind.getByRole('button', { name: 'Persona jurídica' }).getAttribute('aria-pressed')).toBe('true');
    expect(await wallet.field('Primer apellido').count()).toBe(0);
    await wallet.field('Razón social').fill('Panadería La Espiga S.A.S.');
    await wallet.field('Correo electrónico').fill('compras@laespiga.example');
    await wallet.field('Celular').fill('3157778899');
    await wallet.field('Dirección').fill('Calle 15 No. 4-20');
    await wallet.field('Municipio').fill('Ibagué');
    await saveScreenshot(wallet.page, 'wallet-4b-company');
    await expectKioskScreenUsable(wallet.page, 'wallet-4b-company');
    await wallet.button('Continuar').tap();
    await wallet.typeAmount(250000);
    await wallet.button('Generar liquidación').tap();
    await wallet.page.getByRole('heading', { name: 'Pago electrónico' }).waitFor();
    expect(await wallet.fact('Valor de la liquidación')).toBe(formatCop(250_000));
    expect(await wallet.fact('A nombre de')).toMatch(/^P\*+ L\*+ E\*+/);
  });

  it('resumes the liquidación by its recovery code, and a wrong code finds nothing', async ({ start }) => {
    expect(recoveryCode).not.toBe('');
    const wallet = await WalletPage.open(start);
    await wallet.entry('Recuperar transacción').tap();
    await wallet.page.getByRole('heading', { name: 'Recuperar transacción' }).waitFor();
    // A code of the right shape that is not this identification's.
    const wrong = recoveryCode === 'Hk3pQ9' ? 'Hk3pQ8' : 'Hk3pQ9';
    await wallet.identify('Cédula de ciudadanía', newcomer.number, { 'Código de recuperación': wrong });
    await wallet.button('Buscar la liquidación').tap();
    const miss = wallet.page.getByRole('alert');
    await miss.waitFor();
    expect(await miss.innerText()).not.toContain(newcomer.holder.firstName);
    await saveScreenshot(wallet.page, 'wallet-8-recover-miss');
    await expectKioskScreenUsable(wallet.page, 'wallet-8-recover-miss');

    await wallet.field('Código de recuperación').fill(recoveryCode);
    await wallet.button('Buscar la liquidación').tap();
    await wallet.page
      .getByRole('heading', { name: 'Apreciado usuario, por favor revise los datos de la liquidación' })
      .waitFor();
    expect(await wallet.fact('Liquidación Nro.')).toBe(liquidationNumber);
    expect(await wallet.fact('Estado')).toBe('Pendiente de pago');
    expect(await wallet.recoveryCode()).toBe(recoveryCode);
    await wallet.page.getByRole('group', { name: 'Formas de pago' }).waitFor();
    await saveScreenshot(wallet.page, 'wallet-9-recovered');
    await expectKioskScreenUsable(wallet.page, 'wallet-9-recovered');

    // With high contrast and larger text the liquidación and its ways to pay still read and fit.
    const aids = new AccessibilityPanel(wallet.page);
    await aids.open();
    await aids.toggle('Alto contraste');
    await aids.toggle('Letra más grande');
    await aids.close();
    await wallet.openPayWay('Pago en cualquiera de nuestras oficinas');
    await saveScreenshot(wallet.page, 'wallet-9b-recovered-aids');
    await expectKioskScreenUsable(wallet.page, 'wallet-9b-recovered-aids');
    await expectFitsWidth(wallet.page, 'wallet-9b-recovered-aids');
  });

  it('refuses the statement with a wrong clave, shows the balance and kardex with the right one', async ({ start }) => {
    const wallet = await WalletPage.open(start);
    await wallet.entry('Consultar saldo y movimientos').tap();
    await wallet.page.getByRole('heading', { name: 'Consultar saldo y movimientos' }).waitFor();
    await wallet.identify('Cédula de ciudadanía', '1000000002', { 'Clave del prepago': 'Prepago.2025' });
    await wallet.button('Consultar').tap();
    const refused = wallet.page.getByRole('alert');
    await refused.waitFor();
    expect(await refused.innerText()).not.toMatch(/Prepago\.20/);
    // The clave is typed again, never kept on screen.
    expect(await wallet.field('Clave del prepago').inputValue()).toBe('');
    await saveScreenshot(wallet.page, 'wallet-10-clave-refused');
    await expectKioskScreenUsable(wallet.page, 'wallet-10-clave-refused');

    // The newcomer has no wallet until a payment arrives: refused in the same words.
    await wallet.identify('Cédula de ciudadanía', newcomer.number, { 'Clave del prepago': 'Cualquiera.1' });
    await wallet.button('Consultar').tap();
    await expect.poll(() => wallet.page.getByRole('alert').innerText()).toBe(await refused.innerText());

    await wallet.identify('Cédula de ciudadanía', '1000000002', { 'Clave del prepago': 'Prepago.2026' });
    await wallet.button('Consultar').tap();
    await wallet.page.getByRole('heading', { name: 'Saldo y movimientos' }).waitFor();
    expect(await wallet.balance()).toMatch(/^\$\s[\d.]+$/);
    expect(await wallet.page.getByRole('table').getByRole('row').count()).toBeGreaterThan(1);
    await saveScreenshot(wallet.page, 'wallet-11-statement');
    await expectKioskScreenUsable(wallet.page, 'wallet-11-statement');

    await wallet.button('Ver estado de cuenta').tap();
    const pdf = await wallet.viewer('Estado de cuenta del prepago');
    await saveScreenshot(wallet.page, 'wallet-11b-statement-pdf');
    await expectKioskScreenUsable(wallet.page, 'wallet-11b-statement-pdf');
    await pdf.getByRole('button', { name: 'Cerrar' }).tap();
    await pdf.waitFor({ state: 'detached' });

    // «Modificar datos de contacto»: a wrong celular is told under its field; a right one is saved.
    await wallet.button('Modificar datos de contacto').tap();
    await wallet.field('Celular').fill('12345');
    await wallet.button('Guardar').tap();
    await wallet.alert('El celular tiene 10 dígitos').waitFor();
    await saveScreenshot(wallet.page, 'wallet-11c-contact-problem');
    await expectKioskScreenUsable(wallet.page, 'wallet-11c-contact-problem');
    await wallet.field('Celular').fill('300 111 2233');
    // The demo holder's «Ibagué (Tol.)» has signs a municipality may not have: typed again.
    await wallet.field('Municipio').fill('Ibagué');
    await wallet.button('Guardar').tap();
    await wallet.page.getByRole('heading', { name: 'Saldo y movimientos' }).waitFor();
    await wallet.page.getByText('3001112233').waitFor();

    await wallet.button('Terminar').tap();
    await start.waitUntilShown();
    // The visit ended: nothing of it is left for the next citizen.
    const next = await WalletPage.open(start);
    await next.entry('Consultar saldo y movimientos').tap();
    expect(await next.field('Número de identificación').inputValue()).toBe('');
  });

  it('answers a request for a new clave the same whether or not the identification has a wallet', async ({ start }) => {
    const wallet = await WalletPage.open(start);
    await wallet.entry('Solicitar clave nueva').tap();
    await wallet.identify('Cédula de ciudadanía', '1000000002');
    await wallet.button('Solicitar').tap();
    const answer = wallet.page.getByRole('main').getByRole('status');
    await wallet.button('Volver al menú del prepago').waitFor();
    const known = await answer.innerText();
    expect(known).toMatch(/correo/);
    await saveScreenshot(wallet.page, 'wallet-12-new-clave');
    await expectKioskScreenUsable(wallet.page, 'wallet-12-new-clave');
    await wallet.button('Volver al menú del prepago').tap();
    await wallet.entry('Solicitar clave nueva').tap();
    await wallet.identify('Cédula de ciudadanía', '55667788');
    await wallet.button('Solicitar').tap();
    await wallet.button('Volver al menú del prepago').waitFor();
    expect(await answer.innerText()).toBe(known);
  });

  it('recharges a known wallet by the demo gateway: the phone approves, the kiosk shows it and the new balance', async ({
    app,
    browser,
  }) => {
    const demo = { number: '1000000002', clave: 'Prepago.2026' } as const;
    const { wallet, settles } = await kioskWithClock(browser, app);
    const balanceBefore = await statementBalance(wallet, demo.number, demo.clave);
    await wallet.backToMenu();

    await wallet.entry('Recargar prepago').tap();
    await wallet.acceptTerms();
    await wallet.identify('Cédula de ciudadanía', demo.number);
    await wallet.button('Continuar').tap();
    await wallet.page.getByRole('heading', { name: 'Esta identificación ya tiene un prepago' }).waitFor();
    // The holder masked: enough to recognise it, nothing a stranger could read off the screen.
    expect(await wallet.fact('A nombre de')).toMatch(/^[A-ZÁÉÍÓÚÑ]\*+( [A-ZÁÉÍÓÚÑ]\*+)+$/);
    await saveScreenshot(wallet.page, 'wallet-14-known-holder');
    await expectKioskScreenUsable(wallet.page, 'wallet-14-known-holder');
    await wallet.button('Sí, es mi prepago: continuar').tap();
    await wallet.page.getByRole('button', { name: formatCop(50_000), exact: true }).tap();
    await wallet.button('Generar liquidación').tap();
    await wallet.page.getByRole('heading', { name: 'Pago electrónico' }).waitFor();

    await wallet.openPayWay('Pagar en línea');
    await wallet.checkoutQr.waitFor();
    await wallet.page.getByText('Esperando su pago desde el celular').waitFor();
    await saveScreenshot(wallet.page, 'wallet-15-pay-online-qr');
    await expectKioskScreenUsable(wallet.page, 'wallet-15-pay-online-qr');

    // The citizen's phone reads the QR off the screen and pays on the gateway's page.
    await payOnPhone(browser, wallet, app.dataDir, 'Aprobar pago', 50_000);

    // The kiosk follows the payment by itself: nobody touched it.
    await settles(wallet.page.getByText('Pago aprobado: su saldo se actualizó').first());
    expect(await wallet.fact('Estado')).toBe('Pagada');
    await saveScreenshot(wallet.page, 'wallet-16-pay-online-approved');
    await expectKioskScreenUsable(wallet.page, 'wallet-16-pay-online-approved');
    await wallet.button('Consultar saldo y movimientos').tap();
    expect(await statementBalance(wallet, demo.number, demo.clave)).toBe(formatCop(pesosOf(balanceBefore) + 50_000));
  });

  it('resumes the demo liquidación XLrWX7, whose online payment is refused first and approved on a second try', async ({
    app,
    browser,
  }) => {
    const { wallet, settles } = await kioskWithClock(browser, app);
    await wallet.entry('Recuperar transacción').tap();
    await wallet.identify('Cédula de ciudadanía', '1000000002', { 'Código de recuperación': 'XLrWX7' });
    await wallet.button('Buscar la liquidación').tap();
    await wallet.page.getByRole('group', { name: 'Formas de pago' }).waitFor();
    expect(await wallet.fact('Valor de la liquidación')).toBe(formatCop(40_000));

    await wallet.openPayWay('Pagar en línea');
    await payOnPhone(browser, wallet, app.dataDir, 'Rechazar pago', 40_000);
    await settles(wallet.alert('El pago no fue aprobado'));
    expect(await wallet.fact('Estado')).toBe('Pendiente de pago');
    await saveScreenshot(wallet.page, 'wallet-17-pay-online-declined');
    await expectKioskScreenUsable(wallet.page, 'wallet-17-pay-online-declined');

    await wallet.button('Intentar de nuevo').tap();
    await payOnPhone(browser, wallet, app.dataDir, 'Aprobar pago', 40_000);
    await settles(wallet.page.getByText('Pago aprobado: su saldo se actualizó').first());
    expect(await wallet.fact('Estado')).toBe('Pagada');
  });

  it('says plainly that the prepago needs the central server when it is down', async ({ app, start }) => {
    const server = embeddedServer(app.stack);
    await server.stop();
    try {
      const wallet = await WalletPage.open(start);
      await wallet.entry('Recargar prepago').tap();
      await wallet
        .alert('El prepago necesita conexión con el servidor central. Intente más tarde o acérquese a una caja.')
        .waitFor({ timeout: 30_000 });
      await saveScreenshot(wallet.page, 'wallet-13-offline');
      await expectKioskScreenUsable(wallet.page, 'wallet-13-offline');
    } finally {
      await server.start();
    }
  });
});
