import { ticketStates, workingStates, type TicketState } from '../../src-shared/tickets/ticket-states';
import type { SqlExecutor } from '../db/sql-executor';

/** The states still in someone's hands: the agents' (working) or the citizen's (a solution to answer). */
export const openStates: readonly TicketState[] = ticketStates.filter((s) => s !== 'resuelto');

/** The figures above the queue, all computed by the database (docs/staff-console.md, «Tickets»). */
export interface TicketDashboard {
  /** Tickets in each state that is not `resuelto`. */
  readonly openByState: ReadonlyMap<TicketState, number>;
  /** Tickets to work that still wait for a first answer past its due time. */
  readonly overdue: number;
  /** Tickets to work per assignee (null: nobody), the most loaded first. */
  readonly byAssignee: ReadonlyArray<{ readonly assignee: string | null; readonly count: number }>;
  /** The window of the two figures below: tickets created since this moment (30 days). */
  readonly since: Date;
  readonly created: number;
  /** Of those, how many have had a first answer, and the median time to it. */
  readonly replied: number;
  readonly medianFirstReplyMs: number | null;
  /** Of those, how many the citizen rated on accepting the solution, and the average stars. */
  readonly rated: number;
  readonly ratingAverage: number | null;
}

export const dashboardDays = 30;

/**
 * Three aggregate queries, each on tickets_queue_idx (state, created_at): the open states'
 * counts and the load per agent read only open tickets (a bitmap of those states), and the
 * 30-day figures name every state so that the index's second column bounds the window (without
 * `state IN (…)` PostgreSQL would read the whole table for `created_at >= $since`).
 *
 * The window is by creation: the median counts the tickets created in the last 30 days that have
 * an answer, and the page says how many still wait, since the slowest are the ones not answered.
 */
export async function ticketDashboard(exec: SqlExecutor, now: Date): Promise<TicketDashboard> {
  const open = openStates.map((_, i) => `$${i + 2}`).join(', ');
  const byState = await exec.query<{ state: TicketState; n: string | number; overdue: string | number }>(
    `SELECT state, count(*) AS n,
            count(*) FILTER (WHERE first_reply_at IS NULL AND due_at < $1 AND state <> 'solucion-propuesta') AS overdue
     FROM tickets WHERE state IN (${open}) GROUP BY state`,
    [now.toISOString(), ...openStates],
  );
  const working = workingStates.map((_, i) => `$${i + 1}`).join(', ');
  const load = await exec.query<{ assignee: string | null; n: string | number }>(
    `SELECT assignee, count(*) AS n FROM tickets WHERE state IN (${working})
     GROUP BY assignee ORDER BY count(*) DESC, assignee NULLS FIRST`,
    [...workingStates],
  );
  const since = new Date(now.getTime() - dashboardDays * 86_400_000);
  const all = ticketStates.map((_, i) => `$${i + 2}`).join(', ');
  const window = await exec.query<{
    created: string | number;
    replied: string | number;
    median_s: string | number | null;
    rated: string | number;
    rating: string | number | null;
  }>(
    `SELECT count(*) AS created, count(first_reply_at) AS replied,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_reply_at - created_at))
              FILTER (WHERE first_reply_at IS NOT NULL) AS median_s,
            count(rating) AS rated, avg(rating) AS rating
     FROM tickets WHERE state IN (${all}) AND created_at >= $1`,
    [since.toISOString(), ...ticketStates],
  );
  const w = window.rows[0];
  return {
    openByState: new Map(byState.rows.map((r) => [r.state, Number(r.n)])),
    overdue: byState.rows.reduce((sum, r) => sum + Number(r.overdue), 0),
    byAssignee: load.rows.map((r) => ({ assignee: r.assignee, count: Number(r.n) })),
    since,
    created: Number(w?.created ?? 0),
    replied: Number(w?.replied ?? 0),
    medianFirstReplyMs: w?.median_s === null || w?.median_s === undefined ? null : Number(w.median_s) * 1000,
    rated: Number(w?.rated ?? 0),
    ratingAverage: w?.rating === null || w?.rating === undefined ? null : Number(w.rating),
  };
}
