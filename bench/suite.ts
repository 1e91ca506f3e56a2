/**
 * What every benchmark suite under `bench/suites/` exports: its `name` (the prefix of its
 * metrics, e.g. `seed` → `seed.subscribers_per_s`) and `run`, which returns metric name →
 * number. Each metric that measures our code should sit beside the raw limit measured in the
 * same run (docs/adding-a-feature.md, quality bars), so a reader can tell our overhead from the machine's speed.
 */
export type Metrics = Record<string, number>;

export interface BenchContext {
  /** Command-line arguments not consumed by the runner (`--subscribers 1000`, …). */
  readonly args: readonly string[];
  /** The environment, passed in so suites do not read `process.env` themselves. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** A progress line for the person watching. */
  log(line: string): void;
}

export interface BenchSuite {
  readonly name: string;
  run(ctx: BenchContext): Promise<Metrics>;
}

/** Narrowing for dynamically imported suite modules. */
export function isBenchSuite(value: unknown): value is BenchSuite {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<BenchSuite>;
  return (
    typeof candidate.name === 'string' &&
    /^[a-z][a-z0-9-]*$/.test(candidate.name) &&
    typeof candidate.run === 'function'
  );
}
