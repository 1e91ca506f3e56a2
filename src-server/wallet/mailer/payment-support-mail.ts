import type { ScryptParams } from '../../../src-node/password-hash';
import type { HolderData } from '../../../src-shared/wallet/holder-fields';
import type { SqlExecutor } from '../../db/sql-executor';
import { readEntitySetting } from '../../mail/mail-entity';
import { enqueueMail } from '../../mail/mail-outbox';
import { hashClave, newClave } from '../clave';
import { documentEntity } from '../documents/document-frame';
import { paymentSupportFileName, renderPaymentSupportPdf } from '../documents/payment-support-pdf';
import { readPaymentSupportFacts, type PaymentSupportFacts } from './payment-support-facts';

/**
 * One payment's soporte mail, in two steps:
 *
 * 1. `prepareSupportMail`, outside any transaction: read the payment's facts, draw the recibo de
 *    caja PDF and, when the holder has no clave yet, make one and its scrypt hash. Both are slow
 *    (the hash is most of a second at OWASP's parameters) and PGlite runs one transaction at a
 *    time, so none of it holds a lock.
 * 2. `recordSupportMail`, inside one transaction: lock the payment (skipping one another worker
 *    holds), check again that it has no mail, lock the holder and store the clave's hash only if
 *    it still has none (two payments of a new holder mailed at once issue one clave), queue the
 *    mail with the PDF attached and the clave in its body, and write wallet_support_mails. The
 *    row and the mail commit together or not at all: a crash leaves the payment to mail again.
 */
export interface PreparedSupportMail {
  readonly facts: PaymentSupportFacts;
  readonly pdf: Uint8Array;
  /** A clave for a holder that had none when prepared, with its hash; null otherwise. */
  readonly clave: { readonly plain: string; readonly hash: string } | null;
}

export async function prepareSupportMail(
  exec: SqlExecutor,
  paymentId: string,
  opts: { readonly hashParams?: ScryptParams },
): Promise<PreparedSupportMail | null> {
  const facts = await readPaymentSupportFacts(exec, paymentId);
  if (facts === null) return null;
  const pdf = await renderPaymentSupportPdf({
    entity: documentEntity(await readEntitySetting(exec)),
    receiptNumber: receiptNumber(facts.entryId),
    liquidation: { number: facts.liquidationNumber, amount: facts.liquidationAmount },
    client: facts.client,
    amount: facts.amount,
    channel: facts.channel,
    paidAt: facts.paidAt,
    newBalance: facts.balanceAfter,
    note: outcomeNote(facts),
  });
  let clave: PreparedSupportMail['clave'] = null;
  if (facts.holder !== null && !facts.holder.hasClave) {
    const plain = newClave();
    clave = { plain, hash: await hashClave(plain, opts.hashParams) };
  }
  return { facts, pdf, clave };
}

export type RecordOutcome =
  /** Queued (or recorded as unmailable); `claveIssued` on the holder's first. */
  | { readonly kind: 'recorded'; readonly mailId: string | null; readonly claveIssued: boolean }
  /** Another worker holds it or already mailed it. */
  | { readonly kind: 'taken' }
  /** The holder lost its clave between the two steps (a reset): prepare again. */
  | { readonly kind: 'prepare-again' };

export async function recordSupportMail(tx: SqlExecutor, prepared: PreparedSupportMail): Promise<RecordOutcome> {
  const { facts } = prepared;
  const locked = await tx.query('SELECT id FROM liquidation_payments WHERE id = $1 FOR UPDATE SKIP LOCKED', [
    facts.paymentId,
  ]);
  if (locked.rows.length === 0) return { kind: 'taken' };
  const done = await tx.query('SELECT 1 AS done FROM wallet_support_mails WHERE payment_id = $1', [facts.paymentId]);
  if (done.rows.length > 0) return { kind: 'taken' };

  if (facts.holder === null) {
    // applyLiquidationPayment opens the holder with the payment, so this is not expected; the
    // row still says the payment was seen, so it is not retried for ever.
    await tx.query('INSERT INTO wallet_support_mails (payment_id, mail_id, clave_issued) VALUES ($1, NULL, false)', [
      facts.paymentId,
    ]);
    return { kind: 'recorded', mailId: null, claveIssued: false };
  }
  const holders = await tx.query<{ email: string; clave_hash: string | null }>(
    'SELECT email, clave_hash FROM wallet_holders WHERE id = $1 FOR UPDATE',
    [facts.holder.id],
  );
  const holder = holders.rows[0];
  if (holder === undefined) return { kind: 'prepare-again' };
  let clave: string | null = null;
  if (holder.clave_hash === null) {
    if (prepared.clave === null) return { kind: 'prepare-again' };
    await tx.query(
      `UPDATE wallet_holders SET clave_hash = $2, clave_issued_at = now(), clave_failures = 0, updated_at = now()
       WHERE id = $1`,
      [facts.holder.id, prepared.clave.hash],
    );
    clave = prepared.clave.plain;
  }
  const number = receiptNumber(facts.entryId);
  const mailId = await enqueueMail(tx, {
    kind: 'wallet-payment-support',
    to: holder.email,
    fullName: greetingName(facts.holder.identity),
    liquidationNumber: facts.liquidationNumber,
    amount: facts.amount,
    newBalance: facts.balanceAfter,
    paidAt: facts.paidAt,
    receiptNumber: number,
    clave,
    attachments: [
      {
        filename: paymentSupportFileName(number),
        contentType: 'application/pdf',
        base64: Buffer.from(prepared.pdf).toString('base64'),
      },
    ],
  });
  await tx.query('INSERT INTO wallet_support_mails (payment_id, mail_id, clave_issued) VALUES ($1, $2, $3)', [
    facts.paymentId,
    mailId,
    clave !== null,
  ]);
  return { kind: 'recorded', mailId, claveIssued: clave !== null };
}

/** The recibo de caja's number: the wallet's ledger entry of the payment, unique and never reused. */
export const receiptNumber = (entryId: number): string => String(entryId).padStart(6, '0');

/** «NOMBRE1 APELLIDO1» for a persona natural, the razón social for a jurídica. */
function greetingName(identity: HolderData['identity']): string {
  if (identity.personKind === 'juridica') return identity.businessName;
  return [identity.firstName, identity.firstSurname].filter((part) => part !== '').join(' ');
}

function outcomeNote(facts: PaymentSupportFacts): string | undefined {
  if (facts.outcome === 'extra')
    return `La liquidación ${facts.liquidationNumber} ya estaba pagada: este valor quedó como saldo de su prepago.`;
  if (facts.outcome === 'late')
    return `La liquidación ${facts.liquidationNumber} ya no estaba vigente cuando se pagó: el valor se abonó a su prepago.`;
  return undefined;
}
