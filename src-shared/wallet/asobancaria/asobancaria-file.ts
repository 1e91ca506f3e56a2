/**
 * An Asobancaria 2001 *recaudos* file (docs/bank-files.md): what a bank sends the biller for the
 * payments it collected. Fixed-width records of 162 characters: a file header (`01`), one or more
 * lots (`05` header, `06` details, `08` control) and a file control (`09`).
 */

/** Every record is this long; a short last line is padded with spaces (one real bank truncates its `09`). */
export const recordLength = 162;

/** The file header (`01`). */
export interface AsobancariaHeader {
  /** The biller's NIT with its check digit, 10 digits as written (`9001234568`). */
  readonly billerNit: string;
  /** Fecha de recaudo, `YYYY-MM-DD`: the day the bank took the money. */
  readonly collectedOn: string;
  /** The collecting bank's 3-digit code (`007`). */
  readonly bankCode: string;
  /** The collection account, 17 digits as written. */
  readonly account: string;
  /** When the bank wrote the file: `YYYY-MM-DD`, `HH:MM`. */
  readonly fileDate: string;
  readonly fileTime: string;
  /** Tells apart several files of one day (`A`, `B`, …). */
  readonly modifier: string;
  /** `01` ahorros, `02` corriente. */
  readonly accountType: string;
}

/** A lot (`05` … `08`). */
export interface AsobancariaLot {
  /** EAN-13/GLN (or NIT) of the collected service, as written (13 characters, zero-filled). */
  readonly serviceCode: string;
  /** `0001`, … */
  readonly lotNumber: string;
  /** 1-based line of its `05`. */
  readonly line: number;
}

/** One payment (`06`). */
export interface AsobancariaDetail {
  /** The payment reference without its zero fill (`000…0100023` → `100023`); `0` when all zeros. */
  readonly reference: string;
  /** The amount in whole pesos (the file carries 2 implied decimals). */
  readonly amount: number;
  /** The centavos the file gave beyond whole pesos (0 in any COP payment; otherwise it cannot be a liquidación's). */
  readonly cents: number;
  /** Procedencia de pago (`01` bancos, `03` ACH, …) and medio de pago (`01` efectivo, `15` Internet, …). */
  readonly origin: string;
  readonly medium: string;
  readonly operation: string;
  readonly authorization: string;
  /** Code of the bank debited (`999` for cash). */
  readonly debitedBank: string;
  /** The collecting branch (sucursal / oficina). */
  readonly office: string;
  /** The bank's sequence of the record. */
  readonly sequence: string;
  /** Causal de devolución, '' when none. */
  readonly returnCause: string;
  readonly lotNumber: string;
  /** The record as received (padded to 162 when it was the short last line). */
  readonly raw: string;
  /** 1-based line number in the file. */
  readonly line: number;
}

export interface AsobancariaFile {
  readonly header: AsobancariaHeader;
  readonly lots: readonly AsobancariaLot[];
  readonly details: readonly AsobancariaDetail[];
  /** Sum of the details in whole pesos (what `09` says, less any centavos). */
  readonly totalAmount: number;
}

/** Why a file is refused as a whole: the first line at fault and a Spanish message naming it. */
export interface AsobancariaRejection {
  readonly line: number;
  readonly message: string;
}

export type AsobancariaParse =
  | { readonly ok: true; readonly file: AsobancariaFile }
  | { readonly ok: false; readonly rejection: AsobancariaRejection };
