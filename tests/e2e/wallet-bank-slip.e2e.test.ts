import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect } from 'vitest';
import { demoEntity } from '../../db/seed/index';
import { formatCop } from '../../src-shared/domain/money';
import { writeAsobancaria } from '../../src-shared/wallet/asobancaria/write-asobancaria';
import { expectKioskScreenUsable } from '../support/browser/accessibility';
import { decodeEscpos, printedLines } from '../support/escpos-decoder';
import { kioskTest } from '../support/browser/fixture';
import { MailboxPage } from '../support/browser/pages/mailbox-page';
import { WalletPage } from '../support/browser/pages/wallet-page';
import { saveScreenshot } from '../support/browser/screenshots';
import { embeddedServer } from '../support/browser/test-stack';
import { cheapScrypt } from '../support/staff-console';

const run = promisify(execFile);

// A citizen reads the terms and types a whole form between touches: a short idle limit would end
// the visit mid-flow on a loaded machine.
const it = kioskTest({
  name: 'wallet-slip',
  // The clave the server makes for the soporte and checks at the statement, at scrypt's lowest
  // accepted cost instead of OWASP's: about 0.3 s of CPU each instead of 1.7 s.
  server: { passwordWork: { params: cheapScrypt } },
  config: { kiosk: { idleSeconds: 120, warningSeconds: 10 } },
  // A kiosk with only a receipt printer: the volante prints as its thermal slip.
  receiptPrinter: true,
});

/**
 * Issue 13's «done when», by bank slip: a new citizen makes a liquidación at the kiosk and
 * takes the volante to a bank; the bank's Asobancaria file is imported the way an operator does
 * (`npm run admin -- bank-file import --json`, through the running embedded server); the
 * soporte del pago with the wallet's first clave arrives by mail; with it the kiosk shows the
 * balance the ledger holds, to the peso. The same file imported again applies nothing.
 */
describe('a recharge paid at a bank with the volante', () => {
  it('is credited from the bank file once, and the citizen sees it with the mailed clave', async ({
    app,
    browser,
    printer,
    start,
  }) => {
    const amount = 60_000;
    const wallet = await WalletPage.open(start);
    await wallet.entry('Recargar prepago').tap();
    await wallet.acceptTerms();
    await wallet.identify('Cédula de ciudadanía', '52.468.013');
    await wallet.button('Continuar').tap();
    await wallet.page.getByRole('heading', { name: 'Datos del cliente' }).waitFor();
    await wallet.fillNaturalHolder({
      firstSurname: 'Villanueva',
      firstName: 'Rosa',
      email: 'rosa.villanueva@example.com',
      mobile: '3125550101',
      address: 'Calle 15 No. 4-22',
      municipality: 'Ibagué',
    });
    await wallet.button('Continuar').tap();
    await wallet.field('Cargar ($)').waitFor();
    await wallet.typeAmount(amount);
    await wallet.button('Generar liquidación').tap();
    await wallet.page.getByRole('heading', { name: 'Pago electrónico' }).waitFor();
    const number = await wallet.fact('Liquidación Nro.');
    expect(await wallet.fact('Valor de la liquidación')).toBe(formatCop(amount));

    const slip = await wallet.openPayWay('Volante de pago en bancos');
    await slip.getByRole('button', { name: 'Imprimir el volante' }).tap();
    await slip.getByText('Su volante de pago se imprimió. Retírelo de la bandeja de la impresora.').waitFor();
    const printed = printedLines(decodeEscpos(printer.received)).join('\n');
    expect(printed).toContain(number);
    expect(printed).toMatch(/\$\s?60\.000/);
    await saveScreenshot(wallet.page, 'wallet-slip-0-printed');
    await expectKioskScreenUsable(wallet.page, 'wallet-slip-0-printed');
    await slip.getByRole('button', { name: 'Ver el volante de pago' }).tap();
    const viewer = wallet.page.getByRole('dialog', { name: `Volante de pago · Liquidación Nro. ${number}` });
    await viewer.locator('canvas[data-drawn="yes"]').first().waitFor();
    await saveScreenshot(wallet.page, 'wallet-slip-1-volante');
    await expectKioskScreenUsable(wallet.page, 'wallet-slip-1-volante');
    await viewer.getByRole('button', { name: 'Cerrar' }).tap();
    await wallet.button('Terminar').tap();

    // The bank collected it today and reports it in tomorrow's file.
    const server = embeddedServer(app.stack).running();
    const today = new Date().toISOString().slice(0, 10);
    const file = path.join(app.dataDir, 'recaudo-davivienda.txt');
    writeFileSync(
      file,
      writeAsobancaria({
        billerNit: demoEntity.nit,
        collectedOn: today,
        bankCode: '051',
        serviceCode: '7709998000018',
        payments: [{ reference: number, amount }],
      }),
    );
    const importFile = async () => {
      const cli = await run(
        process.execPath,
        ['--import', 'tsx', 'scripts/admin.ts', 'bank-file', 'import', file, '--json'],
        {
          env: { ...process.env, VENTANILLA_DATA_DIR: app.dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
        },
      );
      return JSON.parse(cli.stdout) as Record<string, unknown>;
    };
    expect(await importFile()).toMatchObject({ records: 1, applied: 1, duplicates: 0, rejected: null });

    const mailboxUrl = server.mailboxUrl;
    if (mailboxUrl === null) throw new Error('the embedded server of a demo start has a local mailbox');
    const mailbox = await MailboxPage.open(browser, mailboxUrl);
    const mail = await mailbox.latestText('rosa.villanueva@example.com', /Soporte de su pago/, 60_000);
    await mailbox.page.close();
    const clave = /Clave del prepago:?\s*([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(mail)?.[1];
    expect(clave, 'the first payment mails the clave').toBeDefined();

    const again = await WalletPage.open(start);
    await again.entry('Consultar saldo y movimientos').tap();
    await again.identify('Cédula de ciudadanía', '52468013', { 'Clave del prepago': clave ?? '' });
    await again.button('Consultar').tap();
    await again.page.getByRole('heading', { name: 'Saldo y movimientos' }).waitFor();
    expect(await again.balance()).toBe(formatCop(amount));
    await again.page.getByText(number).first().waitFor();
    await saveScreenshot(again.page, 'wallet-slip-2-balance');
    await expectKioskScreenUsable(again.page, 'wallet-slip-2-balance');

    // The operator imports the same file again by mistake: nothing moves.
    expect(await importFile()).toMatchObject({ applied: 0 });
    const { rows } = await server.database.exec.query<{ balance: string }>(
      "SELECT balance FROM ledger_accounts WHERE kind = 'wallet' AND owner_ref = 'CC 52468013'",
    );
    expect(Number(rows[0]?.balance)).toBe(amount);
  });
});
