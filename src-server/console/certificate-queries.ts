import type { IssuedCertificateState } from '../../src-shared/certificates/certificate-delivery';
import type { SqlExecutor } from '../db/sql-executor';

/** A copy of a bought certificate as the console lists it. */
export interface IssuedCopyView {
  readonly id: string;
  readonly verificationCode: string;
  readonly title: string;
  readonly businessName: string;
  readonly matriculaNumber: string;
  readonly receiptNumber: number;
  readonly copy: number;
  readonly price: number;
  readonly state: IssuedCertificateState;
  readonly issuedAt: Date;
  readonly deviceName: string;
  readonly outcomeDetail: string | null;
  readonly outcomeAt: Date | null;
  readonly resolvedBy: string | null;
}

interface Row extends Record<string, unknown> {
  id: string;
  verification_code: string;
  title: string;
  business_name: string;
  matricula_number: string;
  receipt_number: string | number;
  copy: number;
  unit_price: string | number;
  state: IssuedCertificateState;
  issued_at: Date | string;
  device_name: string;
  outcome_detail: string | null;
  outcome_at: Date | string | null;
  resolved_by: string | null;
}

const select = `SELECT c.id, c.verification_code, c.title, c.business_name, c.matricula_number, p.receipt_number, c.copy,
    p.unit_price, c.state, c.issued_at, d.name AS device_name, c.outcome_detail, c.outcome_at, c.resolved_by
  FROM issued_certificates c JOIN certificate_purchases p ON p.id = c.purchase_id JOIN devices d ON d.id = p.device_id`;

const view = (r: Row): IssuedCopyView => ({
  id: r.id,
  verificationCode: r.verification_code,
  title: r.title,
  businessName: r.business_name,
  matriculaNumber: r.matricula_number,
  receiptNumber: Number(r.receipt_number),
  copy: r.copy,
  price: Number(r.unit_price),
  state: r.state,
  issuedAt: new Date(r.issued_at),
  deviceName: r.device_name,
  outcomeDetail: r.outcome_detail,
  outcomeAt: r.outcome_at === null ? null : new Date(r.outcome_at),
  resolvedBy: r.resolved_by,
});

/** Copies whose delivery is unknown or still under way first (oldest on top), then the latest others. */
export async function listIssuedCopies(exec: SqlExecutor, limit: number): Promise<IssuedCopyView[]> {
  const { rows } = await exec.query<Row>(
    `${select} ORDER BY (c.state IN ('unknown', 'held')) DESC,
       CASE WHEN c.state IN ('unknown', 'held') THEN c.issued_at END ASC, c.issued_at DESC LIMIT $1`,
    [limit],
  );
  return rows.map(view);
}

export async function findIssuedCopy(exec: SqlExecutor, id: string): Promise<IssuedCopyView | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const { rows } = await exec.query<Row>(`${select} WHERE c.id = $1`, [id]);
  return rows[0] === undefined ? null : view(rows[0]);
}
