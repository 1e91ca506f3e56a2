import { createHash, randomBytes, randomInt } from 'node:crypto';

/**
 * Enrollment codes are typed by IT staff from a screen or a phone call, so the alphabet has no
 * look-alikes (0/O, 1/I/L). 31 symbols × 12 positions ≈ 59 bits: far beyond online guessing
 * within a code's lifetime.
 */
export const ENROLLMENT_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 12;

/** A fresh code, as shown to the admin: `K7QF-9XWD-2MRT`. */
export function generateEnrollmentCode(): string {
  let raw = '';
  // randomInt is uniform (rejection sampling inside), unlike `byte % 31`.
  for (let i = 0; i < CODE_LENGTH; i += 1) raw += ENROLLMENT_ALPHABET[randomInt(ENROLLMENT_ALPHABET.length)];
  return formatEnrollmentCode(raw);
}

export function formatEnrollmentCode(raw: string): string {
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}`;
}

/** The canonical form hashed and compared: upper case, no dashes or spaces. */
export function normalizeEnrollmentCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

/** Codes and tokens are stored only as this hash; the database never holds a usable secret. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

export function hashEnrollmentCode(input: string): string {
  return sha256Hex(normalizeEnrollmentCode(input));
}

/** 32 random bytes: a bearer token nobody can guess; base64url so it fits a header as is. */
export function generateDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

/** 32 bytes in base64url without padding are always 43 characters of this set. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function looksLikeDeviceToken(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}
