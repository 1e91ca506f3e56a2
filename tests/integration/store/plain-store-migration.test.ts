import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceMeta } from '../../../src-main/device/device-meta';
import { encryptionSteps, type EncryptionStep } from '../../../src-main/store/encrypt-plain-store';
import { readMigrations } from '../../../src-main/store/migrations';
import { openStore } from '../../../src-main/store/open-store';
import { storeFileKind } from '../../../src-main/store/store-cipher';
import { StoreError } from '../../../src-main/store/store-error';
import { startChild, type Child } from '../../support/child-process';
import {
  createPlainStore,
  legacyToken,
  openKeyedRaw,
  storeBytes,
  storeFile,
  tableCounts,
} from '../../support/store-files';
import { tempDir } from '../../support/temp-dir';

const migrations = readMigrations(path.resolve('db/local/migrations'));
const dirs: { remove(): void }[] = [];
const newDir = (): string => {
  const dir = tempDir('store-plain');
  dirs.push(dir);
  return dir.path;
};
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

/** A plain store, closed cleanly, with what it holds: a holder name to look for, and counts. */
async function plainStore(dir: string, subscribers = 150): Promise<{ name: string; counts: Record<string, number> }> {
  const sqlite = await createPlainStore(dir, subscribers);
  const name = sqlite
    .prepare('SELECT holder_name FROM subscribers ORDER BY codigo_interno LIMIT 1 OFFSET 7')
    .pluck()
    .get() as string;
  const counts = tableCounts(sqlite);
  sqlite.close();
  expect(readFileSync(storeFile(dir)).includes(Buffer.from(name))).toBe(true);
  return { name, counts };
}

/** After any interruption: the path holds a whole store, plain or encrypted, and nothing half-made opens. */
function expectMigratedIntact(dir: string, expected: { name: string; counts: Record<string, number> }): void {
  const store = openStore({ dir, migrations });
  const meta = new DeviceMeta(store);
  expect(meta.get('deviceToken')).toBe(legacyToken);
  store.close();
  expect(storeFileKind(storeFile(dir))).toBe('encrypted');
  expect(storeBytes(dir).includes(Buffer.from(expected.name))).toBe(false);
  const keyed = openKeyedRaw(dir);
  // The token left the table for the key storage; every other row is where it was.
  expect(tableCounts(keyed)).toEqual({ ...expected.counts, device_meta: expected.counts['device_meta']! - 1 });
  keyed.close();
  expect(readdirSync(dir).sort()).toEqual(['keys', 'ventanilla.db']);
}

function lines(child: Child): { until(line: string, timeoutMs?: number): Promise<void>; seen: string[] } {
  const seen: string[] = [];
  let buffer = '';
  const waiters = new Set<() => void>();
  child.process.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let end: number;
    while ((end = buffer.indexOf('\n')) >= 0) {
      seen.push(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
    }
    for (const wake of waiters) wake();
  });
  return {
    seen,
    until: (line, timeoutMs = 60_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`timed out waiting for «${line}»; saw ${seen.join(' | ')}`)),
          timeoutMs,
        );
        const check = () => {
          if (!seen.includes(line)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        child.process.once('exit', () => {
          if (!seen.includes(line)) {
            clearTimeout(timer);
            reject(new Error(`child exited before «${line}»; saw ${seen.join(' | ')}`));
          }
        });
        check();
      }),
  };
}

describe('a plain store of an older install', () => {
  it('is encrypted at start-up: no subscriber name left in clear, opens only with its key, every row kept', async () => {
    const dir = newDir();
    const plain = await plainStore(dir);
    const store = openStore({ dir, migrations });
    expect(new DeviceMeta(store).get('deviceToken')).toBe(legacyToken);
    store.close();
    expectMigratedIntact(dir, plain);
    const unkeyed = new Database(storeFile(dir));
    expect(() => unkeyed.prepare('SELECT count(*) FROM subscribers').get()).toThrow(/not a database/);
    unkeyed.close();
    const keyed = openKeyedRaw(dir);
    expect(keyed.prepare('SELECT count(*) FROM subscribers WHERE holder_name = ?').pluck().get(plain.name)).toBe(1);
    expect(keyed.prepare("SELECT state FROM outbox WHERE type = 'payment.taken'").pluck().get()).toBe('pending');
    keyed.close();
  });

  it('keeps the rows that were only in its WAL when the old app was killed', async () => {
    const source = newDir();
    const dir = newDir();
    const sqlite = await createPlainStore(source, 40);
    sqlite.pragma('wal_autocheckpoint = 0');
    sqlite.prepare("INSERT INTO device_meta (key, value) VALUES ('lastPullAt', '2026-03-10T15:05:00.000Z')").run();
    // A copy while the connection is open: the store as a killed process leaves it.
    for (const suffix of ['', '-wal']) copyFileSync(`${storeFile(source)}${suffix}`, `${storeFile(dir)}${suffix}`);
    sqlite.close();
    expect(readFileSync(`${storeFile(dir)}-wal`).length).toBeGreaterThan(0);
    const store = openStore({ dir, migrations });
    expect(new DeviceMeta(store).get('lastPullAt')).toBe('2026-03-10T15:05:00.000Z');
    expect(store.sqlite.prepare('SELECT count(*) FROM subscribers').pluck().get()).toBe(40);
    store.close();
  });

  it('is not encrypted while another program holds it open with unsaved pages in its WAL, and stays as it was', async () => {
    const dir = newDir();
    const other = await createPlainStore(dir, 20);
    other.pragma('wal_autocheckpoint = 0');
    other.prepare("INSERT INTO device_meta (key, value) VALUES ('lastPullAt', 'now')").run();
    let caught: unknown;
    try {
      openStore({ dir, migrations });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StoreError);
    expect((caught as StoreError).message).toMatch(/Otro programa tiene abierta la base de datos local/);
    expect(storeFileKind(storeFile(dir))).toBe('plain');
    expect(other.prepare("SELECT value FROM device_meta WHERE key = 'lastPullAt'").pluck().get()).toBe('now');
    expect(existsSync(`${storeFile(dir)}.encrypting`)).toBe(false);
    other.close();
  });

  it.each(encryptionSteps)(
    'survives a kill -9 right after step «%s»: the path holds one whole store, and the next start finishes',
    async (step: EncryptionStep) => {
      const dir = newDir();
      const plain = await plainStore(dir, 300);
      const child = startChild('store-process', [dir, step], { bundled: true });
      const out = lines(child);
      await out.until('paused');
      await child.kill9();
      // Before the rename the plain store is whole; from it on, the encrypted one is.
      const kind = storeFileKind(storeFile(dir));
      expect(kind).toBe(step === 'swapped' ? 'encrypted' : 'plain');
      if (kind === 'plain') {
        const raw = new Database(storeFile(dir), { readonly: true });
        expect(tableCounts(raw)).toEqual(plain.counts);
        raw.close();
      }
      expectMigratedIntact(dir, plain);
    },
  );

  it('survives kills at random moments of a larger migration', async () => {
    const dir = newDir();
    const plain = await plainStore(dir, 3000);
    for (const delayMs of [40, 250, 700, 1500]) {
      if (storeFileKind(storeFile(dir)) === 'encrypted') break;
      const child = startChild('store-process', [dir, 'none'], { bundled: true });
      const out = lines(child);
      await out.until('ready');
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await child.kill9();
      const kind = storeFileKind(storeFile(dir));
      expect(kind === 'plain' || kind === 'encrypted').toBe(true);
      if (kind === 'plain') {
        const raw = new Database(storeFile(dir), { readonly: true });
        expect(tableCounts(raw)).toEqual(plain.counts);
        raw.close();
      }
    }
    expectMigratedIntact(dir, plain);
  });
});
