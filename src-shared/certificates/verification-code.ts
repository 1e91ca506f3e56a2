import { err, ok, type Result } from '../api/result';
import { bogotaDate } from '../domain/calendar-es';

/**
 * A certificate's verification code, like `NA6V1suvZm`: 10 case-sensitive letters and digits,
 * as the chambers' SII prints them (docs/domain/certificates.md, 6.3). 62^10 ≈ 8·10^17 codes,
 * drawn from a cryptographic source, so one cannot be guessed even at the verification page's
 * throttled rate; the issuing side still stores them under a unique key and draws again on the
 * (astronomically rare) collision.
 *
 * Lookups are case-SENSITIVE, as SII's are. Most verifications come from the QR, which carries
 * the exact code; folding case would make two issued codes that differ only in case the same
 * answer and take the code from 62 to 36 symbols per place. Someone typing it instead (on the
 * kiosk's touch keyboard, a phone) is told plainly that capitals matter when nothing matches.
 */
export const verificationCodeAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const verificationCodeLength = 10;

/** Days (calendar, Bogotá) a certificate can be verified after the day it was issued. */
export const verificationDays = 60;

/** `n` bytes from a CSPRNG: node:crypto's `randomBytes`, or `crypto.getRandomValues` in a browser. */
export type RandomBytes = (n: number) => Uint8Array;

/**
 * The largest multiple of 62 a byte can hold is 248: a byte below it maps to `byte % 62` with
 * every symbol 4 times; 248–255 are dropped, so no symbol is likelier than another (a plain
 * `byte % 62` would make the first 8 symbols 25 % more frequent).
 */
const acceptBelow = 256 - (256 % verificationCodeAlphabet.length);

/** The symbol a random byte stands for, or null for a byte that must be thrown away. */
export const symbolForByte = (byte: number): string | null =>
  byte < acceptBelow ? (verificationCodeAlphabet[byte % verificationCodeAlphabet.length] ?? null) : null;

export function makeVerificationCode(randomBytes: RandomBytes): string {
  let code = '';
  while (code.length < verificationCodeLength) {
    // 16 bytes almost always suffice: each is kept with probability 248/256. Bytes left over
    // when the code is complete are dropped.
    for (const byte of randomBytes(16)) {
      const symbol = symbolForByte(byte);
      if (symbol === null) continue;
      code += symbol;
      if (code.length === verificationCodeLength) break;
    }
  }
  return code;
}

const shape = /^[A-Za-z0-9]{10}$/;

/** Whether `text` is a code as issued (a page address, a QR), with no tidying. */
export const isVerificationCode = (text: string): boolean => shape.test(text);

/**
 * What someone typed → the code to look up, or a Spanish message saying what is wrong. Spaces
 * anywhere are dropped (people copy codes in groups); case is kept as typed.
 */
export function readVerificationCode(typed: string): Result<string> {
  const compact = typed.replace(/\s+/g, '');
  if (compact === '')
    return err('validation', 'Escriba el código de verificación que aparece en el certificado.', 'code');
  if (!/^[A-Za-z0-9]+$/.test(compact))
    return err(
      'validation',
      'El código de verificación lleva solo letras sin tilde y números: sin ñ, guiones ni otros signos.',
      'code',
    );
  if (compact.length !== verificationCodeLength)
    return err(
      'validation',
      `El código de verificación tiene ${verificationCodeLength} caracteres y usted escribió ${compact.length}. ` +
        'Revíselo en la parte de arriba del certificado.',
      'code',
    );
  return ok(compact);
}

/** The answer when a well-formed code matches no certificate. */
export const unknownVerificationCodeMessage =
  'No hay un certificado con ese código. Revise cada carácter: las mayúsculas y las minúsculas cuentan ' +
  '(«A» no es «a»), y el cero no es la letra O.';

/** The last Bogotá day (`YYYY-MM-DD`, inclusive) a certificate issued at `issuedAt` can be verified. */
export function lastVerificationDay(issuedAt: Date): string {
  const issuedDay = bogotaDate(issuedAt.toISOString());
  return new Date(Date.parse(`${issuedDay}T12:00:00Z`) + verificationDays * 86_400_000).toISOString().slice(0, 10);
}

/** Whether the certificate issued at `issuedAt` can still be verified at `now`. */
export const isVerifiable = (issuedAt: Date, now: Date): boolean =>
  bogotaDate(now.toISOString()) <= lastVerificationDay(issuedAt);
