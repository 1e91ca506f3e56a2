import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { err, ok, type Result } from '../../src-shared/api/result';
import { formatDocument, normalizeDocument } from '../../src-shared/domain/identity-document';
import type { RegisterRequest } from '../../src-shared/server-api/accounts-api';
import { enqueueMail } from '../mail/mail-outbox';
import { collidingAccount, fullName, insertAccount } from './account-records';
import type { AccountsContext } from './accounts-context';
import { consentPolicy, consentTextSha256 } from './consent-policy';
import { generatedPassword, normalizeGeneratedPassword } from './generated-password';
import { waitInWords } from './login-throttle';
import { noticesPerRecipient, quotaKey, recipientKey, registrationsPerDevice, takeQuota } from './quotas';

/**
 * «Regístrese aquí» (guide 000 §1): the account, its Ley 1581 consent and the welcome mail
 * with a system-made initial password, in one transaction. The answer is the same whether the
 * document or the email already had an account, so the screen never tells a stranger who is
 * registered: in that case the owner of the existing account gets a notice by mail instead
 * (at most three an hour per address, quietly). A kiosk may answer 20 registrations an hour.
 */
export const registeredMessage =
  'Listo. Si sus datos son nuevos, en unos minutos recibirá en su correo los datos de acceso: su usuario es su número de documento ' +
  'y la contraseña inicial, que deberá cambiar al ingresar. Si ya tenía una cuenta, le enviamos un aviso al correo registrado en ella; ' +
  'use «Recuperar contraseña» si no recuerda la suya.';

export async function register(
  ctx: AccountsContext,
  input: z.output<typeof RegisterRequest>,
  deviceId: string,
): Promise<Result<{ message: string }>> {
  const docNumber = normalizeDocument(input.docType, input.docNumber);
  if (!docNumber.ok) return docNumber;
  if (input.consent.policyVersion !== consentPolicy.version) {
    return err(
      'conflict',
      'El texto de la autorización de datos cambió mientras llenaba el formulario. Léalo de nuevo y acéptelo.',
      'consent',
    );
  }
  const now = ctx.now();
  const admission = ctx.passwords.admit(deviceId);
  if (!admission.ok) return admission;
  let passwordHash: string;
  const password = generatedPassword();
  try {
    // Every registration mails someone: a kiosk gets a bounded number of them per hour.
    const quota = await takeQuota(
      ctx.database.exec,
      quotaKey(registrationsPerDevice, deviceId),
      registrationsPerDevice,
      now,
    );
    if (!quota.granted)
      return err(
        'locked',
        `Desde este equipo se hicieron muchos registros en poco tiempo. Espere ${waitInWords(quota.waitMs)} e intente de nuevo, o acérquese a una ventanilla.`,
      );
    // Hashed before the transaction: scrypt takes a few hundred milliseconds.
    passwordHash = await admission.value.hash(normalizeGeneratedPassword(password));
  } finally {
    admission.value.release();
  }
  await ctx.database.exec.transaction(async (tx) => {
    // One registration per document and per email at a time, so a duplicate finds the first.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`account:${input.docType}:${docNumber.value}`]);
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`account-email:${input.email}`]);
    const existing = await collidingAccount(tx, input.docType, docNumber.value, input.email);
    if (existing !== null) {
      // Repeatable by a stranger: at most a few notices per address and hour, quietly.
      if ((await takeQuota(tx, recipientKey(existing.email), noticesPerRecipient, now)).granted) {
        await enqueueMail(tx, { kind: 'account-exists', to: existing.email, fullName: fullName(existing) });
      }
      return;
    }
    const id = uuidv7();
    await insertAccount(tx, { ...input, id, docNumber: docNumber.value, passwordHash, now });
    await tx.query(
      'INSERT INTO account_consents (id, account_id, policy_version, text_sha256, granted_at, device_id, channel) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [uuidv7(), id, consentPolicy.version, consentTextSha256, now.toISOString(), deviceId, 'kiosk'],
    );
    await enqueueMail(tx, {
      kind: 'account-welcome',
      to: input.email,
      fullName: `${input.firstNames} ${input.lastNames}`,
      document: formatDocument(input.docType, docNumber.value),
      password,
    });
  });
  ctx.mail.wake();
  // New or existing is not logged: that would tell who has an account.
  ctx.log.info({ docType: input.docType }, 'registration answered');
  return ok({ message: registeredMessage });
}
