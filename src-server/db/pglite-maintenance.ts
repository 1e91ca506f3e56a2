import type { Logger } from '../logger';
import type { ServerDatabase } from './open';

/**
 * PostgreSQL's autovacuum keeps the planner's statistics fresh; PGlite has no autovacuum, so
 * without this its tables keep the statistics of their first day. With none for change_log the
 * planner takes `seq > $1` to match a third of the feed and scans all of it: 650 ms per long
 * poll at 100,000 subscribers instead of a millisecond (found by the sync bench). ANALYZE
 * samples each table (a second or so at a million subscribers), so it runs shortly after
 * start and then every half hour. PostgreSQL is left to autovacuum.
 */
export function startPgliteMaintenance(
  database: ServerDatabase,
  log: Logger,
  everyMs = 30 * 60_000,
): { stop(): Promise<void> } {
  if (database.kind !== 'pglite') return { stop: () => Promise.resolve() };
  let running: Promise<void> | null = null;
  let stopped = false;
  const analyze = (): void => {
    if (stopped || running !== null) return;
    const started = Date.now();
    running = database.exec
      .query('ANALYZE')
      .then(() => log.debug({ ms: Date.now() - started }, 'planner statistics refreshed'))
      .catch((error: unknown) => log.warn({ err: error }, 'ANALYZE failed'))
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(analyze, 5_000);
  const timer = setInterval(analyze, everyMs);
  first.unref();
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
