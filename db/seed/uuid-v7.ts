/**
 * Deterministic UUIDv7 (RFC 9562): 48-bit Unix milliseconds, version 7, 74 random bits drawn
 * from the seeded generator. Payment ids sort by payment time, like the ones the app creates,
 * and the same seed gives the same ids.
 */
import type { Rng } from './random';

/** Two hex digits per byte, looked up: `toString(16).padStart` per id was a hot spot at scale. */
const byteHex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex8(value: number): string {
  return (
    (byteHex[(value >>> 24) & 0xff] ?? '') +
    (byteHex[(value >>> 16) & 0xff] ?? '') +
    (byteHex[(value >>> 8) & 0xff] ?? '') +
    (byteHex[value & 0xff] ?? '')
  );
}

function hex4(value: number): string {
  return (byteHex[(value >>> 8) & 0xff] ?? '') + (byteHex[value & 0xff] ?? '');
}

export function uuidV7(unixMs: number, rng: Rng): string {
  const high = Math.floor(unixMs / 0x1_0000); // top 32 of the 48 time bits
  const r1 = rng.nextUint32();
  const r2 = rng.nextUint32();
  const r3 = rng.nextUint32();
  const versionAndRandA = 0x7000 | (r1 >>> 20); // version 7, then 12 bits
  const variantAndRandB = 0x8000 | (r1 & 0x3fff); // variant 0b10, then 14 bits
  return `${hex8(high)}-${hex4(unixMs % 0x1_0000)}-${hex4(versionAndRandA)}-${hex4(variantAndRandB)}-${hex8(r2)}${hex4(r3)}`;
}
