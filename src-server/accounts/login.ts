import { err, ok, type Result } from '../../src-shared/api/result';
import { loginDocumentCandidates } from '../../src-shared/domain/identity-document';
import type { LoginValue } from '../../src-shared/server-api/accounts-api';
import { hashPassword, verifyPassword } from '../staff/password-hash';
import { accountsByNumber, fullName, type AccountRow } from './account-records';
import { openSession } from './account-sessions';
import { wrongLogin, type AccountsContext } from './accounts-context';
import { normalizeGeneratedPassword } from './generated-password';
import { accountRule, clearFailures, deviceRule, recordFailure, waitFor, waitInWords } from './login-throttle';

/**
 * «Ingresar» (guide 000 §3): document number and password. An unknown document and a wrong
 * password get the same answer after the same scrypt work; both count towards the growing
 * delay of that document and of the device. A live temporary password from «Recuperar
 * contraseña» also opens the account, once, straight into «Cambio de contraseña».
 */
export async function login(ctx: AccountsContext, docNumber: string, password: string, deviceId: string): Promise<Result<LoginValue>> {
  const candidates = loginDocumentCandidates(docNumber);
  if (candidates.length === 0) return err('validation', 'Escriba su número de documento, solo con números (o letras y números si es un pasaporte).', 'docNumber');
  const exec = ctx.database.exec;
  const accountKey = `doc:${candidates[0] ?? ''}`;
  const deviceKey = `device:${deviceId}`;
  const now = ctx.now();
  const wait = Math.max(await waitFor(exec, accountKey, now), await waitFor(exec, deviceKey, now));
  if (wait > 0) return err('locked', `Hubo varios intentos fallidos. Por seguridad, espere ${waitInWords(wait)} e intente de nuevo.`);

  const accounts = await accountsByNumber(exec, candidates);
  let match: { account: AccountRow; viaReset: string | null } | null = null;
  for (const account of accounts) {
    if (await passwordMatches(account, password)) {
      match = { account, viaReset: null };
      break;
    }
    const reset = await liveResetCode(ctx, account, password);
    if (reset !== null) {
      match = { account, viaReset: reset };
      break;
    }
  }
  if (accounts.length === 0) await verifyPassword(password, await dummyHash()).catch(() => false);
  if (match === null) {
    await recordFailure(exec, accountKey, accountRule, now);
    await recordFailure(exec, deviceKey, deviceRule, now);
    ctx.log.info({ reason: 'wrong-credentials' }, 'login refused');
    return err('unauthorized', wrongLogin);
  }
  const { account, viaReset } = match;
  const session = await exec.transaction(async (tx) => {
    if (viaReset !== null) {
      // Single use: the code is spent by the same statement that checks it is still unspent.
      const spent = await tx.query('UPDATE account_reset_codes SET used_at = $2 WHERE id = $1 AND used_at IS NULL RETURNING id', [viaReset, now.toISOString()]);
      if (spent.rows.length === 0) return null;
    }
    await clearFailures(tx, accountKey);
    return openSession(tx, account.id, deviceId, viaReset !== null || account.mustChangePassword, now);
  });
  if (session === null) return err('unauthorized', wrongLogin);
  ctx.log.info({ viaReset: viaReset !== null, mustChangePassword: viaReset !== null || account.mustChangePassword }, 'citizen logged in');
  return ok({ session, mustChangePassword: viaReset !== null || account.mustChangePassword, fullName: fullName(account) });
}

async function passwordMatches(account: AccountRow, password: string): Promise<boolean> {
  // A system-made password is compared the way it was made: case and dashes do not matter.
  const typed = account.mustChangePassword ? normalizeGeneratedPassword(password) : password;
  return verifyPassword(typed, account.passwordHash).catch(() => false);
}

/** The id of an unspent, unexpired temporary password of `account` equal to `password`. */
async function liveResetCode(ctx: AccountsContext, account: AccountRow, password: string): Promise<string | null> {
  const { rows } = await ctx.database.exec.query<{ id: string; code_hash: string }>(
    'SELECT id, code_hash FROM account_reset_codes WHERE account_id = $1 AND used_at IS NULL AND expires_at > $2 ORDER BY created_at DESC LIMIT 3',
    [account.id, ctx.now().toISOString()],
  );
  for (const row of rows) {
    if (await verifyPassword(normalizeGeneratedPassword(password), row.code_hash).catch(() => false)) return row.id;
  }
  return null;
}

let dummy: Promise<string> | null = null;
/** A hash at the real cost, so an unknown document takes as long as a wrong password. */
const dummyHash = (): Promise<string> => (dummy ??= hashPassword('ventanilla-no-account'));
