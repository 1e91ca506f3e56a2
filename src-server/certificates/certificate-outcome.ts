import { err, ok, type Result } from '../../src-shared/api/result';
import {
  canMoveCertificate,
  issuedCertificateStateLabels,
  staffMayDecideHeldAfterMs,
  stateAfterOutcome,
  type DeliveryActor,
  type DispenseOutcome,
  type IssuedCertificateState,
} from '../../src-shared/certificates/certificate-delivery';
import { walletOwnerRef } from '../../src-shared/wallet/liquidation';
import type { SqlExecutor } from '../db/sql-executor';
import { runInTransaction } from '../db/transaction';
import type { AuthenticatedDevice } from '../devices/auth';
import { ledgerAccount } from '../ledger/ledger-accounts';
import { transferWithin } from '../ledger/transfer';
import { enqueueMail } from '../mail/mail-outbox';
import { findHolder, holderFullName } from '../wallet/holders';
import type { DocumentType } from '../../src-shared/domain/identity-document';
import { certificateDevice, type CertificateContext } from './certificate-context';

export interface OutcomeRequest {
  readonly certificateId: string;
  readonly outcome: DispenseOutcome;
  /** The dispenser's words (job-state-reasons), for staff; never shown to others. */
  readonly detail: string | null;
}

export interface OutcomeAnswer {
  readonly certificateId: string;
  readonly state: IssuedCertificateState;
  /** Pesos that went back to the wallet with this report (0 when none). */
  readonly refunded: number;
}

const notYours = 'No encontramos ese certificado en este kiosco.';

/**
 * A kiosk tells how one copy's dispensing ended: `completed` settles its price (holds →
 * certificate revenue), `failed` refunds it (holds → the wallet, and the citizen is mailed),
 * `unknown` leaves it held for staff. Only the kiosk that bought it may report it; a report that
 * repeats the copy's current state answers it again (a kiosk that restarts reports again), and
 * any other move the state machine refuses (src-shared/certificates/certificate-delivery.ts).
 */
export async function reportDispense(
  ctx: CertificateContext,
  input: OutcomeRequest,
  device: AuthenticatedDevice,
): Promise<Result<OutcomeAnswer>> {
  const allowed = certificateDevice(device);
  if (!allowed.ok) return allowed;
  return moveCertificate(ctx, input.certificateId, stateAfterOutcome[input.outcome], {
    actor: 'kiosk',
    deviceId: device.id,
    detail: input.detail,
    who: null,
  });
}

/** Staff decide a copy whose delivery is unknown, or held by a kiosk that stopped reporting (after looking in the tray). */
export async function resolveUnknownCertificate(
  ctx: CertificateContext,
  certificateId: string,
  to: 'delivered' | 'refunded',
  staff: { username: string; note: string },
): Promise<Result<OutcomeAnswer>> {
  return moveCertificate(ctx, certificateId, to, {
    actor: 'staff',
    deviceId: null,
    detail: staff.note,
    who: staff.username,
  });
}

interface CopyRow extends Record<string, unknown> {
  id: string;
  state: IssuedCertificateState;
  title: string;
  device_id: string;
  doc_type: DocumentType;
  doc_number: string;
  unit_price: string | number;
  receipt_number: string | number;
  issued_at: Date | string;
}

async function moveCertificate(
  ctx: CertificateContext,
  certificateId: string,
  to: IssuedCertificateState,
  by: { actor: DeliveryActor; deviceId: string | null; detail: string | null; who: string | null },
): Promise<Result<OutcomeAnswer>> {
  return runInTransaction(ctx.database.exec, async (tx): Promise<Result<OutcomeAnswer>> => {
    const { rows } = await tx.query<CopyRow>(
      `SELECT c.id, c.state, c.title, c.issued_at, p.device_id, p.doc_type, p.doc_number, p.unit_price, p.receipt_number
       FROM issued_certificates c JOIN certificate_purchases p ON p.id = c.purchase_id
       WHERE c.id = $1 FOR UPDATE OF c`,
      [certificateId],
    );
    const copy = rows[0];
    if (copy === undefined || (by.deviceId !== null && copy.device_id !== by.deviceId))
      return err('not-found', notYours);
    if (copy.state === to) return ok({ certificateId, state: to, refunded: 0 });
    if (
      by.actor === 'staff' &&
      copy.state === 'held' &&
      ctx.now().getTime() - new Date(copy.issued_at).getTime() < staffMayDecideHeldAfterMs
    )
      return err(
        'conflict',
        'El kiosco todavía puede estar entregando este certificado: espere a que informe, o 30 minutos desde la compra.',
      );
    if (!canMoveCertificate(copy.state, to, by.actor))
      return err(
        'conflict',
        `Ese certificado ya está «${issuedCertificateStateLabels[copy.state]}»: no puede pasar a «${issuedCertificateStateLabels[to]}».`,
      );
    const price = Number(copy.unit_price);
    let transferId: string | null = null;
    if (to === 'delivered' || to === 'refunded') {
      const holds = await ledgerAccount(tx, 'certificate-holds');
      const other =
        to === 'delivered'
          ? await ledgerAccount(tx, 'certificate-revenue')
          : await ledgerAccount(tx, 'wallet', walletOwnerRef(copy.doc_type, copy.doc_number));
      const moved = await transferWithin(tx, {
        idempotencyKey: `certificado-${to === 'delivered' ? 'entregado' : 'devuelto'}:${certificateId}`,
        kind: to === 'delivered' ? 'venta' : 'reembolso',
        description:
          to === 'delivered'
            ? `Entrega: ${copy.title} (recibo ${String(copy.receipt_number)})`
            : `Devolución: ${copy.title} no se entregó (recibo ${String(copy.receipt_number)})`,
        legs: [
          { accountId: holds.id, amount: -price },
          { accountId: other.id, amount: price },
        ],
      });
      if (!moved.ok) return moved;
      transferId = moved.value.transferId;
    }
    await tx.query(
      `UPDATE issued_certificates SET state = $2, outcome_detail = $3, outcome_at = now(), resolved_by = $4,
         outcome_transfer_id = coalesce($5, outcome_transfer_id) WHERE id = $1`,
      [certificateId, to, by.detail?.slice(0, 500) ?? null, by.who, transferId],
    );
    if (to === 'refunded') await mailRefund(tx, copy, price, by.actor);
    ctx.log.info({ certificate: certificateId, from: copy.state, to, actor: by.actor }, 'certificate copy moved');
    return ok({ certificateId, state: to, refunded: to === 'refunded' ? price : 0 });
  }).then((result) => {
    if (result.ok && result.value.refunded > 0) ctx.mail.wake();
    return result;
  });
}

async function mailRefund(tx: SqlExecutor, copy: CopyRow, amount: number, actor: DeliveryActor): Promise<void> {
  // As the purchase stored it (normalised): not as typed.
  const holder = await findHolder(tx, {
    docType: copy.doc_type,
    docNumber: copy.doc_number,
    ref: walletOwnerRef(copy.doc_type, copy.doc_number),
  });
  if (holder === null) return;
  await enqueueMail(tx, {
    kind: 'certificate-refunded',
    to: holder.email,
    fullName: holderFullName(holder),
    title: copy.title,
    receiptNumber: Number(copy.receipt_number),
    amount,
    reason:
      actor === 'kiosk'
        ? 'el dispensador del kiosco se detuvo y el certificado no salió.'
        : 'un funcionario revisó el dispensador y confirmó que el certificado no salió.',
  });
}
