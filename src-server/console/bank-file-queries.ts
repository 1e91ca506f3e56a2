import type { SqlExecutor } from '../db/sql-executor';

/** «Archivos del banco»: the files imported, newest first, with the summary their import gave. */
export interface BankFileView {
  readonly id: string;
  readonly fileName: string;
  readonly bankCode: string;
  readonly collectedOn: string;
  readonly records: number;
  readonly totalAmount: number;
  readonly summary: Record<string, unknown>;
  readonly importedAt: Date;
  readonly importedBy: string;
}

export async function listBankFiles(exec: SqlExecutor, limit: number): Promise<BankFileView[]> {
  const { rows } = await exec.query<{
    id: string;
    file_name: string;
    bank_code: string;
    collected_on: string;
    records: number;
    total_amount: string | number;
    summary: Record<string, unknown> | string;
    imported_at: Date | string;
    imported_by: string;
  }>(
    `SELECT id, file_name, bank_code, collected_on, records, total_amount, summary, imported_at, imported_by
     FROM bank_files ORDER BY imported_at DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    bankCode: r.bank_code,
    collectedOn: r.collected_on,
    records: r.records,
    totalAmount: Number(r.total_amount),
    summary: typeof r.summary === 'string' ? (JSON.parse(r.summary) as Record<string, unknown>) : r.summary,
    importedAt: new Date(r.imported_at),
    importedBy: r.imported_by,
  }));
}
