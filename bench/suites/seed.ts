import { parseArgs } from 'node:util';
import { createScratchDatabase } from '../../tests/support/scratch-postgres';
import { measureGenerator, measureRawInserts, measureSeed, type Rate } from '../support/seed-measures';
import type { BenchContext, Metrics } from '../suite';

/**
 * `seed`: how fast `npm run seed` fills a fresh central-server database (default one million
 * subscribers with 12 months of bills), beside the raw limits measured in the same run: the
 * generator with no database, and bare unnest INSERTs of pre-generated rows.
 *
 * Options: --subscribers N (1000000), --raw-subscribers N (generator sample, 200000),
 * --raw-insert-subscribers N (insert sample, 20000), --database pglite|postgres|both
 * (both when DATABASE_URL is set, else pglite). PostgreSQL metrics are named `seed.pg.*` and
 * run in a scratch database created on DATABASE_URL's server and dropped afterwards.
 */
export const name = 'seed';

type Target = 'pglite' | 'postgres';

function options(ctx: BenchContext): {
  subscribers: number;
  rawGenerate: number;
  rawInsert: number;
  targets: Target[];
} {
  // Not strict: the runner passes every suite the same options, some of them for other suites.
  const { values } = parseArgs({
    args: [...ctx.args],
    strict: false,
    options: {
      subscribers: { type: 'string' },
      'raw-subscribers': { type: 'string' },
      'raw-insert-subscribers': { type: 'string' },
      database: { type: 'string' },
    },
  });
  const count = (key: string, fallback: number): number => {
    const raw = values[key];
    if (raw === undefined) return fallback;
    const n =
      typeof raw === 'string' && /^\d+$/.test(raw.replace(/[._]/g, '')) ? Number(raw.replace(/[._]/g, '')) : NaN;
    if (!Number.isSafeInteger(n) || n < 1)
      throw new Error(`--${key} debe ser un entero positivo, no «${String(raw)}».`);
    return n;
  };
  const subscribers = count('subscribers', 1_000_000);
  const hasPostgres = Boolean(ctx.env.DATABASE_URL?.trim());
  const database = values.database ?? (hasPostgres ? 'both' : 'pglite');
  if (database !== 'pglite' && database !== 'postgres' && database !== 'both') {
    throw new Error(`--database debe ser pglite, postgres o both, no «${String(database)}».`);
  }
  if (database !== 'pglite' && !hasPostgres) throw new Error('--database postgres necesita DATABASE_URL.');
  return {
    subscribers,
    rawGenerate: Math.min(subscribers, count('raw-subscribers', 200_000)),
    rawInsert: Math.min(subscribers, count('raw-insert-subscribers', 20_000)),
    targets: database === 'both' ? ['pglite', 'postgres'] : [database],
  };
}

const perSecond = (amount: number, seconds: number): number => Math.round(amount / Math.max(seconds, 1e-9));

export async function run(ctx: BenchContext): Promise<Metrics> {
  const opts = options(ctx);
  const metrics: Metrics = { 'seed.subscribers': opts.subscribers };

  ctx.log(`generador solo: ${opts.rawGenerate} suscriptores…`);
  const generated: Rate = measureGenerator(opts.rawGenerate);
  metrics['seed.raw_generate_subscribers_per_s'] = perSecond(generated.subscribers, generated.seconds);
  metrics['seed.raw_generate_rows_per_s'] = perSecond(generated.rows, generated.seconds);

  for (const target of opts.targets) {
    const prefix = target === 'pglite' ? 'seed.' : 'seed.pg.';
    // A fresh scratch database for each measurement: the seed refuses a seeded one.
    const seedScratch =
      target === 'postgres' ? await createScratchDatabase(ctx.env.DATABASE_URL ?? '', 'ventanilla_bench') : null;
    try {
      ctx.log(`${target}: npm run seed de ${opts.subscribers} suscriptores…`);
      const { report, peakRssBytes } = await measureSeed(
        seedScratch === null ? null : seedScratch.url,
        opts.subscribers,
        ctx.log,
      );
      const seconds = report.elapsedMs / 1000;
      metrics[`${prefix}subscribers_per_s`] = perSecond(report.subscribers, seconds);
      metrics[`${prefix}rows_per_s`] = perSecond(report.rows, seconds);
      metrics[`${prefix}total_rows`] = report.rows;
      metrics[`${prefix}elapsed_s`] = Math.round(seconds * 10) / 10;
      // Rows stream in batches, so memory stays flat however many subscribers are seeded.
      metrics[`${prefix}peak_rss_mib`] = Math.round(peakRssBytes / 2 ** 20);
      ctx.log(`${target}: ${report.rows} filas en ${seconds.toFixed(1)} s (modo ${report.loadMode})`);
    } finally {
      await seedScratch?.drop();
    }
    const scratch =
      target === 'postgres' ? await createScratchDatabase(ctx.env.DATABASE_URL ?? '', 'ventanilla_bench') : null;
    try {
      ctx.log(`${target}: INSERT sin generación de ${opts.rawInsert} suscriptores ya generados…`);
      const raw = await measureRawInserts(scratch === null ? null : scratch.url, opts.rawInsert);
      metrics[`${prefix}raw_insert_rows_per_s`] = perSecond(raw.bare.rows, raw.bare.seconds);
      metrics[`${prefix}raw_insert_indexed_rows_per_s`] = perSecond(raw.indexed.rows, raw.indexed.seconds);
    } finally {
      await scratch?.drop();
    }
  }
  return metrics;
}
