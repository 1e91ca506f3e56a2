/**
 * How generated rows become SQL: for each table, its columns with their PostgreSQL array type,
 * and a bulk statement of the form
 *
 *   INSERT INTO bills (bill_number, …) SELECT * FROM unnest($1::int8[], …)
 *
 * One parameter per column, whatever the number of rows: the statement text never changes and
 * parameters never hit the 65,535 limit. Each parameter is an array literal (`{1,2,3}`,
 * `{"a","b"}`) built here and sent as text, which both PGlite and node-postgres pass through
 * untouched: their generic array serialisers (a regex escape per element) were 15 % of the
 * seed's CPU time on PostgreSQL.
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

type Scalar = string | number | boolean | null;

const needsEscape = /[\\"]/;

/**
 * A PostgreSQL array literal. Every string is double-quoted (so `NULL`, commas, braces and
 * spaces are plain data) with `\` and `"` backslash-escaped, as array input requires; SQL
 * NULL is the bare word. Numbers must be finite: NaN would reach the database as text.
 */
export function arrayLiteral(values: readonly Scalar[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i] ?? null;
    if (v === null) parts[i] = 'NULL';
    else if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new RangeError(`Not a finite number: ${v}`);
      parts[i] = String(v);
    } else if (typeof v === 'boolean') parts[i] = v ? 't' : 'f';
    else parts[i] = needsEscape.test(v) ? `"${v.replace(/[\\"]/g, '\\$&')}"` : `"${v}"`;
  }
  return `{${parts.join(',')}}`;
}

/** The parameters of `unnestInsertSql`: one array literal per column, then one per dictionary. */
export function columnArrays<R>(spec: TableSpec<R>, rows: readonly R[]): string[] {
  const dictionaries: string[] = [];
  const columns = spec.columns.map((column) => {
    const values = new Array<Scalar>(rows.length);
    if (!column.dictionary) {
      for (let i = 0; i < rows.length; i += 1) values[i] = column.value(rows[i] as R);
      return arrayLiteral(values);
    }
    const positions = new Map<Scalar, number>();
    const distinct: Scalar[] = [];
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
    dictionaries.push(arrayLiteral(distinct));
    return arrayLiteral(values);
  });
  return [...columns, ...dictionaries];
}
