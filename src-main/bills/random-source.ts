import { createHmac, randomInt } from 'node:crypto';

/** Where the bills module gets its randomness; injected so tests can fix it. */
export interface RandomSource {
  /** An integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
}

/** Unpredictable: option order, which questions are asked. */
export const cryptoRandom: RandomSource = { int: (maxExclusive) => randomInt(maxExclusive) };

/**
 * A deterministic stream keyed by a secret and a label (HMAC-SHA-256 in counter mode). The
 * distractors of a question come from here, keyed by the code, the bill and the kind of
 * question: asking again shows the same wrong options, so comparing two challenges does not
 * single out the right answer (the one value common to both).
 */
export function keyedRandom(secret: Buffer, label: string): RandomSource {
  let block = Buffer.alloc(0);
  let offset = 0;
  let counter = 0;
  const nextUint32 = (): number => {
    if (offset + 4 > block.length) {
      block = createHmac('sha256', secret).update(`${label}#${counter}`).digest();
      counter += 1;
      offset = 0;
    }
    const value = block.readUInt32BE(offset);
    offset += 4;
    return value;
  };
  return {
    int(maxExclusive) {
      if (!Number.isInteger(maxExclusive) || maxExclusive < 1 || maxExclusive > 2 ** 32) {
        throw new RangeError(`maxExclusive out of range: ${maxExclusive}`);
      }
      // Rejection sampling keeps every value equally likely.
      const limit = 2 ** 32 - (2 ** 32 % maxExclusive);
      for (;;) {
        const value = nextUint32();
        if (value < limit) return value % maxExclusive;
      }
    },
  };
}

/** Fisher–Yates with the given source; returns a new array. */
export function shuffled<T>(items: readonly T[], random: RandomSource): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = random.int(i + 1);
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}
