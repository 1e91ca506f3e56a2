/** Latency samples in milliseconds and their percentiles (nearest-rank). */
export class Latencies {
  private readonly samples: number[] = [];

  /** Samples measured elsewhere (another process: concurrent-pulls.ts). */
  static from(samples: readonly number[]): Latencies {
    const latencies = new Latencies();
    for (const ms of samples) latencies.add(ms);
    return latencies;
  }

  add(ms: number): void {
    this.samples.push(ms);
  }

  /** Every sample, in the order taken. */
  all(): readonly number[] {
    return this.samples;
  }

  /** Times `fn` once and records it. */
  time<T>(fn: () => T): T {
    const started = performance.now();
    const value = fn();
    this.add(performance.now() - started);
    return value;
  }

  async timeAsync<T>(fn: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const value = await fn();
    this.add(performance.now() - started);
    return value;
  }

  /** `p` in 0–100, rounded to microseconds. */
  percentile(p: number): number {
    if (this.samples.length === 0) throw new Error('no samples');
    const sorted = [...this.samples].sort((a, b) => a - b);
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    return Math.round((sorted[rank] ?? 0) * 1000) / 1000;
  }
}

/** A count option of a suite: `--name N`, with `.` or `_` allowed as thousands separators. */
export function countOption(values: Record<string, unknown>, key: string, fallback: number): number {
  const raw = values[key];
  if (raw === undefined) return fallback;
  const n = typeof raw === 'string' && /^\d+$/.test(raw.replace(/[._]/g, '')) ? Number(raw.replace(/[._]/g, '')) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${key} debe ser un entero positivo, no «${String(raw)}».`);
  return n;
}
