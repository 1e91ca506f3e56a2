import { describe, expect } from 'vitest';
import { formatCop } from '../../src-shared/domain/money';
import { expectKioskScreenUsable } from '../support/browser/accessibility';
import { kioskTest } from '../support/browser/fixture';
import { CertificatesPage } from '../support/browser/pages/certificates-page';
import { saveScreenshot } from '../support/browser/screenshots';

/**
 * The simulated dispenser of this kiosk gives out its first sheet and never says so (the copy is
 * `unknown`), then dispenses normally: the copy bought is given again by its code.
 */
const it = kioskTest({
  name: 'certificates-redispense',
  config: {
    kiosk: { idleSeconds: 120, warningSeconds: 10 },
    dispenser: { kind: 'simulated', sheets: 50, script: ['no-answer'] },
  },
});

/** The demo company's prepaid wallet (README.md publishes the clave). */
const company = { nit: '900.123.456-8', clave: 'Empresa.2026' } as const;
const title = 'Certificado de existencia y representación legal';

/** Pesos of `$ 1.250.000` as the screen writes them. */
const pesosOf = (shown: string): number => Number(shown.replace(/\D/g, ''));

describe('«Volver a entregar un certificado» at the kiosk', () => {
  it('a copy the dispenser left unconfirmed comes out again by its code, with no new charge; the code is then refused', async ({
    start,
  }) => {
    const certificates = await CertificatesPage.openCertificates(start);
    await certificates.search('900123456');
    await certificates.match('FERRETERÍA EL TOLIMA S.A.S.').tap();
    const offer = certificates.offer(title);
    const price = pesosOf(await offer.getByText('por copia').innerText());
    await offer.getByRole('button', { name: 'Comprar este certificado' }).tap();
    await certificates.button('Continuar al pago').tap();
    await certificates.identify('NIT', company.nit, { 'Clave del prepago': company.clave });
    await certificates.button(`Pagar ${formatCop(price)} con mi prepago`).tap();
    await certificates.page.getByRole('heading', { name: 'Compra terminada' }).waitFor({ timeout: 60_000 });
    const line = certificates.copyLine(1);
    await expect.poll(() => line.innerText()).toContain('no sabemos si esta copia salió');
    // The screen tells where to ask again, and with which code.
    expect(await line.innerText()).toContain('«Volver a entregar un certificado»');
    const code = /Código de verificación\s+(\S{10})/.exec(await line.innerText())?.[1] ?? '';
    expect(code).toHaveLength(10);
    const balance = pesosOf(await certificates.page.getByText('Saldo disponible en su prepago').innerText());
    await saveScreenshot(certificates.page, 'certificates-redispense-1-unknown');

    await certificates.button('Comprar otro certificado').tap();
    const entry = certificates.button('Volver a entregar un certificado');
    await entry.waitFor();
    await saveScreenshot(certificates.page, 'certificates-redispense-2-entry');
    await expectKioskScreenUsable(certificates.page, 'certificates-redispense-2-entry');
    await entry.tap();
    await certificates.page.getByRole('heading', { name: 'Volver a entregar un certificado' }).waitFor();
    await saveScreenshot(certificates.page, 'certificates-redispense-3-code');
    await expectKioskScreenUsable(certificates.page, 'certificates-redispense-3-code');
    expect(await certificates.page.getByText(/escriba el código de verificación de esa copia/).innerText()).toContain(
      'Aparece en el recibo de la compra',
    );

    // One capital typed as a small letter: another code, none of this kiosk.
    const miscased = code.replace(/[A-Za-z]/, (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()));
    await certificates.redispense(miscased);
    await certificates.alert('No encontramos un certificado de este kiosco con ese código').waitFor();
    await saveScreenshot(certificates.page, 'certificates-redispense-4-not-found');
    await expectKioskScreenUsable(certificates.page, 'certificates-redispense-4-not-found');

    await certificates.redispense(code);
    await certificates.page.getByRole('heading', { name: 'Entrega terminada' }).waitFor({ timeout: 60_000 });
    await certificates.page.getByText('Retire su certificado de la bandeja del dispensador.').waitFor();
    await expect.poll(() => certificates.copyLine(1).innerText()).toContain('Entregada');
    expect(await certificates.copyLine(1).innerText()).toContain(code);
    // Only that copy: no total and no balance of a purchase made earlier.
    expect(await certificates.page.getByText('Saldo disponible en su prepago').count()).toBe(0);
    expect(await certificates.page.getByText('Total', { exact: true }).count()).toBe(0);
    await saveScreenshot(certificates.page, 'certificates-redispense-5-done');
    await expectKioskScreenUsable(certificates.page, 'certificates-redispense-5-done');

    // Delivered now: the same code is refused, and nothing more was charged.
    await certificates.button('Volver a Certificados').tap();
    await certificates.button('Volver a entregar un certificado').tap();
    await certificates.redispense(code);
    await certificates.alert('Ese certificado ya se entregó').waitFor();
    await saveScreenshot(certificates.page, 'certificates-redispense-6-delivered');
    await certificates.button('Volver').tap();
    await certificates.search('900123456');
    await certificates.match('FERRETERÍA EL TOLIMA S.A.S.').tap();
    await certificates.offer(title).getByRole('button', { name: 'Comprar este certificado' }).tap();
    await certificates.button('Continuar al pago').tap();
    await certificates.identify('NIT', company.nit, { 'Clave del prepago': company.clave });
    await certificates.button(`Pagar ${formatCop(price)} con mi prepago`).tap();
    await certificates.page.getByRole('heading', { name: 'Compra terminada' }).waitFor({ timeout: 60_000 });
    expect(pesosOf(await certificates.page.getByText('Saldo disponible en su prepago').innerText())).toBe(
      balance - price,
    );
  });
});
