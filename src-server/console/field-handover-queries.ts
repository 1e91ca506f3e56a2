import type { SqlExecutor } from '../db/sql-executor';

/**
 * «Entregas de recaudo» (docs/field-mode.md): the handovers field_handovers recorded, newest
 * first by keyset, and one handover with its days and the saldo a favor made of their payments.
 * Read only; the handover itself is written by the sync (src-server/sync/field-handover.ts).
 */

/** Where the previous page ended: the last row's handed_at with all its microseconds, and its id. */
export interface HandoverCursor {
  readonly at: string;
  readonly id: string;
}

export interface HandoverListQuery {
  /** From this instant (the Bogotá midnight of «Desde»), inclusive. */
  readonly from: Date | null;
  /** Before this instant (the Bogotá midnight after «Hasta»). */
  readonly before: Date | null;
  /** A collector's username. */
  readonly collector: string | null;
  readonly after: HandoverCursor | null;
  readonly limit: number;
}

export interface HandoverRow {
  readonly id: string;
  readonly handedAt: Date;
  readonly deviceName: string;
  readonly office: string | null;
  readonly collector: string;
  /** Null when the username is not (or no longer) in staff_users. */
  readonly collectorName: string | null;
  readonly supervisor: string;
  readonly supervisorName: string | null;
  readonly days: number;
  readonly expected: number;
  readonly counted: number;
  /** Counted minus expected; negative = money missing. */
  readonly difference: number;
  readonly matchesServer: boolean;
}

export interface HandoverPage {
  readonly rows: readonly HandoverRow[];
  /** Where the next page starts; null on the last page. */
  readonly next: HandoverCursor | null;
}

interface Row extends Record<string, unknown> {
  id: string;
  handed_at: Date | string;
  device_name: string;
  office: string | null;
  collector: string;
  collector_name: string | null;
  supervisor: string;
  supervisor_name: string | null;
  days: string | number;
  expected_cash: string | number;
  expected_transfer: string | number;
  counted_cash: string | number;
  counted_transfer: string | number;
  difference: string | number;
  matches_server: boolean;
  recorded_at: Date | string;
  sort_key: string;
}

const select = `SELECT h.id, h.handed_at, d.name AS device_name, d.office, h.collector, c.full_name AS collector_name,
    h.supervisor, s.full_name AS supervisor_name,
    (SELECT count(*) FROM field_handover_days x WHERE x.handover_id = h.id) AS days,
    h.expected_cash, h.expected_transfer, h.counted_cash, h.counted_transfer, h.difference, h.matches_server, h.recorded_at,
    to_char(h.handed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS sort_key
  FROM field_handovers h
  JOIN devices d ON d.id = h.device_id
  LEFT JOIN staff_users c ON c.username = h.collector
  LEFT JOIN staff_users s ON s.username = h.supervisor`;

const fromRow = (r: Row): HandoverRow => ({
  id: r.id,
  handedAt: new Date(r.handed_at),
  deviceName: r.device_name,
  office: r.office,
  collector: r.collector,
  collectorName: r.collector_name,
  supervisor: r.supervisor,
  supervisorName: r.supervisor_name,
  days: Number(r.days),
  expected: Number(r.expected_cash) + Number(r.expected_transfer),
  counted: Number(r.counted_cash) + Number(r.counted_transfer),
  difference: Number(r.difference),
  matchesServer: r.matches_server,
});

/** One page of handovers, newest first, at most `limit` (keyset on handed_at and id, never OFFSET). */
export async function listHandovers(exec: SqlExecutor, q: HandoverListQuery): Promise<HandoverPage> {
  const params: unknown[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (q.from !== null) where.push(`h.handed_at >= ${param(q.from.toISOString())}::timestamptz`);
  if (q.before !== null) where.push(`h.handed_at < ${param(q.before.toISOString())}::timestamptz`);
  if (q.collector !== null) where.push(`h.collector = ${param(q.collector)}`);
  if (q.after !== null)
    where.push(`(h.handed_at, h.id) < (${param(q.after.at)}::timestamptz, ${param(q.after.id)}::uuid)`);
  const { rows } = await exec.query<Row>(
    `${select} ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
     ORDER BY h.handed_at DESC, h.id DESC LIMIT ${param(q.limit + 1)}`,
    params,
  );
  const shown = rows.slice(0, q.limit);
  const last = shown[shown.length - 1];
  return {
    rows: shown.map(fromRow),
    next: rows.length > q.limit && last !== undefined ? { at: last.sort_key, id: last.id } : null,
  };
}

/** The collectors that have handed over at least once, for the filter's list, by name. */
export async function handoverCollectors(
  exec: SqlExecutor,
): Promise<ReadonlyArray<{ username: string; fullName: string | null }>> {
  const { rows } = await exec.query<{ username: string; full_name: string | null }>(
    `SELECT DISTINCT h.collector AS username, c.full_name
     FROM field_handovers h LEFT JOIN staff_users c ON c.username = h.collector
     ORDER BY c.full_name NULLS LAST, h.collector`,
  );
  return rows.map((r) => ({ username: r.username, fullName: r.full_name }));
}

export interface HandoverDay {
  readonly sessionId: string;
  readonly openedAt: Date;
  readonly payments: number;
  readonly amount: number;
  readonly cash: number;
  readonly transfer: number;
  readonly serverPayments: number;
  readonly serverAmount: number;
}

export interface HandoverCredit {
  readonly reference: string;
  readonly codigoInterno: number;
  readonly period: string;
  readonly amount: number;
  readonly reason: string;
  readonly voided: boolean;
}

export interface HandoverDetail {
  readonly handover: HandoverRow & {
    readonly expectedCash: number;
    readonly expectedTransfer: number;
    readonly countedCash: number;
    readonly countedTransfer: number;
    readonly recordedAt: Date;
  };
  readonly days: readonly HandoverDay[];
  readonly credits: readonly HandoverCredit[];
}

/** One handover with its days (oldest first) and the saldo a favor of those days' payments; null if unknown. */
export async function handoverDetail(exec: SqlExecutor, id: string): Promise<HandoverDetail | null> {
  const { rows } = await exec.query<Row>(`${select} WHERE h.id = $1::uuid`, [id]);
  const row = rows[0];
  if (row === undefined) return null;
  const days = await exec.query<{
    session_id: string;
    opened_at: Date | string;
    payments: string | number;
    amount: string | number;
    cash: string | number;
    transfer: string | number;
    server_payments: string | number;
    server_amount: string | number;
  }>(
    `SELECT d.session_id, s.opened_at, d.payments, d.amount, d.cash, d.transfer, d.server_payments, d.server_amount
     FROM field_handover_days d JOIN cash_sessions s ON s.id = d.session_id
     WHERE d.handover_id = $1::uuid ORDER BY s.opened_at, d.session_id`,
    [id],
  );
  const credits = await exec.query<{
    reference: string;
    codigo_interno: string | number;
    period: string;
    amount: string | number;
    reason: string;
    voided: boolean;
  }>(
    `SELECT p.reference, c.codigo_interno, p.period, c.amount, c.reason, c.voided_at IS NOT NULL AS voided
     FROM subscriber_credits c
     JOIN payments p ON p.id = c.payment_id
     JOIN field_handover_days d ON d.session_id = p.cash_session_id
     WHERE d.handover_id = $1::uuid ORDER BY p.paid_at, p.id`,
    [id],
  );
  return {
    handover: {
      ...fromRow(row),
      expectedCash: Number(row.expected_cash),
      expectedTransfer: Number(row.expected_transfer),
      countedCash: Number(row.counted_cash),
      countedTransfer: Number(row.counted_transfer),
      recordedAt: new Date(row.recorded_at),
    },
    days: days.rows.map((d) => ({
      sessionId: d.session_id,
      openedAt: new Date(d.opened_at),
      payments: Number(d.payments),
      amount: Number(d.amount),
      cash: Number(d.cash),
      transfer: Number(d.transfer),
      serverPayments: Number(d.server_payments),
      serverAmount: Number(d.server_amount),
    })),
    credits: credits.rows.map((c) => ({
      reference: c.reference,
      codigoInterno: Number(c.codigo_interno),
      period: c.period,
      amount: Number(c.amount),
      reason: c.reason,
      voided: c.voided,
    })),
  };
}
