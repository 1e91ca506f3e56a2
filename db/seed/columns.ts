/**
 * How generated rows become SQL: for each table, its columns with their PostgreSQL array type,
 * and a bulk statement of the form
 *
 *   INSERT INTO bills (bill_number, …) SELECT * FROM unnest($1::int8[], …)
 *
 * One parameter per column, whatever the number of rows: the statement text never changes,
 * parameters never hit the 65,535 limit, and both PGlite and node-postgres send arrays as
 * escaped array literals, so it runs unchanged on either.
 */
import type { BillLineItem } from '../server/schema';
import type { BillRow, PaymentRow, StaffUserRow, SubscriberRow } from './rows';

export interface ColumnSpec<R> {
  readonly name: string;
  /** Element type of the array parameter. */
  readonly type: string;
  readonly value: (row: R) => string | number | boolean | null;
  /**
   * Send each distinct value once plus a per-row position into that list. Bills share their
   * line items (bill-lines.ts): sending, escaping and parsing each JSON document once per batch
   * instead of once per bill was the largest single saving measured on PGlite.
   */
  readonly dictionary?: true;
}

export interface TableSpec<R> {
  readonly table: string;
  readonly columns: readonly ColumnSpec<R>[];
}

/** Line items are shared between bills (bill-lines.ts), so each array is serialised once. */
const lineItemsJson = new WeakMap<readonly BillLineItem[], string>();

export function jsonOfLineItems(items: readonly BillLineItem[]): string {
  let json = lineItemsJson.get(items);
  if (json === undefined) {
    json = JSON.stringify(items);
    lineItemsJson.set(items, json);
  }
  return json;
}

export const subscriberTable: TableSpec<SubscriberRow> = {
  table: 'subscribers',
  columns: [
    { name: 'codigo_interno', type: 'int4', value: (r) => r.codigoInterno },
    { name: 'codigo_ruta', type: 'text', value: (r) => r.codigoRuta },
    { name: 'holder_name', type: 'text', value: (r) => r.holderName },
    { name: 'estrato', type: 'int2', value: (r) => r.estrato },
    { name: 'uso', type: 'text', value: (r) => r.uso },
    { name: 'address', type: 'text', value: (r) => r.address },
    { name: 'neighborhood', type: 'text', value: (r) => r.neighborhood },
    { name: 'municipality', type: 'text', value: (r) => r.municipality },
    { name: 'meter_serial', type: 'text', value: (r) => r.meterSerial },
  ],
};

export const billTable: TableSpec<BillRow> = {
  table: 'bills',
  columns: [
    { name: 'bill_number', type: 'int8', value: (r) => r.billNumber },
    { name: 'codigo_interno', type: 'int4', value: (r) => r.codigoInterno },
    { name: 'period', type: 'text', value: (r) => r.period },
    { name: 'issued_on', type: 'date', value: (r) => r.issuedOn },
    { name: 'due_on', type: 'date', value: (r) => r.dueOn },
    { name: 'suspension_on', type: 'date', value: (r) => r.suspensionOn },
    { name: 'previous_reading', type: 'int4', value: (r) => r.previousReading },
    { name: 'current_reading', type: 'int4', value: (r) => r.currentReading },
    { name: 'consumption_m3', type: 'int4', value: (r) => r.consumptionM3 },
    { name: 'line_items', type: 'jsonb', value: (r) => jsonOfLineItems(r.lineItems), dictionary: true },
    { name: 'previous_balance', type: 'int4', value: (r) => r.previousBalance },
    { name: 'total', type: 'int4', value: (r) => r.total },
    { name: 'state', type: 'text', value: (r) => r.state },
    { name: 'paid_at', type: 'timestamptz', value: (r) => r.paidAt },
  ],
};

export const paymentTable: TableSpec<PaymentRow> = {
  table: 'payments',
  columns: [
    { name: 'id', type: 'uuid', value: (r) => r.id },
    { name: 'codigo_interno', type: 'int4', value: (r) => r.codigoInterno },
    { name: 'bill_number', type: 'int8', value: (r) => r.billNumber },
    { name: 'period', type: 'text', value: (r) => r.period },
    { name: 'amount', type: 'int4', value: (r) => r.amount },
    { name: 'paid_at', type: 'timestamptz', value: (r) => r.paidAt },
    { name: 'channel', type: 'text', value: (r) => r.channel },
    { name: 'reference', type: 'text', value: (r) => r.reference },
  ],
};

export const staffUserTable: TableSpec<StaffUserRow> = {
  table: 'staff_users',
  columns: [
    { name: 'id', type: 'uuid', value: (r) => r.id },
    { name: 'username', type: 'text', value: (r) => r.username },
    { name: 'full_name', type: 'text', value: (r) => r.fullName },
    { name: 'role', type: 'text', value: (r) => r.role },
    { name: 'password_hash', type: 'text', value: (r) => r.passwordHash },
    { name: 'pin_hash', type: 'text', value: (r) => r.pinHash },
    { name: 'active', type: 'bool', value: (r) => r.active },
    { name: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
  ],
};

/**
 * `INSERT … SELECT … FROM unnest(…)` for `spec`, numbering parameters from `firstParam` so
 * several tables can share one statement; dictionary columns take one extra parameter each,
 * after the column parameters. `suffix` is appended verbatim (ON CONFLICT …).
 */
export function unnestInsertSql<R>(spec: TableSpec<R>, firstParam = 1, suffix = ''): string {
  const names = spec.columns.map((c) => c.name).join(', ');
  const arrays = spec.columns.map((c, i) => `$${firstParam + i}::${c.dictionary ? 'int4' : c.type}[]`).join(', ');
  const aliases = spec.columns.map((_, i) => `c${i}`).join(', ');
  let dictParam = firstParam + spec.columns.length;
  const select = spec.columns
    .map((c, i) => (c.dictionary ? `($${dictParam++}::${c.type}[])[c${i}]` : `c${i}`))
    .join(', ');
  return `INSERT INTO ${spec.table} (${names}) SELECT ${select} FROM unnest(${arrays}) AS t(${aliases})${suffix}`;
}

/** How many parameters `unnestInsertSql(spec)` takes. */
export function parameterCount<R>(spec: TableSpec<R>): number {
  return spec.columns.length + spec.columns.filter((c) => c.dictionary).length;
}

/** The parameters of `unnestInsertSql`: one array per column, then one per dictionary. */
export function columnArrays<R>(spec: TableSpec<R>, rows: readonly R[]): unknown[][] {
  const dictionaries: unknown[][] = [];
  const columns = spec.columns.map((column) => {
    const values = new Array<unknown>(rows.length);
    if (!column.dictionary) {
      for (let i = 0; i < rows.length; i += 1) values[i] = column.value(rows[i] as R);
      return values;
    }
    const positions = new Map<unknown, number>();
    const distinct: unknown[] = [];
    for (let i = 0; i < rows.length; i += 1) {
      const value = column.value(rows[i] as R);
      let position = positions.get(value);
      if (position === undefined) {
        distinct.push(value);
        position = distinct.length; // SQL arrays are 1-based
        positions.set(value, position);
      }
      values[i] = position;
    }
    dictionaries.push(distinct);
    return values;
  });
  return [...columns, ...dictionaries];
}
