import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Metrics } from './suite';

/**
 * `bench/results.json`: one flat object of metric name → number, shared by every suite. A run
 * replaces the metrics it measured and keeps every other one, so a partial run (one suite, or
 * the seed suite on PostgreSQL only) does not erase figures measured earlier.
 */
export function readResults(file: string): Metrics {
  if (!existsSync(file)) return {};
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${file} no es un objeto JSON de métricas.`);
  }
  const metrics: Metrics = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value === 'number' && Number.isFinite(value)) metrics[key] = value;
  }
  return metrics;
}

export function mergeResults(previous: Metrics, fresh: Metrics): Metrics {
  return { ...previous, ...fresh };
}

/** Sorted keys so diffs of the committed file stay readable; written atomically. */
export function writeResults(file: string, metrics: Metrics): void {
  const sorted = Object.fromEntries(Object.entries(metrics).sort(([a], [b]) => a.localeCompare(b)));
  const temp = `${file}.tmp`;
  writeFileSync(temp, `${JSON.stringify(sorted, null, 2)}\n`);
  renameSync(temp, file);
}
