import type { SqlExecutor } from './sql-executor';

/**
 * Housekeeping that whichever request comes by runs, at most once per `everyMs` per database:
 * no timer to start or stop, and a quiet server does no work. Each instance of the server
 * sweeps on its own; the sweeps are idempotent DELETEs, so two instances sweeping is harmless.
 */
export function nowAndThen(everyMs: number): (exec: SqlExecutor, now: Date) => boolean {
  const last = new WeakMap<SqlExecutor, number>();
  return (exec, now) => {
    const previous = last.get(exec);
    if (previous !== undefined && now.getTime() - previous < everyMs) return false;
    last.set(exec, now.getTime());
    return true;
  };
}
