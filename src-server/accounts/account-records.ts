import type { ProfileFields } from '../../src-shared/accounts/account-fields';
import type { AccountProfile } from '../../src-shared/accounts/account-fields';
import type { DocumentType } from '../../src-shared/domain/identity-document';
import type { SqlExecutor } from '../db/sql-executor';

/** One `citizen_accounts` row as the account services use it. */
export interface AccountRow {
  readonly id: string;
  readonly docType: DocumentType;
  readonly docNumber: string;
  readonly firstNames: string;
  readonly lastNames: string;
  readonly email: string;
  readonly mobile: string;
  readonly landline: string | null;
  readonly address: string;
  readonly municipality: string;
  readonly passwordHash: string;
  readonly mustChangePassword: boolean;
  readonly pendingEmail: string | null;
  readonly pendingEmailExpiresAt: Date | string | null;
}

const columns = `id, doc_type AS "docType", doc_number AS "docNumber", first_names AS "firstNames", last_names AS "lastNames",
  email, mobile, landline, address, municipality, password_hash AS "passwordHash", must_change_password AS "mustChangePassword",
  pending_email AS "pendingEmail", pending_email_expires_at AS "pendingEmailExpiresAt"`;

export const fullName = (account: Pick<AccountRow, 'firstNames' | 'lastNames'>): string =>
  `${account.firstNames} ${account.lastNames}`;

/** Accounts whose document number is one of `numbers` (any type): at most a few. */
export async function accountsByNumber(exec: SqlExecutor, numbers: readonly string[]): Promise<AccountRow[]> {
  if (numbers.length === 0) return [];
  const { rows } = await exec.query<AccountRow & Record<string, unknown>>(
    `SELECT ${columns} FROM citizen_accounts WHERE doc_number = ANY($1::text[]) ORDER BY created_at LIMIT 5`,
    [numbers],
  );
  return rows;
}

export async function accountById(exec: SqlExecutor, id: string, lock = false): Promise<AccountRow | null> {
  const { rows } = await exec.query<AccountRow & Record<string, unknown>>(
    `SELECT ${columns} FROM citizen_accounts WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

/** The owner of `email`, or of the document: who a duplicate registration collides with. */
export async function collidingAccount(
  exec: SqlExecutor,
  docType: DocumentType,
  docNumber: string,
  email: string,
): Promise<AccountRow | null> {
  const { rows } = await exec.query<AccountRow & Record<string, unknown>>(
    `SELECT ${columns} FROM citizen_accounts WHERE (doc_type = $1 AND doc_number = $2) OR email = $3 ORDER BY (doc_type = $1 AND doc_number = $2) DESC LIMIT 1`,
    [docType, docNumber, email],
  );
  return rows[0] ?? null;
}

export async function insertAccount(
  exec: SqlExecutor,
  account: { id: string; docType: DocumentType; docNumber: string; passwordHash: string; now: Date } & ProfileFields,
): Promise<void> {
  await exec.query(
    `INSERT INTO citizen_accounts (id, doc_type, doc_number, first_names, last_names, email, mobile, landline, address, municipality, password_hash, must_change_password, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, true, $12, $12)`,
    [
      account.id,
      account.docType,
      account.docNumber,
      account.firstNames,
      account.lastNames,
      account.email,
      account.mobile,
      account.landline,
      account.address,
      account.municipality,
      account.passwordHash,
      account.now.toISOString(),
    ],
  );
}

/** Everything but the email, which changes only through its confirmation code. */
export async function updateProfile(
  exec: SqlExecutor,
  id: string,
  fields: Omit<ProfileFields, 'email'>,
  now: Date,
): Promise<void> {
  await exec.query(
    `UPDATE citizen_accounts SET first_names = $2, last_names = $3, mobile = $4, landline = $5, address = $6, municipality = $7, updated_at = $8 WHERE id = $1`,
    [
      id,
      fields.firstNames,
      fields.lastNames,
      fields.mobile,
      fields.landline,
      fields.address,
      fields.municipality,
      now.toISOString(),
    ],
  );
}

export async function setPassword(
  exec: SqlExecutor,
  id: string,
  passwordHash: string,
  mustChange: boolean,
  now: Date,
): Promise<void> {
  await exec.query(
    'UPDATE citizen_accounts SET password_hash = $2, must_change_password = $3, updated_at = $4 WHERE id = $1',
    [id, passwordHash, mustChange, now.toISOString()],
  );
}

export async function linkedCodes(exec: SqlExecutor, accountId: string): Promise<number[]> {
  const { rows } = await exec.query<{ codigo_interno: number }>(
    'SELECT codigo_interno FROM account_subscriber_links WHERE account_id = $1 ORDER BY linked_at, codigo_interno',
    [accountId],
  );
  return rows.map((r) => Number(r.codigo_interno));
}

export async function profileOf(exec: SqlExecutor, account: AccountRow): Promise<AccountProfile> {
  return {
    docType: account.docType,
    docNumber: account.docNumber,
    firstNames: account.firstNames,
    lastNames: account.lastNames,
    email: account.email,
    mobile: account.mobile,
    landline: account.landline,
    address: account.address,
    municipality: account.municipality,
    codes: await linkedCodes(exec, account.id),
    pendingEmail:
      account.pendingEmail !== null &&
      account.pendingEmailExpiresAt !== null &&
      new Date(account.pendingEmailExpiresAt).getTime() > Date.now()
        ? account.pendingEmail
        : null,
  };
}
