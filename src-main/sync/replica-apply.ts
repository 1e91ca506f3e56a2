import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Store } from '../store/open-store';
import type { ReplicaPolicy } from './replica-policy';
import { isReplicatedTable, replicaTables, type ColumnKind, type ReplicaTableSpec } from './replica-tables';

/** A page the device must not apply: nothing of it is written and the pull stops with this. */
export class MalformedPageError extends Error {
  override readonly name = 'MalformedPageError';
}

export type SqlValue = string | number | null;

/** A feed value as the replica stores it; throws MalformedPageError for one not of `kind`. */
export function convert(value: unknown, kind: ColumnKind, where: string): SqlValue {
  switch (kind) {
    case 'int':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
      break;
    case 'text':
      if (typeof value === 'string') return value;
      break;
    case 'text?':
      if (value === null || typeof value === 'string') return value;
      break;
    case 'instant?':
      if (value === null) return null;
      return convert(value, 'instant', where);
    case 'instant':
      if (typeof value === 'string') {
        const time = Date.parse(value);
        if (!Number.isNaN(time)) return new Date(time).toISOString();
      }
      break;
    case 'json':
      if (value !== undefined) return JSON.stringify(value);
      break;
    case 'bool':
      if (typeof value === 'boolean') return value ? 1 : 0;
      break;
  }
  throw new MalformedPageError(`${where}: valor inválido`);
}

interface PreparedTable {
  readonly spec: ReplicaTableSpec;
  readonly put: Statement;
  readonly del: Statement;
}

/**
 * Applies pages of the change feed to the replica: every change of a page and the new
 * cursor in ONE transaction (docs/sync-protocol.md, "Applying a page"), so a crash, a kill or a power cut leaves
 * either the whole page with its cursor or neither, and the next pull starts from the cursor.
 */
export class ReplicaApplier {
  private readonly tables = new Map<string, PreparedTable>();
  private readonly saveCursor: Statement;

  constructor(
    private readonly store: Store,
    private readonly policy: Pick<ReplicaPolicy, 'adapt'> | null = null,
  ) {
    for (const spec of Object.values(replicaTables)) {
      const names = spec.columns.map(([column]) => column);
      this.tables.set(spec.name, {
        spec,
        // REPLACE: the feed carries whole rows, and a unique column (a staff username) that
        // moved to another row must not stop the page.
        put: store.sqlite.prepare(
          `INSERT OR REPLACE INTO ${spec.name} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
        ),
        del: store.sqlite.prepare(`DELETE FROM ${spec.name} WHERE ${spec.key} = ?`),
      });
    }
    this.saveCursor = store.sqlite.prepare(
      `INSERT INTO device_meta (key, value) VALUES ('syncCursor', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
  }

  /** The last `seq` applied; `0` before the first pull. */
  cursor(): string {
    const row = this.store.sqlite.prepare(`SELECT value FROM device_meta WHERE key = 'syncCursor'`).get() as
      { value: string } | undefined;
    return row?.value ?? '0';
  }

  /** Applies `changes` (as received) and moves the cursor to `nextCursor`, all or nothing. */
  apply(changes: readonly unknown[], expectedCursor: string, nextCursor: string): number {
    const run = this.store.sqlite.transaction(() => {
      // Another pull applied a page meanwhile: this one is stale and must not move the cursor back.
      if (this.cursor() !== expectedCursor) throw new MalformedPageError('El cursor cambió durante la descarga.');
      let previous = Number(expectedCursor);
      for (const change of changes) previous = this.applyOne(change, previous);
      // The next cursor may lie beyond the last change: the server moves it past changes this
      // device may not see (another route's), so they are not read again. Never before it.
      if (!/^\d{1,18}$/.test(nextCursor) || Number(nextCursor) < previous)
        throw new MalformedPageError('El cursor de la página no coincide.');
      this.saveCursor.run(nextCursor);
      return changes.length;
    });
    return run.immediate();
  }

  private applyOne(change: unknown, previous: number): number {
    if (typeof change !== 'object' || change === null) throw new MalformedPageError('Cambio inválido');
    const { seq, table, key, op, row } = change as Record<string, unknown>;
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq <= previous)
      throw new MalformedPageError('Secuencia inválida');
    if (typeof table !== 'string' || !isReplicatedTable(table) || typeof key !== 'string') {
      throw new MalformedPageError(`Cambio ${seq}: tabla o clave inválida`);
    }
    const prepared = this.tables.get(table);
    if (prepared === undefined) throw new MalformedPageError(`Cambio ${seq}: tabla desconocida`);
    const { spec } = prepared;
    if (op === 'del') {
      prepared.del.run(spec.keyKind === 'int' ? Number(key) : key);
      return seq;
    }
    if (op !== 'put' || typeof row !== 'object' || row === null)
      throw new MalformedPageError(`Cambio ${seq}: operación inválida`);
    const received = row as Record<string, unknown>;
    if (String(received[spec.key]) !== key)
      throw new MalformedPageError(`Cambio ${seq}: la clave no coincide con la fila`);
    let record: Record<string, unknown> | null;
    try {
      record = this.policy === null ? received : this.policy.adapt(table, received);
    } catch {
      throw new MalformedPageError(`Cambio ${seq}: fila de ${table} inválida`);
    }
    // A row this device may not hold: whatever it had under that key goes too.
    if (record === null) prepared.del.run(spec.keyKind === 'int' ? Number(key) : key);
    else prepared.put.run(rowValues(spec, record, `Cambio ${seq}`));
    return seq;
  }
}

/** A feed row (server column names) as the replica stores it, in `spec.columns` order. */
export function rowValues(spec: ReplicaTableSpec, record: Record<string, unknown>, where: string): SqlValue[] {
  const values: SqlValue[] = [];
  for (const [column, kind, absent] of spec.columns) {
    const value = record[column];
    values.push(
      value === undefined && absent !== undefined ? absent : convert(value, kind, `${where}, ${spec.name}.${column}`),
    );
  }
  return values;
}
