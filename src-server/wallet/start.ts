import { v7 as uuidv7 } from 'uuid';
import { err, ok, type Result } from '../../src-shared/api/result';
import type { DocumentType } from '../../src-shared/domain/identity-document';
import type { WalletStartValue } from '../../src-shared/server-api/wallet-api';
import { waitInWords } from '../accounts/login-throttle';
import { takeQuota, type Quota } from '../accounts/quotas';
import type { AuthenticatedDevice } from '../devices/auth';
import { findHolder, holderSummary } from './holders';
import { identification } from './identification';
import { currentWalletTerms } from './terms';
import { walletDevice, type WalletContext } from './wallet-context';

/**
 * «Recargar - Prepago»: the terms were shown and accepted, and the identification typed (the
 * guide, steps 7–8). The acceptance is recorded — version, the text's SHA-256, time, device —
 * as the proof Ley 1581 asks to keep; its id is what the liquidación then names. The answer says
 * whether the identification already has a wallet, with its holder masked: the guide shows the
 * wallet's data at this step, and the full data need the clave.
 */
/**
 * Identifications a device may start with in an hour: a kiosk serves far fewer, and a copied
 * token cannot list who has a wallet (even masked) faster than this.
 */
const startsPerDevice: Quota = { name: 'wallet-start:device', limit: 60, windowMs: 3_600_000 };

export async function startRecharge(
  ctx: WalletContext,
  input: { termsVersion: string; docType: DocumentType; docNumber: string },
  device: AuthenticatedDevice,
): Promise<Result<WalletStartValue>> {
  const allowed = walletDevice(device);
  if (!allowed.ok) return allowed;
  if (input.termsVersion !== currentWalletTerms.version)
    return err(
      'validation',
      'Los términos y condiciones del prepago cambiaron. Léalos de nuevo y acéptelos para continuar.',
      'termsVersion',
    );
  const id = identification(input.docType, input.docNumber);
  if (!id.ok) return id;
  const now = ctx.now();
  const quota = await takeQuota(ctx.database.exec, `${startsPerDevice.name}:${device.id}`, startsPerDevice, now);
  if (!quota.granted)
    return err(
      'locked',
      `Desde este equipo se consultaron muchas identificaciones en poco tiempo. Espere ${waitInWords(quota.waitMs)} e intente de nuevo.`,
    );
  const acceptanceId = uuidv7();
  await ctx.database.exec.query(
    `INSERT INTO wallet_terms_acceptances (id, doc_type, doc_number, terms_version, text_sha256, accepted_at, device_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      acceptanceId,
      id.value.docType,
      id.value.docNumber,
      currentWalletTerms.version,
      currentWalletTerms.textSha256,
      now.toISOString(),
      device.id,
    ],
  );
  const holder = await findHolder(ctx.database.exec, id.value);
  ctx.log.info({ device: device.id, known: holder !== null }, 'wallet terms accepted');
  return ok({
    acceptanceId,
    known: holder !== null,
    holder: holder === null ? null : holderSummary(holder),
    minAmount: ctx.config.minAmount,
    maxAmount: ctx.config.maxAmount,
  });
}
