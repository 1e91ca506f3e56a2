import { v7 as uuidv7 } from 'uuid';
import { err, ok, type Result } from '../../src-shared/api/result';
import { loginDocumentCandidates } from '../../src-shared/domain/identity-document';
import { enqueueMail } from '../mail/mail-outbox';
import { accountsByNumber, fullName } from './account-records';
import type { AccountsContext } from './accounts-context';
import { solveCaptcha } from './captcha';
import { generatedPassword, normalizeGeneratedPassword } from './generated-password';
import { deviceRule, giveBackAttempts, lockedMessage, reserveAttempts } from './login-throttle';
import type { Admission } from './password-work';

/**
 * «Recuperar contraseña» (guide 000 §2, with today's security): document number and the
 * captcha's text → a temporary password by mail, valid 15 minutes, single use, that opens the
 * account straight into «Cambio de contraseña». The stored password is never sent (it is not
 * known) and stays valid meanwhile, so a stranger asking for a reset locks nobody out. The
 * answer is the same whether or not the document has an account; at most three mails per
 * account per hour are sent, quietly.
 */
export const resetValidMinutes = 15;
const maxResetsPerHour = 3;

export const recoverMessage =
  `Si el número de documento tiene una cuenta, enviamos al correo registrado en ella una contraseña temporal. ` +
  `Vence en ${resetValidMinutes} minutos y sirve una sola vez: al ingresar con ella deberá escoger una contraseña nueva.`;

export async function recover(
  ctx: AccountsContext,
  input: { docNumber: string; captchaId: string; captchaText: string },
  deviceId: string,
): Promise<Result<{ message: string }>> {
  const admission = ctx.passwords.admit(deviceId);
  if (!admission.ok) return admission;
  try {
    return await recoverAdmitted(ctx, admission.value, input, deviceId);
  } finally {
    admission.value.release();
  }
}

async function recoverAdmitted(
  ctx: AccountsContext,
  work: Admission,
  input: { docNumber: string; captchaId: string; captchaText: string },
  deviceId: string,
): Promise<Result<{ message: string }>> {
  const exec = ctx.database.exec;
  const now = ctx.now();
  const device = { key: `device:${deviceId}`, rule: deviceRule };
  // Counted before the captcha is looked at, like a login: a burst of guesses is a burst of counts.
  const reservation = await reserveAttempts(exec, [device], now);
  if (!reservation.granted) return err('locked', lockedMessage(reservation.waitMs));
  if (!(await solveCaptcha(exec, input.captchaId, input.captchaText, now))) {
    return err(
      'validation',
      'El texto no coincide con el de la imagen (o la imagen venció). Escriba el texto de la imagen nueva.',
      'captchaText',
    );
  }
  await giveBackAttempts(exec, [device], now);
  const candidates = loginDocumentCandidates(input.docNumber);
  if (candidates.length === 0)
    return err(
      'validation',
      'Escriba su número de documento, solo con números (o letras y números si es un pasaporte).',
      'docNumber',
    );

  const password = generatedPassword();
  const codeHash = await work.hash(normalizeGeneratedPassword(password));
  const sent = await exec.transaction(async (tx) => {
    const account = (await accountsByNumber(tx, candidates))[0];
    if (account === undefined) return false;
    await tx.query('SELECT id FROM citizen_accounts WHERE id = $1 FOR UPDATE', [account.id]);
    const { rows } = await tx.query<{ n: number | string }>(
      "SELECT count(*) AS n FROM account_reset_codes WHERE account_id = $1 AND created_at > $2::timestamptz - interval '1 hour'",
      [account.id, now.toISOString()],
    );
    if (Number(rows[0]?.n ?? 0) >= maxResetsPerHour) return false;
    await tx.query(
      'INSERT INTO account_reset_codes (id, account_id, code_hash, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)',
      [
        uuidv7(),
        account.id,
        codeHash,
        new Date(now.getTime() + resetValidMinutes * 60_000).toISOString(),
        now.toISOString(),
      ],
    );
    await enqueueMail(tx, {
      kind: 'account-reset',
      to: account.email,
      fullName: fullName(account),
      password,
      validMinutes: resetValidMinutes,
    });
    return true;
  });
  if (sent) ctx.mail.wake();
  // Whether a mail went out is not logged: that would tell who has an account.
  ctx.log.info('password recovery asked');
  return ok({ message: recoverMessage });
}
