import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { readMigrations, type Migration } from '../../../src-main/store/migrations';
import { openStore } from '../../../src-main/store/open-store';
import { StoreError } from '../../../src-main/store/store-error';
import { openKeyedRaw } from '../../support/store-files';
import { tempDir } from '../../support/temp-dir';

const migrations = readMigrations(path.resolve('db/local/migrations'));
const dirs: { remove(): void }[] = [];
const newDir = (): string => {
  const dir = tempDir('store');
  dirs.push(dir);
  return dir.path;
};
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

describe('local store', () => {
  it('creates a new store with every migration applied and durable settings', () => {
    const store = openStore({ dir: newDir(), migrations });
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    // 2 = FULL: each commit is fsynced before it returns.
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = store.sqlite
      .prepare("select name from sqlite_master where type = 'table' order by name")
      .pluck()
      .all();
    expect(tables).toEqual(expect.arrayContaining(['audit_log', 'device_meta', 'outbox']));
    store.close();
  });

  it('reopens an up-to-date store without touching it', () => {
    const dir = newDir();
    openStore({ dir, migrations }).close();
    const again = openStore({ dir, migrations });
    expect(again.sqlite.pragma('user_version', { simple: true })).toBe(migrations.length);
    again.close();
  });

  it('applies a later migration to existing data, all in one go', () => {
    const dir = newDir();
    const store = openStore({ dir, migrations });
    store.sqlite.prepare("insert into device_meta (key, value) values ('deviceName', 'Caja 1')").run();
    store.close();
    const next: Migration = {
      index: migrations.length,
      tag: 'test_next',
      statements: ['create table extra (id integer primary key)', 'insert into extra values (7)'],
    };
    const upgraded = openStore({ dir, migrations: [...migrations, next] });
    expect(upgraded.sqlite.prepare('select id from extra').pluck().get()).toBe(7);
    expect(upgraded.sqlite.prepare("select value from device_meta where key = 'deviceName'").pluck().get()).toBe(
      'Caja 1',
    );
    upgraded.close();
  });

  it('rolls back every pending migration when one fails', () => {
    const dir = newDir();
    openStore({ dir, migrations }).close();
    const good: Migration = { index: migrations.length, tag: 'good', statements: ['create table fine (id integer)'] };
    const bad: Migration = { index: migrations.length + 1, tag: 'bad', statements: ['create table broken ('] };
    expect(() => openStore({ dir, migrations: [...migrations, good, bad] })).toThrow(StoreError);
    const raw = openKeyedRaw(dir);
    expect(raw.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(raw.prepare("select count(*) from sqlite_master where name = 'fine'").pluck().get()).toBe(0);
    raw.close();
  });

  it('refuses a store written by a newer app and leaves it as it was', () => {
    const dir = newDir();
    openStore({ dir, migrations }).close();
    const raw = openKeyedRaw(dir);
    raw.pragma(`user_version = ${migrations.length + 3}`);
    raw.close();
    expect(() => openStore({ dir, migrations })).toThrow(/versión más nueva/);
    const after = openKeyedRaw(dir);
    expect(after.pragma('user_version', { simple: true })).toBe(migrations.length + 3);
    after.close();
  });

  it('leaves a refused newer plain store unencrypted, in its own journal mode, with no WAL file created', () => {
    const dir = newDir();
    const file = path.join(dir, 'ventanilla.db');
    const raw = new Database(file);
    raw.exec('create table t (x)');
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.close();
    expect(() => openStore({ dir, migrations })).toThrow(/versión más nueva/);
    expect(existsSync(`${file}-wal`)).toBe(false);
    const after = new Database(file, { readonly: true });
    expect(after.pragma('journal_mode', { simple: true })).toBe('delete');
    after.close();
  });

  it('rebuilds a parent table in a later migration without losing its children', () => {
    const dir = newDir();
    const parent: Migration = {
      index: migrations.length,
      tag: 'test_parent',
      statements: [
        'create table offices (id integer primary key, name text not null)',
        'create table kiosks (id integer primary key, office_id integer not null references offices(id) on delete cascade)',
        "insert into offices values (1, 'Sede Centro')",
        'insert into kiosks values (10, 1)',
      ],
    };
    openStore({ dir, migrations: [...migrations, parent] }).close();
    // drizzle-kit alters SQLite tables by copying them: create new, copy, drop old, rename.
    const rebuild: Migration = {
      index: migrations.length + 1,
      tag: 'test_rebuild',
      statements: [
        "create table __new_offices (id integer primary key, name text not null, city text not null default 'Ibagué')",
        'insert into __new_offices (id, name) select id, name from offices',
        'drop table offices',
        'alter table __new_offices rename to offices',
      ],
    };
    const store = openStore({ dir, migrations: [...migrations, parent, rebuild] });
    expect(store.sqlite.prepare('select count(*) from kiosks').pluck().get()).toBe(1);
    expect(store.sqlite.prepare('select city from offices').pluck().get()).toBe('Ibagué');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    store.close();
  });

  it('refuses a file that is not a database with a clear message and does not overwrite it', () => {
    for (const withKey of [false, true]) {
      const dir = newDir();
      if (withKey) {
        openStore({ dir, migrations }).close();
        for (const sidecar of ['-wal', '-shm'])
          expect(existsSync(path.join(dir, `ventanilla.db${sidecar}`))).toBe(false);
      }
      const file = path.join(dir, 'ventanilla.db');
      const garbage = Buffer.from('esto no es una base de datos SQLite '.repeat(200));
      writeFileSync(file, garbage);
      let caught: unknown;
      try {
        openStore({ dir, migrations });
      } catch (error) {
        caught = error;
      }
      // Without SQLite's header it may be encrypted: with no key it cannot be told from a
      // store whose key is missing, with a key from one under another key; the message says both.
      expect(caught).toBeInstanceOf(StoreError);
      expect((caught as StoreError).reason).toBe(withKey ? 'key-rejected' : 'key-missing');
      expect((caught as StoreError).message).toMatch(/no es una base de datos/);
      expect(Buffer.compare(garbage, readFileSync(file))).toBe(0);
    }
  });

  it('refuses a damaged plain store before encrypting it, leaving it as it was', () => {
    const dir = newDir();
    const file = path.join(dir, 'ventanilla.db');
    const raw = new Database(file);
    raw.exec("create table t (x text); insert into t values ('" + 'x'.repeat(3000) + "')");
    raw.close();
    const damaged = readFileSync(file);
    // Page 2 (the table's first page) overwritten: the header is intact, the b-tree is not.
    damaged.fill(0x41, 4096, 4096 + 200);
    writeFileSync(file, damaged);
    let caught: unknown;
    try {
      openStore({ dir, migrations });
    } catch (error) {
      caught = error;
    }
    expect((caught as StoreError).reason).toBe('corrupt');
    expect((caught as StoreError).message).toMatch(/dañada/);
    expect(Buffer.compare(damaged, readFileSync(file))).toBe(0);
    expect(existsSync(`${file}.encrypting`)).toBe(false);
  });
});
