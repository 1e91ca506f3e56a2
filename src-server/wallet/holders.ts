import type { DocumentType } from '../../src-shared/domain/identity-document';
import type { HolderDataValue, HolderSummary } from '../../src-shared/server-api/wallet-api';
import { holderName, type HolderContact, type HolderData } from '../../src-shared/wallet/holder-fields';
import { maskEmail, maskName } from '../../src-shared/wallet/masks';
import type { SqlExecutor } from '../db/sql-executor';
import type { Identification } from './identification';

/** One `wallet_holders` row as the wallet services use it (never sent as it is: the hash is in it). */
export interface HolderRow {
  readonly id: string;
  readonly docType: DocumentType;
  readonly docNumber: string;
  readonly identity: HolderData['identity'];
  readonly email: string;
  readonly mobile: string;
  readonly landline: string | null;
  readonly address: string;
  readonly municipality: string;
  /** Null until the first payment's clave is issued. */
  readonly claveHash: string | null;
  readonly claveFailures: number;
}

const columns = `id, doc_type AS "docType", doc_number AS "docNumber", identity, email, mobile, landline, address,
  municipality, clave_hash AS "claveHash", clave_failures AS "claveFailures"`;

/** The holder of the wallet of `id`, or null when the identification has none yet. */
export async function findHolder(exec: SqlExecutor, id: Identification, lock = false): Promise<HolderRow | null> {
  const { rows } = await exec.query<HolderRow & Record<string, unknown>>(
    `SELECT ${columns} FROM wallet_holders WHERE doc_type = $1 AND doc_number = $2${lock ? ' FOR UPDATE' : ''}`,
    [id.docType, id.docNumber],
  );
  return rows[0] ?? null;
}

export async function holderById(exec: SqlExecutor, holderId: string): Promise<HolderRow | null> {
  const { rows } = await exec.query<HolderRow & Record<string, unknown>>(
    `SELECT ${columns} FROM wallet_holders WHERE id = $1`,
    [holderId],
  );
  return rows[0] ?? null;
}

/** The name the recibo de caja writes: «APELLIDO1 APELLIDO2 NOMBRE1 NOMBRE2» or the razón social. */
export const holderFullName = (holder: Pick<HolderRow, 'identity'>): string => holderName(holder.identity);

/**
 * «N***** A*******»: a persona natural's first name and first surname, a razón social's words,
 * each masked — what the start screen shows so the owner recognises their wallet.
 */
export function maskedHolderName(identity: HolderData['identity']): string {
  if (identity.personKind === 'juridica') return maskName(identity.businessName);
  return maskName(`${identity.firstName} ${identity.firstSurname}`);
}

export function holderSummary(holder: HolderRow): HolderSummary {
  return {
    personKind: holder.identity.personKind,
    maskedName: maskedHolderName(holder.identity),
    maskedEmail: maskEmail(holder.email),
  };
}

/** The holder's data whole: only after the clave. */
export function holderDataValue(holder: HolderRow): HolderDataValue {
  return {
    docType: holder.docType,
    docNumber: holder.docNumber,
    name: holderFullName(holder),
    personKind: holder.identity.personKind,
    contact: {
      email: holder.email,
      mobile: holder.mobile,
      landline: holder.landline,
      address: holder.address,
      municipality: holder.municipality,
    },
  };
}

/** The snapshot a liquidación keeps of its client: the recibo de caja is issued with it. */
export function holderSnapshot(holder: HolderRow): HolderData {
  return {
    docType: holder.docType,
    docNumber: holder.docNumber,
    identity: holder.identity,
    contact: {
      email: holder.email,
      mobile: holder.mobile,
      landline: holder.landline,
      address: holder.address,
      municipality: holder.municipality,
    },
  };
}

/** Writes new contact data; the caller has checked the clave. */
export async function saveContact(
  exec: SqlExecutor,
  holderId: string,
  contact: HolderContact,
  now: Date,
): Promise<void> {
  await exec.query(
    `UPDATE wallet_holders SET email = $2, mobile = $3, landline = $4, address = $5, municipality = $6, updated_at = $7
     WHERE id = $1`,
    [
      holderId,
      contact.email,
      contact.mobile,
      contact.landline,
      contact.address,
      contact.municipality,
      now.toISOString(),
    ],
  );
}
