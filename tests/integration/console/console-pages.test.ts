import { expect, it } from 'vitest';
import { bankFile, countRows } from '../../support/bank-file-fixtures';
import { describeEachServerDatabase, type DatabaseVariant } from '../../support/postgres';
import { startTestServer, type TestServer } from '../../support/server-harness';
import { seedServer } from '../../support/sync-support';
import { cheapScrypt, ConsoleClient, seedConsoleStaff, staffPassword } from '../../support/staff-console';
import { createTestLiquidation } from '../../support/wallet-fixtures';

/** The reading pages staff work from (docs/staff-console.md), and a bank file the console refuses. */
async function consoleServer(variant: DatabaseVariant): Promise<{ t: TestServer; browser: ConsoleClient }> {
  const t = await startTestServer(variant, {
    logLevel: 'silent',
    serverOptions: { passwordWork: { params: cheapScrypt } },
  });
  await seedConsoleStaff(t.server.database.exec);
  const browser = new ConsoleClient(t.server.url);
  expect((await browser.login('supervisor1', staffPassword('supervisor1'))).status).toBe(303);
  return { t, browser };
}

/** The liquidación numbers a list page links to, in order. */
const listedNumbers = (page: string): number[] =>
  [...page.matchAll(/href="\/consola\/liquidaciones\/(\d+)"/g)].map((m) => Number(m[1]));

describeEachServerDatabase('staff console pages', (variant) => {
  it('«Liquidaciones» filters by state, number and identification', { timeout: 90_000 }, async () => {
    const { t, browser } = await consoleServer(variant);
    const exec = t.server.database.exec;
    const a = await createTestLiquidation(exec, { amount: 30_000, docType: 'CC', docNumber: '80111222' });
    const b = await createTestLiquidation(exec, {
      amount: 40_000,
      docType: 'CC',
      docNumber: '80111222',
      state: 'vencida',
    });
    const c = await createTestLiquidation(exec, { amount: 50_000, docType: 'CE', docNumber: '445566' });

    expect(listedNumbers((await browser.get('/consola/liquidaciones')).text)).toEqual([c.number, b.number, a.number]);
    expect(listedNumbers((await browser.get('/consola/liquidaciones?estado=vencida')).text)).toEqual([b.number]);
    expect(listedNumbers((await browser.get(`/consola/liquidaciones?numero=${c.number}`)).text)).toEqual([c.number]);
    expect(listedNumbers((await browser.get('/consola/liquidaciones?identificacion=80.111.222')).text)).toEqual([
      b.number,
      a.number,
    ]);
    expect(
      listedNumbers((await browser.get('/consola/liquidaciones?identificacion=80111222&estado=pendiente')).text),
    ).toEqual([a.number]);
    const detail = await browser.get(`/consola/liquidaciones/${a.number}`);
    expect(detail.text).toContain('Ningún pago ha llegado a esta liquidación.');
    expect(detail.text).toContain(`Anular la liquidación ${a.number}`);
    expect((await browser.get('/consola/liquidaciones/99999999')).status).toBe(404);
    expect((await browser.get('/consola/liquidaciones/abc')).status).toBe(404);
  });

  it(
    '«Transacciones en línea» lists the checkouts and one checkout’s verified events',
    { timeout: 90_000 },
    async () => {
      const { t, browser } = await consoleServer(variant);
      const exec = t.server.database.exec;
      const liq = await createTestLiquidation(exec, { amount: 65_000, docType: 'CC', docNumber: '80333444' });
      await exec.query(
        `INSERT INTO gateway_transactions (reference, liquidation_id, amount_in_cents, transaction_id, status)
       VALUES ('VT-0001-a', $1, 6500000, '1234-1700000000-11111', 'DECLINED'),
              ('VT-0001-b', $1, 6500000, NULL, 'CREATED')`,
        [liq.id],
      );
      await exec.query(
        `INSERT INTO gateway_events (event_key, transaction_id, reference, status, outcome, source)
       VALUES ('1234-1700000000-11111:PENDING', '1234-1700000000-11111', 'VT-0001-a', 'PENDING', 'status-only', 'webhook'),
              ('1234-1700000000-11111:DECLINED', '1234-1700000000-11111', 'VT-0001-a', 'DECLINED', 'status-only', 'poll')`,
      );
      const list = await browser.get('/consola/transacciones');
      expect(list.text).toContain('VT-0001-a');
      expect(list.text).toContain('VT-0001-b');
      expect(list.text).toMatch(/\$\s65\.000/);
      const declined = await browser.get('/consola/transacciones?estado=DECLINED');
      expect(declined.text).toContain('VT-0001-a');
      expect(declined.text).not.toContain('VT-0001-b');
      const detail = await browser.get('/consola/transacciones/VT-0001-a');
      expect(detail.text).toContain('Aviso de la pasarela');
      expect(detail.text).toContain('Consulta a la pasarela');
      expect(detail.text).toContain(`/consola/liquidaciones/${liq.number}`);
      expect((await browser.get('/consola/transacciones/no-existe')).status).toBe(404);
    },
  );

  it(
    'a bank file with a wrong control total, or too large, is refused and nothing is imported',
    { timeout: 90_000 },
    async () => {
      const { t, browser } = await consoleServer(variant);
      const exec = t.server.database.exec;
      const liq = await createTestLiquidation(exec, { amount: 30_000, docType: 'CC', docNumber: '80555666' });
      const csrf = await browser.csrf();
      const lines = bankFile([{ reference: liq.number, amount: 30_000 }]).split('\r\n');
      // The lot control claims one peso more than its record.
      lines[3] = (lines[3] ?? '').replace('0000000003000000', '0000000003000100');
      const form = new FormData();
      form.set('csrf', csrf);
      form.set('archivo', new Blob([lines.join('\r\n')]), 'malo.txt');
      const refused = await browser.postMultipart('/consola/archivos', form);
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('El archivo malo.txt se rechazó entero; no se abonó nada.');
      expect(refused.text).toMatch(/Línea 4: el control del lote 0001 dice un total de \$\s30\.001,00/);
      expect(await countRows(exec, 'bank_files')).toBe(0);

      const huge = new FormData();
      huge.set('csrf', csrf);
      huge.set('archivo', new Blob([Buffer.alloc(33 * 1024 * 1024, 0x30)]), 'enorme.txt');
      const tooLarge = await browser.postMultipart('/consola/archivos', huge);
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.text).toContain('El archivo es demasiado grande');
      expect(await countRows(exec, 'bank_files')).toBe(0);
      expect(await countRows(exec, 'liquidation_payments')).toBe(0);
    },
  );
});

describeEachServerDatabase('staff console on the demo data', (variant) => {
  it('the demo supervisor opens a demo wallet with the balance its recharges made', { timeout: 180_000 }, async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    // The real seed: staff hashed at OWASP's cost, wallets paid through the money path.
    await seedServer(t, 5);
    const browser = new ConsoleClient(t.server.url);
    expect((await browser.login('supervisor1', staffPassword('supervisor1'))).status).toBe(303);
    const wallet = await browser.get('/consola/prepagos?tipo=CC&numero=1000000002');
    expect(wallet.text).toContain('APELLIDO1 APELLIDO2 NOMBRE1 NOMBRE2');
    expect(wallet.text).toMatch(/data-testid="saldo">\$\s170\.000</);
    const company = await browser.get('/consola/prepagos?tipo=NIT&numero=900.123.456-8');
    expect(company.text).toContain('FERRETERÍA EL TOLIMA S.A.S.');
    expect((await browser.get('/consola/liquidaciones?estado=pendiente')).text).toContain('Pendiente');
  });
});
