import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PurchaseRecords, type StoredPurchase } from '../../../src-main/certificates/purchase-records';
import { readMigrations } from '../../../src-main/store/migrations';
import { openStore } from '../../../src-main/store/open-store';
import { tempDir } from '../../support/temp-dir';

const migrations = readMigrations(path.resolve('db/local/migrations'));
const tablesAt = migrations.findIndex((m) => m.tag === '0005_certificate_purchases');
const dirs: { remove(): void }[] = [];
const newDir = (): string => {
  const dir = tempDir('certificate-records');
  dirs.push(dir);
  return dir.path;
};
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

const purchase = (key: string, createdAt: string): StoredPurchase => ({
  purchaseKey: key,
  state: 'bought',
  matricula: '50001',
  certificateCode: 'existencia',
  copiesAsked: 2,
  createdAt,
  receiptNumber: 41,
  title: 'Certificado de existencia y representación legal',
  businessName: 'FERRETERÍA EL TOLIMA S.A.S.',
  unitPrice: 8_400,
  total: 16_800,
  balance: 3_200,
  receiptPrinted: false,
  copies: [1, 2].map((copy) => ({
    certificateId: `0193a000-0000-7000-8000-00000000000${copy}`.replace('0000000000', key.slice(-10)),
    copy,
    verificationCode: `ABCD-EFG${copy}`,
    jobId: copy === 1 ? `job-${key.slice(-4)}` : null,
    outcome: copy === 1 ? ('completed' as const) : null,
    detail: null,
    reported: copy === 1,
    refunded: 0,
  })),
});

describe('kiosk certificate purchases in the local store', () => {
  it('keeps purchases and copies in their tables, one transaction per write', () => {
    const store = openStore({ dir: newDir(), migrations });
    const records = new PurchaseRecords(store);
    const older = purchase('0193a000-0000-7000-8000-0000000000a1', '2026-12-01T10:00:00.000Z');
    const newer = purchase('0193a000-0000-7000-8000-0000000000b2', '2026-12-02T10:00:00.000Z');
    records.put(newer);
    records.put(older);
    expect(records.all().map((p) => p.purchaseKey)).toEqual([older.purchaseKey, newer.purchaseKey]);
    expect(records.get(older.purchaseKey)).toEqual(older);

    const second = older.copies[1]!;
    const changed = records.updateCopy(older.purchaseKey, second.certificateId, { jobId: 'job-x', outcome: 'failed' });
    expect(changed?.copies[1]).toMatchObject({ jobId: 'job-x', outcome: 'failed', reported: false });
    expect(records.byJob('job-x')).toMatchObject({ purchase: { purchaseKey: older.purchaseKey }, copy: { copy: 2 } });
    expect(records.byJob('no-such-job')).toBeNull();
    // A copy of another purchase is not touched by a key that does not own it.
    expect(records.updateCopy(newer.purchaseKey, second.certificateId, { outcome: 'unknown' })?.copies).toEqual(
      newer.copies,
    );

    records.remove(older.purchaseKey);
    expect(records.get(older.purchaseKey)).toBeNull();
    const copies = store.sqlite.prepare('SELECT purchase_key FROM certificate_copies').pluck().all();
    expect(new Set(copies)).toEqual(new Set([newer.purchaseKey]));
    store.close();
  });

  it('refuses a copy outcome the schema does not know, and changes nothing', () => {
    const store = openStore({ dir: newDir(), migrations });
    const records = new PurchaseRecords(store);
    const p = purchase('0193a000-0000-7000-8000-0000000000c3', '2026-12-02T10:00:00.000Z');
    records.put(p);
    expect(() => store.sqlite.prepare("UPDATE certificate_copies SET outcome = 'lost' WHERE copy = 1").run()).toThrow(
      /CHECK constraint/,
    );
    expect(() => records.put({ ...p, state: 'lost' as 'bought' })).toThrow();
    expect(records.get(p.purchaseKey)).toEqual(p);
    store.close();
  });

  it('moves purchases an older version kept as JSON rows of device_meta into the tables', () => {
    expect(tablesAt).toBeGreaterThan(0);
    const dir = newDir();
    const old = openStore({ dir, migrations: migrations.slice(0, tablesAt) });
    const kept = purchase('0193a000-0000-7000-8000-0000000000d4', '2026-11-30T09:00:00.000Z');
    const insert = old.sqlite.prepare('INSERT INTO device_meta (key, value) VALUES (?, ?)');
    insert.run(`certificates.purchase.${kept.purchaseKey}`, JSON.stringify(kept));
    insert.run('deviceToken', 'untouched');
    old.close();

    const store = openStore({ dir, migrations });
    expect(new PurchaseRecords(store).all()).toEqual([kept]);
    const meta = store.sqlite.prepare('SELECT key FROM device_meta').pluck().all();
    expect(meta).toEqual(['deviceToken']);
    store.close();
  });
});
