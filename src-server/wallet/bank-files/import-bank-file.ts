import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { formatCop } from '../../../src-shared/domain/money';
import type { AsobancariaDetail, AsobancariaFile } from '../../../src-shared/wallet/asobancaria/asobancaria-file';
import { parseAsobancaria } from '../../../src-shared/wallet/asobancaria/parse-asobancaria';
import type { BankRecordOutcome, LiquidationState } from '../../../src-shared/wallet/liquidation';
import { sqlErrorFacts } from '../../db/sql-error';
import type { SqlExecutor } from '../../db/sql-executor';
import { runInTransaction } from '../../db/transaction';
import { bankRecordKey, bankSourceKey, collectionMoment } from './bank-record-key';
import type { BankFileSummary } from './bank-file-summary';
import { bulkApplier, inChunks } from './bank-payments-in-bulk';
import type { BankPayment, BankRecordsApplier, LockedLiquidation, ParkedBankRecord } from './bank-records-applier';

export interface BankFileInput {
  /** As uploaded or given on the command line; shown to staff, not used to recognise the file. */
  readonly fileName: string;
  /** The file's text (Asobancaria files are ASCII). */
  readonly text: string;
  /** Staff username, or `admin-cli`. */
  readonly importedBy: string;
  readonly now: Date;
  /**
   * The collected-service codes (GLNs) the wallet's files carry (WalletConfig.recaudoGln): a lot
   * for any other service refuses the file, so another convenio's file, whose references could
   * coincide with liquidación numbers, never credits a wallet. Absent: not checked.
   */
  readonly serviceCodes?: readonly string[];
}

/**
 * Reconciles a bank's Asobancaria 2001 recaudos file (docs/bank-files.md), all of it in ONE
 * transaction: a crash mid-import leaves nothing, and importing it again after a restart applies
 * it exactly once.
 *
 * 1. Parse: a malformed record or a control total that does not add up refuses the whole file
 *    (`rejected`: its line and why); nothing is written.
 * 2. The file, by the SHA-256 of its bytes: a file imported before applies nothing and says when.
 * 3. Each detail by its record key (bank-record-key.ts): one seen before, in this file or another,
 *    is a duplicate.
 * 4. The rest by reference (the liquidación number, zero fill ignored), the liquidaciones locked:
 *    the right amount is credited through the money path's rules (expired, annulled or already
 *    paid liquidaciones are credited and flagged); an unknown reference or another amount is
 *    parked for staff with the record's raw line.
 */
export function importBankFile(exec: SqlExecutor, input: BankFileInput): Promise<BankFileSummary> {
  return importBankFileWith(exec, input, bulkApplier);
}

/** importBankFile with the way the money is written chosen: tests compare the bulk writer with the one-by-one money path. */
export async function importBankFileWith(
  exec: SqlExecutor,
  input: BankFileInput,
  applier: BankRecordsApplier,
): Promise<BankFileSummary> {
  const sha256 = createHash('sha256').update(input.text, 'utf8').digest('hex');
  const parsed = parseAsobancaria(input.text);
  const foreign = parsed.ok ? foreignLot(parsed.file, input.serviceCodes) : null;
  if (!parsed.ok || foreign !== null) {
    return {
      file: fileFacts(input, sha256, parsed.ok ? parsed.file : null),
      records: 0,
      applied: 0,
      duplicates: 0,
      unknownReference: 0,
      amountMismatch: 0,
      rejected: parsed.ok ? foreign : parsed.rejection,
    };
  }
  // Two imports racing on the same records: the later one finds them taken at its INSERT (a
  // unique violation on the record key) and starts over, when the first has committed and they
  // read as duplicates.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await runInTransaction(exec, (tx) => importParsed(tx, input, sha256, parsed.file, applier));
    } catch (error) {
      if (attempt >= 3 || !(recordsTakenMeanwhile(error) || isRetryable(error))) throw error;
    }
  }
}

/** Another import wrote one of these records' keys after this one looked for them. */
const recordsTakenMeanwhile = (error: unknown): boolean =>
  sqlErrorFacts(error).code === '23505' && sqlErrorFacts(error).constraint === 'bank_records_record_key_unique';

/** The first lot collected for a service that is not the wallet's, as the file's refusal; null when all are ours. */
function foreignLot(file: AsobancariaFile, serviceCodes: readonly string[] | undefined) {
  if (serviceCodes === undefined) return null;
  const ours = serviceCodes.map((c) => c.padStart(13, '0'));
  const lot = file.lots.find((l) => !ours.includes(l.serviceCode.trim().padStart(13, '0')));
  if (lot === undefined) return null;
  return {
    line: lot.line,
    message: `Línea ${lot.line}: el lote ${lot.lotNumber} es del servicio ${lot.serviceCode.trim()}, no del recaudo del prepago (${ours.join(', ')}): este archivo es de otro convenio.`,
  };
}

/** Deadlock or serialization failure: the transaction was rolled back and may simply run again. */
const isRetryable = (error: unknown): boolean => ['40P01', '40001'].includes(sqlErrorFacts(error).code);

function fileFacts(input: BankFileInput, sha256: string, file: AsobancariaFile | null): BankFileSummary['file'] {
  return {
    id: null,
    name: input.fileName,
    sha256,
    bankCode: file?.header.bankCode ?? null,
    collectedOn: file?.header.collectedOn ?? null,
    totalAmount: file?.totalAmount ?? 0,
    importedAt: null,
    importedBefore: null,
  };
}

async function importParsed(
  tx: SqlExecutor,
  input: BankFileInput,
  sha256: string,
  file: AsobancariaFile,
  applier: BankRecordsApplier,
): Promise<BankFileSummary> {
  const { header, details } = file;
  const fileId = uuidv7();
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO bank_files (id, sha256, file_name, bank_code, collected_on, records, total_amount, summary, imported_at, imported_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, '{}', $8, $9)
     ON CONFLICT (sha256) DO NOTHING RETURNING id`,
    [
      fileId,
      sha256,
      input.fileName,
      header.bankCode,
      header.collectedOn,
      details.length,
      file.totalAmount,
      input.now.toISOString(),
      input.importedBy,
    ],
  );
  if (inserted.rows[0] === undefined) return importedBefore(tx, input, sha256, file);

  const keys = details.map((d) => bankRecordKey(header, d));
  const seen = await existingKeys(tx, keys);
  const fresh: { detail: AsobancariaDetail; key: string }[] = [];
  details.forEach((detail, i) => {
    const key = keys[i] ?? '';
    if (seen.has(key)) return;
    seen.add(key);
    fresh.push({ detail, key });
  });

  const liquidations = await lockLiquidations(
    tx,
    fresh.map((r) => r.detail.reference),
  );
  const at = collectionMoment(header.collectedOn);
  const payments: BankPayment[] = [];
  const parked: ParkedBankRecord[] = [];
  const records = fresh.map(({ detail, key }) => {
    const liquidation = liquidations.get(detail.reference) ?? null;
    const outcome: BankRecordOutcome =
      liquidation === null
        ? 'unknown-reference'
        : detail.cents !== 0 || detail.amount !== liquidation.amount
          ? 'amount-mismatch'
          : 'applied';
    const sourceKey = bankSourceKey(key);
    if (outcome === 'applied' && liquidation !== null) {
      payments.push({ sourceKey, amount: detail.amount, raw: detail.raw, at, bankCode: header.bankCode, liquidation });
    } else if (outcome !== 'applied') {
      parked.push({
        kind: outcome,
        sourceKey,
        liquidationId: liquidation?.id ?? null,
        amount: detail.amount,
        raw: detail.raw,
        details: parkedDetails(input.fileName, file, detail, liquidation),
      });
    }
    return { id: uuidv7(), detail, key, outcome, liquidationId: liquidation?.id ?? null };
  });

  // No ON CONFLICT here: its per-row speculative insertion doubles the cost of a large file. A
  // record another import took meanwhile fails the insert on its unique key, and the import
  // starts over (below), when that record reads as a duplicate.
  await inChunks(records, (chunk) =>
    tx.query(
      `INSERT INTO bank_records (id, file_id, line_number, record_key, reference, amount, raw_line, outcome, liquidation_id)
       SELECT id, $1, line_number, record_key, reference, amount, raw_line, outcome, liquidation_id
       FROM unnest($2::uuid[], $3::int[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::text[], $9::uuid[])
         AS u(id, line_number, record_key, reference, amount, raw_line, outcome, liquidation_id)`,
      [
        fileId,
        chunk.map((r) => r.id),
        chunk.map((r) => r.detail.line),
        chunk.map((r) => r.key),
        chunk.map((r) => r.detail.reference),
        chunk.map((r) => r.detail.amount),
        chunk.map((r) => r.detail.raw),
        chunk.map((r) => r.outcome),
        chunk.map((r) => r.liquidationId),
      ],
    ),
  );

  await applier.apply(tx, payments, { id: fileId, name: input.fileName });
  await applier.park(tx, parked);

  const summary: BankFileSummary = {
    file: { ...fileFacts(input, sha256, file), id: fileId, importedAt: input.now.toISOString() },
    records: details.length,
    applied: payments.length,
    duplicates: details.length - fresh.length,
    unknownReference: parked.filter((p) => p.kind === 'unknown-reference').length,
    amountMismatch: parked.filter((p) => p.kind === 'amount-mismatch').length,
    rejected: null,
  };
  await tx.query('UPDATE bank_files SET summary = $2 WHERE id = $1', [fileId, JSON.stringify(summary)]);
  return summary;
}

/** The same bytes came before: nothing is applied, every record counts as a duplicate. */
async function importedBefore(
  tx: SqlExecutor,
  input: BankFileInput,
  sha256: string,
  file: AsobancariaFile,
): Promise<BankFileSummary> {
  const { rows } = await tx.query<{ imported_at: Date | string }>(
    'SELECT imported_at FROM bank_files WHERE sha256 = $1',
    [sha256],
  );
  const before = rows[0]?.imported_at;
  return {
    file: {
      ...fileFacts(input, sha256, file),
      importedBefore: before === undefined ? null : new Date(before).toISOString(),
    },
    records: file.details.length,
    applied: 0,
    duplicates: file.details.length,
    unknownReference: 0,
    amountMismatch: 0,
    rejected: null,
  };
}

async function existingKeys(tx: SqlExecutor, keys: readonly string[]): Promise<Set<string>> {
  const seen = new Set<string>();
  await inChunks(keys, async (chunk) => {
    const { rows } = await tx.query<{ record_key: string }>(
      'SELECT record_key FROM bank_records WHERE record_key = ANY($1::text[])',
      [chunk],
    );
    for (const row of rows) seen.add(row.record_key);
  });
  return seen;
}

interface LiquidationRow extends Record<string, unknown> {
  id: string;
  number: string | number;
  amount: string | number;
  state: LiquidationState;
  expires_at: Date | string;
  doc_type: string;
  doc_number: string;
}

/** Longest reference that can be a liquidación number (bigint, safe in a double). */
const maxNumberDigits = 15;

/**
 * The liquidaciones the references name, by number, locked for this transaction (in id order,
 * so two imports lock them alike) as applyLiquidationPayment locks each one. References with
 * letters or too many digits name none.
 */
async function lockLiquidations(
  tx: SqlExecutor,
  references: readonly string[],
): Promise<Map<string, LockedLiquidation>> {
  const numbers = [...new Set(references)].filter((r) => /^[0-9]+$/.test(r) && r.length <= maxNumberDigits);
  const found = new Map<string, LockedLiquidation>();
  const sorted: LiquidationRow[] = [];
  await inChunks(numbers, async (chunk) => {
    const { rows } = await tx.query<LiquidationRow>(
      `SELECT id, number, amount, state, expires_at, doc_type, doc_number FROM liquidations
       WHERE number = ANY($1::bigint[]) ORDER BY id FOR UPDATE`,
      [chunk],
    );
    sorted.push(...rows);
  });
  for (const row of sorted) {
    found.set(String(Number(row.number)), {
      id: row.id,
      number: Number(row.number),
      amount: Number(row.amount),
      state: row.state,
      expiresAt: new Date(row.expires_at),
      docType: row.doc_type,
      docNumber: row.doc_number,
    });
  }
  return found;
}

/** What staff read beside the raw line of a parked record (the console's «Revisiones»). */
function parkedDetails(
  fileName: string,
  file: AsobancariaFile,
  detail: AsobancariaDetail,
  liquidation: LockedLiquidation | null,
): Record<string, unknown> {
  const base = {
    fileName,
    line: detail.line,
    bankCode: file.header.bankCode,
    collectedOn: file.header.collectedOn,
    reference: detail.reference,
    office: detail.office,
    sequence: detail.sequence,
  };
  const paid =
    detail.cents === 0
      ? formatCop(detail.amount)
      : `${formatCop(detail.amount)},${String(detail.cents).padStart(2, '0')}`;
  if (liquidation === null) {
    return {
      ...base,
      note: `Ninguna liquidación tiene la referencia ${detail.reference}: ${paid} quedaron sin aplicar.`,
    };
  }
  return {
    ...base,
    liquidationNumber: liquidation.number,
    liquidationAmount: liquidation.amount,
    note: `El banco recibió ${paid} para la liquidación ${liquidation.number}, que es por ${formatCop(liquidation.amount)}: quedaron sin aplicar.`,
  };
}
