import type { PaymentChannel, ReviewKind } from '../../src-shared/wallet/liquidation';
import type { SqlExecutor } from '../db/sql-executor';

/** A wallet_reviews row as staff read it, with the liquidación's number and the bank record's file. */
export interface ReviewView {
  readonly id: string;
  readonly kind: ReviewKind;
  readonly channel: PaymentChannel;
  readonly sourceKey: string;
  readonly liquidationNumber: number | null;
  readonly amount: number | null;
  readonly raw: string | null;
  readonly details: Record<string, unknown>;
  readonly createdAt: Date;
  readonly resolvedAt: Date | null;
  readonly resolvedBy: string | null;
  readonly resolution: string | null;
  readonly resolutionNote: string | null;
  /** The liquidación a resolution credited («Aplicar»), found through its transfer. */
  readonly appliedTo: number | null;
  /** For a bank record: the file it came in and its bank's code. */
  readonly bankFile: { readonly fileName: string; readonly bankCode: string; readonly lineNumber: number } | null;
}

interface ReviewRow extends Record<string, unknown> {
  id: string;
  kind: ReviewKind;
  channel: PaymentChannel;
  source_key: string;
  liquidation_number: string | number | null;
  amount: string | number | null;
  raw: string | null;
  details: Record<string, unknown> | string;
  created_at: Date | string;
  resolved_at: Date | string | null;
  resolved_by: string | null;
  resolution: string | null;
  resolution_note: string | null;
  applied_to: string | number | null;
  file_name: string | null;
  bank_code: string | null;
  line_number: number | null;
}

const select = `SELECT r.id, r.kind, r.channel, r.source_key, l.number AS liquidation_number, r.amount, r.raw, r.details,
  r.created_at, r.resolved_at, r.resolved_by, r.resolution, r.resolution_note, al.number AS applied_to, f.file_name, f.bank_code, b.line_number
  FROM wallet_reviews r
  LEFT JOIN liquidations l ON l.id = r.liquidation_id
  LEFT JOIN liquidation_payments ap ON ap.transfer_id = r.resolution_transfer_id
  LEFT JOIN liquidations al ON al.id = ap.liquidation_id
  LEFT JOIN bank_records b ON r.channel = 'bank' AND b.record_key = substr(r.source_key, 6) AND r.source_key LIKE 'bank:%'
  LEFT JOIN bank_files f ON f.id = b.file_id`;

/** Open ones first (oldest first: they have waited longest), then the resolved, newest first. */
export async function listReviews(
  exec: SqlExecutor,
  opts: { includeResolved: boolean; limit: number },
): Promise<ReviewView[]> {
  const { rows } = await exec.query<ReviewRow>(
    `${select} ${opts.includeResolved ? '' : 'WHERE r.resolved_at IS NULL'}
     ORDER BY (r.resolved_at IS NULL) DESC, CASE WHEN r.resolved_at IS NULL THEN r.created_at END ASC, r.resolved_at DESC
     LIMIT $1`,
    [opts.limit],
  );
  return rows.map(fromRow);
}

export async function findReview(exec: SqlExecutor, id: string): Promise<ReviewView | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const { rows } = await exec.query<ReviewRow>(`${select} WHERE r.id = $1`, [id]);
  return rows[0] === undefined ? null : fromRow(rows[0]);
}

function fromRow(r: ReviewRow): ReviewView {
  return {
    id: r.id,
    kind: r.kind,
    channel: r.channel,
    sourceKey: r.source_key,
    liquidationNumber: r.liquidation_number === null ? null : Number(r.liquidation_number),
    amount: r.amount === null ? null : Number(r.amount),
    raw: r.raw,
    details: typeof r.details === 'string' ? (JSON.parse(r.details) as Record<string, unknown>) : r.details,
    createdAt: new Date(r.created_at),
    resolvedAt: r.resolved_at === null ? null : new Date(r.resolved_at),
    resolvedBy: r.resolved_by,
    resolution: r.resolution,
    resolutionNote: r.resolution_note,
    appliedTo: r.applied_to === null ? null : Number(r.applied_to),
    bankFile:
      r.file_name === null || r.bank_code === null || r.line_number === null
        ? null
        : { fileName: r.file_name, bankCode: r.bank_code, lineNumber: r.line_number },
  };
}
