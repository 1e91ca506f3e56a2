/**
 * Buffers the pull path reuses instead of allocating: a page's COPY bytes and its answer, each
 * about half a megabyte, hundreds of times a second.
 *
 * Why: V8 counts a Buffer's memory as "external" and collects garbage by how much of it was
 * allocated, not by how much is alive. 200 devices pulling at once allocated about 1.8 MB each
 * (socket reads, COPY chunks, their concatenation, the answer); every few dozen pulls that
 * started a scavenge and, every round, a full mark-compact of the heap (`--trace-gc`: "external
 * memory pressure"). The collector took a third to two thirds of an instance's CPU. A buffer
 * taken from here is allocated once and then goes round.
 *
 * The rule that keeps devices' data apart: a buffer is given back only when nothing reads or
 * writes it any more (an answer once the socket has taken all of it, COPY bytes once copied
 * into the answer), and whoever takes one writes every byte it uses before anyone reads it
 * (api-route.ts checks the count). A buffer that is never given back is simply collected.
 */
export class BufferPool {
  /** Free buffers by size class (a power of two), newest last. */
  private readonly free = new Map<number, ArrayBuffer[]>();
  /** Every backing store this pool made, so a foreign buffer is never taken in. */
  private readonly own = new WeakSet<ArrayBuffer>();
  private freeBytes = 0;

  constructor(
    /** What the pool keeps while nobody uses it; more is left to the collector. */
    private readonly maxFreeBytes: number,
    /** Smaller sizes are cheap to allocate and are not pooled. */
    private readonly minSize = 64 * 1024,
    /** Larger ones are rare (a page of big rows) and are not kept either. */
    private readonly maxSize = 8 * 1024 * 1024,
  ) {}

  /** A buffer of exactly `size` bytes, its contents left over from earlier use: write before reading. */
  take(size: number): Buffer {
    if (size < this.minSize || size > this.maxSize) return Buffer.allocUnsafe(size);
    const sizeClass = sizeClassOf(size);
    const store = this.free.get(sizeClass)?.pop();
    if (store !== undefined) {
      this.freeBytes -= store.byteLength;
      return Buffer.from(store, 0, size);
    }
    const made = new ArrayBuffer(sizeClass);
    this.own.add(made);
    return Buffer.from(made, 0, size);
  }

  /**
   * Gives back a buffer this pool made, once nothing uses it; anything else is ignored. Giving
   * one back twice would hand it to two users at once, so the second is refused loudly.
   */
  give(buffer: Buffer): void {
    const store = buffer.buffer;
    if (!(store instanceof ArrayBuffer) || !this.own.has(store)) return;
    const list = this.free.get(store.byteLength) ?? [];
    if (list.includes(store)) throw new Error('a pooled buffer was given back twice');
    if (this.freeBytes + store.byteLength > this.maxFreeBytes) return;
    list.push(store);
    this.free.set(store.byteLength, list);
    this.freeBytes += store.byteLength;
  }

  /** Bytes kept for reuse now (for tests and metrics). */
  get keptBytes(): number {
    return this.freeBytes;
  }
}

function sizeClassOf(size: number): number {
  return 2 ** Math.ceil(Math.log2(size));
}

/**
 * The server's pool: up to 96 MB kept, enough for the answers 200 devices have in flight at once
 * on two instances (about 100 each, 0.5 MB per answer, and as many COPY buffers).
 */
export const serverBuffers = new BufferPool(96 * 1024 * 1024);
