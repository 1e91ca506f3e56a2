import { describe, expect, it } from 'vitest';
import { cachedValue } from '../../../src-server/subscribers/subscriber-count';

describe('cached subscriber count', () => {
  it('counts once per TTL and shares the query in flight', async () => {
    let now = 1_000;
    const results = [10, 20];
    let loads = 0;
    const load = () =>
      new Promise<number>((resolve) => {
        loads += 1;
        setTimeout(() => resolve(results.shift() ?? -1), 5);
      });
    const counter = cachedValue(load, 60_000, () => now);
    expect(await Promise.all([counter.get(), counter.get(), counter.get()])).toEqual([10, 10, 10]);
    expect(loads).toBe(1);
    now += 59_999;
    expect(await counter.get()).toBe(10);
    expect(loads).toBe(1);
    now += 2;
    expect(await counter.get()).toBe(20);
    expect(loads).toBe(2);
  });

  it('does not keep a failure: the next call loads again', async () => {
    let fail = true;
    const counter = cachedValue(
      async () => {
        if (fail) throw new Error('database down');
        return 7;
      },
      60_000,
      () => 0,
    );
    await expect(counter.get()).rejects.toThrow('database down');
    fail = false;
    expect(await counter.get()).toBe(7);
  });
});
