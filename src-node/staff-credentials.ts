import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  defaultScryptParams,
  parsePasswordHash,
  PasswordHashFormatError,
  saltBytes,
  scryptKey,
  type ScryptParams,
} from './password-hash';

/**
 * Staff passwords and PINs, as the central server stores them and as counters verify them
 * offline (docs/trust-model.md).
 *
 * One scrypt run gives 64 bytes. The first 32 are the **verifier**: the server replicates
 * `scrypt$…$<verifier>` to counter and field devices, in the password-hash.ts format, so
 * those hashes are ordinary password hashes. The last 32 are the staff member's **approval
 * key**: it never leaves the server (table `staff_approval_keys`), and a counter learns it
 * only for the moment a supervisor types the password, to sign what the supervisor approves
 * (a void, a close beyond the tolerance). The server recomputes the signature with its copy,
 * so a device cannot invent a supervisor's approval — not even one whose disk holds every
 * replicated hash: PBKDF2's output blocks are independent, so the verifier says nothing of
 * the key without the password.
 *
 * On the device the verifier is stored **peppered** (`scrypt-hmac$…$HMAC(pepper, verifier)`)
 * with a per-device secret kept outside the database, so a copied store alone cannot be used
 * to test guesses of a 6-digit PIN.
 */

const verifierBytes = 32;
const peppered = 'scrypt-hmac';

export interface StaffSecret {
  /** `scrypt$<log2N>$<r>$<p>$<salt>$<verifier>`: what the server stores and replicates. */
  readonly hash: string;
  /** Kept by the server only. */
  readonly approvalKey: Buffer;
}

/** Hashes a staff password or PIN. `salt` only for reproducible demo data. */
export async function hashStaffSecret(
  secret: string,
  opts: { params?: ScryptParams; salt?: Buffer } = {},
): Promise<StaffSecret> {
  const params = opts.params ?? defaultScryptParams;
  const salt = opts.salt ?? randomBytes(saltBytes);
  const out = await scryptKey(secret.normalize('NFC'), salt, params, verifierBytes * 2);
  const hash = [
    'scrypt',
    params.log2N,
    params.r,
    params.p,
    salt.toString('base64url'),
    out.subarray(0, verifierBytes).toString('base64url'),
  ].join('$');
  return { hash, approvalKey: out.subarray(verifierBytes) };
}

/** The device's stored form of a replicated hash; a hash already peppered is returned as is. */
export function pepperStaffHash(encoded: string, pepper: Buffer): string {
  if (encoded.startsWith(`${peppered}$`)) return encoded;
  const { params, salt, key } = parsePasswordHash(encoded);
  return [
    peppered,
    params.log2N,
    params.r,
    params.p,
    salt.toString('base64url'),
    hmac(pepper, key).toString('base64url'),
  ].join('$');
}

export interface StaffSecretCheck {
  readonly matches: boolean;
  /** The approval key, only when the secret matched. */
  readonly approvalKey: Buffer | null;
}

/**
 * Checks a typed secret against a peppered hash. One scrypt run whatever the outcome, so a
 * wrong secret costs as long as a right one. A malformed hash throws (it is a data error).
 */
export async function verifyStaffSecret(secret: string, encoded: string, pepper: Buffer): Promise<StaffSecretCheck> {
  const parts = encoded.split('$');
  if (parts[0] !== peppered) throw new PasswordHashFormatError('Not a peppered staff hash');
  const { params, salt, key } = parsePasswordHash(['scrypt', ...parts.slice(1)].join('$'));
  const out = await scryptKey(secret.normalize('NFC'), salt, params, verifierBytes * 2);
  const candidate = hmac(pepper, out.subarray(0, verifierBytes));
  const matches = candidate.length === key.length && timingSafeEqual(candidate, key);
  return { matches, approvalKey: matches ? Buffer.from(out.subarray(verifierBytes)) : null };
}

/** A supervisor's signature on what they approved (the message from src-shared/sync/approval.ts). */
export function signApproval(approvalKey: Buffer, message: string): string {
  return hmac(approvalKey, Buffer.from(message, 'utf8')).toString('base64url');
}

export function approvalMatches(approvalKey: Buffer, message: string, proof: string): boolean {
  const expected = hmac(approvalKey, Buffer.from(message, 'utf8'));
  const given = Buffer.from(proof, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function hmac(key: Buffer, data: Buffer): Buffer {
  return createHmac('sha256', key).update(data).digest();
}
