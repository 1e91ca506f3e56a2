import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { AccountProfile } from '../../src-shared/accounts/account-fields';
import { err, ok, type Result } from '../../src-shared/api/result';
import type { SqlExecutor } from '../db/sql-executor';
import { enqueueMail } from '../mail/mail-outbox';
import { accountById, fullName, profileOf, type AccountRow } from './account-records';
import type { AccountSession } from './account-sessions';
import type { AccountsContext } from './accounts-context';
import { waitInWords } from './login-throttle';
import { emailChangesPerDevice, noticesPerRecipient, quotaKey, recipientKey, takeQuota } from './quotas';

/**
 * A new email from «Modificar usuario» is applied only once the citizen types the 6-digit
 * code mailed to it (15 minutes, five tries). If the address already belongs to another
 * account, its owner is told instead and no code is sent: the screen answers the same either
 * way, so it never reveals whether someone else has an account with that address. A kiosk
 * may ask for ten new addresses an hour (refused visibly); an address gets at most three of
 * these mails an hour (the rest are quietly not sent).
 */
export const emailCodeMinutes = 15;
const maxTries = 5;

const digest = (accountId: string, code: string): string =>
  createHash('sha256').update(`${accountId}:${code}`, 'utf8').digest('hex');

/**
 * Inside the profile's transaction: records the pending address and queues the right mail.
 * Either mail counts towards the address's few notices an hour (quotas.ts); past them nothing
 * is sent and the stored code is one nobody was sent, the same as for a taken address.
 */
export async function requestEmailChange(
  tx: SqlExecutor,
  account: AccountRow,
  email: string,
  now: Date,
): Promise<void> {
  const { rows } = await tx.query<{ email: string; first_names: string; last_names: string }>(
    'SELECT email, first_names, last_names FROM citizen_accounts WHERE email = $1 AND id <> $2',
    [email, account.id],
  );
  const owner = rows[0];
  const mailable = (await takeQuota(tx, recipientKey(email), noticesPerRecipient, now)).granted;
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const codeSent = owner === undefined && mailable;
  await tx.query(
    'UPDATE citizen_accounts SET pending_email = $2, pending_email_code_sha256 = $3, pending_email_expires_at = $4, pending_email_attempts = 0 WHERE id = $1',
    [
      account.id,
      email,
      codeSent ? digest(account.id, code) : digest(account.id, `unsent:${code}:${randomInt(1_000_000)}`),
      new Date(now.getTime() + emailCodeMinutes * 60_000).toISOString(),
    ],
  );
  if (!mailable) return;
  if (owner === undefined) {
    await enqueueMail(tx, {
      kind: 'email-change-code',
      to: email,
      fullName: fullName(account),
      code,
      validMinutes: emailCodeMinutes,
    });
  } else {
    await enqueueMail(tx, {
      kind: 'email-in-use',
      to: owner.email,
      fullName: `${owner.first_names} ${owner.last_names}`,
    });
  }
}

/** A kiosk asks for a bounded number of new addresses an hour; past it the save is refused. */
export async function takeEmailChangeQuota(tx: SqlExecutor, deviceId: string, now: Date): Promise<Result<void>> {
  const quota = await takeQuota(tx, quotaKey(emailChangesPerDevice, deviceId), emailChangesPerDevice, now);
  if (quota.granted) return ok(undefined);
  return err(
    'locked',
    `Desde este equipo se pidieron muchos cambios de correo en poco tiempo. Espere ${waitInWords(quota.waitMs)} e intente de nuevo.`,
    'email',
  );
}

export async function confirmEmail(
  ctx: AccountsContext,
  session: AccountSession,
  code: string,
): Promise<Result<AccountProfile>> {
  const wrong =
    'El código no es correcto o ya venció. Revise el correo nuevo o pida el cambio otra vez en «Modificar».';
  const outcome = await ctx.database.exec.transaction(async (tx): Promise<Result<AccountProfile>> => {
    const { rows } = await tx.query<{
      pending_email: string | null;
      code: string | null;
      expires: Date | string | null;
      attempts: number;
    }>(
      'SELECT pending_email, pending_email_code_sha256 AS code, pending_email_expires_at AS expires, pending_email_attempts AS attempts FROM citizen_accounts WHERE id = $1 FOR UPDATE',
      [session.accountId],
    );
    const row = rows[0];
    if (
      row === undefined ||
      row.pending_email === null ||
      row.code === null ||
      row.expires === null ||
      new Date(row.expires).getTime() <= ctx.now().getTime()
    )
      return err('validation', wrong, 'code');
    const typed = Buffer.from(digest(session.accountId, code.replace(/\s/g, '')), 'hex');
    if (!timingSafeEqual(typed, Buffer.from(row.code, 'hex'))) {
      const spent = row.attempts + 1 >= maxTries;
      await tx.query(
        spent
          ? 'UPDATE citizen_accounts SET pending_email = NULL, pending_email_code_sha256 = NULL, pending_email_expires_at = NULL, pending_email_attempts = 0 WHERE id = $1'
          : 'UPDATE citizen_accounts SET pending_email_attempts = pending_email_attempts + 1 WHERE id = $1',
        [session.accountId],
      );
      return err('validation', wrong, 'code');
    }
    const { rows: taken } = await tx.query('SELECT 1 FROM citizen_accounts WHERE email = $1 AND id <> $2', [
      row.pending_email,
      session.accountId,
    ]);
    if (taken.length > 0) return err('validation', wrong, 'code');
    const previous = await accountById(tx, session.accountId);
    await tx.query(
      'UPDATE citizen_accounts SET email = pending_email, pending_email = NULL, pending_email_code_sha256 = NULL, pending_email_expires_at = NULL, pending_email_attempts = 0, updated_at = $2 WHERE id = $1',
      [session.accountId, ctx.now().toISOString()],
    );
    const account = await accountById(tx, session.accountId);
    if (account === null || previous === null) return err('internal', 'No se pudo leer la cuenta.');
    // The old address hears of it too, in the same transaction as the change.
    await enqueueMail(tx, {
      kind: 'email-changed',
      to: previous.email,
      fullName: fullName(account),
      newEmail: account.email,
      at: ctx.now(),
    });
    return ok(await profileOf(tx, account));
  });
  if (outcome.ok) ctx.log.info('citizen email changed');
  return outcome;
}
