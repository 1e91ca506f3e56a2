import { describe, expect, it } from 'vitest';
import { portableExp } from '../../../db/seed/consumption';
import { Rng, streams, WeightedTable } from '../../../db/seed/random';

describe('seeded randomness', () => {
  it('repeats a sequence for the same (seed, stream, index) and differs otherwise', () => {
    const draw = (rng: Rng) => Array.from({ length: 8 }, () => rng.nextUint32());
    const a = draw(Rng.derive(1, streams.subscriber, 42));
    expect(draw(Rng.derive(1, streams.subscriber, 42))).toEqual(a);
    expect(draw(Rng.derive(2, streams.subscriber, 42))).not.toEqual(a);
    expect(draw(Rng.derive(1, streams.account, 42))).not.toEqual(a);
    expect(draw(Rng.derive(1, streams.subscriber, 43))).not.toEqual(a);
    expect(draw(Rng.derive(1, streams.subscriber, 42 + 2 ** 32))).not.toEqual(a);
  });

  it('draws integers in range, roughly uniform, and fixed-width digit strings', () => {
    const rng = Rng.derive(9, streams.route, 0);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i += 1) {
      const n = rng.int(1, 6);
      counts[n - 1] = (counts[n - 1] ?? 0) + 1;
    }
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
    for (const width of [1, 7, 10, 15]) expect(rng.digits(width)).toMatch(new RegExp(`^\\d{${width}}$`));
  });

  it('picks from a weighted table in proportion to the weights', () => {
    const table = new WeightedTable([
      ['a', 1],
      ['b', 3],
    ] as const);
    const rng = Rng.derive(3, streams.layout, 1);
    let b = 0;
    for (let i = 0; i < 40_000; i += 1) if (table.pick(rng) === 'b') b += 1;
    expect(b / 40_000).toBeGreaterThan(0.73);
    expect(b / 40_000).toBeLessThan(0.77);
  });

  it('computes e^x with basic arithmetic only, to about 1e-12', () => {
    for (const x of [-1.05, -0.5, 0, 0.1, 0.35, 1.05, 2]) {
      expect(Math.abs(portableExp(x) / Math.exp(x) - 1)).toBeLessThan(1e-12);
    }
  });
});
