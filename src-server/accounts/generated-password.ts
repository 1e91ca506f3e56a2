import { randomInt } from 'node:crypto';

/**
 * Passwords the system makes (the registration's initial one, recovery's temporary one):
 * 12 characters from an alphabet without look-alikes (no 0/O, 1/l/I), grouped in threes so
 * they can be copied from a phone to a kiosk: `K7MR-PX4W-9TQB`. 12 × log2(31) ≈ 59 bits.
 */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function generatedPassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 3; g += 1) {
    let group = '';
    for (let i = 0; i < 4; i += 1) group += alphabet[randomInt(alphabet.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** What a citizen typed for a generated password: case and dashes do not matter. */
export const normalizeGeneratedPassword = (typed: string): string => typed.replace(/[\s-]/g, '').toUpperCase();
