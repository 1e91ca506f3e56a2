import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceMeta } from '../../../src-main/device/device-meta';
import { DeviceSecrets } from '../../../src-main/secrets/device-secrets';
import { KeyFileStorage } from '../../../src-main/secrets/key-file-storage';
import { readMigrations } from '../../../src-main/store/migrations';
import { openStore, storeKeysDir } from '../../../src-main/store/open-store';
import { StoreError } from '../../../src-main/store/store-error';
import { openKeyedRaw, storeBytes, storeFile, storedKey } from '../../support/store-files';
import { tempDir } from '../../support/temp-dir';

const migrations = readMigrations(path.resolve('db/local/migrations'));
const dirs: { remove(): void }[] = [];
const newDir = (): string => {
  const dir = tempDir('store-key');
  dirs.push(dir);
  return dir.path;
};
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

const mode = (file: string): number => statSync(file).mode & 0o777;
const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

function storeErrorOf(open: () => unknown): StoreError {
  try {
    open();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('the store opened');
}

describe('local store encryption', () => {
  it('writes a new store encrypted, with its key in a 0600 file of a 0700 folder', () => {
    const dir = path.join(newDir(), 'device');
    const store = openStore({ dir, migrations });
    new DeviceMeta(store).set({ deviceName: 'Kiosco Sede Centro' });
    store.sqlite
      .prepare(
        "INSERT INTO subscribers VALUES (100005, '03-117', 'MARÍA FERNANDA RAMÍREZ', 2, 'residencial', 'CRA 5 # 10-20', 'Belén', 'Ibagué', 'MED-1')",
      )
      .run();
    // Both the file and its WAL: the rows are still in the WAL here.
    const bytes = storeBytes(dir);
    expect(bytes.includes(Buffer.from('RAMÍREZ'))).toBe(false);
    expect(bytes.includes(Buffer.from('Kiosco Sede Centro'))).toBe(false);
    expect(readFileSync(storeFile(dir)).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    store.close();

    expect(mode(dir)).toBe(0o700);
    expect(mode(storeKeysDir(dir))).toBe(0o700);
    expect(readdirSync(storeKeysDir(dir))).toEqual(['device-master.key']);
    expect(mode(path.join(storeKeysDir(dir), 'device-master.key'))).toBe(0o600);

    // Plain SQLite cannot read it; the cipher with the stored key can.
    const plain = new Database(storeFile(dir));
    expect(() => plain.prepare('SELECT count(*) FROM subscribers').get()).toThrow(/not a database/);
    plain.close();
    const keyed = openKeyedRaw(dir);
    expect(keyed.prepare('SELECT holder_name FROM subscribers').pluck().get()).toBe('MARÍA FERNANDA RAMÍREZ');
    keyed.close();
  });

  it('reopens with the same key and keeps the rows', () => {
    const dir = newDir();
    const first = openStore({ dir, migrations });
    new DeviceMeta(first).set({ deviceName: 'Caja 1' });
    const key = storedKey(dir);
    first.close();
    const again = openStore({ dir, migrations });
    expect(new DeviceMeta(again).get('deviceName')).toBe('Caja 1');
    expect(storedKey(dir).equals(key)).toBe(true);
    again.close();
  });

  it('refuses a store whose key is gone, leaving the file as it was and making no new key', () => {
    const dir = newDir();
    openStore({ dir, migrations }).close();
    const before = sha(storeFile(dir));
    rmSync(storeKeysDir(dir), { recursive: true });
    const error = storeErrorOf(() => openStore({ dir, migrations }));
    expect(error.reason).toBe('key-missing');
    expect(error.message).toMatch(/falta su clave/);
    expect(error.message).toContain(storeKeysDir(dir));
    expect(sha(storeFile(dir))).toBe(before);
    expect(() => readdirSync(storeKeysDir(dir))).toThrow(/ENOENT/);
  });

  it('refuses a store under another key (a folder copied with the wrong key), leaving both as they were', () => {
    const dir = newDir();
    const other = newDir();
    openStore({ dir, migrations }).close();
    openStore({ dir: other, migrations }).close();
    // The store of one device beside the key of another.
    writeFileSync(storeFile(other), readFileSync(storeFile(dir)));
    const before = sha(storeFile(other));
    const keyBefore = storedKey(other);
    const error = storeErrorOf(() => openStore({ dir: other, migrations }));
    expect(error.reason).toBe('key-rejected');
    expect(error.message).toMatch(/no se abre con la clave guardada/);
    expect(sha(storeFile(other))).toBe(before);
    expect(storedKey(other).equals(keyBefore)).toBe(true);
  });

  it('refuses a key file sealed by the OS keychain when the keychain is not there, in Spanish', () => {
    const dir = newDir();
    const xor = (b: Buffer) => Buffer.from(b.map((byte) => byte ^ 0x5a));
    openStore({
      dir,
      migrations,
      secretStorage: new KeyFileStorage(storeKeysDir(dir), { seal: xor, open: xor }),
    }).close();
    const sealed = JSON.parse(readFileSync(path.join(storeKeysDir(dir), 'device-master.key'), 'utf8')) as {
      sealedBy: string;
    };
    expect(sealed.sealedBy).toBe('os-keychain');
    const error = storeErrorOf(() => openStore({ dir, migrations }));
    expect(error.reason).toBe('key-missing');
    expect(error.message).toMatch(/llavero del sistema operativo/);
    // With the keychain back it opens.
    openStore({
      dir,
      migrations,
      secretStorage: new KeyFileStorage(storeKeysDir(dir), { seal: xor, open: xor }),
    }).close();
  });

  it('keeps the device token in the key storage, never in the database, and moves an old one out', () => {
    const dir = newDir();
    const store = openStore({ dir, migrations });
    const meta = new DeviceMeta(store);
    meta.set({ deviceId: 'device-1', deviceToken: 'vt_token-one' });
    expect(meta.get('deviceToken')).toBe('vt_token-one');
    expect(store.sqlite.prepare("SELECT count(*) FROM device_meta WHERE key = 'deviceToken'").pluck().get()).toBe(0);
    expect(mode(path.join(storeKeysDir(dir), 'device-token.key'))).toBe(0o600);
    // A token row written by an older version is moved out when the facts are first read.
    store.sqlite
      .prepare("INSERT INTO device_meta (key, value) VALUES ('deviceToken', 'vt_token-from-the-table')")
      .run();
    meta.delete('deviceToken');
    const reread = new DeviceMeta(store);
    expect(reread.get('deviceToken')).toBe('vt_token-from-the-table');
    expect(store.sqlite.prepare("SELECT count(*) FROM device_meta WHERE key = 'deviceToken'").pluck().get()).toBe(0);
    reread.delete('deviceToken');
    expect(reread.get('deviceToken')).toBeNull();
    store.close();
    const again = openStore({ dir, migrations });
    expect(new DeviceMeta(again).get('deviceToken')).toBeNull();
    again.close();
  });

  it('derives purpose-specific secrets that are stable, distinct per device and unlike the store key', () => {
    const a = newDir();
    const b = newDir();
    const storeA = openStore({ dir: a, migrations });
    const pepper = storeA.secrets.derive('staff-credentials');
    expect(pepper).toHaveLength(32);
    expect(pepper.equals(storedKey(a))).toBe(false);
    storeA.close();
    const reopened = openStore({ dir: a, migrations });
    expect(reopened.secrets.derive('staff-credentials').equals(pepper)).toBe(true);
    reopened.close();
    const storeB = openStore({ dir: b, migrations });
    expect(storeB.secrets.derive('staff-credentials').equals(pepper)).toBe(false);
    storeB.close();
  });

  it('creates the master secret once: a second creator gets the first one, and no temporary file stays', () => {
    const keys = storeKeysDir(newDir());
    const first = new KeyFileStorage(keys).create('device-master', Buffer.alloc(32, 1));
    const second = new KeyFileStorage(keys).create('device-master', Buffer.alloc(32, 2));
    expect(second.equals(first)).toBe(true);
    expect(first.equals(Buffer.alloc(32, 1))).toBe(true);
    expect(new DeviceSecrets(new KeyFileStorage(keys)).databaseKey()).toHaveLength(32);
    expect(readdirSync(keys)).toEqual(['device-master.key']);
  });
});
