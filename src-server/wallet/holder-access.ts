import { err, ok, type Result } from '../../src-shared/api/result';
import type { DocumentType } from '../../src-shared/domain/identity-document';
import { lockedMessage, reserveAttempts, settleSuccess } from '../accounts/login-throttle';
import type { Admission } from '../accounts/password-work';
import type { AuthenticatedDevice } from '../devices/auth';
import { enqueueMail } from '../mail/mail-outbox';
import { normalizeClave } from './clave';
import { findHolder, holderFullName, type HolderRow } from './holders';
import { identification, type Identification } from './identification';
import { claveAccountKey, claveKeys } from './wallet-throttle';
import { walletDevice, wrongClave, type WalletContext } from './wallet-context';

/** What identification and clave open: the holder, and the identification as stored. */
export interface OpenedWallet {
  readonly holder: HolderRow;
  readonly id: Identification;
}

/**
 * Identification and clave → the wallet's holder, or one answer for every miss: no wallet, a
 * wallet whose clave is not issued yet, a wrong clave. In order, as a login (login.ts):
 * 1. the device is admitted to scrypt work (PasswordWork: two at once per device);
 * 2. the attempt is counted for the identification and the device before anything is checked;
 *    while either is blocked the answer is `locked` and scrypt is not reached;
 * 3. the clave is checked against the stored hash, or a dummy hash when there is none, so every
 *    miss costs the same time;
 * 4. a wrong clave of a real wallet adds to its failures in a row; when they reach
 *    `claveAlertAfter` (and each time that many more), the holder is mailed. A right one clears
 *    them and the identification's throttle.
 * The clave is never logged, stored or answered.
 */
export async function openWallet(
  ctx: WalletContext,
  input: { docType: DocumentType; docNumber: string; clave: string },
  device: AuthenticatedDevice,
): Promise<Result<OpenedWallet>> {
  const allowed = walletDevice(device);
  if (!allowed.ok) return allowed;
  const id = identification(input.docType, input.docNumber);
  if (!id.ok) return id;
  const admission = ctx.passwords.admit(device.id);
  if (!admission.ok) return admission;
  try {
    return await checkClave(ctx, admission.value, id.value, input.clave, device.id);
  } finally {
    admission.value.release();
  }
}

async function checkClave(
  ctx: WalletContext,
  work: Admission,
  id: Identification,
  clave: string,
  deviceId: string,
): Promise<Result<OpenedWallet>> {
  const exec = ctx.database.exec;
  const now = ctx.now();
  const keys = claveKeys(id.ref, deviceId);
  const reservation = await reserveAttempts(exec, keys, now);
  if (!reservation.granted) return err('locked', lockedMessage(reservation.waitMs));

  const holder = await findHolder(exec, id);
  const typed = normalizeClave(clave);
  const hash = holder?.claveHash ?? null;
  let matches = false;
  if (hash !== null) matches = await work.verify(typed, hash);
  else await work.verifyNothing(typed);
  if (holder === null || !matches) {
    // The same statement for every miss, whether or not it finds a wallet with a clave to count
    // against: a miss takes the same work either way.
    await countFailure(ctx, id, now);
    ctx.log.info({ device: deviceId, reason: 'wrong-credentials' }, 'wallet clave refused');
    return err('wrong-credentials', wrongClave);
  }
  await exec.transaction(async (tx) => {
    await tx.query('UPDATE wallet_holders SET clave_failures = 0 WHERE id = $1 AND clave_failures <> 0', [holder.id]);
    await settleSuccess(
      tx,
      claveAccountKey(id.ref),
      keys.filter((key) => key.key !== claveAccountKey(id.ref)),
      now,
    );
  });
  return ok({ holder, id });
}

/**
 * One more wrong clave in a row for the wallet of `id`, if it has one with a clave; its owner
 * is mailed at every `claveAlertAfter`.
 */
async function countFailure(ctx: WalletContext, id: Identification, now: Date): Promise<void> {
  const alertAfter = ctx.config.claveAlertAfter;
  const mailed = await ctx.database.exec.transaction(async (tx) => {
    const { rows } = await tx.query<{ clave_failures: number }>(
      `UPDATE wallet_holders SET clave_failures = clave_failures + 1
       WHERE doc_type = $1 AND doc_number = $2 AND clave_hash IS NOT NULL RETURNING clave_failures`,
      [id.docType, id.docNumber],
    );
    const failures = Number(rows[0]?.clave_failures ?? 0);
    if (failures === 0 || failures % alertAfter !== 0) return false;
    const holder = await findHolder(tx, id);
    if (holder === null) return false;
    await enqueueMail(tx, {
      kind: 'wallet-clave-failures',
      to: holder.email,
      fullName: holderFullName(holder),
      failures,
      at: now,
    });
    return true;
  });
  if (mailed) {
    ctx.mail.wake();
    ctx.log.warn({ alertAfter }, 'wallet owner mailed after repeated wrong claves');
  }
}
