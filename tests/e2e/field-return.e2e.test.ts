import type Database from 'better-sqlite3-multiple-ciphers';
import type { Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect } from 'vitest';
import { formatCop } from '../../src-shared/domain/money';
import { decodeEscpos, printedLines } from '../support/escpos-decoder';
import { ChaosProxy } from '../support/chaos-proxy';
import { expectAccessible } from '../support/browser/accessibility';
import { kioskTest } from '../support/browser/fixture';
import { saveScreenshot } from '../support/browser/screenshots';
import { embeddedServer } from '../support/browser/test-stack';

/**
 * The device reaches its central server through this loopback proxy: chaos on with `refuse: 1`
 * is the network cut (every connection refused), chaos off passes everything through.
 */
let proxy: ChaosProxy | null = null;

const it = kioskTest({
  name: 'field-return',
  config: { device: { mode: 'field', name: 'Portátil ruta 3' } },
  receiptPrinter: true,
  deviceServerUrl: async (serverUrl) => {
    proxy = await ChaosProxy.start(serverUrl, { reset: 0, stall: 0, stallMs: 0, refuse: 1, resetWithinBytes: 1 });
    proxy.chaos = false;
    return proxy.url;
  },
});

/** A laptop's screen: what a collector carries. */
const laptop = { width: 1366, height: 768 };

const network = {
  off(): void {
    if (proxy === null) throw new Error('the stack started without its proxy');
    proxy.chaos = true;
    proxy.dropConnections();
  },
  on(): void {
    if (proxy === null) throw new Error('the stack started without its proxy');
    proxy.chaos = false;
  },
};

interface Collected {
  readonly id: string;
  readonly receiptNumber: string;
  readonly codigoInterno: number;
  readonly billNumber: number;
  readonly period: string;
  readonly amount: number;
}

/** Sync and the handover's check go through the outbox's retry timers: generous under a loaded CPU. */
const syncTimeout = 120_000;

/**
 * The collector's whole trip in Chromium, the network really cut (docs/field-mode.md): at the
 * office, sign in, «Preparar salida» and open the day; out on the route with no connection,
 * three owed bills collected in cash through the screens while one of them is paid at a bank
 * (written straight into the embedded server's database); the status bar counts the unsent
 * payments. Then «the laptop is closed and opened again»: the device's app core is stopped and
 * started again on the same data dir (`stack.restartDevice()`, the web host stays), the page is
 * opened anew and the collector signs in again, still offline: the three payments are still
 * there. Back at the office the network returns; the entrega de recaudo sends them, lists the
 * bank-paid bill as saldo a favor, the supervisor counts $ 10.000 short, the outcome and the
 * printed report; the server's field_handovers row matches its own figures with that difference.
 */
describe('field: offline collection, return and handover in the browser', () => {
  it.afterAll(async () => {
    await proxy?.stop();
  });

  it(
    'collects three bills offline, survives a restart, sends them back and hands the day over',
    { timeout: 360_000 },
    async ({ app, page, printer }) => {
      const server = embeddedServer(app.stack).running().database.exec;
      const localDb = () => app.stack.core.store.sqlite;
      await page.setViewportSize(laptop);

      // At the office: the route downloaded, signed in, the route checked, the day opened.
      await expect
        .poll(() => localDb().prepare("SELECT value FROM device_meta WHERE key = 'caughtUpAt'").pluck().get(), {
          timeout: syncTimeout,
        })
        .toBeDefined();
      await page.goto(app.stack.appUrl);
      await page.getByRole('heading', { name: 'Ingreso del recaudador' }).waitFor();
      await signIn(page);
      await page.getByRole('heading', { name: 'Día de recaudo' }).waitFor();
      await page.getByRole('button', { name: 'Preparar salida' }).click();
      await page.getByRole('status').filter({ hasText: 'Salida preparada' }).waitFor({ timeout: syncTimeout });
      await saveScreenshot(page, 'field-return-1-prepared');
      await page.getByRole('button', { name: 'Abrir el día de hoy' }).click();
      await page.getByRole('heading', { name: 'Hoja de ruta' }).waitFor();
      // The day's opening reaches the server before the trip (it would also go later).
      await expect
        .poll(() => localDb().prepare("SELECT count(*) FROM outbox WHERE state = 'pending'").pluck().get(), {
          timeout: syncTimeout,
        })
        .toBe(0);

      // On the route: no network.
      network.off();
      const rows = page.locator('.field-row');
      await rows.first().waitFor();
      const codes = await rows
        .filter({ hasText: /factura/ })
        .evaluateAll((els) => els.slice(0, 3).map((el) => el.getAttribute('data-codigo') ?? ''));
      expect(codes).toHaveLength(3);
      const collected: Collected[] = [];
      for (const [i, codigo] of codes.entries()) {
        collected.push(await collectCash(page, codigo, i === 0 ? 5_000 : 0, localDb));
        if (i === 0) await saveScreenshot(page, 'field-return-2-receipt-offline');
        await page.getByRole('button', { name: 'Volver a la hoja de ruta' }).click();
        await page.getByRole('heading', { name: 'Hoja de ruta' }).waitFor();
        if (i === 1) {
          // Meanwhile the second subscriber also pays that bill at a bank: the server has it, the laptop cannot know.
          const bill = collected[1]!;
          await server.query(
            `INSERT INTO payments (id, codigo_interno, bill_number, period, amount, paid_at, channel, reference)
             VALUES ($1, $2, $3, $4, $5, now(), 'banco', $6)`,
            [uuidv7(), bill.codigoInterno, bill.billNumber, bill.period, bill.amount, `BANCO-${bill.billNumber}`],
          );
          await server.query("UPDATE bills SET state = 'pagada', paid_at = now() WHERE bill_number = $1", [
            bill.billNumber,
          ]);
        }
      }
      const bar = page.getByRole('status', { name: 'Estado del recaudo' });
      await expect.poll(() => bar.textContent()).toMatch(/3 pagos sin enviar, el más antiguo de /);
      await expect.poll(() => bar.textContent()).toMatch(/Hoy: 3 pagos/);
      await saveScreenshot(page, 'field-return-3-unsent');
      await expectAccessible(page, 'field-return-3-unsent');
      const unsentOnServer = await server.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM payments WHERE id = ANY($1)',
        [collected.map((c) => c.id)],
      );
      expect(unsentOnServer.rows[0]?.n).toBe(0);

      // The laptop is closed and opened again, still without a network: the core restarts on
      // the same data dir (its staff session is gone), the page opens anew.
      await app.stack.restartDevice();
      await reopen(page, app.stack.appUrl);
      await page.getByRole('heading', { name: 'Ingreso del recaudador' }).waitFor();
      await signIn(page);
      // The day is still open: straight to the route sheet.
      await page.getByRole('heading', { name: 'Hoja de ruta' }).waitFor();
      await expect.poll(() => bar.textContent()).toMatch(/3 pagos sin enviar/);
      await page.getByRole('navigation', { name: 'Recaudo' }).getByRole('button', { name: 'Días de recaudo' }).click();
      await page.getByRole('heading', { name: 'Días de recaudo' }).waitFor();
      await expect.poll(() => page.locator('.field-days tbody tr').first().textContent()).toMatch(/\(hoy\)3\$/);
      for (const c of collected) await page.getByText(c.receiptNumber).first().waitFor();
      await saveScreenshot(page, 'field-return-4-reopened-days');

      // At the office, before the network: the handover says the server does not answer.
      await page
        .getByRole('navigation', { name: 'Recaudo' })
        .getByRole('button', { name: 'Entrega de recaudo' })
        .click();
      await page.getByRole('heading', { name: 'Entrega de recaudo' }).waitFor();
      await page
        .getByRole('alert')
        .filter({ hasText: 'El servidor central no responde.' })
        .waitFor({ timeout: syncTimeout });
      await saveScreenshot(page, 'field-return-5-handover-offline');
      await expectAccessible(page, 'field-return-5-handover-offline');

      // The network returns: the payments leave (the «sending» stage is shown while any is
      // pending; on a fast run they may all be sent before the screen asks), then the count opens.
      network.on();
      await page.getByRole('button', { name: 'Intentar de nuevo' }).click();
      const count = page.getByRole('form', { name: 'Conteo del supervisor' });
      const sending = page.getByRole('status').filter({ hasText: 'Enviando los pagos al servidor central' });
      const first = await Promise.race([
        sending.waitFor({ timeout: syncTimeout }).then(() => 'sending' as const),
        count.waitFor({ timeout: syncTimeout }).then(() => 'ready' as const),
      ]);
      if (first === 'sending') await saveScreenshot(page, 'field-return-6-sending');
      await count.waitFor({ timeout: syncTimeout });
      await page
        .getByRole('status')
        .filter({ hasText: 'Todos los pagos llegaron al servidor central y coinciden.' })
        .waitFor();
      await expect.poll(() => page.locator('table[aria-label="Días por entregar"] tbody tr').count()).toBe(1);
      const bank = collected[1]!;
      const credits = page.locator('.field-warning').filter({ hasText: 'Pagos que quedaron como saldo a favor' });
      await credits.waitFor();
      const creditLines = credits.getByRole('listitem');
      await expect.poll(() => creditLines.count()).toBe(1);
      const creditLine = (await creditLines.first().textContent()) ?? '';
      expect(creditLine).toContain(`Recibo ${bank.receiptNumber}`);
      expect(creditLine).toContain(`(código ${bank.codigoInterno})`);
      expect(creditLine).toContain(formatCop(bank.amount));
      expect(creditLine).toMatch(new RegExp(`Factura ${bank.period} ya estaba pagada`));
      await credits.scrollIntoViewIfNeeded();
      await saveScreenshot(page, 'field-return-7-handover-ready');
      await expectAccessible(page, 'field-return-7-handover-ready');
      // Sent once each, channel campo, in the day's session.
      const sent = await server.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM payments WHERE id = ANY($1) AND channel = 'campo'",
        [collected.map((c) => c.id)],
      );
      expect(sent.rows[0]?.n).toBe(3);
      // The bar reads its figures again every 15 s (FieldStatusBar), not when the check sends them.
      await expect.poll(() => bar.textContent(), { timeout: 45_000 }).toMatch(/Todos los pagos están enviados/);

      // The supervisor's blind count: the cash about $ 10.000 short (pieces of $ 50.000 and $ 50).
      const expectedCash = collected.reduce((sum, c) => sum + c.amount, 0);
      const counted = Math.floor((expectedCash - 10_000) / 50) * 50;
      const fifties = Math.floor(counted / 50_000);
      const coins = (counted - fifties * 50_000) / 50;
      const difference = counted - expectedCash;
      await count.getByLabel('Billetes de $ 50.000').fill(String(fifties));
      await count.getByLabel('Monedas de $ 50', { exact: true }).fill(String(coins));
      await count.getByLabel('Transferencias verificadas en el banco (total)').fill('0');
      await count.getByLabel('Usuario del supervisor').fill('supervisor1');
      await count.getByLabel('Contraseña del supervisor').fill('Supervisor1.Demo');
      await saveScreenshot(page, 'field-return-8-count');
      await count.getByRole('button', { name: 'Recibir la entrega' }).click();

      await page.getByRole('heading', { name: 'Entrega registrada' }).waitFor({ timeout: syncTimeout });
      await page
        .getByText(`Faltan ${formatCop(-difference).replace('\u00a0', ' ')} frente a los registros.`, { exact: false })
        .waitFor();
      await page.getByText('Informe de la entrega enviado a la impresora.').waitFor();
      await saveScreenshot(page, 'field-return-9-handover-done');
      await expectAccessible(page, 'field-return-9-handover-done');
      await expect
        .poll(() => printedLines(decodeEscpos(printer.received)).some((l) => l.includes('ENTREGA DE RECAUDO')))
        .toBe(true);
      const report = printedLines(decodeEscpos(printer.received));
      expect(report.some((l) => /ya estaba pagada/.test(l))).toBe(true);

      // The server: the handover kept beside its own figures, to the peso.
      const amount = collected.reduce((sum, c) => sum + c.amount, 0);
      await expect
        .poll(
          async () =>
            (
              await server.query<Record<string, unknown>>(
                `SELECT h.collector, h.supervisor, h.expected_cash, h.counted_cash, h.difference, h.matches_server,
                        d.payments, d.server_payments, d.amount, d.server_amount, s.closed_at IS NOT NULL AS closed
                 FROM field_handovers h JOIN field_handover_days d ON d.handover_id = h.id
                 JOIN cash_sessions s ON s.id = d.session_id`,
              )
            ).rows,
          { timeout: syncTimeout },
        )
        .toEqual([
          {
            collector: 'cajero1',
            supervisor: 'supervisor1',
            expected_cash: expectedCash,
            counted_cash: counted,
            difference,
            matches_server: true,
            payments: 3,
            server_payments: 3,
            amount,
            server_amount: amount,
            closed: true,
          },
        ]);
      await page.getByRole('button', { name: 'Ver días de recaudo' }).click();
      await page.getByRole('heading', { name: 'Días de recaudo' }).waitFor();
      await expect.poll(() => page.locator('.field-days tbody tr').first().textContent()).toMatch(/\(entregado\)3\$/);
      await saveScreenshot(page, 'field-return-10-days-handed');
    },
  );
});

/** The page loaded anew (a new launch URL differs only in its fragment: alone, no reload). */
async function reopen(page: Page, url: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url);
}

async function signIn(page: Page): Promise<void> {
  await page.getByLabel('Usuario').fill('cajero1');
  await page.getByLabel('Contraseña o PIN').fill('482615');
  await page.keyboard.press('Enter');
}

/** Finds the subscriber on the route sheet, collects their first owed bill in cash (with `change`), reads the stored payment. */
async function collectCash(
  page: Page,
  codigo: string,
  change: number,
  localDb: () => Database.Database,
): Promise<Collected> {
  const rows = page.locator('.field-row');
  await page.getByLabel('Buscar por código interno, dirección o medidor').fill(codigo);
  await expect.poll(() => rows.first().getAttribute('data-codigo')).toBe(codigo);
  await rows.first().click();
  const collect = page.getByRole('button', { name: /^Cobrar \$/ }).first();
  await collect.waitFor();
  await collect.click();
  await page.getByRole('heading', { name: /^Cobrar / }).waitFor();
  const asked = page.getByLabel('Pregunté: el suscriptor no la ha pagado');
  if ((await asked.count()) > 0) await asked.check();
  const amount = Number((await page.getByLabel('Valor a pagar').inputValue()).replace(/\D/g, ''));
  expect(amount).toBeGreaterThan(0);
  await page.getByLabel('Efectivo recibido').fill(String(amount + change));
  if (change > 0) await page.getByText(`Cambio: ${formatCop(change).replace('\u00a0', ' ')}`).waitFor();
  await page.getByRole('button', { name: /^Cobrar \$/ }).click();
  await page.getByRole('heading', { name: 'Pago registrado' }).waitFor();
  const receiptNumber = (await page.locator('[data-field="receipt-number"]').textContent()) ?? '';
  expect(receiptNumber).toMatch(/^[A-Z0-9]+-\d{6}$/);
  await page.getByText('Recibo impreso. Entréguelo al suscriptor.').waitFor({ timeout: 30_000 });
  const row = localDb()
    .prepare(
      `SELECT id, receipt_number AS receiptNumber, codigo_interno AS codigoInterno, bill_number AS billNumber, period, amount
       FROM cashier_payments WHERE receipt_number = ?`,
    )
    .get(receiptNumber) as Collected | undefined;
  if (row === undefined) throw new Error(`receipt ${receiptNumber} not stored`);
  expect(row).toMatchObject({ codigoInterno: Number(codigo), amount });
  return row;
}
