import { randomText } from './random-text';

/**
 * Passwords the system makes (the registration's initial one, recovery's temporary one):
 * 12 characters from an alphabet without look-alikes (no 0/O, 1/l/I), grouped in threes so
 * they can be copied from a phone to a kiosk: `K7MR-PX4W-9TQB`. 12 × log2(31) ≈ 59 bits.
 */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function generatedPassword(): string {
  return [randomText(alphabet, 4), randomText(alphabet, 4), randomText(alphabet, 4)].join('-');
}

/** What a citizen typed for a generated password: case and dashes do not matter. */
export const normalizeGeneratedPassword = (typed: string): string => typed.replace(/[\s-]/g, '').toUpperCase();
