import { describe, expect } from 'vitest';
import { formatCop } from '../../src-shared/domain/money';
import { decodeEscpos, printedLines } from '../support/escpos-decoder';
import { expectKioskScreenUsable } from '../support/browser/accessibility';
import { kioskTest } from '../support/browser/fixture';
import { CertificatesPage } from '../support/browser/pages/certificates-page';
import { saveScreenshot } from '../support/browser/screenshots';

/**
 * The simulated dispenser of this kiosk gives out the first three sheets and jams on the fourth:
 * the first purchase (two copies) comes out whole, the second loses its second copy.
 */
const it = kioskTest({
  name: 'certificates',
  receiptPrinter: true,
  config: {
    kiosk: { idleSeconds: 120, warningSeconds: 10 },
    dispenser: { kind: 'simulated', sheets: 50, script: ['ok', 'ok', 'ok', 'jam'] },
  },
});

/** The demo company's prepaid wallet (README.md publishes the clave). */
const company = { nit: '900.123.456-8', clave: 'Empresa.2026' } as const;
const title = 'Certificado de existencia y representación legal';

/** Pesos of `$ 1.250.000` as the screen writes them. */
const pesosOf = (shown: string): number => Number(shown.replace(/\D/g, ''));

/** Search, choose the company and the certificate, two copies, pay: the delivery screen. */
async function buyTwo(certificates: CertificatesPage, shots: string | null): Promise<number> {
  await certificates.search('900123456');
  const match = certificates.match('FERRETERÍA EL TOLIMA S.A.S.');
  await match.waitFor();
  if (shots !== null) {
    await saveScreenshot(certificates.page, `${shots}-1-search`);
    await expectKioskScreenUsable(certificates.page, `${shots}-1-search`);
  }
  await match.tap();
  const offer = certificates.offer(title);
  await offer.waitFor();
  const price = pesosOf(await offer.getByText('por copia').innerText());
  expect(price).toBeGreaterThan(0);
  if (shots !== null) {
    await saveScreenshot(certificates.page, `${shots}-2-certificates`);
    await expectKioskScreenUsable(certificates.page, `${shots}-2-certificates`);
    await offer.getByRole('button', { name: 'Ver vista previa' }).tap();
    await certificates.viewer(`${title} (vista previa sin validez)`);
    await saveScreenshot(certificates.page, `${shots}-3-preview`);
    await certificates.button('Cerrar').tap();
  }
  await offer.getByRole('button', { name: 'Comprar este certificado' }).tap();
  await certificates.chooseCopies(2);
  expect(await certificates.page.getByText(`2 copias × ${formatCop(price)}`).innerText()).toContain(
    formatCop(2 * price),
  );
  if (shots !== null) {
    await saveScreenshot(certificates.page, `${shots}-4-copies`);
    await expectKioskScreenUsable(certificates.page, `${shots}-4-copies`);
  }
  await certificates.button('Continuar al pago').tap();
  await certificates.identify('NIT', company.nit, { 'Clave del prepago': company.clave });
  const pay = certificates.button(`Pagar ${formatCop(2 * price)} con mi prepago`);
  if (shots !== null) {
    // As the screen opened it: the row with the button above the keyboard (filling scrolled it).
    await certificates.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await saveScreenshot(certificates.page, `${shots}-5-pay`);
    await expectKioskScreenUsable(certificates.page, `${shots}-5-pay`);
  }
  await pay.tap();
  await certificates.page.getByRole('heading', { name: 'Compra terminada' }).waitFor({ timeout: 60_000 });
  return price;
}

describe('«Certificados» at the kiosk', () => {
  it('buys two copies with the prepaid wallet: both come out, each with its code, and the receipt prints', async ({
    start,
    printer,
  }) => {
    const certificates = await CertificatesPage.openCertificates(start);
    const price = await buyTwo(certificates, 'certificates');
    await certificates.page.getByText('Retire sus certificados de la bandeja del dispensador.').waitFor();
    for (const copy of [1, 2]) {
      const line = certificates.copyLine(copy);
      await expect.poll(() => line.innerText()).toContain('Entregada');
      expect(await line.innerText()).toMatch(/Código de verificación\s+\S{10}/);
    }
    expect(await certificates.page.getByText('Saldo disponible en su prepago').innerText()).toContain(
      formatCop(300_000 - 2 * price),
    );
    await saveScreenshot(certificates.page, 'certificates-6-done');
    await expectKioskScreenUsable(certificates.page, 'certificates-6-done');

    await printer.waitFor(200, 20_000);
    // The paper's width wraps long lines: read the receipt as one text.
    const lines = printedLines(decodeEscpos(printer.received)).join(' ').replace(/\s+/g, ' ');
    expect(lines).toContain('Compra de certificados');
    // The signed certificate's title, as the chamber writes it (capitals).
    expect(lines).toContain(title.toUpperCase());
    expect(lines).toContain(formatCop(2 * price).replace(/\s+/g, ' '));
    expect(lines).toContain(`Saldo del prepago ${formatCop(300_000 - 2 * price)}`.replace(/\s+/g, ' '));
  });

  it('a copy that jams is refunded and the screen says so; the jammed dispenser then refuses to charge', async ({
    start,
  }) => {
    const certificates = await CertificatesPage.openCertificates(start);
    const price = await buyTwo(certificates, null);
    await expect.poll(() => certificates.copyLine(1).innerText()).toContain('Entregada');
    const refund = `La copia 2 no salió; le devolvimos ${formatCop(price)} a su prepago.`;
    await certificates.page.getByText(refund).waitFor({ timeout: 30_000 });
    // Four copies bought in all, one of them refunded.
    expect(await certificates.page.getByText('Saldo disponible en su prepago').innerText()).toContain(
      formatCop(300_000 - 3 * price),
    );
    await saveScreenshot(certificates.page, 'certificates-7-refunded');
    await expectKioskScreenUsable(certificates.page, 'certificates-7-refunded');

    await certificates.button('Comprar otro certificado').tap();
    await certificates.search('900123456');
    await certificates.match('FERRETERÍA EL TOLIMA S.A.S.').tap();
    await certificates.offer(title).getByRole('button', { name: 'Comprar este certificado' }).tap();
    await certificates.button('Continuar al pago').tap();
    await certificates.identify('NIT', company.nit, { 'Clave del prepago': company.clave });
    await certificates.button(`Pagar ${formatCop(price)} con mi prepago`).tap();
    await certificates.alert('El dispensador de certificados se atascó').waitFor();
    await saveScreenshot(certificates.page, 'certificates-8-jammed');
  });
});
