import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { ReplicatedTable } from '../../src-shared/server-api/sync-api';
import type { Store } from '../store/open-store';
import { convert, MalformedPageError, type SqlValue } from './replica-apply';
import type { ReplicaPolicy } from './replica-policy';
import { replicaTables, type ReplicaTableSpec } from './replica-tables';

/** Where a first download by snapshot stands, kept in device_meta (`syncSnapshot`) with each part it covers. */
export interface SnapshotState {
  /** The feed cursor the snapshot was read at: the replica's cursor once every table is in. */
  readonly cursor: string;
  readonly epoch: string;
  readonly tables: readonly { readonly table: ReplicatedTable; readonly rows: number }[];
  /** The table being downloaded (an index into `tables`); `tables.length` when all are in. */
  readonly index: number;
  /** The key of the last row written of that table; null before its first part. */
  readonly after: string | null;
  /** Rows written so far, all tables. */
  readonly applied: number;
}

const stateKey = 'syncSnapshot';

/**
 * Writes a snapshot's parts into the replica (snapshot-download.ts): each part's rows and the
 * state that says what comes next in ONE transaction, so a crash, a kill or a power cut leaves
 * either the whole part with its state or neither, and the download goes on from the state.
 * The replica's cursor is written only when the last table is in, with the state deleted.
 */
export class SnapshotApplier {
  private readonly puts = new Map<ReplicatedTable, Statement>();
  private readonly readState: Statement;
  private readonly writeState: Statement;

  constructor(
    private readonly store: Store,
    private readonly policy: Pick<ReplicaPolicy, 'adaptValues'> | null,
  ) {
    for (const spec of Object.values(replicaTables)) {
      const names = spec.columns.map(([column]) => column);
      this.puts.set(
        spec.name,
        store.sqlite.prepare(
          `INSERT OR REPLACE INTO ${spec.name} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
        ),
      );
    }
    this.readState = store.sqlite.prepare(`SELECT value FROM device_meta WHERE key = '${stateKey}'`).pluck();
    this.writeState = store.sqlite.prepare(
      `INSERT INTO device_meta (key, value) VALUES ('${stateKey}', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
  }

  /** The download under way, or null. */
  state(): SnapshotState | null {
    const text = this.readState.get() as string | undefined;
    return text === undefined ? null : (JSON.parse(text) as SnapshotState);
  }

  /** True when no replicated table holds a row: only then does a snapshot stand for the feed's deletions too. */
  replicaIsEmpty(): boolean {
    return Object.values(replicaTables).every(
      (spec) => this.store.sqlite.prepare(`SELECT 1 FROM ${spec.name} LIMIT 1`).get() === undefined,
    );
  }

  begin(state: SnapshotState): void {
    this.writeState.run(JSON.stringify(state));
  }

  /** Writes a part of `state`'s current table and moves the state past it, all or nothing. */
  applyPart(state: SnapshotState, rows: readonly unknown[], last: string | null, done: boolean): SnapshotState {
    const entry = state.tables[state.index];
    if (entry === undefined) throw new MalformedPageError('Parte de una tabla que no se pidió');
    const spec = replicaTables[entry.table];
    const put = this.puts.get(entry.table);
    if (put === undefined) throw new MalformedPageError(`Tabla desconocida: ${entry.table}`);
    const next: SnapshotState = {
      ...state,
      index: done ? state.index + 1 : state.index,
      after: done ? null : last,
      applied: state.applied + rows.length,
    };
    const run = this.store.sqlite.transaction(() => {
      // Another loop wrote this part meanwhile: never write it twice over a moved state.
      if (this.readState.get() !== JSON.stringify(state))
        throw new MalformedPageError('La descarga cambió mientras se escribía.');
      const where = `Instantánea de ${spec.name}`;
      for (const row of rows) {
        const values = this.adapted(spec, row, where);
        if (values !== null) put.run(values);
      }
      this.writeState.run(JSON.stringify(next));
    });
    run.immediate();
    return next;
  }

  /** Every table is in: the replica's cursor is the snapshot's, and the feed goes on from it. */
  finish(state: SnapshotState): void {
    const run = this.store.sqlite.transaction(() => {
      this.store.sqlite
        .prepare(
          `INSERT INTO device_meta (key, value) VALUES ('syncCursor', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        )
        .run(state.cursor);
      this.store.sqlite.prepare(`DELETE FROM device_meta WHERE key = '${stateKey}'`).run();
    });
    run.immediate();
  }

  /** Drops a download that cannot go on (another epoch, other routes); the rows written stay for the feed to correct. */
  abandon(): void {
    this.store.sqlite.prepare(`DELETE FROM device_meta WHERE key = '${stateKey}'`).run();
  }

  private adapted(spec: ReplicaTableSpec, row: unknown, where: string): SqlValue[] | null {
    if (!Array.isArray(row) || row.length !== spec.columns.length)
      throw new MalformedPageError(`${where}: fila inválida`);
    const values = this.policy === null ? row : this.policy.adaptValues(spec, row);
    if (values === null) return null;
    const out: SqlValue[] = new Array<SqlValue>(values.length);
    for (let i = 0; i < spec.columns.length; i++) {
      const [column, kind] = spec.columns[i]!;
      out[i] = convert(values[i], kind, `${where}.${column}`);
    }
    return out;
  }
}
