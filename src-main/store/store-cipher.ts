import { closeSync, openSync, readSync } from 'node:fs';
import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * The store's encryption (docs/security-at-rest.md): SQLite3 Multiple Ciphers in its
 * SQLCipher 4 scheme (`legacy = 4`: AES-256-CBC, HMAC-SHA512 per page, 4096-byte pages), so
 * the file opens with the `sqlcipher` tool given the same raw key. The key is raw (`x'…'`, 32
 * random-derived bytes), so SQLCipher's PBKDF2 step is skipped: it exists to stretch
 * passwords, and a random key needs no stretching.
 */
export function applyStoreKey(sqlite: Database.Database, key: Buffer): void {
  if (key.length !== 32) throw new Error('the store key must be 32 bytes');
  // These must be the connection's first statements: anything else reads page 1 unkeyed.
  sqlite.pragma(`cipher = 'sqlcipher'`);
  sqlite.pragma('legacy = 4');
  // A hex literal of our own bytes; pragmas take no bound parameters.
  sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
  // A plain SQLite build ignores unknown pragmas, and would quietly write a clear-text store.
  if (sqlite.pragma('cipher', { simple: true }) !== 'sqlcipher') {
    throw new Error('this SQLite build has no encryption (better-sqlite3-multiple-ciphers expected)');
  }
}

/** What is on disk at the store's path, told from the first 16 bytes without opening it. */
export type StoreFileKind = 'absent' | 'plain' | 'encrypted';

const plainHeader = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * A plain SQLite file starts with its magic string; an SQLCipher file starts with a random salt.
 * An empty file is what SQLite itself treats as a new database. Anything else is taken as
 * encrypted: a damaged file and a file under another key look the same until a key is tried.
 */
export function storeFileKind(file: string): StoreFileKind {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return 'absent';
    throw error;
  }
  try {
    const head = Buffer.alloc(plainHeader.length);
    const read = readSync(fd, head, 0, head.length, 0);
    if (read === 0) return 'absent';
    return read === head.length && head.equals(plainHeader) ? 'plain' : 'encrypted';
  } finally {
    closeSync(fd);
  }
}
