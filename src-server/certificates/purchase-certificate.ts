import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { err, ok, type Result } from '../../src-shared/api/result';
import { priceOn } from '../../src-shared/certificates/certificate-catalogue';
import { chooseCertificate, type CertificateChoice } from '../../src-shared/certificates/certificate-choice';
import type { Matricula } from '../../src-shared/certificates/matricula';
import { makeVerificationCode } from '../../src-shared/certificates/verification-code';
import type { DocumentType } from '../../src-shared/domain/identity-document';
import { formatCop } from '../../src-shared/domain/money';
import { walletOwnerRef } from '../../src-shared/wallet/liquidation';
import { renderCertificatePdf } from '../../src-node/certificates/certificate-pdf';
import { certificateTitles } from '../../src-node/certificates/certificate-wording';
import { signPdf } from '../../src-node/certificates/signing/sign-pdf';
import { runInTransaction } from '../db/transaction';
import type { AuthenticatedDevice } from '../devices/auth';
import { ledgerAccount } from '../ledger/ledger-accounts';
import { lockAccounts, transferRefusal, transferWithin } from '../ledger/transfer';
import { openWallet } from '../wallet/holder-access';
import type { Identification } from '../wallet/identification';
import { certificateDevice, verificationPath, type CertificateContext } from './certificate-context';
import { certificateDescription, certificateKindFor } from './certificate-description';
import { purchaseAnswer, type PurchaseAnswer } from './purchase-answer';

export interface PurchaseRequest {
  /** The kiosk's key for this purchase (a UUID it keeps): asking again answers the first purchase. */
  readonly purchaseKey: string;
  readonly docType: DocumentType;
  readonly docNumber: string;
  readonly clave: string;
  readonly matricula: string;
  readonly certificateCode: string;
  readonly copies: number;
}

/**
 * «Comprar certificado» (docs/certificates.md): identification and clave open the wallet; the
 * certificate is chosen for the matrícula and priced for today; every copy is made (its own
 * verification code, the chamber's signature) BEFORE any money moves, so nothing is charged
 * for a certificate that could not be made; then, in one transaction, the price of all copies
 * is HELD on the wallet (wallet → certificate-holds) with the purchase, each copy and its PDF.
 * What the dispenser does with each copy later settles or refunds its part (certificate-outcome.ts).
 *
 * The same purchase key from the same kiosk answers the first purchase with its copies again
 * (a kiosk that lost the answer to a cut connection asks again and is never charged twice).
 */
export async function purchaseCertificate(
  ctx: CertificateContext,
  input: PurchaseRequest,
  device: AuthenticatedDevice,
  publicBase: string,
): Promise<Result<PurchaseAnswer>> {
  const allowed = certificateDevice(device);
  if (!allowed.ok) return allowed;
  const exec = ctx.database.exec;
  const before = await purchaseAnswer(exec, device.id, input.purchaseKey);
  if (before !== null) return ok(before);
  if (!Number.isInteger(input.copies) || input.copies < 1 || input.copies > ctx.certificates.maxCopies)
    return err('validation', `Puede comprar de 1 a ${ctx.certificates.maxCopies} copias en una compra.`, 'copies');

  const entry = await ctx.registry.byNumber(exec, input.matricula);
  if (entry === null)
    return err('not-found', `No encontramos la matrícula ${input.matricula}. Revise el número e intente de nuevo.`);
  const now = ctx.now();
  const choice = chooseCertificate(ctx.certificates.catalogue, input.certificateCode, entry, now);
  if (!choice.ok) return choice;
  const price = priceOn(ctx.certificates.catalogue, input.certificateCode, now);
  if (!price.ok) return price;
  const unitPrice = price.value;

  const opened = await openWallet(ctx, input, device);
  if (!opened.ok) return opened;
  return issueAndHold(ctx, {
    purchaseKey: input.purchaseKey,
    id: opened.value.id,
    entry,
    choice: choice.value,
    unitPrice,
    copies: input.copies,
    device,
    publicBase,
  });
}

/** A purchase from the moment the clave was accepted: what `certificates.purchase_to_job_p99_ms` measures. */
export interface AcceptedPurchase {
  readonly purchaseKey: string;
  readonly id: Identification;
  readonly entry: Matricula;
  readonly choice: CertificateChoice;
  readonly unitPrice: number;
  readonly copies: number;
  readonly device: AuthenticatedDevice;
  readonly publicBase: string;
}

/** Makes and signs every copy, then holds the price with the purchase's rows in one transaction. */
export async function issueAndHold(ctx: CertificateContext, p: AcceptedPurchase): Promise<Result<PurchaseAnswer>> {
  const exec = ctx.database.exec;
  const now = ctx.now();
  const { id, entry, device, unitPrice } = p;
  const total = unitPrice * p.copies;
  const receipt = await exec.query<{ n: string }>(
    "SELECT nextval(pg_get_serial_sequence('certificate_purchases', 'receipt_number')) AS n",
  );
  const receiptNumber = Number(receipt.rows[0]?.n);
  const signer = await ctx.signer();
  const verificationBaseUrl = `${p.publicBase}${verificationPath}`;
  const kind = certificateKindFor(p.choice, entry);
  const copies: { id: string; copy: number; verificationCode: string; pdf: Uint8Array }[] = [];
  for (let copy = 1; copy <= p.copies; copy += 1) {
    const verificationCode = makeVerificationCode((n) => randomBytes(n));
    const description = certificateDescription(ctx.certificates, verificationBaseUrl, entry, p.choice, {
      issuedAt: now,
      receiptNumber,
      pricePesos: unitPrice,
      verificationCode,
      preview: false,
    });
    const pdf = await signPdf(await renderCertificatePdf(description), signer, {
      reason: `${certificateTitles[kind]} expedido por ${ctx.certificates.chamber.name}`,
      location: ctx.certificates.chamber.city,
      signedAt: now,
    });
    copies.push({ id: uuidv7(), copy, verificationCode, pdf });
  }

  const purchaseId = uuidv7();
  try {
    return await runInTransaction(exec, async (tx): Promise<Result<PurchaseAnswer>> => {
      const wallet = await ledgerAccount(tx, 'wallet', walletOwnerRef(id.docType, id.docNumber));
      const holds = await ledgerAccount(tx, 'certificate-holds');
      const balance = (await lockAccounts(tx, [wallet.id])).get(wallet.id) ?? 0;
      if (balance < total) return err('insufficient-funds', insufficient(balance, total));
      const hold = await transferWithin(tx, {
        idempotencyKey: `certificado:${purchaseId}`,
        kind: 'compra',
        description: `Compra: ${p.choice.certificate.title}, ${copiesWords(p.copies)} (recibo ${receiptNumber})`,
        legs: [
          { accountId: wallet.id, amount: -total },
          { accountId: holds.id, amount: total },
        ],
      });
      if (!hold.ok) return hold;
      await tx.query(
        `INSERT INTO certificate_purchases (id, receipt_number, device_id, purchase_key, doc_type, doc_number,
           matricula_number, certificate_code, copies, unit_price, hold_transfer_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          purchaseId,
          receiptNumber,
          device.id,
          p.purchaseKey,
          id.docType,
          id.docNumber,
          entry.number,
          p.choice.certificate.code,
          p.copies,
          unitPrice,
          hold.value.transferId,
          now.toISOString(),
        ],
      );
      for (const c of copies) {
        await tx.query(
          `INSERT INTO issued_certificates (id, purchase_id, copy, verification_code, certificate_code, title,
             matricula_number, business_name, issued_at, state, pdf_sha256)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'held', $10)`,
          [
            c.id,
            purchaseId,
            c.copy,
            c.verificationCode,
            p.choice.certificate.code,
            certificateTitles[kind],
            entry.number,
            entry.name,
            now.toISOString(),
            createHash('sha256').update(c.pdf).digest('hex'),
          ],
        );
        await tx.query('INSERT INTO issued_certificate_pdfs (certificate_id, pdf) VALUES ($1, $2)', [
          c.id,
          Buffer.from(c.pdf),
        ]);
      }
      ctx.log.info(
        { device: device.id, receiptNumber, copies: p.copies, certificate: p.choice.certificate.code },
        'certificate purchase held',
      );
      const answer = await purchaseAnswer(tx, device.id, p.purchaseKey);
      if (answer === null) throw new Error('the purchase just written was not found');
      return ok(answer);
    });
  } catch (error) {
    const refusal = transferRefusal(error);
    if (refusal !== null)
      return err('insufficient-funds', 'El saldo del prepago cambió y ya no alcanza. Intente de nuevo.');
    // The same key from the same kiosk twice at once: the first one's purchase is the answer.
    const again = await purchaseAnswer(exec, device.id, p.purchaseKey);
    if (again !== null) return ok(again);
    throw error;
  }
}

const copiesWords = (n: number): string => (n === 1 ? '1 copia' : `${n} copias`);

function insufficient(balance: number, total: number): string {
  return (
    `El saldo del prepago no alcanza: tiene ${formatCop(balance)} y la compra cuesta ${formatCop(total)}; ` +
    `faltan ${formatCop(total - balance)}. Recargue en «Prepago de servicios» (en línea, con volante en el banco o en una caja de la oficina) e intente de nuevo.`
  );
}
