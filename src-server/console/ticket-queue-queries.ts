import { ticketStates, type TicketState } from '../../src-shared/tickets/ticket-states';
import type { SqlExecutor } from '../db/sql-executor';

/** Who a queue is filtered to: anyone, nobody yet, or one staff member. */
export type AssigneeFilter =
  { readonly kind: 'any' } | { readonly kind: 'none' } | { readonly kind: 'user'; readonly username: string };

/** The two orders an agent works by. */
export type QueueOrder = 'recent' | 'due';

/**
 * Where the previous page ended, as the database wrote it (microseconds kept, so no row is
 * skipped or shown twice): the last row's creation; or whether it had been answered and the
 * moment it is ordered by (its due time while unanswered, its creation once answered).
 */
export type QueueCursor =
  | { readonly order: 'recent'; readonly at: string; readonly id: string }
  | { readonly order: 'due'; readonly answered: boolean; readonly at: string; readonly id: string };

/** What the queue page asks for. */
export interface QueueQuery {
  readonly states: readonly TicketState[];
  readonly category: string | null;
  /** Only tickets created before now minus this many days. */
  readonly olderThanDays: number | null;
  readonly assignee: AssigneeFilter;
  /** The citizen's address, exactly as stored (lower case). */
  readonly email: string | null;
  /** Only tickets still waiting for their first answer past its due time. */
  readonly overdueOnly: boolean;
  readonly order: QueueOrder;
  readonly after: QueueCursor | null;
  readonly limit: number;
  readonly now: Date;
}

/** One row of the queue. */
export interface QueueRow {
  readonly id: string;
  readonly number: string;
  readonly name: string;
  readonly subject: string;
  readonly category: string;
  readonly state: TicketState;
  readonly assignee: string | null;
  readonly createdAt: Date;
  readonly dueAt: Date;
  readonly firstReplyAt: Date | null;
}

export interface QueuePage {
  readonly rows: readonly QueueRow[];
  /** Where the next page starts; null on the last page. */
  readonly next: QueueCursor | null;
}

interface Row extends Record<string, unknown> {
  id: string;
  number: string;
  name: string;
  subject: string;
  category: string;
  state: TicketState;
  assignee: string | null;
  created_at: Date | string;
  due_at: Date | string;
  first_reply_at: Date | string | null;
  answered: boolean;
  sort_key: string;
}

/**
 * The states in which a ticket may still wait for its first answer, and those in which it may
 * have had one, by the state machine (src-shared/tickets/ticket-states.ts): an agent's answer
 * takes an `abierto` ticket out of that state, and `solucion-propuesta`, `reabierto` and
 * `resuelto` are reached only through a proposed solution, which is an answer. The «most
 * overdue» order reads only these, so it never walks the resolved tickets looking for none.
 */
const mayAwaitReply: readonly TicketState[] = ['abierto', 'en-atencion'];
const mayBeAnswered: readonly TicketState[] = ['en-atencion', 'solucion-propuesta', 'reabierto', 'resuelto'];

/** A timestamp as text with all its microseconds, in UTC: what a cursor carries back. */
const exactUtc = (expression: string): string =>
  `to_char((${expression}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The «most overdue» order's moment: the due time while unanswered, the creation once answered. */
const dueSortAt = 'CASE WHEN first_reply_at IS NULL THEN due_at ELSE created_at END';

const columns = (order: QueueOrder) => `id, number, name, subject, category, state, assignee, created_at, due_at,
  first_reply_at, first_reply_at IS NOT NULL AS answered,
  ${exactUtc(order === 'recent' ? 'created_at' : dueSortAt)} AS sort_key`;

/** One SELECT of the union: its conditions and the order its index walk gives. */
interface Part {
  readonly where: readonly string[];
  readonly order: string;
}

/**
 * One page of the queue, at most `limit` rows, by keyset (never OFFSET: page 200 costs what page
 * 1 does). How it reaches the indexes on tickets:
 *
 * - By address: `email = $e` walks tickets_email_idx (email, created_at).
 * - Newest first: one SELECT per state, each `state = $s … ORDER BY created_at DESC LIMIT n`,
 *   merged and cut to n again. Each walks tickets_queue_idx (state, created_at) backwards from
 *   the cursor and stops after n rows that pass the other filters — a plain `state IN (…) ORDER
 *   BY created_at` would read every open ticket and sort them. With one assignee the planner may
 *   take tickets_assignee_idx (assignee, state) instead.
 * - Most overdue first: the tickets still waiting for a first answer, the longest overdue at the
 *   top, then the answered ones, oldest first. Answered ones walk tickets_queue_idx forwards like
 *   the above. No index orders the unanswered by due time, so those rows of `abierto` and
 *   `en-atencion` are sorted (a top-n sort: a few milliseconds for the few hundred a desk has,
 *   ~20 ms for 4,000); the partial index in docs/staff-console.md («Índices») makes it a walk too.
 */
export async function queuePage(exec: SqlExecutor, q: QueueQuery): Promise<QueuePage> {
  const params: unknown[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const common: string[] = [];
  if (q.category !== null) common.push(`category = ${param(q.category)}`);
  if (q.olderThanDays !== null)
    common.push(`created_at < ${param(new Date(q.now.getTime() - q.olderThanDays * 86_400_000).toISOString())}`);
  if (q.assignee.kind === 'none') common.push('assignee IS NULL');
  if (q.assignee.kind === 'user') common.push(`assignee = ${param(q.assignee.username)}`);
  if (q.overdueOnly) common.push(`first_reply_at IS NULL AND due_at < ${param(q.now.toISOString())}`);
  const after = q.after !== null && q.after.order === q.order ? q.after : null;
  const cursorAt = after === null ? '' : `${param(after.at)}::timestamptz`;
  const cursorId = after === null ? '' : `${param(after.id)}::uuid`;
  const states = q.states.length === 0 ? ticketStates : q.states;
  const outerOrder = q.order === 'recent' ? 'created_at DESC, id DESC' : `answered, ${dueSortAt}, id`;
  // One more than the page: whether there is a next page, without counting.
  const limit = param(q.limit + 1);

  let parts: Part[];
  if (q.email !== null) {
    const where = [`email = ${param(q.email)}`, `state IN (${states.map((s) => param(s)).join(', ')})`, ...common];
    if (after?.order === 'recent') where.push(`(created_at, id) < (${cursorAt}, ${cursorId})`);
    if (after?.order === 'due')
      where.push(
        `(first_reply_at IS NOT NULL, ${dueSortAt}, id) > (${param(after.answered)}::boolean, ${cursorAt}, ${cursorId})`,
      );
    parts = [{ where, order: outerOrder }];
  } else if (q.order === 'recent') {
    const cursor = after === null ? [] : [`(created_at, id) < (${cursorAt}, ${cursorId})`];
    parts = states.map((s) => ({ where: [`state = ${param(s)}`, ...common, ...cursor], order: outerOrder }));
  } else {
    const unanswered =
      after !== null && after.order === 'due' && after.answered
        ? []
        : states
            .filter((s) => mayAwaitReply.includes(s))
            .map((s) => ({
              where: [
                `state = ${param(s)}`,
                'first_reply_at IS NULL',
                ...common,
                ...(after === null ? [] : [`(due_at, id) > (${cursorAt}, ${cursorId})`]),
              ],
              order: 'due_at, id',
            }));
    const answered = q.overdueOnly
      ? []
      : states
          .filter((s) => mayBeAnswered.includes(s))
          .map((s) => ({
            where: [
              `state = ${param(s)}`,
              'first_reply_at IS NOT NULL',
              ...common,
              ...(after !== null && after.order === 'due' && after.answered
                ? [`(created_at, id) > (${cursorAt}, ${cursorId})`]
                : []),
            ],
            order: 'created_at, id',
          }));
    parts = [...unanswered, ...answered];
  }
  if (parts.length === 0) return { rows: [], next: null };
  const select = (part: Part) =>
    `SELECT ${columns(q.order)} FROM tickets WHERE ${part.where.join(' AND ')} ORDER BY ${part.order} LIMIT ${limit}`;
  const sql =
    parts.length === 1 && parts[0] !== undefined
      ? select(parts[0])
      : `SELECT * FROM (${parts.map((p) => `(${select(p)})`).join(' UNION ALL ')}) q ORDER BY ${
          q.order === 'recent' ? outerOrder : 'answered, sort_key, id'
        } LIMIT ${limit}`;
  const { rows } = await exec.query<Row>(sql, params);
  const shown = rows.slice(0, q.limit);
  const last = rows.length > q.limit ? shown[shown.length - 1] : undefined;
  return {
    rows: shown.map((r) => ({
      id: r.id,
      number: r.number,
      name: r.name,
      subject: r.subject,
      category: r.category,
      state: r.state,
      assignee: r.assignee,
      createdAt: new Date(r.created_at),
      dueAt: new Date(r.due_at),
      firstReplyAt: r.first_reply_at === null ? null : new Date(r.first_reply_at),
    })),
    next:
      last === undefined
        ? null
        : q.order === 'recent'
          ? { order: 'recent', at: last.sort_key, id: last.id }
          : { order: 'due', answered: last.answered, at: last.sort_key, id: last.id },
  };
}

/** A cursor as a query-string value, and back; anything else is no cursor (the first page). */
export function cursorText(cursor: QueueCursor): string {
  return cursor.order === 'recent'
    ? `r_${cursor.at}_${cursor.id}`
    : `d_${cursor.answered ? 1 : 0}_${cursor.at}_${cursor.id}`;
}

const stamp = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z`;
const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const recentCursor = new RegExp(`^r_(${stamp})_(${uuid})$`);
const dueCursor = new RegExp(`^d_([01])_(${stamp})_(${uuid})$`);

export function readCursor(text: string): QueueCursor | null {
  const recent = recentCursor.exec(text);
  if (recent?.[1] !== undefined && recent[2] !== undefined && !Number.isNaN(Date.parse(recent[1])))
    return { order: 'recent', at: recent[1], id: recent[2] };
  const due = dueCursor.exec(text);
  if (due?.[1] !== undefined && due[2] !== undefined && due[3] !== undefined && !Number.isNaN(Date.parse(due[2])))
    return { order: 'due', answered: due[1] === '1', at: due[2], id: due[3] };
  return null;
}
