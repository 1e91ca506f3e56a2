import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { storeWriteFailure } from '../../../src-main/store/store-write-failure';

describe('storeWriteFailure', () => {
  it('tells a full disk and a failing disk from any other error, also wrapped in a cause', () => {
    expect(storeWriteFailure(new Database.SqliteError('database or disk is full', 'SQLITE_FULL'))).toBe('disk-full');
    expect(storeWriteFailure(new Database.SqliteError('disk I/O error', 'SQLITE_IOERR_FSYNC'))).toBe('disk-error');
    expect(
      storeWriteFailure(
        new Error('Failed query', { cause: new Database.SqliteError('database or disk is full', 'SQLITE_FULL') }),
      ),
    ).toBe('disk-full');
    expect(
      storeWriteFailure(new Database.SqliteError('UNIQUE constraint failed', 'SQLITE_CONSTRAINT_UNIQUE')),
    ).toBeNull();
    expect(storeWriteFailure(new Error('SQLITE_FULL'))).toBeNull();
    expect(storeWriteFailure('SQLITE_FULL')).toBeNull();
  });
});
