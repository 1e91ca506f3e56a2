import { randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { SqlExecutor } from '../../src-server/db/sql-executor';
import type { DocumentType } from '../../src-shared/domain/identity-document';
import type { HolderData } from '../../src-shared/wallet/holder-fields';
import type { LiquidationState, PaymentChannel } from '../../src-shared/wallet/liquidation';
import { makeRecoveryCode } from '../../src-shared/wallet/recovery-code';

/** A liquidación as tests need one; the rest of its row is filled in plausibly. */
export interface TestLiquidationInput {
  readonly amount: number;
  readonly docType: DocumentType;
  readonly docNumber: string;
  /** Default `pendiente`. */
  readonly state?: LiquidationState;
  /** Default: ten days from now. */
  readonly expiresAt?: Date;
  /** The client data it is issued with; default a natural person with the identification above. */
  readonly client?: HolderData;
  /** For a liquidación already `pagada`: the channel that paid it, a moment ago. Default none. */
  readonly paidVia?: PaymentChannel;
}

/**
 * Inserts a liquidación row directly (no wallet service needed), for tests of whatever pays it:
 * bank files, the gateway, the counter. Its number is drawn from the table's sequence, as the
 * service's would be. Shared by several suites: keep its signature stable.
 */
export async function createTestLiquidation(
  exec: SqlExecutor,
  input: TestLiquidationInput,
): Promise<{ id: string; number: number; recoveryCode: string }> {
  const id = uuidv7();
  const client = input.client ?? testHolder(input.docType, input.docNumber);
  const expiresAt = input.expiresAt ?? new Date(Date.now() + 10 * 24 * 3600_000);
  const recoveryCode = makeRecoveryCode((n) => randomInt(n));
  const { rows } = await exec.query<{ number: string | number }>(
    `INSERT INTO liquidations (id, doc_type, doc_number, client, amount, state, recovery_code, expires_at, paid_at, paid_via)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING number`,
    [
      id,
      input.docType,
      input.docNumber,
      JSON.stringify(client),
      input.amount,
      input.state ?? 'pendiente',
      recoveryCode,
      expiresAt.toISOString(),
      input.paidVia === undefined ? null : new Date().toISOString(),
      input.paidVia ?? null,
    ],
  );
  return { id, number: Number(rows[0]?.number), recoveryCode };
}

/** A natural person's client data for an identification. */
export function testHolder(docType: DocumentType, docNumber: string): HolderData {
  return {
    docType,
    docNumber,
    identity: { personKind: 'natural', firstSurname: 'Pérez', secondSurname: '', firstName: 'Ana', secondName: '' },
    contact: {
      email: `ana.${docNumber}@example.com`,
      mobile: '3001234567',
      landline: null,
      address: 'Calle 10 # 5-20',
      municipality: 'Ibagué',
    },
  };
}
