import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { certificatePurchases, printJobs } from '../../../db/local/schema';
import { readMigrations } from '../../../src-main/store/migrations';
import { openStore } from '../../../src-main/store/open-store';
import { busyProbe } from '../../../src-main/updates/busy-probe';
import { InFlightWork } from '../../../src-main/updates/in-flight-work';
import { installDecision } from '../../../src-main/updates/update-policy';
import { tempDir } from '../../support/temp-dir';

/**
 * The «not while busy» rule on a real local store (the migrated schema): a print job queued or
 * printing, a certificate purchase still asking, or an operation in flight holds an update back;
 * done jobs and bought purchases do not.
 */
const migrations = readMigrations(path.resolve('db/local/migrations'));
const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

describe('busy probe', () => {
  it('counts unsettled print jobs, asking purchases and operations in flight', () => {
    const dir = tempDir('busy-probe');
    dirs.push(dir);
    const store = openStore({ dir: dir.path, migrations });
    try {
      const work = new InFlightWork();
      const busy = busyProbe(store, work);
      expect(busy()).toEqual({ printJobs: 0, purchases: 0, operations: 0 });
      expect(installDecision(busy()).kind).toBe('install');

      const now = new Date().toISOString();
      const job = (id: string, state: string) => ({
        id,
        kind: 'receipt',
        title: 'Recibo',
        contentType: 'application/vnd.escpos',
        content: Buffer.from('x'),
        state,
        createdAt: now,
        updatedAt: now,
      });
      store.db
        .insert(printJobs)
        .values([job('a', 'done'), job('b', 'failed'), job('c', 'queued')])
        .run();
      expect(busy().printJobs).toBe(1);
      expect(installDecision(busy()).kind).toBe('wait');
      store.db.update(printJobs).set({ state: 'printing' }).where(eq(printJobs.id, 'c')).run();
      expect(busy().printJobs).toBe(1);
      store.db.update(printJobs).set({ state: 'done' }).where(eq(printJobs.id, 'c')).run();
      expect(busy().printJobs).toBe(0);

      store.db
        .insert(certificatePurchases)
        .values({
          purchaseKey: 'p1',
          state: 'asking',
          matricula: '123',
          certificateCode: 'CE',
          copiesAsked: 1,
          createdAt: now,
        })
        .run();
      expect(busy().purchases).toBe(1);
      store.db
        .update(certificatePurchases)
        .set({ state: 'bought' })
        .where(eq(certificatePurchases.purchaseKey, 'p1'))
        .run();
      expect(busy().purchases).toBe(0);

      const end = work.begin('cashier.takePayment');
      expect(busy().operations).toBe(1);
      expect(installDecision(busy()).kind).toBe('wait');
      end();
      expect(installDecision(busy()).kind).toBe('install');
    } finally {
      store.close();
    }
  });
});
