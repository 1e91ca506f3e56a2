import type { ReplicatedTable } from '../../src-shared/server-api/sync-api';

/**
 * How a row of the server's change feed maps onto the device's replica
 * (db/local/schema/replica.ts): the same snake_case column names, with the value checked and
 * converted per kind. Hand-written checks rather than zod: a first download applies millions
 * of rows and this is the inner loop.
 *
 * - `int`: a safe integer. `text`: a string. `text?`: a string or null.
 * - `instant` / `instant?`: a PostgreSQL timestamptz, stored as ISO 8601 UTC (`…Z`).
 * - `json`: any JSON value, stored as its text. `bool`: stored as 0/1.
 *
 * A third element is the value of a column that rows written before the column existed do not
 * carry (the feed keeps rows as they were when they changed).
 */
export type ColumnKind = 'int' | 'text' | 'text?' | 'instant' | 'instant?' | 'json' | 'bool';

export interface ReplicaTableSpec {
  readonly name: ReplicatedTable;
  /** The primary key column; the feed's `key` is its text form. */
  readonly key: string;
  readonly keyKind: 'int' | 'text';
  readonly columns: readonly (readonly [column: string, kind: ColumnKind, absent?: string])[];
}

export const replicaTables: Readonly<Record<ReplicatedTable, ReplicaTableSpec>> = {
  subscribers: {
    name: 'subscribers',
    key: 'codigo_interno',
    keyKind: 'int',
    columns: [
      ['codigo_interno', 'int'],
      ['codigo_ruta', 'text'],
      ['holder_name', 'text'],
      ['estrato', 'int'],
      ['uso', 'text'],
      ['address', 'text'],
      ['neighborhood', 'text'],
      ['municipality', 'text'],
      ['meter_serial', 'text'],
    ],
  },
  bills: {
    name: 'bills',
    key: 'bill_number',
    keyKind: 'int',
    columns: [
      ['bill_number', 'int'],
      ['codigo_interno', 'int'],
      ['period', 'text'],
      ['issued_on', 'text'],
      ['due_on', 'text'],
      ['suspension_on', 'text'],
      ['previous_reading', 'int'],
      ['current_reading', 'int'],
      ['consumption_m3', 'int'],
      ['line_items', 'json'],
      ['previous_balance', 'int'],
      ['total', 'int'],
      ['state', 'text'],
      ['paid_at', 'instant?'],
    ],
  },
  payments: {
    name: 'payments',
    key: 'id',
    keyKind: 'text',
    columns: [
      ['id', 'text'],
      ['codigo_interno', 'int'],
      ['bill_number', 'int'],
      ['period', 'text'],
      ['amount', 'int'],
      ['paid_at', 'instant'],
      ['channel', 'text'],
      ['reference', 'text?'],
      ['state', 'text', 'valid'],
    ],
  },
  staff_users: {
    name: 'staff_users',
    key: 'id',
    keyKind: 'text',
    columns: [
      ['id', 'text'],
      ['username', 'text'],
      ['full_name', 'text'],
      ['role', 'text'],
      ['password_hash', 'text'],
      ['pin_hash', 'text?'],
      ['active', 'bool'],
      ['created_at', 'instant'],
    ],
  },
  settings: {
    name: 'settings',
    key: 'key',
    keyKind: 'text',
    columns: [
      ['key', 'text'],
      ['value', 'json'],
      ['updated_at', 'instant'],
    ],
  },
};

export const isReplicatedTable = (name: string): name is ReplicatedTable => Object.hasOwn(replicaTables, name);
