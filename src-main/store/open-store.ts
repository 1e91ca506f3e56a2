import { chmodSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from '../../db/local/schema';
import { DeviceSecrets } from '../secrets/device-secrets';
import { KeyFileStorage } from '../secrets/key-file-storage';
import { SecretStorageError, type SecretStorage } from '../secrets/secret-storage';
import { encryptingCopy, encryptPlainStore, type EncryptionStep } from './encrypt-plain-store';
import { assertNotNewer, migrateStore, type MigrationStep } from './migrate';
import type { Migration } from './migrations';
import { applyStoreKey, storeFileKind } from './store-cipher';
import { StoreError } from './store-error';
import { checkHealth } from './store-health';

export type LocalDb = BetterSQLite3Database<typeof schema>;

/** The device's SQLite store: the drizzle handle for services, the raw one for pragmas and benches. */
export interface Store {
  readonly db: LocalDb;
  readonly sqlite: Database.Database;
  readonly file: string;
  /** The key storage beside the store: its key, the device token, derived secrets. */
  readonly secrets: DeviceSecrets;
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
  /** better-sqlite3's compiled addon, for Electron's ABI (docs/architecture.md); Node's own when absent. */
  readonly nativeBinding?: string | undefined;
  /**
   * Where the store's key and the device's other secrets are kept: the OS keychain in Electron
   * (electron/safe-storage-secrets.ts). Absent: key files in `<dir>/keys/` (the web host, tests).
   */
  readonly secretStorage?: SecretStorage | undefined;
  /** Fault tests only: told after each step of the migration of a plain store (encrypt-plain-store.ts). */
  readonly onEncryptionStep?: ((step: EncryptionStep) => void) | undefined;
  /** Fault tests only: told after each statement of the pending migrations, inside their transaction (migrate.ts). */
  readonly onMigrationStep?: ((step: MigrationStep) => void) | undefined;
}

/** The folder of the key files beside a store folder. */
export const storeKeysDir = (storeDir: string): string => path.join(storeDir, 'keys');

/**
 * Opens (or creates) the store, encrypted (docs/security-at-rest.md): the key goes in before
 * any other statement; a plain store of an older install is first encrypted (crash-safe, see
 * encrypt-plain-store.ts). Then it checks it is a healthy SQLite file and applies migrations.
 * A file that is not a database, is damaged, or does not open with the stored key stops
 * start-up with a clear message and is left exactly as found: records are never overwritten
 * to "recover".
 */
export function openStore(options: OpenStoreOptions): Store {
  makePrivateDir(options.dir);
  const file = path.join(options.dir, 'ventanilla.db');
  const secrets = new DeviceSecrets(options.secretStorage ?? new KeyFileStorage(storeKeysDir(options.dir)));
  let kind = storeFileKind(file);
  const key = storeKey(secrets, kind, file, options.dir);
  if (kind === 'plain') {
    encryptPlainStore({
      file,
      key,
      migrations: options.migrations,
      nativeBinding: options.nativeBinding,
      onStep: options.onEncryptionStep,
    });
    kind = 'encrypted';
  } else if (kind === 'absent') {
    // A copy a crashed migration left behind (its plain store since deleted by hand) is not the store.
    refuseOrphanCopy(file);
  }
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding });
  } catch (cause) {
    throw new StoreError('unreadable', `No se pudo abrir la base de datos local ${file}.`, { cause });
  }
  try {
    applyStoreKey(sqlite, key);
    if (kind === 'encrypted') checkKeyOpens(sqlite, file, options.dir, secrets);
    // Refused files are left exactly as found: no journal-mode switch, no -wal file.
    assertNotNewer(sqlite, options.migrations);
    // WAL keeps readers (status strip, lookups) off the writer's back; FULL makes every
    // committed payment survive a power cut, at the cost of one fsync per commit.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = OFF');
    migrateStore(sqlite, options.migrations, options.onMigrationStep);
    sqlite.pragma('foreign_keys = ON');
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return {
    db: drizzle(sqlite, { schema }),
    sqlite,
    file,
    secrets,
    outboxWrites: new OutboxWrites(),
    close: () => sqlite.close(),
  };
}

/** The data folder is the user's alone (0700): the key files beside the store rely on it. */
function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32' && (statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
}

/** The key of an existing encrypted store must be there already; any other store gets one (created once). */
function storeKey(secrets: DeviceSecrets, kind: 'absent' | 'plain' | 'encrypted', file: string, dir: string): Buffer {
  try {
    if (kind !== 'encrypted') return secrets.databaseKey();
    const key = secrets.existingDatabaseKey();
    if (key !== null) return key;
  } catch (cause) {
    if (cause instanceof SecretStorageError) throw new StoreError('key-missing', cause.message, { cause });
    throw cause;
  }
  throw new StoreError(
    'key-missing',
    `La base de datos local ${file} está cifrada (o no es una base de datos) y falta su clave en este equipo ` +
      `(${keyPlace(secrets, dir)}). Ventanilla no la modificó. Si se copió la carpeta de datos sin su clave, ` +
      'copie también la clave; si la clave se perdió, los datos no se pueden leer: el equipo debe inscribirse de nuevo ' +
      'y descargar sus datos del servidor central (los cobros sin enviar de esa base se pierden).',
  );
}

/** The first read of an encrypted file is where a wrong key shows (SQLITE_NOTADB), or damage. */
function checkKeyOpens(sqlite: Database.Database, file: string, dir: string, secrets: DeviceSecrets): void {
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (cause) {
    throw new StoreError(
      'key-rejected',
      `La base de datos local ${file} no se abre con la clave guardada en este equipo (${keyPlace(secrets, dir)}): ` +
        'la clave no es la de ese archivo, o el archivo está dañado o no es una base de datos de Ventanilla. ' +
        'Ventanilla no la modificó. Avise a soporte técnico: restaure la carpeta de datos completa (base y clave) ' +
        'o inscriba el equipo de nuevo.',
      { cause },
    );
  }
  checkHealth(sqlite, file);
}

function refuseOrphanCopy(file: string): void {
  for (const leftover of [encryptingCopy(file), `${encryptingCopy(file)}-journal`]) {
    try {
      statSync(leftover);
    } catch {
      continue;
    }
    // Only reached when the plain store is gone too; the copy alone is an unverified half.
    throw new StoreError(
      'unreadable',
      `Hay una copia a medio cifrar de la base de datos local (${leftover}) y no está la base (${file}). ` +
        'Ventanilla no tocó nada. Avise a soporte técnico.',
    );
  }
}

const keyPlace = (secrets: DeviceSecrets, dir: string): string =>
  secrets.protection === 'os-keychain'
    ? `llavero del sistema operativo, archivos en ${storeKeysDir(dir)}`
    : `archivo de clave en ${storeKeysDir(dir)}`;
