/**
 * Seeded pseudo-random numbers for the demo data. `Math.random` is never used: the same seed
 * must give byte-identical data on every machine and every Node version.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, public domain):
 * 128 bits of state, 32-bit output, passes PractRand far beyond what demo data needs, and is
 * only adds, xors and shifts, so it is fast in plain JavaScript.
 *
 * Every subscriber gets its own generator, derived from (seed, stream, index). That keeps a
 * subscriber's data independent of how many others are generated before it, so `--append`
 * continues the same population and `--months 24` does not change who the subscribers are.
 */

/** Independent sequences drawn from one seed; adding a stream never changes the others. */
export const streams = {
  subscriber: 1,
  account: 2,
  route: 3,
  layout: 4,
  staff: 5,
  /** The chamber of commerce's registry (src-server/certificates/registry-demo.ts). */
  registry: 6,
  /** Support tickets (src-server/tickets/ticket-demo.ts). */
  tickets: 7,
} as const;

export type Stream = (typeof streams)[keyof typeof streams];

/** murmur3's 32-bit finaliser: spreads every input bit over the whole word. */
function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private constructor(a: number, b: number, c: number, d: number) {
    this.a = a >>> 0;
    this.b = b >>> 0;
    this.c = c >>> 0;
    this.d = d >>> 0;
    // sfc32's recommended warm-up so that nearby seeds do not start with correlated outputs.
    for (let i = 0; i < 12; i += 1) this.nextUint32();
  }

  /** A generator for one (seed, stream, index) triple; `index` may be any safe integer. */
  static derive(seed: number, stream: Stream, index: number): Rng {
    const low = index % 0x1_0000_0000;
    const high = Math.floor(index / 0x1_0000_0000);
    const s = fmix32(seed ^ 0x9e3779b9);
    return new Rng(
      fmix32(s ^ Math.imul(stream, 0x27d4eb2f)),
      fmix32(s + low + 0x165667b1),
      fmix32(s ^ high ^ 0xd3a2646c),
      fmix32(low ^ Math.imul(stream + 1, 0x85ebca6b)),
    );
  }

  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.nextUint32() / 0x1_0000_0000;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.float() * items.length)];
    if (item === undefined) throw new RangeError('pick() needs a non-empty list');
    return item;
  }

  /**
   * Approximately standard normal: the sum of three uniforms (Irwin–Hall) rescaled to mean 0
   * and deviation 1. Bounded to ±3, which is what we want for consumption noise.
   */
  normal(): number {
    return (this.float() + this.float() + this.float() - 1.5) * 2;
  }

  /** `count` (1–15) decimal digits, leading zeros kept (references, serials). */
  digits(count: number): string {
    if (count > 9) return this.digits(count - 9) + this.digits(9);
    return String(Math.floor(this.float() * 10 ** count)).padStart(count, '0');
  }
}

/** A weighted choice table built once; `pick` is a binary search over cumulative weights. */
export class WeightedTable<T> {
  private readonly items: readonly T[];
  private readonly cumulative: Float64Array;
  private readonly totalWeight: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    if (entries.length === 0) throw new RangeError('A weighted table needs entries');
    this.items = entries.map(([item]) => item);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, weight], i) => {
      if (!(weight > 0)) throw new RangeError('Weights must be positive');
      sum += weight;
      this.cumulative[i] = sum;
    });
    this.totalWeight = sum;
  }

  pick(rng: Rng): T {
    const target = rng.float() * this.totalWeight;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    const item = this.items[lo];
    if (item === undefined) throw new RangeError('WeightedTable is empty');
    return item;
  }
}
