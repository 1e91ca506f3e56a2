import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { revokeDevice } from '../../../src-server/devices/admin';
import { formatCop } from '../../../src-shared/domain/money';
import { paymentElementString } from '../../../src-shared/domain/gs1-128';
import type { LiquidationValue, StatementValue, WalletStartValue } from '../../../src-shared/server-api/wallet-api';
import { volanteBarcodeConfig } from '../../../src-shared/wallet/volante-barcode';
import { isRecoveryCodeShape } from '../../../src-shared/wallet/recovery-code';
import { describeEachServerDatabase } from '../../support/postgres';
import { newHolder, startWalletServer, valueOf, type Device, type WalletServer } from '../../support/wallet-server';

/**
 * The citizen wallet's routes (docs/wallet-citizen-api.md) through the real server on PGlite and
 * PostgreSQL: the terms accepted and recorded, a liquidación made and recovered, the statement
 * opened with the clave, contact data changed, a new clave by a mailed link, a cashier's lookup,
 * the volante and the online checkout — and beside each, what an attacker would try.
 */

const wrongClave =
  'La identificación o la clave no son correctas. Revise los datos; si olvidó la clave, solicite una nueva.';
const noSuchTransaction =
  'No encontramos una transacción con esos datos. Revise el tipo y número de identificación y el código de recuperación (las mayúsculas y minúsculas cuentan) e intente de nuevo.';

async function start(server: WalletServer, device: Device, docType: string, docNumber: string) {
  const terms = valueOf<{ version: string }>(await server.call(device, 'GET', '/v1/wallet/terms'));
  return server.call(device, 'POST', '/v1/wallet/start', { termsVersion: terms.version, docType, docNumber });
}

/** Terms, identification and a new liquidación: what a first recharge at a kiosk does. */
async function recharge(
  server: WalletServer,
  device: Device,
  docNumber: string,
  amount = 100_000,
  holder: unknown = newHolder,
): Promise<LiquidationValue> {
  const started = valueOf<WalletStartValue>(await start(server, device, 'CC', docNumber));
  return valueOf<LiquidationValue>(
    await server.call(device, 'POST', '/v1/wallet/liquidations', {
      acceptanceId: started.acceptanceId,
      amount,
      ...(started.known ? {} : { holder }),
    }),
  );
}

const statement = (server: WalletServer, device: Device, docNumber: string, clave: string) =>
  server.call(device, 'POST', '/v1/wallet/statement', { docType: 'CC', docNumber, clave });

describeEachServerDatabase('citizen wallet routes', (variant) => {
  it(
    'records the accepted terms, makes a liquidación a citizen can recover, pay and read in the statement',
    { timeout: 120_000 },
    async () => {
      const server = await startWalletServer(variant);
      const kiosk = await server.enroll('kiosk');

      const terms = valueOf<{ version: string; title: string; text: string; textSha256: string }>(
        await server.call(kiosk, 'GET', '/v1/wallet/terms'),
      );
      expect(terms.title).toBe('Términos y condiciones de uso - Prepago de Servicios');
      expect(terms.text).toContain('El valor por usted prepagado no tiene vencimiento');
      expect(terms.textSha256).toBe(createHash('sha256').update(terms.text, 'utf8').digest('hex'));

      const started = valueOf<WalletStartValue>(await start(server, kiosk, 'CC', '1.000.000.002'));
      expect(started).toMatchObject({ known: false, holder: null, minAmount: 10_000, maxAmount: 5_000_000 });
      expect(
        await server.query(
          'SELECT doc_type, doc_number, terms_version, text_sha256, device_id FROM wallet_terms_acceptances',
        ),
      ).toEqual([
        {
          doc_type: 'CC',
          doc_number: '1000000002',
          terms_version: terms.version,
          text_sha256: terms.textSha256,
          device_id: kiosk.deviceId,
        },
      ]);

      const before = server.now().getTime();
      const first = valueOf<LiquidationValue>(
        await server.call(kiosk, 'POST', '/v1/wallet/liquidations', {
          acceptanceId: started.acceptanceId,
          amount: 100_000,
          holder: newHolder,
        }),
      );
      expect(first).toMatchObject({
        number: 100001,
        kind: 'prepago',
        amount: 100_000,
        state: 'pendiente',
        maskedHolderName: 'N***** A*******',
      });
      expect(isRecoveryCodeShape(first.recoveryCode)).toBe(true);
      expect(first.payWays.map((way) => way.channel)).toEqual(['gateway', 'bank', 'counter']);
      expect(first.payWays[1]?.description).toContain('Banco de Occidente, Banco Davivienda o Banco Caja Social');
      const days = (new Date(first.expiresAt).getTime() - before) / 86_400_000;
      expect(days).toBeGreaterThanOrEqual(5);
      expect(days).toBeLessThan(5.01);

      const second = await recharge(server, kiosk, '1000000002', 50_000);
      expect(second.number).toBe(100002);
      expect(second.recoveryCode).not.toBe(first.recoveryCode);

      // «Recuperar transacción»: the number as typed with dots, the code as shown.
      expect(
        valueOf<LiquidationValue>(
          await server.call(kiosk, 'POST', '/v1/wallet/liquidations/recover', {
            docType: 'CC',
            docNumber: '1.000.000.002',
            recoveryCode: first.recoveryCode,
          }),
        ),
      ).toEqual(first);

      // Paid at a bank: the wallet opens with the liquidación's client data; its clave is mailed (here: set).
      await server.pay(first.liquidationId, 100_000, 'K7MR-PX4W-9TQB');
      const again = valueOf<WalletStartValue>(await start(server, kiosk, 'CC', '1000000002'));
      expect(again).toMatchObject({
        known: true,
        holder: { personKind: 'natural', maskedName: 'N***** A*******', maskedEmail: 'c*****@ejemplo.co' },
      });

      // The clave typed in lower case without dashes opens it as well.
      const read = valueOf<StatementValue>(await statement(server, kiosk, '1000000002', 'k7mr px4w 9tqb'));
      expect(read.balance).toBe(100_000);
      expect(read.kardex.map((row) => [row.amount, row.balanceAfter])).toEqual([[100_000, 100_000]]);
      expect(read.kardex[0]?.description).toContain('liquidación 100001');
      expect(read.holder).toMatchObject({
        docType: 'CC',
        docNumber: '1000000002',
        name: 'Apellido Segundo Nombre',
        contact: { email: 'cliente@ejemplo.co', mobile: '3000000002' },
      });
      expect(read.pending.map((l) => l.number)).toEqual([100002]);

      // A known holder recharges without typing the data again: the liquidación carries the wallet's.
      const third = await recharge(server, kiosk, '1000000002', 20_000, undefined);
      const [client] = await server.query<{ client: { contact: { email: string } } }>(
        'SELECT client FROM liquidations WHERE id = $1',
        [third.liquidationId],
      );
      expect(client?.client.contact.email).toBe('cliente@ejemplo.co');

      const pdf = valueOf<{ fileName: string; base64: string }>(
        await server.call(kiosk, 'POST', '/v1/wallet/statement/pdf', {
          docType: 'CC',
          docNumber: '1000000002',
          clave: 'K7MR-PX4W-9TQB',
        }),
      );
      expect(pdf.fileName).toMatch(/^extracto-prepago-CC-1000000002-\d{4}-\d{2}-\d{2}\.pdf$/);
      expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(server.t.logs.join('\n')).not.toMatch(/K7MR|k7mr|PX4W/);
    },
  );

  it(
    'refuses another mode, no token, a revoked device, a wrong NIT DV, letters in a CC, amounts out of range, and creates nothing',
    { timeout: 120_000 },
    async () => {
      const server = await startWalletServer(variant);
      const kiosk = await server.enroll('kiosk');
      const other = await server.enroll('kiosk');
      const field = await server.enroll('field');
      const started = valueOf<WalletStartValue>(await start(server, kiosk, 'CC', '79123456'));
      const create = (device: Device | null, body: Record<string, unknown>) =>
        server.call(device, 'POST', '/v1/wallet/liquidations', body);

      expect(
        await server.call(field, 'POST', '/v1/wallet/start', {
          termsVersion: '2026-1',
          docType: 'CC',
          docNumber: '79123456',
        }),
      ).toMatchObject({
        status: 403,
        body: { ok: false, error: { code: 'forbidden' } },
      });
      expect(
        await create(field, { acceptanceId: started.acceptanceId, amount: 100_000, holder: newHolder }),
      ).toMatchObject({
        status: 403,
        body: { ok: false, error: { code: 'forbidden' } },
      });
      expect(
        (await create(null, { acceptanceId: started.acceptanceId, amount: 100_000, holder: newHolder })).status,
      ).toBe(401);
      // Another kiosk cannot use this kiosk's acceptance.
      expect(
        await create(other, { acceptanceId: started.acceptanceId, amount: 100_000, holder: newHolder }),
      ).toMatchObject({ status: 401, body: { ok: false, error: { code: 'session-ended' } } });
      expect(await start(server, kiosk, 'NIT', '800.197.268-5')).toMatchObject({
        status: 400,
        body: {
          ok: false,
          error: {
            code: 'validation',
            message: 'El dígito de verificación no corresponde a ese NIT. Revíselo en el RUT.',
          },
        },
      });
      expect(await start(server, kiosk, 'CC', '79123A56')).toMatchObject({
        status: 400,
        body: {
          ok: false,
          error: { code: 'validation', message: 'El número de cédula de ciudadanía lleva solo números.' },
        },
      });
      const range = `El valor a cargar debe estar entre ${formatCop(10_000)} y ${formatCop(5_000_000)}.`;
      for (const amount of [9_999, 5_000_001]) {
        expect(await create(kiosk, { acceptanceId: started.acceptanceId, amount, holder: newHolder })).toMatchObject({
          status: 400,
          body: { ok: false, error: { code: 'validation', message: range, field: 'amount' } },
        });
      }
      expect(await create(kiosk, { acceptanceId: started.acceptanceId, amount: 100_000 })).toMatchObject({
        status: 400,
        body: { ok: false, error: { code: 'validation', field: 'holder' } },
      });
      expect(
        await create(kiosk, {
          acceptanceId: started.acceptanceId,
          amount: 100_000,
          holder: { ...newHolder, identity: { personKind: 'juridica', businessName: 'Empresa SAS' } },
        }),
      ).toMatchObject({ status: 400, body: { ok: false, error: { code: 'validation', field: 'docType' } } });
      expect(await server.query('SELECT id FROM liquidations')).toEqual([]);

      // A NIT with its right DV opens a persona jurídica's liquidación; then the kiosk is revoked.
      const nit = valueOf<WalletStartValue>(await start(server, kiosk, 'NIT', '800.197.268-4'));
      const made = valueOf<LiquidationValue>(
        await create(kiosk, {
          acceptanceId: nit.acceptanceId,
          amount: 10_000,
          holder: { ...newHolder, identity: { personKind: 'juridica', businessName: 'Empresa SAS' } },
        }),
      );
      expect(made.maskedHolderName).toBe('E****** S**');
      expect(await revokeDevice(server.t.server.database, kiosk.deviceId)).toBe('revoked');
      expect(await create(kiosk, { acceptanceId: nit.acceptanceId, amount: 10_000 })).toMatchObject({
        status: 401,
        body: { ok: false, error: { code: 'device-locked' } },
      });
      expect((await server.call(kiosk, 'GET', '/v1/wallet/terms')).status).toBe(401);

      // A copied token cannot list who has a wallet: 60 identifications an hour per device.
      const lister = await server.enroll('kiosk');
      const statuses: number[] = [];
      for (let n = 0; n < 61; n += 1) {
        const body = { termsVersion: '2026-1', docType: 'CC', docNumber: String(80_000_000 + n) };
        statuses.push((await server.call(lister, 'POST', '/v1/wallet/start', body)).status);
      }
      expect(statuses.slice(0, 60).every((status) => status === 200)).toBe(true);
      expect(statuses[60]).toBe(429);
      const elsewhere = { termsVersion: '2026-1', docType: 'CC', docNumber: '80000061' };
      expect(valueOf<WalletStartValue>(await server.call(other, 'POST', '/v1/wallet/start', elsewhere)).known).toBe(
        false,
      );
    },
  );

  it(
    'answers guessed recovery codes the same for an identification with a wallet and one without, and throttles both alike',
    { timeout: 120_000 },
    async () => {
      const server = await startWalletServer(variant);
      const kiosk = await server.enroll('kiosk');
      const liquidation = await recharge(server, kiosk, '1000000002');
      await server.pay(liquidation.liquidationId, 100_000, 'K7MR-PX4W-9TQB');
      const pending = await recharge(server, kiosk, '1000000002', 30_000);
      const guess = (docNumber: string, recoveryCode: string, device = kiosk) =>
        server.call(device, 'POST', '/v1/wallet/liquidations/recover', { docType: 'CC', docNumber, recoveryCode });

      const wrongCode = pending.recoveryCode === 'ABCDEF' ? 'ABCDEG' : 'ABCDEF';
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        const withWallet = await guess('1000000002', wrongCode);
        const withoutWallet = await guess('52000111', wrongCode);
        expect(withWallet).toEqual(withoutWallet);
        expect(withWallet).toMatchObject({
          status: 401,
          body: { ok: false, error: { code: 'wrong-credentials', message: noSuchTransaction } },
        });
      }
      // Past the free misses both identifications wait the same, even with the right code.
      const lockedWith = await guess('1000000002', pending.recoveryCode);
      const lockedWithout = await guess('52000111', wrongCode);
      expect(lockedWith).toEqual(lockedWithout);
      expect(lockedWith).toMatchObject({
        status: 429,
        body: { ok: false, error: { code: 'locked', message: expect.stringContaining('espere 30 segundos') } },
      });
      // Another identification's code: the same miss, never «it belongs to someone else».
      expect(await guess('52000112', pending.recoveryCode, await server.enroll('kiosk'))).toEqual({
        status: 401,
        body: { ok: false, error: { code: 'wrong-credentials', message: noSuchTransaction } },
      });

      server.advance(31_000);
      expect(valueOf<LiquidationValue>(await guess('1000000002', pending.recoveryCode)).number).toBe(pending.number);

      // One device guessing across many identifications is stopped too (20 free misses, then waits).
      const scanner = await server.enroll('kiosk');
      for (let n = 0; n <= 20; n += 1)
        expect((await guess(String(60_000_000 + n), wrongCode, scanner)).status).toBe(401);
      expect((await guess('70000000', wrongCode, scanner)).status).toBe(429);
    },
  );

  it(
    'throttles wrong claves, mails the owner after the configured count, and answers the same for a wallet without clave',
    { timeout: 120_000 },
    async () => {
      const server = await startWalletServer(variant, { claveAlertAfter: 3 });
      const kiosk = await server.enroll('kiosk');
      const paid = await recharge(server, kiosk, '1000000002');
      await server.pay(paid.liquidationId, 100_000, 'K7MR-PX4W-9TQB');
      // Another wallet whose first payment's clave is not issued yet.
      const noClave = await recharge(server, kiosk, '1000000003', 100_000, {
        ...newHolder,
        contact: { ...newHolder.contact, email: 'otro@ejemplo.co' },
      });
      await server.pay(noClave.liquidationId, 100_000);

      const answers = [
        await statement(server, kiosk, '1000000002', 'NO-ES-LA-CLAVE'),
        await statement(server, kiosk, '1000000003', 'NO-ES-LA-CLAVE'),
        await statement(server, kiosk, '52000111', 'NO-ES-LA-CLAVE'),
      ];
      for (const answer of answers)
        expect(answer).toEqual({
          status: 401,
          body: { ok: false, error: { code: 'wrong-credentials', message: wrongClave } },
        });
      expect(await server.mails('cliente@ejemplo.co')).toEqual([]);

      await statement(server, kiosk, '1000000002', 'OTRA-CLAVE-MAL');
      await statement(server, kiosk, '1000000002', 'Y-OTRA-MAS');
      const mails = await server.mails('cliente@ejemplo.co');
      expect(mails.map((m) => m.template)).toEqual(['wallet-clave-failures']);
      expect(mails[0]?.text).toContain('3 veces seguidas una clave equivocada');
      expect(await server.mails('otro@ejemplo.co')).toEqual([]);

      await statement(server, kiosk, '1000000002', 'CUARTA-MAL');
      await statement(server, kiosk, '1000000002', 'QUINTA-MAL');
      // Blocked now: even the right clave waits, and scrypt is not reached.
      expect(await statement(server, kiosk, '1000000002', 'K7MR-PX4W-9TQB')).toMatchObject({
        status: 429,
        body: { ok: false, error: { code: 'locked' } },
      });
      server.advance(31_000);
      expect(valueOf<StatementValue>(await statement(server, kiosk, '1000000002', 'K7MR-PX4W-9TQB')).balance).toBe(
        100_000,
      );
      const [holder] = await server.query<{ clave_failures: number }>(
        "SELECT clave_failures FROM wallet_holders WHERE doc_number = '1000000002'",
      );
      expect(holder?.clave_failures).toBe(0);
      expect(server.t.logs.join('\n')).not.toMatch(/K7MR|NO-ES-LA-CLAVE|QUINTA-MAL/);
    },
  );

  it(
    'changes contact data with the clave (the old address told) and issues a new clave through a single-use mailed link',
    { timeout: 120_000 },
    async () => {
      const server = await startWalletServer(variant);
      const kiosk = await server.enroll('kiosk');
      const paid = await recharge(server, kiosk, '1000000002');
      await server.pay(paid.liquidationId, 100_000, 'K7MR-PX4W-9TQB');
      const contact = { ...newHolder.contact, email: 'nuevo@ejemplo.co', mobile: '3101234567' };

      expect(
        await server.call(kiosk, 'PUT', '/v1/wallet/contact', {
          docType: 'CC',
          docNumber: '1000000002',
          clave: 'mala',
          contact,
        }),
      ).toMatchObject({ status: 401, body: { ok: false, error: { code: 'wrong-credentials' } } });
      const updated = valueOf<{ holder: { contact: { email: string } } }>(
        await server.call(kiosk, 'PUT', '/v1/wallet/contact', {
          docType: 'CC',
          docNumber: '1000000002',
          clave: 'K7MR-PX4W-9TQB',
          contact,
        }),
      );
      expect(updated.holder.contact.email).toBe('nuevo@ejemplo.co');
      expect((await server.mails('cliente@ejemplo.co')).map((m) => m.template)).toEqual(['wallet-contact-changed']);

      const ask = (docNumber: string) =>
        server.call(kiosk, 'POST', '/v1/wallet/clave/request', { docType: 'CC', docNumber });
      const known = await ask('1000000002');
      expect(known).toEqual(await ask('52000111'));
      expect(known).toMatchObject({
        status: 200,
        body: {
          ok: true,
          value: {
            message:
              'Si la identificación tiene un prepago, enviamos a su correo registrado un enlace para crear una clave nueva.',
          },
        },
      });
      const links = await server.mails('nuevo@ejemplo.co');
      expect(links.map((m) => m.template)).toEqual(['wallet-clave-link']);
      const url = /https?:\/\/\S+\/prepago\/clave\/[A-Za-z0-9_-]{43}/.exec(links[0]?.text ?? '')?.[0];
      if (url === undefined) throw new Error(`no link in ${links[0]?.text ?? ''}`);
      const path = new URL(url).pathname;

      // Opening the link (a mail scanner does) changes nothing.
      for (let i = 0; i < 2; i += 1) {
        const page = await server.t.request(path);
        expect(page.status).toBe(200);
        expect(page.body).toContain('Crear clave nueva');
        expect(page.headers.get('cache-control')).toBe('no-store');
        expect(page.headers.get('content-security-policy')).toContain("form-action 'self'");
        expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      }
      // Another site's form is refused.
      const forged = await server.t.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://otro-sitio.example' },
        body: '',
      });
      expect(forged.status).toBe(403);
      expect((await server.mails('nuevo@ejemplo.co')).map((m) => m.template)).toEqual(['wallet-clave-link']);

      const confirm = () =>
        server.t.request(path, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.t.server.url },
          body: '',
        });
      const issued = await confirm();
      expect(issued.status).toBe(200);
      expect(issued.body).toContain('Le enviamos la clave nueva');
      const mailed = await server.mails('nuevo@ejemplo.co');
      expect(mailed.map((m) => m.template)).toEqual(['wallet-clave-link', 'wallet-new-clave']);
      const clave = /([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec(mailed[1]?.text ?? '')?.[1];
      if (clave === undefined) throw new Error('no clave in the mail');
      expect(issued.body).not.toContain(clave);

      expect((await statement(server, kiosk, '1000000002', 'K7MR-PX4W-9TQB')).status).toBe(401);
      expect(valueOf<StatementValue>(await statement(server, kiosk, '1000000002', clave)).holder.contact.email).toBe(
        'nuevo@ejemplo.co',
      );
      // Single use.
      expect((await confirm()).status).toBe(404);
      expect((await server.t.request(path)).status).toBe(404);
      expect(server.t.logs.join('\n')).not.toContain(clave);

      // A link left unused expires after 30 minutes.
      await ask('1000000002');
      const late = /\/prepago\/clave\/[A-Za-z0-9_-]{43}/.exec(
        (await server.mails('nuevo@ejemplo.co')).at(-1)?.text ?? '',
      )?.[0];
      server.advance(31 * 60_000);
      expect((await server.t.request(late ?? '/prepago/clave/x')).status).toBe(404);
    },
  );

  it(
    'lets a cashier find a liquidación by number, code or volante barcode; serves the volante and the online checkout; expires unpaid ones',
    { timeout: 120_000 },
    async () => {
      const server = await startWalletServer(variant);
      const kiosk = await server.enroll('kiosk');
      const cashier = await server.enroll('cashier');
      const liquidation = await recharge(server, kiosk, '1000000002', 123_000);
      const lookup = (device: Device, query: string) =>
        server.call(device, 'POST', '/v1/wallet/liquidations/lookup', { query });
      const expected = {
        liquidationId: liquidation.liquidationId,
        number: liquidation.number,
        amount: 123_000,
        state: 'pendiente',
        holderName: 'Apellido Segundo Nombre',
        docType: 'CC',
        docNumber: '1000000002',
      };
      expect(valueOf(await lookup(cashier, String(liquidation.number)))).toMatchObject(expected);
      expect(valueOf(await lookup(cashier, liquidation.recoveryCode))).toMatchObject(expected);
      const barcode = paymentElementString(volanteBarcodeConfig(server.config.recaudoGln), {
        reference: String(liquidation.number),
        amountPesos: 123_000,
        dueOn: liquidation.expiresAt.slice(0, 10),
      });
      if (!barcode.ok) throw new Error(barcode.error.message);
      expect(valueOf(await lookup(cashier, barcode.value.data))).toMatchObject(expected);
      expect(valueOf(await lookup(cashier, barcode.value.hri))).toMatchObject(expected);
      expect(await lookup(cashier, '999999')).toMatchObject({
        status: 404,
        body: { ok: false, error: { code: 'not-found' } },
      });
      expect(await lookup(kiosk, String(liquidation.number))).toMatchObject({
        status: 403,
        body: { ok: false, error: { code: 'forbidden' } },
      });

      const volante = valueOf<{ fileName: string; base64: string }>(
        await server.call(kiosk, 'POST', '/v1/wallet/volante', {
          number: liquidation.number,
          recoveryCode: liquidation.recoveryCode,
        }),
      );
      expect(volante.fileName).toBe(`volante-${liquidation.number}.pdf`);
      expect(Buffer.from(volante.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const wrong = liquidation.recoveryCode === 'ABCDEF' ? 'ABCDEG' : 'ABCDEF';
      expect(
        await server.call(kiosk, 'POST', '/v1/wallet/volante', { number: liquidation.number, recoveryCode: wrong }),
      ).toMatchObject({
        status: 401,
        body: { ok: false, error: { code: 'wrong-credentials', message: noSuchTransaction } },
      });

      const checkout = valueOf<{ checkoutUrl: string; reference: string }>(
        await server.call(kiosk, 'POST', '/v1/wallet/checkout', {
          liquidationId: liquidation.liquidationId,
          recoveryCode: liquidation.recoveryCode,
        }),
      );
      expect(checkout.checkoutUrl).toContain('/pasarela-demo/');
      expect(
        valueOf(await server.call(kiosk, 'POST', '/v1/wallet/checkout/state', { reference: checkout.reference })),
      ).toEqual({ status: 'CREATED', liquidationState: 'pendiente' });

      // Six days on: vencida when read, and written so by the sweep; neither volante nor checkout any more.
      server.advance(6 * 86_400_000);
      const recovered = valueOf<LiquidationValue>(
        await server.call(kiosk, 'POST', '/v1/wallet/liquidations/recover', {
          docType: 'CC',
          docNumber: '1000000002',
          recoveryCode: liquidation.recoveryCode,
        }),
      );
      expect(recovered).toMatchObject({ state: 'vencida', payWays: [] });
      expect(await server.query('SELECT state FROM liquidations WHERE id = $1', [liquidation.liquidationId])).toEqual([
        { state: 'vencida' },
      ]);
      expect(
        await server.call(kiosk, 'POST', '/v1/wallet/volante', {
          number: liquidation.number,
          recoveryCode: liquidation.recoveryCode,
        }),
      ).toMatchObject({ status: 409, body: { ok: false, error: { code: 'conflict' } } });
      expect(valueOf(await lookup(cashier, String(liquidation.number)))).toMatchObject({ state: 'vencida' });
    },
  );
});
