import { closeSync, existsSync, fsyncSync, openSync, renameSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { assertNotNewer } from './migrate';
import type { Migration } from './migrations';
import { applyStoreKey, storeFileKind } from './store-cipher';
import { StoreError } from './store-error';
import { checkHealth } from './store-health';

/** The points the migration passes; a fault test stops the process at each one. */
export const encryptionSteps = ['copied', 'encrypted', 'verified', 'plain-leftovers-removed', 'swapped'] as const;
export type EncryptionStep = (typeof encryptionSteps)[number];

export interface EncryptPlainStoreOptions {
  readonly file: string;
  readonly key: Buffer;
  readonly migrations: readonly Migration[];
  readonly nativeBinding?: string | undefined;
  /** Told after each step (fault tests kill the process there). */
  readonly onStep?: ((step: EncryptionStep) => void) | undefined;
}

/** Where the encrypted copy is built; never the store itself. */
export const encryptingCopy = (file: string): string => `${file}.encrypting`;

/**
 * Turns the plain store of a device installed before encryption into an encrypted one, so
 * that at any instant the path holds either the complete plain store or the complete
 * encrypted one (a kill or a power cut at any point loses nothing):
 *
 * 1. The plain file is checked (healthy, not newer than this app) and copied with
 *    `VACUUM INTO` beside it: a consistent snapshot that includes its WAL, with no free pages
 *    carrying deleted rows. The plain file is only read.
 * 2. The copy is encrypted in place (`PRAGMA rekey`, every page rewritten) and closed.
 * 3. The copy is opened with the key and verified against the plain file: quick_check, the
 *    schema, `user_version` and every table's row count; then fsynced.
 * 4. The plain file's `-wal` and `-shm` go: closing its last connection checkpointed the WAL
 *    into the file, so they hold nothing; a WAL left with content means another program has
 *    the store open, and the migration stops. (An old WAL next to the new file would be
 *    replayed into it.)
 * 5. The copy is renamed over the plain file (atomic) and the folder fsynced.
 *
 * A copy left by an interrupted run is deleted before starting again. The key must already be
 * stored durably (DeviceSecrets.databaseKey does that), or step 5 could strand the data.
 */
export function encryptPlainStore(options: EncryptPlainStoreOptions): void {
  const { file } = options;
  const copy = encryptingCopy(file);
  removeFiles(sidecars(copy));
  try {
    const shape = copyPlain(options, copy);
    options.onStep?.('copied');
    encryptCopy(options, copy);
    options.onStep?.('encrypted');
    verifyCopy(options, copy, shape);
    fsyncFile(copy);
    options.onStep?.('verified');
    removePlainLeftovers(file);
    options.onStep?.('plain-leftovers-removed');
  } catch (error) {
    removeFiles(sidecars(copy));
    if (error instanceof StoreError) throw error;
    throw new StoreError('encryption-failed', failedMessage(file), { cause: error });
  }
  renameSync(copy, file);
  fsyncDir(path.dirname(file));
  options.onStep?.('swapped');
}

/** What must be the same on both sides: the schema, its version and the rows of each table. */
interface StoreShape {
  readonly userVersion: number;
  readonly schema: string;
  readonly rows: Readonly<Record<string, number>>;
}

function copyPlain(options: EncryptPlainStoreOptions, copy: string): StoreShape {
  const plain = open(options.file, options.nativeBinding);
  try {
    checkHealth(plain, options.file);
    // A store of a newer app is refused as it is, before anything else touches it.
    assertNotNewer(plain, options.migrations);
    const shape = shapeOf(plain);
    plain.prepare('VACUUM INTO ?').run(copy);
    return shape;
  } finally {
    plain.close();
  }
}

function encryptCopy(options: EncryptPlainStoreOptions, copy: string): void {
  const db = open(copy, options.nativeBinding);
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    // VACUUM INTO writes a rollback-journal file, which rekey needs (it refuses WAL).
    db.pragma(`rekey = "x'${options.key.toString('hex')}'"`);
  } finally {
    db.close();
  }
}

function verifyCopy(options: EncryptPlainStoreOptions, copy: string, expected: StoreShape): void {
  if (storeFileKind(copy) !== 'encrypted') throw new Error('the encrypted copy still has a plain header');
  const db = open(copy, options.nativeBinding);
  try {
    applyStoreKey(db, options.key);
    if (db.pragma('quick_check', { simple: true }) !== 'ok') throw new Error('the encrypted copy failed quick_check');
    const actual = shapeOf(db);
    if (JSON.stringify(actual) !== JSON.stringify(expected))
      throw new Error('the encrypted copy differs from the plain store');
  } finally {
    db.close();
  }
}

function shapeOf(db: Database.Database): StoreShape {
  const entries = db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name`).all() as {
    type: string;
    name: string;
  }[];
  const rows: Record<string, number> = {};
  for (const entry of entries) {
    if (entry.type !== 'table') continue;
    rows[entry.name] = db
      .prepare(`SELECT count(*) FROM "${entry.name.replaceAll('"', '""')}"`)
      .pluck()
      .get() as number;
  }
  return { userVersion: Number(db.pragma('user_version', { simple: true })), schema: JSON.stringify(entries), rows };
}

function removePlainLeftovers(file: string): void {
  const wal = `${file}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    throw new StoreError(
      'unreadable',
      `Otro programa tiene abierta la base de datos local ${file}, así que no se pudo cifrar. ` +
        'Cierre las otras ventanas o procesos de Ventanilla e inicie de nuevo. No se modificó nada.',
    );
  }
  removeFiles([wal, `${file}-shm`]);
}

function open(file: string, nativeBinding: string | undefined): Database.Database {
  return new Database(file, nativeBinding === undefined ? {} : { nativeBinding });
}

const sidecars = (file: string): string[] => [file, `${file}-journal`, `${file}-wal`, `${file}-shm`];

function removeFiles(files: readonly string[]): void {
  for (const f of files) {
    try {
      unlinkSync(f);
    } catch (error) {
      if (!(typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT')) throw error;
    }
  }
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const failedMessage = (file: string): string =>
  `No se pudo cifrar la base de datos local ${file}. Sigue como estaba (sin cifrar) y Ventanilla no la usará así: ` +
  'avise a soporte técnico con el registro de inicio.';
