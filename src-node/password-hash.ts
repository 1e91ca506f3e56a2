import { randomBytes, scrypt, timingSafeEqual, type BinaryLike, type ScryptOptions } from 'node:crypto';

/**
 * Staff passwords and PINs are stored only as scrypt hashes, in a self-describing string:
 *
 *   scrypt$<log2 N>$<r>$<p>$<salt, base64url>$<hash, base64url>
 *
 * Parameters are OWASP's scrypt recommendation (Password Storage Cheat Sheet): N = 2^17,
 * r = 8, p = 1. Because each hash carries its parameters, they can be raised later and old
 * hashes still verify (re-hash on the next successful login).
 */
export const defaultScryptParams = { log2N: 17, r: 8, p: 1 } as const;

export interface ScryptParams {
  readonly log2N: number;
  readonly r: number;
  readonly p: number;
}

export const saltBytes = 32;
const keyBytes = 32;

/**
 * Bounds accepted when verifying: a stored hash is data, and a tampered one with N = 2^30
 * must not make one login allocate gigabytes.
 */
const limits = { log2N: [14, 20], r: [1, 32], p: [1, 16] } as const;

export class PasswordHashFormatError extends Error {
  override readonly name = 'PasswordHashFormatError';
}

/** scrypt with our bounds and memory limit; `length` bytes of output (32 for a password hash). */
export function scryptKey(
  password: BinaryLike,
  salt: Buffer,
  params: ScryptParams,
  length = keyBytes,
): Promise<Buffer> {
  checkParams(params);
  const N = 2 ** params.log2N;
  // Node's default maxmem (32 MiB) is below the 128·N·r bytes that N = 2^17, r = 8 needs.
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 256 * N * params.r };
  return new Promise((resolve, reject) => {
    scrypt(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * Hashes a password with a fresh random salt. `salt` may be given only to make demo data
 * reproducible (their passwords are published anyway); never pass one for a real account.
 */
export async function hashPassword(
  password: string,
  opts: { params?: ScryptParams; salt?: Buffer } = {},
): Promise<string> {
  const params = opts.params ?? defaultScryptParams;
  checkParams(params);
  const salt = opts.salt ?? randomBytes(saltBytes);
  if (salt.length < 16) throw new RangeError('A scrypt salt needs at least 16 bytes');
  const key = await scryptKey(password.normalize('NFC'), salt, params);
  return ['scrypt', params.log2N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when `password` matches `encoded`. A malformed `encoded` throws: it is a data error. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const { params, salt, key } = parsePasswordHash(encoded);
  const candidate = await scryptKey(password.normalize('NFC'), salt, params);
  return candidate.length === key.length && timingSafeEqual(candidate, key);
}

/** True when a stored hash was made with weaker parameters than today's defaults. */
export function needsRehash(encoded: string): boolean {
  const { params } = parsePasswordHash(encoded);
  return (
    params.log2N < defaultScryptParams.log2N || params.r < defaultScryptParams.r || params.p < defaultScryptParams.p
  );
}

export function parsePasswordHash(encoded: string): { params: ScryptParams; salt: Buffer; key: Buffer } {
  const parts = encoded.split('$');
  const [scheme, n, r, p, salt, key] = parts;
  if (parts.length !== 6 || scheme !== 'scrypt' || salt === undefined || key === undefined) {
    throw new PasswordHashFormatError('Not a scrypt password hash');
  }
  const params = { log2N: Number(n), r: Number(r), p: Number(p) };
  checkParams(params);
  const saltBuf = Buffer.from(salt, 'base64url');
  const keyBuf = Buffer.from(key, 'base64url');
  if (saltBuf.length < 16 || keyBuf.length < 16) throw new PasswordHashFormatError('Salt or hash too short');
  return { params, salt: saltBuf, key: keyBuf };
}

function checkParams(params: ScryptParams): void {
  for (const name of ['log2N', 'r', 'p'] as const) {
    const value = params[name];
    const [lo, hi] = limits[name];
    if (!Number.isInteger(value) || value < lo || value > hi) {
      throw new PasswordHashFormatError(`scrypt parameter ${name}=${value} outside ${lo}–${hi}`);
    }
  }
}
