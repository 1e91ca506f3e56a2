import { expect, it } from 'vitest';
import { ledgerTotal } from '../../../src-server/ledger/kardex';
import { balanceOf, bankFile, countRows } from '../../support/bank-file-fixtures';
import { describeEachServerDatabase, type DatabaseVariant } from '../../support/postgres';
import { startTestServer, type TestServer } from '../../support/server-harness';
import { cheapScrypt, ConsoleClient, seedConsoleStaff, staffPassword } from '../../support/staff-console';
import { createTestLiquidation } from '../../support/wallet-fixtures';

/**
 * What the console changes, and what it refuses to (docs/staff-console.md): annulling a
 * liquidación, importing a bank file, resolving its parked records — each only for a supervisor,
 * only with the session's CSRF token, and money applied from a review credited once.
 */
async function consoleServer(variant: DatabaseVariant): Promise<TestServer> {
  const t = await startTestServer(variant, {
    logLevel: 'info',
    serverOptions: { passwordWork: { params: cheapScrypt } },
  });
  await seedConsoleStaff(t.server.database.exec);
  return t;
}

async function loggedIn(t: TestServer, username: string): Promise<ConsoleClient> {
  const browser = new ConsoleClient(t.server.url);
  const answer = await browser.login(username, staffPassword(username));
  expect(answer.status).toBe(303);
  return browser;
}

const stateOf = async (t: TestServer, number: number) =>
  (
    await t.server.database.exec.query<{ state: string; annulled_by: string | null }>(
      'SELECT state, annulled_by FROM liquidations WHERE number = $1',
      [number],
    )
  ).rows[0];

function fileForm(name: string, text: string, csrf: string): FormData {
  const form = new FormData();
  form.set('csrf', csrf);
  form.set('archivo', new Blob([text], { type: 'text/plain' }), name);
  return form;
}

/** The reviews an import parked, by kind. */
async function openReviews(t: TestServer): Promise<Map<string, string>> {
  const { rows } = await t.server.database.exec.query<{ id: string; kind: string }>(
    'SELECT id, kind FROM wallet_reviews WHERE resolved_at IS NULL ORDER BY created_at',
  );
  return new Map(rows.map((r) => [r.kind, r.id]));
}

describeEachServerDatabase('staff console actions', (variant) => {
  it(
    '«Anular» needs the session’s CSRF token: missing, wrong or cross-site changes nothing',
    { timeout: 90_000 },
    async () => {
      const t = await consoleServer(variant);
      const liq = await createTestLiquidation(t.server.database.exec, {
        amount: 80_000,
        docType: 'CC',
        docNumber: '52111222',
      });
      const supervisor = await loggedIn(t, 'supervisor1');
      const path = `/consola/liquidaciones/${liq.number}/anular`;

      const missing = await supervisor.post(path, { motivo: 'El ciudadano la pidió por error' });
      expect(missing.status).toBe(403);
      expect(missing.text).toContain('No se hizo ningún cambio');
      const wrong = await supervisor.post(path, { csrf: 'x'.repeat(43), motivo: 'El ciudadano la pidió por error' });
      expect(wrong.status).toBe(403);
      const csrf = await supervisor.csrf();
      const crossSite = await supervisor.post(
        path,
        { csrf, motivo: 'El ciudadano la pidió por error' },
        { 'sec-fetch-site': 'cross-site' },
      );
      expect(crossSite.status).toBe(403);
      // Another session's token is not this one's.
      const other = await loggedIn(t, 'admin');
      const borrowed = await supervisor.post(path, {
        csrf: await other.csrf(),
        motivo: 'El ciudadano la pidió por error',
      });
      expect(borrowed.status).toBe(403);
      expect(await stateOf(t, liq.number)).toEqual({ state: 'pendiente', annulled_by: null });

      // No reason: refused, still pendiente.
      const noReason = await supervisor.post(path, { csrf, motivo: ' ' });
      expect(noReason.status).toBe(303);
      expect((await supervisor.get(`/consola/liquidaciones/${liq.number}`)).text).toContain('Escriba el motivo');
      expect(await stateOf(t, liq.number)).toEqual({ state: 'pendiente', annulled_by: null });

      const done = await supervisor.post(path, { csrf, motivo: 'El ciudadano la pidió por error' });
      expect(done.status).toBe(303);
      const page = await supervisor.get(`/consola/liquidaciones/${liq.number}`);
      expect(page.text).toContain(`La liquidación ${liq.number} quedó anulada.`);
      expect(page.text).toMatch(/data-testid="estado"[^>]*>\s*Anulada/);
      expect(await stateOf(t, liq.number)).toEqual({ state: 'anulada', annulled_by: 'supervisor1' });
      // Audited: who and why on the liquidación (its page shows the reason), who and which in the log.
      const reason = await t.server.database.exec.query<{ annulled_reason: string }>(
        'SELECT annulled_reason FROM liquidations WHERE number = $1',
        [liq.number],
      );
      expect(reason.rows[0]?.annulled_reason).toBe('El ciudadano la pidió por error');
      expect(page.text).toContain('El ciudadano la pidió por error');
      const line = t.logs.find((l) => l.includes('liquidation annulled'));
      expect(JSON.parse(line ?? '{}')).toMatchObject({
        module: 'staff-console',
        staff: 'supervisor1',
        liquidation: liq.number,
      });
      // The database refuses an annulment without its reason, whoever writes it.
      const spare = await createTestLiquidation(t.server.database.exec, {
        amount: 20_000,
        docType: 'CC',
        docNumber: '52333445',
      });
      await expect(
        t.server.database.exec.query(
          "UPDATE liquidations SET state = 'anulada', annulled_at = now(), annulled_by = 'x' WHERE number = $1",
          [spare.number],
        ),
      ).rejects.toThrow(/liquidations_annulled_reason_check/);
      // Twice: refused, it is no longer pendiente.
      await supervisor.post(path, { csrf, motivo: 'Otra vez' });
      expect((await supervisor.get(`/consola/liquidaciones/${liq.number}`)).text).toContain(
        'solo se anula una liquidación pendiente',
      );
    },
  );

  it('a cashier reads but is refused every supervisor action, and nothing changes', { timeout: 90_000 }, async () => {
    const t = await consoleServer(variant);
    const exec = t.server.database.exec;
    const liq = await createTestLiquidation(exec, { amount: 60_000, docType: 'CC', docNumber: '52333444' });
    const supervisor = await loggedIn(t, 'supervisor1');
    const imported = await supervisor.postMultipart(
      '/consola/archivos',
      fileForm('recaudo.txt', bankFile([{ reference: 999_999, amount: 45_000 }]), await supervisor.csrf()),
    );
    expect(imported.status).toBe(200);
    const reviewId = (await openReviews(t)).get('unknown-reference') ?? '';

    const cashier = await loggedIn(t, 'cajero1');
    const csrf = await cashier.csrf();
    expect((await cashier.get(`/consola/liquidaciones/${liq.number}`)).text).toContain(
      'Solo un supervisor puede anular',
    );
    const annul = await cashier.post(`/consola/liquidaciones/${liq.number}/anular`, {
      csrf,
      motivo: 'Prueba de cajero',
    });
    expect(annul.status).toBe(403);
    expect(annul.text).toContain('Solo un supervisor o un administrador puede hacer esto.');
    expect(await stateOf(t, liq.number)).toEqual({ state: 'pendiente', annulled_by: null });

    const resolve = await cashier.post(`/consola/revisiones/${reviewId}/resolver`, {
      csrf,
      decision: 'applied',
      liquidacion: String(liq.number),
      nota: 'Lo aplico yo',
    });
    expect(resolve.status).toBe(403);
    expect(await balanceOf(exec, 'wallet', 'CC 52333444')).toBe(0);
    expect(await countRows(exec, 'wallet_reviews', 'resolved_at IS NOT NULL')).toBe(0);

    const files = await countRows(exec, 'bank_files');
    const upload = await cashier.postMultipart(
      '/consola/archivos',
      fileForm('otro.txt', bankFile([{ reference: liq.number, amount: 60_000 }], { collectedOn: '2026-01-16' }), csrf),
    );
    expect(upload.status).toBe(403);
    expect(await countRows(exec, 'bank_files')).toBe(files);
    expect(await stateOf(t, liq.number)).toEqual({ state: 'pendiente', annulled_by: null });
  });

  it(
    'a parked bank record applied from «Revisiones» credits once: the replayed POST moves nothing',
    { timeout: 90_000 },
    async () => {
      const t = await consoleServer(variant);
      const exec = t.server.database.exec;
      const liq = await createTestLiquidation(exec, { amount: 70_000, docType: 'CC', docNumber: '1098765432' });
      const mismatch = await createTestLiquidation(exec, { amount: 90_000, docType: 'CC', docNumber: '1098765433' });
      const supervisor = await loggedIn(t, 'supervisor1');
      const csrf = await supervisor.csrf();

      // The citizen wrote a wrong reference at the bank; another paid less than the liquidación.
      const text = bankFile(
        [
          { reference: 4_242_424, amount: 70_000 },
          { reference: mismatch.number, amount: 85_000 },
        ],
        { bankCode: '051' },
      );
      const imported = await supervisor.postMultipart('/consola/archivos', fileForm('recaudo-0115.txt', text, csrf));
      expect(imported.status).toBe(200);
      expect(imported.text).toContain('Archivo recaudo-0115.txt importado');
      expect(imported.text).toMatch(/Referencia desconocida \(en Revisiones\)<\/dt>\s*<dd>1</);
      expect(imported.text).toMatch(/Valor distinto \(en Revisiones\)<\/dt>\s*<dd>1</);
      // The same file again: nothing applied, and it says so.
      const again = await supervisor.postMultipart('/consola/archivos', fileForm('copia.txt', text, csrf));
      expect(again.text).toContain('Este archivo ya se había importado');
      expect(await countRows(exec, 'bank_files')).toBe(1);

      const list = await supervisor.get('/consola/revisiones');
      expect(list.text).toContain('Referencia desconocida');
      expect(list.text).toContain('Valor distinto al de la liquidación');
      const reviews = await openReviews(t);
      const unknown = reviews.get('unknown-reference') ?? '';
      const detail = await supervisor.get(`/consola/revisiones/${unknown}`);
      const rawLine = text.split('\r\n').find((line) => line.startsWith('06') && line.includes('4242424')) ?? 'none';
      expect(detail.text).toContain(`data-testid="raw">${rawLine}</pre>`);
      expect(detail.text).toContain('recaudo-0115.txt');

      const resolve = {
        csrf,
        decision: 'applied',
        liquidacion: String(liq.number),
        nota: 'El ciudadano trajo el comprobante del banco',
      };
      const forged = await supervisor.post(`/consola/revisiones/${unknown}/resolver`, { ...resolve, csrf: '' });
      expect(forged.status).toBe(403);
      expect(await balanceOf(exec, 'wallet', 'CC 1098765432')).toBe(0);
      const first = await supervisor.post(`/consola/revisiones/${unknown}/resolver`, resolve);
      expect(first.status).toBe(303);
      const after = await supervisor.get(first.location ?? '');
      expect(after.text).toContain(`Se abonó el dinero al prepago de la liquidación ${liq.number}.`);
      expect(after.text).toContain('supervisor1');
      expect(await balanceOf(exec, 'wallet', 'CC 1098765432')).toBe(70_000);
      expect(await balanceOf(exec, 'bank-clearing', '051')).toBe(-70_000 - 0);

      // The same POST again (a double click, a resent form): refused, nothing moves.
      const replay = await supervisor.post(`/consola/revisiones/${unknown}/resolver`, resolve);
      expect(replay.status).toBe(409);
      expect(replay.text).toContain('Esta revisión ya fue resuelta por supervisor1');
      expect(await balanceOf(exec, 'wallet', 'CC 1098765432')).toBe(70_000);
      expect(await countRows(exec, 'liquidation_payments', `source_key LIKE 'bank:%'`)).toBe(1);
      expect(await ledgerTotal(exec)).toBe(0);
      const row = (
        await exec.query<{ resolution: string; resolved_by: string; resolution_note: string; paid: string }>(
          `SELECT r.resolution, r.resolved_by, r.resolution_note, l.state AS paid
         FROM wallet_reviews r, liquidations l WHERE r.id = $1 AND l.number = $2 AND r.resolution_transfer_id IS NOT NULL`,
          [unknown, liq.number],
        )
      ).rows[0];
      expect(row).toEqual({
        resolution: 'applied',
        resolved_by: 'supervisor1',
        resolution_note: 'El ciudadano trajo el comprobante del banco',
        paid: 'pagada',
      });
      const audit = JSON.parse(t.logs.find((l) => l.includes('wallet review resolved')) ?? '{}');
      expect(audit).toMatchObject({ staff: 'supervisor1', resolution: 'applied', amount: 70_000 });
      expect(JSON.stringify(audit)).not.toContain('comprobante');

      // The short payment is given back at the bank: recorded, no ledger move.
      const short = reviews.get('amount-mismatch') ?? '';
      const noNote = await supervisor.post(`/consola/revisiones/${short}/resolver`, {
        csrf,
        decision: 'returned',
        nota: '',
      });
      expect(noNote.status).toBe(400);
      const returned = await supervisor.post(`/consola/revisiones/${short}/resolver`, {
        csrf,
        decision: 'returned',
        nota: 'El banco reversó el pago',
      });
      expect(returned.status).toBe(303);
      expect(await balanceOf(exec, 'wallet', 'CC 1098765433')).toBe(0);
      expect(await stateOf(t, mismatch.number)).toEqual({ state: 'pendiente', annulled_by: null });
      expect(await countRows(exec, 'wallet_reviews', 'resolved_at IS NULL')).toBe(0);

      // «Prepagos» shows the credit from the ledger.
      const wallet = await supervisor.get('/consola/prepagos?tipo=CC&numero=1.098.765.432');
      expect(wallet.text).toMatch(/data-testid="saldo">\$\s70\.000</);
      expect(wallet.text).toContain(`Recarga: banco o corresponsal, liquidación ${liq.number}`);
    },
  );

  it(
    'two supervisors applying the same parked record at once: one credits it, the other is told',
    { timeout: 90_000 },
    async () => {
      const t = await consoleServer(variant);
      const exec = t.server.database.exec;
      const liq = await createTestLiquidation(exec, { amount: 90_000, docType: 'CC', docNumber: '1098765434' });
      const first = await loggedIn(t, 'supervisor1');
      const second = await loggedIn(t, 'admin');
      const imported = await first.postMultipart(
        '/consola/archivos',
        fileForm('recaudo.txt', bankFile([{ reference: liq.number, amount: 85_000 }]), await first.csrf()),
      );
      expect(imported.status).toBe(200);
      const review = (await openReviews(t)).get('amount-mismatch') ?? '';
      const apply = async (browser: ConsoleClient) =>
        browser.post(`/consola/revisiones/${review}/resolver`, {
          csrf: await browser.csrf(),
          decision: 'applied',
          liquidacion: String(liq.number),
          nota: 'El ciudadano aceptó el valor pagado',
        });
      const answers = await Promise.all([apply(first), apply(second)]);
      expect(answers.map((a) => a.status).toSorted()).toEqual([303, 409]);
      expect(await balanceOf(exec, 'wallet', 'CC 1098765434')).toBe(85_000);
      expect(await countRows(exec, 'liquidation_payments')).toBe(1);
      expect(await ledgerTotal(exec)).toBe(0);
      expect(await stateOf(t, liq.number)).toEqual({ state: 'pagada', annulled_by: null });
    },
  );
});
