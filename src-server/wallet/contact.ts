import { ok, type Result } from '../../src-shared/api/result';
import type { DocumentType } from '../../src-shared/domain/identity-document';
import type { HolderDataValue } from '../../src-shared/server-api/wallet-api';
import type { HolderContact } from '../../src-shared/wallet/holder-fields';
import type { AuthenticatedDevice } from '../devices/auth';
import { enqueueMail } from '../mail/mail-outbox';
import { openWallet } from './holder-access';
import { holderById, holderDataValue, holderFullName, saveContact } from './holders';
import type { WalletContext } from './wallet-context';

/**
 * The wallet's email, phones, address and municipality, changed with identification and clave.
 * Names and identification never change here (the recibo de caja is issued with them). The
 * previous address is told, so an owner whose clave someone else used learns of it.
 */
export async function updateContact(
  ctx: WalletContext,
  input: { docType: DocumentType; docNumber: string; clave: string; contact: HolderContact },
  device: AuthenticatedDevice,
): Promise<Result<{ holder: HolderDataValue; message: string }>> {
  const opened = await openWallet(ctx, input, device);
  if (!opened.ok) return opened;
  const before = opened.value.holder;
  const now = ctx.now();
  const updated = await ctx.database.exec.transaction(async (tx) => {
    await saveContact(tx, before.id, input.contact, now);
    await enqueueMail(tx, {
      kind: 'wallet-contact-changed',
      to: before.email,
      fullName: holderFullName(before),
      at: now,
      emailChanged: before.email !== input.contact.email,
    });
    return holderById(tx, before.id);
  });
  ctx.mail.wake();
  ctx.log.info({ device: device.id }, 'wallet contact data changed');
  return ok({
    holder: holderDataValue(updated ?? before),
    message: 'Guardamos los datos de contacto de su prepago.',
  });
}
