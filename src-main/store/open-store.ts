import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from '../../db/local/schema';
import { assertNotNewer, migrateStore } from './migrate';
import type { Migration } from './migrations';
import { StoreError } from './store-error';

export type LocalDb = BetterSQLite3Database<typeof schema>;

/** The device's SQLite store: the drizzle handle for services, the raw one for pragmas and benches. */
export interface Store {
  readonly db: LocalDb;
  readonly sqlite: Database.Database;
  readonly file: string;
  /** Outbox writes, so the pusher sends at once instead of waiting for its timer. */
  readonly outboxWrites: OutboxWrites;
  close(): void;
}

/** Listeners told after a transaction that wrote outbox events has committed. */
export class OutboxWrites {
  private readonly listeners = new Set<() => void>();

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const listener of this.listeners) listener();
  }
}

export interface OpenStoreOptions {
  /** Folder of the store; the file is `ventanilla.db` inside it. */
  readonly dir: string;
  readonly migrations: readonly Migration[];
  /** better-sqlite3's compiled addon, for Electron's ABI (DESIGN §5); Node's own when absent. */
  readonly nativeBinding?: string | undefined;
}

/**
 * Opens (or creates) the store, checks it is a healthy SQLite file, applies migrations.
 * A file that is not a database, or is damaged, stops start-up with a clear message and is
 * left exactly as found: records are never overwritten to "recover".
 */
export function openStore(options: OpenStoreOptions): Store {
  mkdirSync(options.dir, { recursive: true });
  const file = path.join(options.dir, 'ventanilla.db');
  const isNew = !existsSync(file);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding });
  } catch (cause) {
    throw new StoreError('unreadable', `No se pudo abrir la base de datos local ${file}.`, { cause });
  }
  try {
    checkHealth(sqlite, file, isNew);
    // Refused files are left exactly as found: no journal-mode switch, no -wal file.
    assertNotNewer(sqlite, options.migrations);
    // WAL keeps readers (status strip, lookups) off the writer's back; FULL makes every
    // committed payment survive a power cut, at the cost of one fsync per commit.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = OFF');
    migrateStore(sqlite, options.migrations);
    sqlite.pragma('foreign_keys = ON');
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return { db: drizzle(sqlite, { schema }), sqlite, file, outboxWrites: new OutboxWrites(), close: () => sqlite.close() };
}

function checkHealth(sqlite: Database.Database, file: string, isNew: boolean): void {
  if (isNew) return;
  let verdict: unknown;
  try {
    // quick_check reads every page but skips index cross-checks: seconds at a million rows,
    // which start-up can afford once; a damaged store must not take more money.
    verdict = sqlite.pragma('quick_check', { simple: true });
  } catch (cause) {
    throw new StoreError('corrupt', corruptMessage(file), { cause });
  }
  if (verdict !== 'ok') throw new StoreError('corrupt', corruptMessage(file));
}

const corruptMessage = (file: string): string =>
  `La base de datos local ${file} está dañada o no es una base de datos de Ventanilla. ` +
  'Ventanilla no la modificó. Avise a soporte técnico: el archivo debe revisarse o restaurarse desde el servidor central.';
