import { randomInt } from 'node:crypto';

/** `length` characters drawn from `alphabet` with crypto.randomInt (never Math.random). */
export function randomText(alphabet: string, length: number): string {
  let text = '';
  for (let i = 0; i < length; i += 1) text += alphabet[randomInt(alphabet.length)];
  return text;
}
