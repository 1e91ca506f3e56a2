import { generatedPassword } from '../accounts/generated-password';
import { hashPassword, type ScryptParams } from '../staff/password-hash';

/**
 * The wallet's clave (docs/wallet-citizen-api.md): what a holder types, with the identification,
 * to see the statement, change contact data or spend. The system makes it — mailed with the
 * first payment's soporte, or after «Solicitar una clave nueva» — and stores only its scrypt
 * hash (wallet_holders.clave_hash). It is never shown on a screen, logged or sent back.
 *
 * A made clave looks like `K7MR-PX4W-9TQB` (12 characters without look-alikes, ≈ 59 bits):
 * case, spaces and dashes do not matter when it is typed, so it is hashed and compared in its
 * normal form (`normalizeClave`). Anything else (the demo data's published claves) is compared
 * as typed, trimmed.
 */
export function newClave(): string {
  return generatedPassword();
}

const madeShape = /^[A-Za-z0-9]{4}[\s-]*[A-Za-z0-9]{4}[\s-]*[A-Za-z0-9]{4}$/;

/** What is hashed and compared: a made clave upper-cased without dashes; anything else trimmed. */
export function normalizeClave(typed: string): string {
  const trimmed = typed.trim();
  return madeShape.test(trimmed) ? trimmed.replace(/[\s-]/g, '').toUpperCase() : trimmed;
}

/** The stored form of a clave: scrypt of its normal form (OWASP's parameters unless a test lowers them). */
export function hashClave(clave: string, params?: ScryptParams): Promise<string> {
  return hashPassword(normalizeClave(clave), params === undefined ? {} : { params });
}

/** The same hash, through the server's bounded scrypt work (PasswordWork). */
export function hashClaveWith(work: { hash(password: string): Promise<string> }, clave: string): Promise<string> {
  return work.hash(normalizeClave(clave));
}
