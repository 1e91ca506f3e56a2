import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { fillLocalReplica } from '../../db/seed/local-replica';
import { DeviceSecrets } from '../../src-main/secrets/device-secrets';
import { KeyFileStorage } from '../../src-main/secrets/key-file-storage';
import { migrateStore } from '../../src-main/store/migrate';
import { readMigrations } from '../../src-main/store/migrations';
import { storeKeysDir } from '../../src-main/store/open-store';
import { applyStoreKey } from '../../src-main/store/store-cipher';
import { replicaNow } from './replica-store';

/** The store file of a store folder. */
export const storeFile = (dir: string): string => path.join(dir, 'ventanilla.db');

/** The key the store folder's key files hold (what openStore uses on the web host). */
export function storedKey(dir: string): Buffer {
  const key = new DeviceSecrets(new KeyFileStorage(storeKeysDir(dir))).existingDatabaseKey();
  if (key === null) throw new Error(`no store key beside ${dir}`);
  return key;
}

/** The store opened without the app: with its key, nothing else (for tests that poke at the file). */
export function openKeyedRaw(dir: string, key = storedKey(dir)): Database.Database {
  const sqlite = new Database(storeFile(dir));
  applyStoreKey(sqlite, key);
  return sqlite;
}

/** What is on disk for the store: the file and its WAL, as raw bytes. */
export function storeBytes(dir: string): Buffer {
  const file = storeFile(dir);
  return Buffer.concat([readFileSync(file), existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`) : Buffer.alloc(0)]);
}

/** A token as the server issues them (shape only). */
export const legacyToken = 'vt_PlainTokenOfAnOlderInstall0123456789abcdefghij';

/**
 * A store as every device installed before encryption has it: plain SQLite in WAL mode with
 * every migration, a replica from the demo generator, the token in `device_meta`, outbox rows.
 * The connection is returned open so a test can decide whether its WAL is checkpointed.
 */
export async function createPlainStore(dir: string, subscribers: number): Promise<Database.Database> {
  const sqlite = new Database(storeFile(dir));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = OFF');
  migrateStore(sqlite, readMigrations(path.resolve('db/local/migrations')));
  sqlite.pragma('foreign_keys = ON');
  await fillLocalReplica(sqlite, { subscribers, now: replicaNow });
  const meta = sqlite.prepare('INSERT INTO device_meta (key, value) VALUES (?, ?)');
  meta.run('deviceId', '0190a1b2-0000-7000-8000-000000000001');
  meta.run('deviceName', 'Caja 1');
  meta.run('deviceToken', legacyToken);
  const outbox = sqlite.prepare(
    "INSERT INTO outbox (id, type, payload, created_at, state) VALUES (?, ?, ?, '2026-03-10T15:00:00.000Z', ?)",
  );
  outbox.run('0190a1b2-0000-7000-8000-0000000000a1', 'payment.taken', JSON.stringify({ amount: 52_300 }), 'pending');
  outbox.run('0190a1b2-0000-7000-8000-0000000000a2', 'kiosk.session_ended', JSON.stringify({ reason: 'idle' }), 'sent');
  return sqlite;
}

/** Row counts of every table: what a migration must keep. */
export function tableCounts(sqlite: Database.Database): Record<string, number> {
  const names = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    names.map((name) => [name, sqlite.prepare(`SELECT count(*) FROM "${name}"`).pluck().get() as number]),
  );
}
