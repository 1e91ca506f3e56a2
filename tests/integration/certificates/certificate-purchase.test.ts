import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ledgerTotal } from '../../../src-server/ledger/kardex';
import { demoFixedGroups } from '../../../src-server/certificates/registry-demo-fixed';
import { insertRegistryRecords } from '../../../src-server/certificates/registry-store';
import type { CertificatePurchaseValue, RegistryMatch } from '../../../src-shared/server-api/certificates-api';
import { describeEachServerDatabase, type DatabaseVariant } from '../../support/postgres';
import { decodeBarcodes, pdfText, renderPng } from '../../support/poppler-zbar';
import { tempDir } from '../../support/temp-dir';
import { startWalletServer, valueOf, type Device, type WalletServer } from '../../support/wallet-server';
import { createTestLiquidation, testHolder } from '../../support/wallet-fixtures';

/**
 * Buying certificates with the prepaid wallet (issue 14; docs/certificates.md), through the
 * kiosk API of a real server: the price held on purchase, each copy settled or refunded by how
 * its dispensing ended, the verification page and the QR of every copy — and what an attacker
 * would try: another kiosk reporting, a counter buying, a wrong clave, a guessed code.
 */
const company = { docType: 'NIT' as const, docNumber: '9001234568' };
const clave = 'Empresa.2026';

async function chamber(variant: DatabaseVariant, balance = 50_000) {
  const s = await startWalletServer(variant);
  const exec = s.t.server.database.exec;
  for (const group of demoFixedGroups(s.now())) await insertRegistryRecords(exec, group);
  const liquidation = await createTestLiquidation(exec, {
    amount: balance,
    ...company,
    client: {
      ...testHolder(company.docType, company.docNumber),
      identity: { personKind: 'juridica', businessName: 'Ferretería El Tolima S.A.S.' },
    },
  });
  await s.pay(liquidation.id, balance, clave);
  const kiosk = await s.enroll('kiosk', 'Kiosco del vestíbulo');
  return { s, exec, kiosk };
}

async function findCompany(s: WalletServer, kiosk: Device): Promise<RegistryMatch> {
  const found = valueOf<{ matches: RegistryMatch[] }>(
    await s.call(kiosk, 'POST', '/v1/certificates/search', { query: '900123456' }),
  );
  const match = found.matches[0];
  if (match === undefined) throw new Error('the demo company was not found');
  return match;
}

const buy = (s: WalletServer, kiosk: Device, matricula: string, code: string, copies: number, extra = {}) =>
  s.call(kiosk, 'POST', '/v1/certificates/purchase', {
    docType: company.docType,
    // As a citizen types it: the NIT with its DV after a dash.
    docNumber: '900123456-8',
    clave,
    purchaseKey: randomUUID(),
    matricula,
    certificateCode: code,
    copies,
    ...extra,
  });

const walletBalance = async (s: WalletServer): Promise<number> =>
  Number(
    (
      await s.query<{ balance: string }>(
        "SELECT balance FROM ledger_accounts WHERE kind = 'wallet' AND owner_ref = $1",
        [`${company.docType} ${company.docNumber}`],
      )
    )[0]?.balance,
  );

const accountBalance = async (s: WalletServer, kind: string): Promise<number> =>
  Number(
    (await s.query<{ balance: string }>('SELECT balance FROM ledger_accounts WHERE kind = $1', [kind]))[0]?.balance ??
      0,
  );

describeEachServerDatabase('certificates bought with the prepaid wallet', (variant) => {
  it('holds the price, settles a delivered copy, refunds one that did not come out, and the QR opens the verification page', async () => {
    const { s, exec, kiosk } = await chamber(variant);
    const match = await findCompany(s, kiosk);
    expect(match.nit).toBe('900.123.456-8');
    const offer = match.certificates[0];
    if (offer === undefined) throw new Error('no certificate on sale for the company');
    expect(offer.price).toBeGreaterThan(0);

    const purchaseKey = randomUUID();
    const bought = valueOf<CertificatePurchaseValue>(
      await buy(s, kiosk, match.matricula, offer.code, 2, { purchaseKey }),
    );
    expect(bought.copies).toHaveLength(2);
    expect(bought.total).toBe(2 * offer.price);
    expect(bought.balance).toBe(50_000 - 2 * offer.price);
    expect(await accountBalance(s, 'certificate-holds')).toBe(2 * offer.price);
    // The same purchase key again (a kiosk that lost the answer): the same purchase, no second charge.
    const again = valueOf<CertificatePurchaseValue>(
      await buy(s, kiosk, match.matricula, offer.code, 2, { purchaseKey }),
    );
    expect(again.receiptNumber).toBe(bought.receiptNumber);
    // A kiosk that never got any answer asks by its key alone; another kiosk cannot.
    const lookup = (device: Device, key: string) =>
      s.call(device, 'POST', '/v1/certificates/purchase/lookup', { purchaseKey: key });
    expect(valueOf<CertificatePurchaseValue>(await lookup(kiosk, purchaseKey)).receiptNumber).toBe(
      bought.receiptNumber,
    );
    const stranger = await s.enroll('kiosk', 'Kiosco ajeno');
    expect((await lookup(stranger, purchaseKey)).body).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await lookup(kiosk, randomUUID())).body).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(again.copies.map((c) => c.verificationCode)).toEqual(bought.copies.map((c) => c.verificationCode));
    expect(await walletBalance(s)).toBe(50_000 - 2 * offer.price);

    const [first, second] = bought.copies;
    if (first === undefined || second === undefined) throw new Error('two copies expected');
    expect(first.verificationCode).not.toBe(second.verificationCode);

    // Read the first copy back as an outsider would: its text and its QR.
    const dir = tempDir('certificate-purchase');
    const file = path.join(dir.path, 'copia-1.pdf');
    writeFileSync(file, Buffer.from(first.pdfBase64, 'base64'));
    const text = await pdfText(file);
    expect(text).toContain(first.verificationCode);
    expect(text).toContain(String(bought.receiptNumber));
    expect(text.toUpperCase()).toContain('FERRETERÍA EL TOLIMA');
    const qr = await decodeBarcodes(await renderPng(file, 150));
    const url = qr.symbols.find((symbol) => symbol.includes('/verificar/'));
    expect(url).toMatch(new RegExp(`/verificar/${first.verificationCode}$`));

    // Not verifiable until delivered.
    const pathOf = (code: string) => `/verificar/${code}`;
    expect((await s.call(null, 'GET', pathOf(first.verificationCode))).status).toBe(409);

    const completed = valueOf<{ state: string; refunded: number }>(
      await s.call(kiosk, 'POST', '/v1/certificates/dispensed', {
        certificateId: first.certificateId,
        outcome: 'completed',
        detail: null,
      }),
    );
    expect(completed).toMatchObject({ state: 'delivered', refunded: 0 });
    const failed = valueOf<{ state: string; refunded: number }>(
      await s.call(kiosk, 'POST', '/v1/certificates/dispensed', {
        certificateId: second.certificateId,
        outcome: 'failed',
        detail: 'job-state aborted: media-jam',
      }),
    );
    expect(failed).toMatchObject({ state: 'refunded', refunded: offer.price });
    // A kiosk that restarts reports again: the same answer, nothing moves twice.
    expect(
      valueOf<{ state: string; refunded: number }>(
        await s.call(kiosk, 'POST', '/v1/certificates/dispensed', {
          certificateId: second.certificateId,
          outcome: 'failed',
          detail: null,
        }),
      ),
    ).toMatchObject({ state: 'refunded', refunded: 0 });
    // A delivered copy cannot be refunded by a kiosk.
    const late = await s.call(kiosk, 'POST', '/v1/certificates/dispensed', {
      certificateId: first.certificateId,
      outcome: 'failed',
      detail: null,
    });
    expect(late.status).toBe(409);

    expect(await walletBalance(s)).toBe(50_000 - offer.price);
    expect(await accountBalance(s, 'certificate-holds')).toBe(0);
    expect(await accountBalance(s, 'certificate-revenue')).toBe(offer.price);
    expect(await ledgerTotal(exec)).toBe(0);
    const mails = await s.mails(testHolder(company.docType, company.docNumber).contact.email);
    expect(mails.filter((m) => m.template === 'certificate-refunded')).toHaveLength(1);

    const page = await s.call(null, 'GET', new URL(url ?? '').pathname);
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('Certificado verificado');
    expect(String(page.body)).toContain(String(bought.receiptNumber));
    const document = await s.t.request(`${pathOf(first.verificationCode)}/documento`, { method: 'GET' });
    expect(document.status).toBe(200);
    const refundedPage = await s.call(null, 'GET', pathOf(second.verificationCode));
    expect(refundedPage.status).toBe(410);
    expect(String(refundedPage.body)).toContain('no tiene validez');
    dir.remove();
  });

  it('refuses without charging: a wrong clave, a balance too low, an unknown matrícula, a counter, another kiosk’s copy', async () => {
    const { s, kiosk } = await chamber(variant, 20_000);
    const match = await findCompany(s, kiosk);
    const offer = match.certificates[0];
    if (offer === undefined) throw new Error('no certificate on sale for the company');

    const wrong = await buy(s, kiosk, match.matricula, offer.code, 1, { clave: 'Otra.Clave1' });
    expect(wrong.body).toMatchObject({ ok: false, error: { code: 'wrong-credentials' } });
    const tooMany = await buy(s, kiosk, match.matricula, offer.code, 5);
    expect(tooMany.body).toMatchObject({ ok: false, error: { code: 'insufficient-funds' } });
    expect(JSON.stringify(tooMany.body)).toContain('faltan');
    const unknown = await buy(s, kiosk, '999999999', offer.code, 1);
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const counter = await s.enroll('cashier', 'Caja 1');
    const atCounter = await buy(s, counter, match.matricula, offer.code, 1);
    expect(atCounter.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await walletBalance(s)).toBe(20_000);
    expect(await accountBalance(s, 'certificate-holds')).toBe(0);

    const bought = valueOf<CertificatePurchaseValue>(await buy(s, kiosk, match.matricula, offer.code, 1));
    const copy = bought.copies[0];
    if (copy === undefined) throw new Error('one copy expected');
    const otherKiosk = await s.enroll('kiosk', 'Kiosco del segundo piso');
    const foreign = await s.call(otherKiosk, 'POST', '/v1/certificates/dispensed', {
      certificateId: copy.certificateId,
      outcome: 'failed',
      detail: null,
    });
    expect(foreign.body).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await walletBalance(s)).toBe(20_000 - offer.price);
  });

  it('gives an unconfirmed copy back to the kiosk that sold it, by its code, without a new charge, and settles it once when it comes out', async () => {
    const { s, kiosk } = await chamber(variant);
    const match = await findCompany(s, kiosk);
    const offer = match.certificates[0];
    if (offer === undefined) throw new Error('no certificate on sale for the company');
    const bought = valueOf<CertificatePurchaseValue>(await buy(s, kiosk, match.matricula, offer.code, 1));
    const copy = bought.copies[0];
    if (copy === undefined) throw new Error('one copy expected');
    const report = (device: Device, outcome: string) =>
      s.call(device, 'POST', '/v1/certificates/dispensed', {
        certificateId: copy.certificateId,
        outcome,
        detail: null,
      });
    const redispense = (device: Device, verificationCode: string) =>
      s.call(device, 'POST', '/v1/certificates/redispense', { verificationCode });

    // Held copies are not handed out again: only one whose delivery is unknown.
    expect((await redispense(kiosk, copy.verificationCode)).body).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(valueOf<{ state: string }>(await report(kiosk, 'unknown')).state).toBe('unknown');
    const other = await s.enroll('kiosk', 'Kiosco 2');
    expect((await redispense(other, copy.verificationCode)).body).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    const wrongCase =
      copy.verificationCode.toLowerCase() === copy.verificationCode
        ? copy.verificationCode.toUpperCase()
        : copy.verificationCode.toLowerCase();
    expect((await redispense(kiosk, wrongCase)).body).toMatchObject({ ok: false });
    const again = valueOf<{ pdfBase64: string; certificateId: string }>(await redispense(kiosk, copy.verificationCode));
    expect(again.certificateId).toBe(copy.certificateId);
    expect(again.pdfBase64).toBe(copy.pdfBase64);
    expect(await walletBalance(s)).toBe(50_000 - offer.price);

    expect(valueOf<{ state: string }>(await report(kiosk, 'completed')).state).toBe('delivered');
    expect(await accountBalance(s, 'certificate-revenue')).toBe(offer.price);
    expect((await redispense(kiosk, copy.verificationCode)).body).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('answers a verification code plainly: malformed, unknown, and too many lookups from one address', async () => {
    const { s } = await chamber(variant);
    const malformed = await s.call(null, 'GET', '/verificar/abc');
    expect(malformed.status).toBe(400);
    const unknown = await s.call(null, 'GET', '/verificar/AbCdEfGh12');
    expect(unknown.status).toBe(404);
    expect(String(unknown.body)).toContain('No hay un certificado con ese código');
    const form = await s.call(null, 'GET', '/verificar?codigo=ab%20cd');
    expect(form.status).toBe(400);
    let status = 0;
    for (let i = 0; i < 40 && status !== 429; i += 1)
      status = (await s.call(null, 'GET', '/verificar/AbCdEfGh12')).status;
    expect(status).toBe(429);
  });

  it('lets exactly one of two purchases at the same moment through when the balance covers one', async () => {
    const { s, kiosk } = await chamber(variant, 20_000);
    const match = await findCompany(s, kiosk);
    const offer = match.certificates[0];
    if (offer === undefined) throw new Error('no certificate on sale for the company');
    const copies = Math.floor(20_000 / offer.price);
    const other = await s.enroll('kiosk', 'Kiosco 2');
    const results = await Promise.all([
      buy(s, kiosk, match.matricula, offer.code, copies),
      buy(s, other, match.matricula, offer.code, copies),
    ]);
    const ok = results.filter((r) => (r.body as { ok: boolean }).ok);
    expect(ok).toHaveLength(1);
    expect(await walletBalance(s)).toBe(20_000 - copies * offer.price);
  });
});
