import { describe, expect, it } from 'vitest';
import { BufferPool } from '../../../src-server/buffer-pool';

const KB = 1024;

describe('BufferPool: buffers reused by the pull path', () => {
  it('hands a given-back buffer out again, sized exactly as asked', () => {
    const pool = new BufferPool(10 * 1024 * KB);
    const first = pool.take(300 * KB);
    expect(first.length).toBe(300 * KB);
    const store = first.buffer;
    pool.give(first);
    expect(pool.keptBytes).toBe(512 * KB);
    // Any size of the same class gets the same memory back.
    const again = pool.take(400 * KB);
    expect(again.buffer).toBe(store);
    expect(again.length).toBe(400 * KB);
    expect(pool.keptBytes).toBe(0);
    // Nothing free of that class: new memory.
    expect(pool.take(400 * KB).buffer).not.toBe(store);
  });

  it('never lends one buffer to two users: giving it back twice is refused', () => {
    const pool = new BufferPool(10 * 1024 * KB);
    const buffer = pool.take(100 * KB);
    pool.give(buffer);
    expect(() => pool.give(buffer)).toThrow(/twice/);
    expect(pool.take(100 * KB).buffer).toBe(buffer.buffer);
    expect(pool.take(100 * KB).buffer).not.toBe(buffer.buffer);
  });

  it('keeps only its own buffers, of the pooled sizes, up to its limit', () => {
    const pool = new BufferPool(1024 * KB);
    pool.give(Buffer.alloc(256 * KB));
    pool.give(Buffer.allocUnsafeSlow(256 * KB));
    expect(pool.keptBytes).toBe(0);
    const small = pool.take(10 * KB);
    expect(small.length).toBe(10 * KB);
    pool.give(small);
    expect(pool.keptBytes).toBe(0);
    const huge = pool.take(9 * 1024 * KB);
    pool.give(huge);
    expect(pool.keptBytes).toBe(0);
    const [a, b, c] = [pool.take(512 * KB), pool.take(512 * KB), pool.take(512 * KB)];
    pool.give(a);
    pool.give(b);
    pool.give(c);
    // The third would pass the 1 MB limit: left to the collector.
    expect(pool.keptBytes).toBe(1024 * KB);
  });
});
