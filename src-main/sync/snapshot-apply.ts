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
 * The secondary indexes of the replica tables dropped for the download (`[{ name, sql }]`, their
 * CREATE statements as sqlite_master had them), kept apart from the state: the epoch and route
 * resets delete the state alone, and whatever drops a download, the indexes come back.
 */
const indexesKey = 'syncSnapshotIndexes';

interface DroppedIndex {
  readonly name: string;
  readonly sql: string;
}

/**
 * Writes a snapshot's parts into the replica (snapshot-download.ts): each part's rows and the
 * state that says what comes next in ONE transaction, so a crash, a kill or a power cut leaves
 * either the whole part with its state or neither, and the download goes on from the state.
 * The replica's cursor is written only when the last table is in, with the state deleted.
 *
 * The replica tables' secondary indexes are dropped when a download begins (the tables are empty
 * then) and built again once every row is in, before the cursor: building an index over rows in
 * place costs a fraction of keeping it up to date row by row. Unique indexes stay (they are
 * constraints). What was dropped is kept in device_meta in the same transaction as the drop, so
 * after a crash, an abandoned download or a reset of the replica the indexes are built again
 * (`restoreIndexes`) before the feed is read without a download under way.
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

  /** Records the download and drops the replica's secondary indexes, in one transaction. */
  begin(state: SnapshotState): void {
    const run = this.store.sqlite.transaction(() => {
      this.writeState.run(JSON.stringify(state));
      const stored = this.droppedIndexes();
      const indexes = stored ?? this.secondaryIndexes();
      if (stored === null)
        this.store.sqlite
          .prepare(`INSERT INTO device_meta (key, value) VALUES ('${indexesKey}', ?)`)
          .run(JSON.stringify(indexes));
      for (const index of indexes) this.store.sqlite.exec(`DROP INDEX IF EXISTS "${index.name}"`);
    });
    run.immediate();
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

  /**
   * Every table is in: the indexes are built again, then the replica's cursor is the snapshot's
   * and the feed goes on from it. A crash in between builds the rest on the next start.
   */
  finish(state: SnapshotState): void {
    this.restoreIndexes();
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
    this.restoreIndexes();
  }

  /**
   * Builds again the indexes a download dropped, one transaction per index (each a short pause
   * of the main process, not one long one), then forgets them. Nothing to do when none are dropped.
   */
  restoreIndexes(): void {
    const indexes = this.droppedIndexes();
    if (indexes === null) return;
    const exists = this.store.sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?`).pluck();
    for (const index of indexes) {
      const run = this.store.sqlite.transaction(() => {
        if (exists.get(index.name) === undefined) this.store.sqlite.exec(index.sql);
      });
      run.immediate();
    }
    this.store.sqlite.prepare(`DELETE FROM device_meta WHERE key = '${indexesKey}'`).run();
  }

  private droppedIndexes(): DroppedIndex[] | null {
    const text = this.store.sqlite
      .prepare(`SELECT value FROM device_meta WHERE key = '${indexesKey}'`)
      .pluck()
      .get() as string | undefined;
    return text === undefined ? null : (JSON.parse(text) as DroppedIndex[]);
  }

  /** The replica tables' indexes that are neither a key nor a constraint, as their CREATE statements. */
  private secondaryIndexes(): DroppedIndex[] {
    const tables = Object.values(replicaTables).map((spec) => spec.name);
    return this.store.sqlite
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE %'
         AND tbl_name IN (${tables.map(() => '?').join(', ')}) ORDER BY name`,
      )
      .all(...tables) as DroppedIndex[];
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
