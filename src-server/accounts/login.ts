import { err, ok, type Result } from '../../src-shared/api/result';
import { loginDocumentCandidates } from '../../src-shared/domain/identity-document';
import type { LoginValue } from '../../src-shared/server-api/accounts-api';
import { accountsByNumber, fullName, type AccountRow } from './account-records';
import { openSession } from './account-sessions';
import { wrongLogin, type AccountsContext } from './accounts-context';
import { normalizeGeneratedPassword } from './generated-password';
import { accountRule, deviceRule, lockedMessage, reserveAttempts, settleSuccess } from './login-throttle';
import type { Admission } from './password-work';

/**
 * «Ingresar» (guide 000 §3): document number and password. In order:
 * 1. The device is admitted to password work (at most two of its requests at once).
 * 2. The attempt is counted for the document and for the device before any password is
 *    checked; while either is blocked the answer is `locked` and scrypt is not reached.
 * 3. The password is checked. An unknown document and a wrong password get the same answer
 *    after the same scrypt work; the attempt stays counted. A match clears the document's
 *    count and gives the device its attempt back.
 * A live temporary password from «Recuperar contraseña» also opens the account, once, straight
 * into «Cambio de contraseña».
 */
export async function login(
  ctx: AccountsContext,
  docNumber: string,
  password: string,
  deviceId: string,
): Promise<Result<LoginValue>> {
  const candidates = loginDocumentCandidates(docNumber);
  if (candidates.length === 0)
    return err(
      'validation',
      'Escriba su número de documento, solo con números (o letras y números si es un pasaporte).',
      'docNumber',
    );
  const admission = ctx.passwords.admit(deviceId);
  if (!admission.ok) return admission;
  try {
    return await checkLogin(ctx, admission.value, candidates, password, deviceId);
  } finally {
    admission.value.release();
  }
}

async function checkLogin(
  ctx: AccountsContext,
  work: Admission,
  candidates: readonly string[],
  password: string,
  deviceId: string,
): Promise<Result<LoginValue>> {
  const exec = ctx.database.exec;
  const accountKey = `doc:${candidates[0] ?? ''}`;
  const device = { key: `device:${deviceId}`, rule: deviceRule };
  const now = ctx.now();
  const reservation = await reserveAttempts(exec, [{ key: accountKey, rule: accountRule }, device], now);
  if (!reservation.granted) return err('locked', lockedMessage(reservation.waitMs));

  const accounts = await accountsByNumber(exec, candidates);
  let match: { account: AccountRow; viaReset: string | null } | null = null;
  for (const account of accounts) {
    if (await passwordMatches(work, account, password)) {
      match = { account, viaReset: null };
      break;
    }
    const reset = await liveResetCode(ctx, work, account, password);
    if (reset !== null) {
      match = { account, viaReset: reset };
      break;
    }
  }
  if (accounts.length === 0) await work.verifyNothing(password);
  if (match === null) {
    ctx.log.info({ reason: 'wrong-credentials' }, 'login refused');
    return err('wrong-credentials', wrongLogin);
  }
  const { account, viaReset } = match;
  const session = await exec.transaction(async (tx) => {
    if (viaReset !== null) {
      // Single use: the code is spent by the same statement that checks it is still unspent.
      const spent = await tx.query(
        'UPDATE account_reset_codes SET used_at = $2 WHERE id = $1 AND used_at IS NULL RETURNING id',
        [viaReset, now.toISOString()],
      );
      if (spent.rows.length === 0) return null;
    }
    await settleSuccess(tx, accountKey, [device], now);
    return openSession(tx, account.id, deviceId, viaReset !== null || account.mustChangePassword, now);
  });
  if (session === null) return err('wrong-credentials', wrongLogin);
  ctx.log.info(
    { viaReset: viaReset !== null, mustChangePassword: viaReset !== null || account.mustChangePassword },
    'citizen logged in',
  );
  return ok({
    session,
    mustChangePassword: viaReset !== null || account.mustChangePassword,
    fullName: fullName(account),
  });
}

function passwordMatches(work: Admission, account: AccountRow, password: string): Promise<boolean> {
  // A system-made password is compared the way it was made: case and dashes do not matter.
  const typed = account.mustChangePassword ? normalizeGeneratedPassword(password) : password;
  return work.verify(typed, account.passwordHash);
}

/** The id of an unspent, unexpired temporary password of `account` equal to `password`. */
async function liveResetCode(
  ctx: AccountsContext,
  work: Admission,
  account: AccountRow,
  password: string,
): Promise<string | null> {
  const { rows } = await ctx.database.exec.query<{ id: string; code_hash: string }>(
    'SELECT id, code_hash FROM account_reset_codes WHERE account_id = $1 AND used_at IS NULL AND expires_at > $2 ORDER BY created_at DESC LIMIT 3',
    [account.id, ctx.now().toISOString()],
  );
  for (const row of rows) {
    if (await work.verify(normalizeGeneratedPassword(password), row.code_hash)) return row.id;
  }
  return null;
}
