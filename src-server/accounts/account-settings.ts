import type { AccountProfile, ProfileFields } from '../../src-shared/accounts/account-fields';
import { checkNewPassword } from '../../src-shared/accounts/password-policy';
import { err, ok, type Result } from '../../src-shared/api/result';
import { enqueueMail } from '../mail/mail-outbox';
import { accountById, fullName, profileOf, setPassword, updateProfile } from './account-records';
import { keepOnlySession, type AccountSession } from './account-sessions';
import { requestEmailChange, takeEmailChangeQuota } from './email-change';
import type { AccountsContext } from './accounts-context';
import { normalizeGeneratedPassword } from './generated-password';
import type { Admission } from './password-work';

/**
 * What a logged-in citizen does with their account (guide 000 §7–8): see and change the
 * profile (not the document), change the password, link the códigos internos they proved to
 * hold. While a system-made password is in use only the password change is open.
 */
const mustChangeFirst = 'Antes de seguir, cambie la contraseña que le enviamos por una suya en «Cambio de contraseña».';

export async function readProfile(ctx: AccountsContext, session: AccountSession): Promise<Result<AccountProfile>> {
  const account = await accountById(ctx.database.exec, session.accountId);
  if (account === null) return err('session-ended', 'Su sesión terminó. Ingrese de nuevo.');
  return ok(await profileOf(ctx.database.exec, account));
}

export async function saveProfile(
  ctx: AccountsContext,
  session: AccountSession & { readonly deviceId: string },
  fields: ProfileFields,
): Promise<Result<AccountProfile>> {
  if (session.mustChangePassword) return err('forbidden', mustChangeFirst);
  const saved = await ctx.database.exec.transaction(async (tx): Promise<Result<AccountProfile>> => {
    const account = await accountById(tx, session.accountId, true);
    if (account === null) return err('session-ended', 'Su sesión terminó. Ingrese de nuevo.');
    const newEmail = fields.email !== account.email;
    if (newEmail) {
      const quota = await takeEmailChangeQuota(tx, session.deviceId, ctx.now());
      if (!quota.ok) return quota;
    }
    await updateProfile(tx, account.id, fields, ctx.now());
    // A new address waits for the code mailed to it (email-change.ts).
    if (newEmail) await requestEmailChange(tx, account, fields.email, ctx.now());
    const updated = await accountById(tx, account.id);
    return updated === null ? err('internal', 'No se pudo leer la cuenta.') : ok(await profileOf(tx, updated));
  });
  ctx.mail.wake();
  return saved;
}

export async function changePassword(
  ctx: AccountsContext,
  session: AccountSession & { readonly token: string; readonly deviceId: string },
  input: { currentPassword: string; newPassword: string; repeatPassword: string },
): Promise<Result<{ message: string }>> {
  const admission = ctx.passwords.admit(session.deviceId);
  if (!admission.ok) return admission;
  try {
    return await changeAdmitted(ctx, admission.value, session, input);
  } finally {
    admission.value.release();
  }
}

async function changeAdmitted(
  ctx: AccountsContext,
  work: Admission,
  session: AccountSession & { readonly token: string },
  input: { currentPassword: string; newPassword: string; repeatPassword: string },
): Promise<Result<{ message: string }>> {
  const exec = ctx.database.exec;
  const account = await accountById(exec, session.accountId);
  if (account === null) return err('session-ended', 'Su sesión terminó. Ingrese de nuevo.');
  // A session opened with a temporary password proved it already; the current one is the one emailed.
  const current = session.mustChangePassword
    ? normalizeGeneratedPassword(input.currentPassword)
    : input.currentPassword;
  const currentOk =
    (await work.verify(current, account.passwordHash)) ||
    (session.mustChangePassword && (await spentResetMatches(ctx, work, account.id, current)));
  if (!currentOk) return err('validation', 'La contraseña actual no es correcta.', 'currentPassword');
  if (input.newPassword !== input.repeatPassword)
    return err(
      'validation',
      'La contraseña nueva y su repetición no son iguales. Escríbalas de nuevo.',
      'repeatPassword',
    );
  const policy = checkNewPassword(input.newPassword, { docNumber: account.docNumber });
  if (!policy.ok) return policy;
  if (await work.verify(input.newPassword, account.passwordHash)) {
    return err('validation', 'La contraseña nueva debe ser distinta de la actual.', 'newPassword');
  }
  const hash = await work.hash(input.newPassword);
  const now = ctx.now();
  await exec.transaction(async (tx) => {
    await setPassword(tx, account.id, hash, false, now);
    await tx.query('UPDATE account_reset_codes SET used_at = coalesce(used_at, $2) WHERE account_id = $1', [
      account.id,
      now.toISOString(),
    ]);
    await keepOnlySession(tx, account.id, session.token);
    await enqueueMail(tx, { kind: 'password-changed', to: account.email, fullName: fullName(account), at: now });
  });
  ctx.mail.wake();
  ctx.log.info('citizen password changed');
  return ok({ message: 'Su contraseña quedó cambiada. Úsela la próxima vez que ingrese.' });
}

/** The temporary password this session was opened with (spent at login) as the "current" one. */
async function spentResetMatches(
  ctx: AccountsContext,
  work: Admission,
  accountId: string,
  typed: string,
): Promise<boolean> {
  const { rows } = await ctx.database.exec.query<{ code_hash: string }>(
    "SELECT code_hash FROM account_reset_codes WHERE account_id = $1 AND used_at > $2::timestamptz - interval '2 hours' ORDER BY used_at DESC LIMIT 1",
    [accountId, ctx.now().toISOString()],
  );
  const row = rows[0];
  return row !== undefined && (await work.verify(typed, row.code_hash));
}

export async function linkCode(
  ctx: AccountsContext,
  session: AccountSession,
  codigoInterno: number,
): Promise<Result<AccountProfile>> {
  if (session.mustChangePassword) return err('forbidden', mustChangeFirst);
  const exec = ctx.database.exec;
  const { rows } = await exec.query('SELECT 1 FROM subscribers WHERE codigo_interno = $1', [codigoInterno]);
  if (rows.length === 0)
    return err('not-found', 'No encontramos ese código interno en el servidor central.', 'codigoInterno');
  const { rows: count } = await exec.query<{ n: number | string }>(
    'SELECT count(*) AS n FROM account_subscriber_links WHERE account_id = $1',
    [session.accountId],
  );
  if (Number(count[0]?.n ?? 0) >= 20) return err('conflict', 'Una cuenta puede tener hasta 20 códigos internos.');
  await exec.query(
    'INSERT INTO account_subscriber_links (account_id, codigo_interno, linked_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
    [session.accountId, codigoInterno, ctx.now().toISOString()],
  );
  return readProfile(ctx, session);
}
