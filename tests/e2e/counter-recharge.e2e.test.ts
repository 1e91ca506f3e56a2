import { describe, expect } from 'vitest';
import type { SqlExecutor } from '../../src-server/db/sql-executor';
import { findLedgerAccount } from '../../src-server/ledger/ledger-accounts';
import { paymentElementString } from '../../src-shared/domain/gs1-128';
import { volanteBarcodeConfig } from '../../src-shared/wallet/volante-barcode';
import { decodeEscpos, printedLines } from '../support/escpos-decoder';
import { outboxStates } from '../support/outbox-fixtures';
import { createTestLiquidation, testHolder } from '../support/wallet-fixtures';
import { ensureReplica } from '../support/browser/bill-fixture';
import { expectAccessible } from '../support/browser/accessibility';
import { kioskTest } from '../support/browser/fixture';
import { saveScreenshot } from '../support/browser/screenshots';
import { embeddedServer } from '../support/browser/test-stack';
import { cheapScrypt } from '../support/staff-console';

const it = kioskTest({
  name: 'counter-recharge',
  // The first clave the server makes for each new holder's soporte, at scrypt's lowest accepted
  // cost instead of OWASP's: about 0.3 s of CPU each instead of 1.7 s.
  server: { passwordWork: { params: cheapScrypt } },
  config: { device: { mode: 'cashier', name: 'Caja 1' } },
  receiptPrinter: true,
});

/** A pending liquidación on the central server, its holder «Rojas Díaz <firstName>», due in five days. */
async function liquidation(exec: SqlExecutor, docNumber: string, firstName: string, amount: number) {
  const expiresAt = new Date(Date.now() + 5 * 86_400_000);
  const client = testHolder('CC', docNumber);
  const { number } = await createTestLiquidation(exec, {
    docType: 'CC',
    docNumber,
    amount,
    expiresAt,
    client: {
      ...client,
      identity: { personKind: 'natural', firstSurname: 'Rojas', secondSurname: 'Díaz', firstName, secondName: '' },
    },
  });
  return { number, amount, dueOn: expiresAt.toISOString().slice(0, 10) };
}

const walletBalance = async (exec: SqlExecutor, docNumber: string): Promise<number> =>
  (await findLedgerAccount(exec, 'wallet', `CC ${docNumber}`))?.balance ?? 0;

/**
 * A prepaid wallet recharge at the counter (issue 13, item 4), keyboard only: F3 «Recarga de
 * prepago», a liquidación found on the central server (holder and state shown) and charged;
 * then, with the server stopped, a volante scanned (its barcode alone says number and amount)
 * and a number typed with its amount from the volante; the receipts say when the wallet is
 * credited; the server comes back and each wallet's balance in the ledger is what was paid.
 */
describe('counter recharge, online then offline', () => {
  it.beforeAll(async ({ app }) => {
    await ensureReplica(app.stack.core.store.sqlite, 20);
  });

  it('charges a liquidación found online, two offline, and the ledger credits them on sync', async ({
    app,
    page,
    printer,
  }) => {
    const server = embeddedServer(app.stack);
    const exec = server.running().database.exec;
    const online = await liquidation(exec, '1020304050', 'Ana', 40_000);
    const scanned = await liquidation(exec, '79111222', 'Beatriz', 50_000);
    const typed = await liquidation(exec, '52333444', 'Carmen', 25_000);
    const printed = () => printedLines(decodeEscpos(printer.received)).join('\n');

    await page.goto(app.stack.appUrl);
    await page.getByRole('heading', { name: 'Ingreso a la caja' }).waitFor();
    await page.keyboard.type('cajero1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Cajero1.Demo');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Abrir caja' }).waitFor();
    await page.keyboard.type('100000');
    await page.keyboard.press('Enter');
    await page.getByLabel('Escanee el código de barras de la factura o digite el código interno').waitFor();

    // Online: the server names the holder and the state; Enter charges the amount in cash.
    await page.keyboard.press('F3');
    await page.getByRole('heading', { name: 'Recarga de prepago' }).waitFor();
    await page.keyboard.type(String(online.number));
    await page.keyboard.press('Enter');
    await page.getByRole('form', { name: 'Cobro de la recarga' }).waitFor();
    await page.getByText('Rojas Díaz Ana', { exact: true }).waitFor();
    await page.getByText('Liquidación encontrada en el servidor central.').waitFor();
    await saveScreenshot(page, 'counter-recharge-1-online');
    await expectAccessible(page, 'counter-recharge-1-online');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Recarga registrada' }).waitFor();
    await expect.poll(printed, { timeout: 15_000 }).toContain('RECARGA DE PREPAGO');
    expect(printed()).toMatch(/Identificación +CC 1020304050/);
    await expect.poll(() => walletBalance(exec, '1020304050'), { timeout: 30_000, interval: 250 }).toBe(40_000);
    await page.keyboard.press('Enter');

    // Offline: the volante's barcode alone (a GS1 scanner types GS for each FNC1).
    await server.stop();
    // The strip tells the cashier the counter goes on without the server.
    await page
      .getByText('Sin conexión: puede seguir cobrando; los pagos se envían cuando vuelva la conexión')
      .waitFor({ timeout: 30_000 });
    const element = paymentElementString(volanteBarcodeConfig('7709998000018'), {
      reference: String(scanned.number),
      amountPesos: scanned.amount,
      dueOn: scanned.dueOn,
    });
    if (!element.ok) throw new Error(element.error.message);
    await page.keyboard.type(element.value.data);
    await page.keyboard.press('Enter');
    await page.getByRole('form', { name: 'Cobro de la recarga' }).waitFor();
    await page.getByText(/Sin conexión: número y valor leídos del código de barras del volante/).waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('60000');
    await page.getByText('Cambio: $ 10.000').waitFor();
    await saveScreenshot(page, 'counter-recharge-2-offline-scan');
    await expectAccessible(page, 'counter-recharge-2-offline-scan');
    printer.clear();
    await page.keyboard.press('F9');
    await page.getByText('Cambio $ 10.000').waitFor();
    await expect
      .poll(() => printed().replace(/\n/g, ' '), { timeout: 15_000 })
      .toContain('Recarga de prepago - se abonará al saldo cuando el servidor central la registre.');
    await saveScreenshot(page, 'counter-recharge-3-offline-done');
    await expectAccessible(page, 'counter-recharge-3-offline-done');
    await page.keyboard.press('Enter');

    // Offline, a number typed: the amount is typed from the volante, then the cash.
    await page.keyboard.type(String(typed.number));
    await page.keyboard.press('Enter');
    await page.getByLabel('Valor de la recarga (como aparece en el volante)').waitFor();
    await page.keyboard.type('25000');
    await page.keyboard.press('Tab');
    await page.keyboard.type('25000');
    await saveScreenshot(page, 'counter-recharge-4-offline-typed');
    await expectAccessible(page, 'counter-recharge-4-offline-typed');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Recarga registrada' }).waitFor();
    await page.keyboard.press('Enter');

    // F4 lists the recharges beside the payments: a copy reprints, a void is refused.
    await page.keyboard.press('F4');
    await page.getByRole('table', { name: 'Recargas de prepago' }).waitFor();
    await page.getByText(/^0 pagos · 3 recargas de prepago · \$ 115\.000 recaudados/).waitFor();
    await page.keyboard.press('a');
    await page.getByRole('alert').filter({ hasText: 'Una recarga de prepago no se anula en la caja' }).waitFor();
    await page.keyboard.press('r');
    await page.getByText(/Copia del recibo CAJA1-000003 enviada a la impresora/).waitFor();
    await saveScreenshot(page, 'counter-recharge-5-list');
    await expectAccessible(page, 'counter-recharge-5-list');
    await page.keyboard.press('Escape');

    // The server back: the outbox empties and each wallet holds what was paid, to the peso.
    expect(outboxStates(app.stack.core).pending ?? 0).toBeGreaterThanOrEqual(2);
    await server.start();
    await expect.poll(() => outboxStates(app.stack.core).pending ?? 0, { timeout: 60_000, interval: 500 }).toBe(0);
    const running = server.running().database.exec;
    expect(await walletBalance(running, '1020304050')).toBe(40_000);
    expect(await walletBalance(running, '79111222')).toBe(50_000);
    expect(await walletBalance(running, '52333444')).toBe(25_000);
    const { rows } = await running.query<{ n: string }>(
      "SELECT count(*) AS n FROM liquidations WHERE state = 'pagada' AND paid_via = 'counter' AND number = ANY($1::bigint[])",
      [[online.number, scanned.number, typed.number]],
    );
    expect(Number(rows[0]?.n)).toBe(3);
  });
});
