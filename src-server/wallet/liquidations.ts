import { randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { err, ok, type Result } from '../../src-shared/api/result';
import { documentTypes } from '../../src-shared/domain/identity-document';
import { formatCop } from '../../src-shared/domain/money';
import type { LiquidationValue, LookupLiquidationValue, NewHolderFields } from '../../src-shared/server-api/wallet-api';
import type { HolderData } from '../../src-shared/wallet/holder-fields';
import { walletOwnerRef } from '../../src-shared/wallet/liquidation';
import { isRecoveryCodeShape, makeRecoveryCode } from '../../src-shared/wallet/recovery-code';
import { readVolanteScan } from '../../src-shared/wallet/volante-barcode';
import type { z } from 'zod';
import { giveBackAttempts, lockedMessage, reserveAttempts } from '../accounts/login-throttle';
import type { AuthenticatedDevice } from '../devices/auth';
import { findHolder, holderSnapshot } from './holders';
import { checkPersonKind, identification, type Identification } from './identification';
import {
  clientName,
  effectiveState,
  liquidationValue,
  selectLiquidations,
  sweepExpiredLiquidations,
  type LiquidationRow,
} from './liquidation-records';
import { liquidationCodeKeys, recoveryCodeKeys } from './wallet-throttle';
import { cashierDevice, noSuchTransaction, walletDevice, type WalletContext } from './wallet-context';

/** A kiosk visit: an acceptance of the terms older than this must be given again. */
const acceptanceValidMs = 2 * 3_600_000;
/** Recovery codes drawn before giving up: with 54^6 codes a second collision is already unlikely. */
const codeAttempts = 8;

/**
 * «Pago electrónico» (the guide, steps 9–10): the amount → a liquidación `prepago`, `pendiente`
 * until paid or expired (now + the configured days), with its number (the table's sequence,
 * also the payment reference) and a recovery code drawn with crypto.randomInt. Kiosks and
 * office counters only (the server's record of the device decides). A new identification
 * brings its holder's data, kept on the liquidación as its client; the wallet opens with them
 * on the first payment. An identification that has a wallet uses the wallet's data: they change
 * only with the clave (wallet.updateContact).
 */
export async function createLiquidation(
  ctx: WalletContext,
  input: { acceptanceId: string; amount: number; holder?: z.output<typeof NewHolderFields> },
  device: AuthenticatedDevice,
): Promise<Result<LiquidationValue>> {
  const allowed = walletDevice(device);
  if (!allowed.ok) return allowed;
  const { minAmount, maxAmount } = ctx.config;
  if (input.amount < minAmount || input.amount > maxAmount)
    return err(
      'validation',
      `El valor a cargar debe estar entre ${formatCop(minAmount)} y ${formatCop(maxAmount)}.`,
      'amount',
    );
  const exec = ctx.database.exec;
  const now = ctx.now();
  const acceptance = await acceptedIdentification(ctx, input.acceptanceId, device.id, now);
  if (!acceptance.ok) return acceptance;
  const id = acceptance.value;
  const holder = await findHolder(exec, id);
  let client: HolderData;
  if (holder !== null) client = holderSnapshot(holder);
  else {
    if (input.holder === undefined)
      return err(
        'validation',
        'Escriba los datos del titular del prepago: nombres o razón social, correo, teléfonos y dirección.',
        'holder',
      );
    const kind = checkPersonKind(id, input.holder.identity.personKind);
    if (!kind.ok) return kind;
    client = {
      docType: id.docType,
      docNumber: id.docNumber,
      identity: input.holder.identity,
      contact: input.holder.contact,
    };
  }
  await sweepExpiredLiquidations(exec, now);
  const expiresAt = new Date(now.getTime() + ctx.config.liquidationDays * 86_400_000);
  for (let attempt = 0; attempt < codeAttempts; attempt += 1) {
    const recoveryCode = makeRecoveryCode(randomInt);
    const liquidationId = uuidv7();
    // A code already taken inserts nothing (the unique index decides) and another is drawn.
    const { rows } = await exec.query<{ id: string }>(
      `INSERT INTO liquidations (id, kind, doc_type, doc_number, client, amount, state, recovery_code,
         terms_acceptance_id, device_id, created_at, expires_at)
       VALUES ($1, 'prepago', $2, $3, $4, $5, 'pendiente', $6, $7, $8, $9, $10)
       ON CONFLICT (recovery_code) DO NOTHING RETURNING id`,
      [
        liquidationId,
        id.docType,
        id.docNumber,
        JSON.stringify(client),
        input.amount,
        recoveryCode,
        input.acceptanceId,
        device.id,
        now.toISOString(),
        expiresAt.toISOString(),
      ],
    );
    if (rows.length === 0) continue;
    const [row] = await selectLiquidations(exec, 'id = $1', [liquidationId]);
    if (row === undefined) break;
    ctx.log.info(
      { device: device.id, number: row.number, amount: row.amount, newHolder: holder === null },
      'liquidación created',
    );
    return ok(liquidationValue(row, ctx.config, now));
  }
  ctx.log.error({ attempts: codeAttempts }, 'no free recovery code');
  return err('internal', 'No pudimos crear la liquidación. Intente de nuevo en un momento.');
}

/** The identification whose terms acceptance this device recorded in this visit. */
async function acceptedIdentification(
  ctx: WalletContext,
  acceptanceId: string,
  deviceId: string,
  now: Date,
): Promise<Result<Identification>> {
  const { rows } = await ctx.database.exec.query<{ doc_type: string; doc_number: string; accepted_at: Date | string }>(
    'SELECT doc_type, doc_number, accepted_at FROM wallet_terms_acceptances WHERE id = $1 AND device_id = $2',
    [acceptanceId, deviceId],
  );
  const row = rows[0];
  if (row === undefined || now.getTime() - new Date(row.accepted_at).getTime() > acceptanceValidMs)
    return err('session-ended', 'Acepte de nuevo los términos y condiciones del prepago para continuar.');
  // Stored normalised (and a NIT's DV verified) by wallet.start.
  const docType = documentTypes.find((type) => type === row.doc_type);
  if (docType === undefined)
    return err('session-ended', 'Acepte de nuevo los términos y condiciones del prepago para continuar.');
  return ok({ docType, docNumber: row.doc_number, ref: walletOwnerRef(docType, row.doc_number) });
}

/**
 * «Recuperar transacción»: identification and recovery code → the liquidación, its state and
 * ways to pay. Every attempt is counted, for the identification and for the device, before the
 * lookup; one lookup, one answer for every miss — no such identification, no wallet, a code of
 * someone else's, a wrong code — so nothing tells whether an identification has a wallet.
 */
export async function recoverLiquidation(
  ctx: WalletContext,
  input: { docType: Identification['docType']; docNumber: string; recoveryCode: string },
  device: AuthenticatedDevice,
): Promise<Result<LiquidationValue>> {
  const allowed = walletDevice(device);
  if (!allowed.ok) return allowed;
  const id = identification(input.docType, input.docNumber);
  if (!id.ok) return id;
  const exec = ctx.database.exec;
  const now = ctx.now();
  const keys = recoveryCodeKeys(id.value.ref, device.id);
  const reservation = await reserveAttempts(exec, keys, now);
  if (!reservation.granted) return err('locked', lockedMessage(reservation.waitMs));
  await sweepExpiredLiquidations(exec, now);
  const [row] = await selectLiquidations(exec, 'recovery_code = $1 AND doc_type = $2 AND doc_number = $3', [
    input.recoveryCode,
    id.value.docType,
    id.value.docNumber,
  ]);
  if (row === undefined) {
    ctx.log.info({ device: device.id, reason: 'no-match' }, 'liquidación recovery refused');
    return err('wrong-credentials', noSuchTransaction);
  }
  await giveBackAttempts(exec, keys, now);
  return ok(liquidationValue(row, ctx.config, now));
}

/**
 * A liquidación named by its id or number, opened with its recovery code (the volante, the
 * online checkout): throttled per liquidación and device like «Recuperar transacción», the
 * same answer for every miss.
 */
export async function liquidationWithCode(
  ctx: WalletContext,
  input: { liquidationId?: string; number?: number; recoveryCode: string },
  device: AuthenticatedDevice,
): Promise<Result<LiquidationRow>> {
  const allowed = walletDevice(device);
  if (!allowed.ok) return allowed;
  const named = input.liquidationId ?? String(input.number ?? '');
  const exec = ctx.database.exec;
  const now = ctx.now();
  const keys = liquidationCodeKeys(named, device.id);
  const reservation = await reserveAttempts(exec, keys, now);
  if (!reservation.granted) return err('locked', lockedMessage(reservation.waitMs));
  const [row] =
    input.liquidationId !== undefined
      ? await selectLiquidations(exec, 'id = $1 AND recovery_code = $2', [input.liquidationId, input.recoveryCode])
      : await selectLiquidations(exec, 'number = $1 AND recovery_code = $2', [input.number ?? 0, input.recoveryCode]);
  if (row === undefined) return err('wrong-credentials', noSuchTransaction);
  await giveBackAttempts(exec, keys, now);
  return ok(row);
}

/** «Esta liquidación ya no se puede pagar»: what a volante or a checkout of one that is not pending answers. */
export function notPayable(row: LiquidationRow, now: Date): Result<never> | null {
  const state = effectiveState(row, now);
  if (state === 'pendiente') return null;
  const why =
    state === 'pagada'
      ? `La liquidación ${row.number} ya está pagada: el valor se cargó a su prepago.`
      : state === 'vencida'
        ? `La liquidación ${row.number} venció sin pagarse. Haga una recarga nueva.`
        : `La liquidación ${row.number} fue anulada. Haga una recarga nueva.`;
  return err('conflict', why);
}

const notFoundAtCounter =
  'No hay una liquidación con ese número o código. Revise lo escaneado o digitado, o pida al ciudadano el volante.';

/**
 * A cashier's lookup (counters only): the volante's GS1-128 as the scanner sends it (or its
 * printed line with parentheses), the liquidación number, or the recovery code.
 */
export async function lookupLiquidation(
  ctx: WalletContext,
  query: string,
  device: AuthenticatedDevice,
): Promise<Result<LookupLiquidationValue>> {
  const allowed = cashierDevice(device);
  if (!allowed.ok) return allowed;
  const exec = ctx.database.exec;
  const now = ctx.now();
  await sweepExpiredLiquidations(exec, now);
  let row: LiquidationRow | undefined;
  const compact = query.replace(/\s+/g, '');
  if (/^\d{1,10}$/.test(compact)) {
    [row] = await selectLiquidations(exec, 'number = $1', [Number(compact)]);
    if (row === undefined && isRecoveryCodeShape(compact))
      [row] = await selectLiquidations(exec, 'recovery_code = $1', [compact]);
  } else if (isRecoveryCodeShape(query)) {
    [row] = await selectLiquidations(exec, 'recovery_code = $1', [query.trim()]);
  } else {
    const scan = readVolanteScan(query, ctx.config.recaudoGln);
    if (!scan.ok) return scan;
    [row] = await selectLiquidations(exec, 'number = $1', [scan.value.liquidationNumber]);
  }
  if (row === undefined) return err('not-found', notFoundAtCounter);
  return ok({
    liquidationId: row.id,
    number: row.number,
    amount: row.amount,
    state: effectiveState(row, now),
    holderName: clientName(row),
    docType: row.docType,
    docNumber: row.docNumber,
    expiresAt: row.expiresAt.toISOString(),
  });
}
