import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { err, ok, type Result } from '../../src-shared/api/result';
import type { DocumentType } from '../../src-shared/domain/identity-document';
import { clearFailures, waitInWords } from '../accounts/login-throttle';
import { takeQuota, type Quota } from '../accounts/quotas';
import type { AuthenticatedDevice } from '../devices/auth';
import { enqueueMail } from '../mail/mail-outbox';
import { hashClaveWith, newClave } from './clave';
import { findHolder, holderById, holderFullName } from './holders';
import { identification, type Identification } from './identification';
import { walletOwnerRef } from '../../src-shared/wallet/liquidation';
import { claveAccountKey } from './wallet-throttle';
import { walletDevice, type WalletContext } from './wallet-context';

/**
 * «Solicitar una clave nueva»: a link mailed to the holder's registered address, single use,
 * valid 30 minutes (wallet_clave_resets keeps only its SHA-256). Opening it shows a button;
 * pressing it issues a new clave, mailed too, and ends the old one. The kiosk's answer is the
 * same whether or not the identification has a wallet, and a stranger asking locks nobody out:
 * the current clave works until the link is used.
 */
export const resetValidMinutes = 30;
export const clavePagePath = '/prepago/clave/';

export const newClaveRequested =
  'Si la identificación tiene un prepago, enviamos a su correo registrado un enlace para crear una clave nueva.';

/** Requests a kiosk may make (each may mail someone); shown to the citizen, it says nothing about anyone. */
const requestsPerDevice: Quota = { name: 'wallet-clave-request:device', limit: 10, windowMs: 3_600_000 };
/** Links one wallet may be sent per hour; past it, quietly none (the answer stays the same). */
const linksPerHolder = 3;

export async function requestNewClave(
  ctx: WalletContext,
  input: { docType: DocumentType; docNumber: string },
  device: AuthenticatedDevice,
  linkBase: string,
): Promise<Result<{ message: string }>> {
  const allowed = walletDevice(device);
  if (!allowed.ok) return allowed;
  const id = identification(input.docType, input.docNumber);
  if (!id.ok) return id;
  const exec = ctx.database.exec;
  const now = ctx.now();
  const quota = await takeQuota(exec, `${requestsPerDevice.name}:${device.id}`, requestsPerDevice, now);
  if (!quota.granted)
    return err(
      'locked',
      `Desde este equipo se pidieron muchas claves nuevas. Espere ${waitInWords(quota.waitMs)} e intente de nuevo.`,
    );
  const token = randomBytes(32).toString('base64url');
  const sent = await exec.transaction(async (tx) => {
    const holder = await findHolder(tx, id.value, true);
    if (holder === null) return false;
    const { rows } = await tx.query<{ n: number | string }>(
      "SELECT count(*) AS n FROM wallet_clave_resets WHERE holder_id = $1 AND created_at > $2::timestamptz - interval '1 hour'",
      [holder.id, now.toISOString()],
    );
    if (Number(rows[0]?.n ?? 0) >= linksPerHolder) return false;
    await tx.query(
      'INSERT INTO wallet_clave_resets (id, holder_id, token_sha256, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
      [
        uuidv7(),
        holder.id,
        tokenHash(token),
        now.toISOString(),
        new Date(now.getTime() + resetValidMinutes * 60_000).toISOString(),
      ],
    );
    await enqueueMail(tx, {
      kind: 'wallet-clave-link',
      to: holder.email,
      fullName: holderFullName(holder),
      url: `${linkBase.replace(/\/+$/, '')}${clavePagePath}${token}`,
      validMinutes: resetValidMinutes,
    });
    return true;
  });
  if (sent) ctx.mail.wake();
  // Whether a link went out is not logged: that would tell who has a wallet.
  ctx.log.info({ device: device.id }, 'new wallet clave asked');
  return ok({ message: newClaveRequested });
}

export const tokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** Whether a link's token is live (unused, unexpired): what the page's GET shows a button for. */
export async function resetLinkLive(ctx: WalletContext, token: string): Promise<boolean> {
  const { rows } = await ctx.database.exec.query<{ id: string }>(
    'SELECT id FROM wallet_clave_resets WHERE token_sha256 = $1 AND used_at IS NULL AND expires_at > $2',
    [tokenHash(token), ctx.now().toISOString()],
  );
  return rows.length > 0;
}

/**
 * The link's button was pressed: spends the link (the statement that marks it used is the one
 * that finds it unused, so two presses issue one clave), ends the holder's other open links,
 * stores the new clave's hash, clears its failures and the identification's throttle, and
 * mails the clave. False when the link is unknown, used or expired.
 */
export async function issueNewClave(ctx: WalletContext, token: string, workerKey: string): Promise<Result<boolean>> {
  const admission = ctx.passwords.admit(workerKey);
  if (!admission.ok) return admission;
  try {
    if (!(await resetLinkLive(ctx, token))) return ok(false);
    const clave = newClave();
    const hash = await hashClaveWith(admission.value, clave);
    const now = ctx.now();
    const issued = await ctx.database.exec.transaction(async (tx) => {
      const { rows } = await tx.query<{ holder_id: string }>(
        `UPDATE wallet_clave_resets SET used_at = $2
         WHERE token_sha256 = $1 AND used_at IS NULL AND expires_at > $2 RETURNING holder_id`,
        [tokenHash(token), now.toISOString()],
      );
      const holderId = rows[0]?.holder_id;
      if (holderId === undefined) return false;
      await tx.query('UPDATE wallet_clave_resets SET used_at = $2 WHERE holder_id = $1 AND used_at IS NULL', [
        holderId,
        now.toISOString(),
      ]);
      await tx.query(
        'UPDATE wallet_holders SET clave_hash = $2, clave_issued_at = $3, clave_failures = 0, updated_at = $3 WHERE id = $1',
        [holderId, hash, now.toISOString()],
      );
      const holder = await holderById(tx, holderId);
      if (holder === null) return false;
      const id: Identification = {
        docType: holder.docType,
        docNumber: holder.docNumber,
        ref: walletOwnerRef(holder.docType, holder.docNumber),
      };
      await clearFailures(tx, claveAccountKey(id.ref));
      await enqueueMail(tx, { kind: 'wallet-new-clave', to: holder.email, fullName: holderFullName(holder), clave });
      return true;
    });
    if (issued) {
      ctx.mail.wake();
      ctx.log.info('wallet clave issued from a mailed link');
    }
    return ok(issued);
  } finally {
    admission.value.release();
  }
}
