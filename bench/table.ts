import type { Metrics } from './suite';

const formatter = new Intl.NumberFormat('es-CO', { maximumFractionDigits: 2, useGrouping: 'always' });

/** A plain-text table of one suite's metrics, with the previous run's value for comparison. */
export function metricsTable(fresh: Metrics, previous: Metrics): string {
  const rows = Object.keys(fresh)
    .sort()
    .map((key) => {
      const before = previous[key];
      return [key, formatter.format(fresh[key] ?? 0), before === undefined ? '—' : formatter.format(before)] as const;
    });
  const header = ['métrica', 'valor', 'anterior'] as const;
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
