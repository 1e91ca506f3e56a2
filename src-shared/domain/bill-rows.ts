/**
 * The replica rows a bill document is built from, as plain shapes: the same fields as the
 * `subscribers` and `bills` tables of db/local/schema/replica.ts, without drizzle, so pure code
 * (documents, slips, questions) can take what a repository read.
 */

export interface SubscriberRow {
  readonly codigoInterno: number;
  readonly codigoRuta: string;
  readonly holderName: string;
  readonly estrato: number;
  readonly uso: string;
  readonly address: string;
  readonly neighborhood: string;
  readonly municipality: string;
  readonly meterSerial: string;
}

/**
 * One line of a bill; subsidies negative, contributions positive, whole pesos. The one
 * definition: the server's `bills.line_items`, the replica's and the seed's take it from here.
 */
export interface BillLineItemRow {
  /** acueducto-cargo-fijo, acueducto-consumo, alcantarillado-cargo-fijo, alcantarillado-vertimiento, aseo, subsidio, contribucion… */
  readonly concept: string;
  readonly label: string;
  /** Whole pesos. */
  readonly amount: number;
}

export interface BillRow {
  readonly billNumber: number;
  readonly codigoInterno: number;
  /** `YYYY-MM`. */
  readonly period: string;
  /** `YYYY-MM-DD`. */
  readonly issuedOn: string;
  readonly dueOn: string;
  readonly suspensionOn: string;
  readonly previousReading: number;
  readonly currentReading: number;
  readonly consumptionM3: number;
  readonly lineItems: readonly BillLineItemRow[];
  readonly previousBalance: number;
  readonly total: number;
  /** pagada, pendiente, vencida, anulada (text in the replica: checked by the builder). */
  readonly state: string;
  /** ISO 8601 instant, or null unless paid. */
  readonly paidAt: string | null;
}
