import type { LiquidationState } from '../../../src-shared/wallet/liquidation';
import type { SqlExecutor } from '../../db/sql-executor';

/** A bank record that matched a liquidación by reference and amount: to be credited. */
export interface BankPayment {
  readonly sourceKey: string;
  readonly amount: number;
  readonly raw: string;
  readonly at: Date;
  readonly bankCode: string;
  /** The liquidación as locked (FOR UPDATE) by the import, before any of this file's payments. */
  readonly liquidation: LockedLiquidation;
}

export interface LockedLiquidation {
  readonly id: string;
  readonly number: number;
  readonly amount: number;
  readonly state: LiquidationState;
  readonly expiresAt: Date;
  readonly docType: string;
  readonly docNumber: string;
}

/** The bank_files row the payments come from. */
export interface BankFileRef {
  readonly id: string;
  readonly name: string;
}

/** A bank record not applied: no liquidación with its reference, or not its amount. */
export interface ParkedBankRecord {
  readonly kind: 'unknown-reference' | 'amount-mismatch';
  readonly sourceKey: string;
  readonly liquidationId: string | null;
  readonly amount: number;
  readonly raw: string;
  readonly details: Record<string, unknown>;
}

/**
 * How an import writes the money and the reviews, inside its transaction: set-based for speed
 * (bank-payments-in-bulk.ts), or one applyLiquidationPayment per record (bank-payments-one-by-one.ts),
 * which the bulk one must equal write for write (tests/integration/wallet/bank-file-bulk-equality.test.ts).
 * Payments come in file order.
 */
export interface BankRecordsApplier {
  apply(tx: SqlExecutor, payments: readonly BankPayment[], file: BankFileRef): Promise<void>;
  park(tx: SqlExecutor, parked: readonly ParkedBankRecord[]): Promise<void>;
}
