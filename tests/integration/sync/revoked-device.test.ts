import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import type { AppCore } from '../../../src-main/app-core';
import { importEventsViaServer } from '../../../src-server/admin/admin-client';
import { readLocalAdminFile } from '../../../src-server/admin/local-admin-file';
import { createEnrollmentCode, revokeDevice } from '../../../src-server/devices/admin';
import { EventImportError, importExportedEvents } from '../../../src-server/sync/event-import';
import type { DeviceMode } from '../../../src-shared/domain/device-mode';
import { EventExportFile } from '../../../src-shared/sync/event-export';
import { adminInProcess, adminSpawned } from '../../support/admin-cli';
import { ChaosProxy } from '../../support/chaos-proxy';
import { outboxStates, unpaidBill } from '../../support/outbox-fixtures';
import { describeEachServerDatabase } from '../../support/postgres';
import { tempDir } from '../../support/temp-dir';
import { startTestCore, testConfig } from '../../support/test-app';
import { startTestServer, type TestServer } from '../../support/server-harness';
import { callOk, expectReplicaEqual, seedServer, until } from '../../support/sync-support';

/** A device in its own data dir, enrolled through `serverUrl`; the test stops it (and may restart it). */
async function device(t: TestServer, serverUrl: string, mode: DeviceMode, dataDir: string): Promise<AppCore> {
  const core = startTestCore(testConfig(dataDir), serverUrl);
  const { code } = await createEnrollmentCode(t.server.database, {
    deviceName: mode === 'kiosk' ? 'Kiosco Sede Centro' : 'Caja 1',
    mode,
    office: 'Sede Centro',
  });
  await callOk(core, 'device.enroll', { code });
  return core;
}

const count = (core: AppCore, sql: string): number => core.store.sqlite.prepare(sql).pluck().get() as number;

/** A proxy in front of the server that refuses every connection while `chaos` is on: the server "down". */
async function switchableLink(t: TestServer): Promise<ChaosProxy> {
  const proxy = await ChaosProxy.start(t.server.url, {
    reset: 0,
    stall: 0,
    refuse: 1,
    resetWithinBytes: 1,
    stallMs: 0,
  });
  proxy.chaos = false;
  onTestFinished(() => proxy.stop());
  return proxy;
}

describeEachServerDatabase('a device the central server revoked', (variant) => {
  it(
    'locks itself, wipes personal data, keeps the money records it could not send; a supervisor exports them and the server applies them once',
    { timeout: 120_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 30);
      const link = await switchableLink(t);
      const dir = tempDir('revoked-counter');
      onTestFinished(() => dir.remove());
      let core = await device(t, link.url, 'cashier', dir.path);
      onTestFinished(() => core.stop());
      await expectReplicaEqual(t, core);
      const deviceId = core.meta.get('deviceId')!;

      // One payment the server accepts; then the link goes down and the counter keeps working.
      const signed = await callOk(core, 'cashier.signIn', { username: 'cajero1', password: '482615' });
      await callOk(core, 'cashier.openSession', { staffSession: signed.staffSession, openingFloat: 50_000 });
      const pay = (skip: number) => {
        const bill = unpaidBill(core, skip);
        return callOk(core, 'cashier.takePayment', {
          staffSession: signed.staffSession,
          codigoInterno: bill.codigoInterno,
          billNumber: bill.billNumber,
          tenders: [{ kind: 'cash', received: bill.total }],
        });
      };
      await pay(0);
      await until(
        'the first payment sent',
        () => outboxStates(core),
        (s) => s.sent === 2 && s.pending === undefined,
      );
      link.chaos = true;
      link.dropConnections();
      const second = await pay(1);
      const third = await pay(2);
      await callOk(core, 'cashier.voidPayment', {
        staffSession: signed.staffSession,
        paymentId: third.payment.id,
        reason: 'Cobro a código equivocado',
        supervisor: { username: 'supervisor1', password: 'Supervisor1.Demo' },
      });
      expect(outboxStates(core)).toEqual({ sent: 2, pending: 3 });
      const pendingIds = core.store.sqlite
        .prepare("SELECT id FROM outbox WHERE state = 'pending' ORDER BY id")
        .pluck()
        .all() as string[];
      expect(count(core, 'SELECT count(*) FROM subscribers')).toBe(30);

      // Revoked on the server; the device hears it at its next request and locks itself.
      expect(await revokeDevice(t.server.database, deviceId)).toBe('revoked');
      link.chaos = false;
      await core.checkConnection();
      const lock = await until(
        'locked and wiped',
        () => callOk(core, 'device.lockState', {}),
        (s) => s.locked && s.personalDataWipedAt !== null,
      );
      expect(lock).toMatchObject({ unsentEvents: 3, unsentMoneyEvents: 3, canExport: true, lastExportAt: null });

      // Personal data gone; the money it could not send, and the counter's own records, kept.
      for (const table of ['subscribers', 'bills', 'payments', 'bill_access_locks'])
        expect(count(core, `SELECT count(*) FROM ${table}`)).toBe(0);
      expect(core.store.sqlite.prepare('SELECT DISTINCT role FROM staff_users').pluck().all()).toEqual(['supervisor']);
      expect(count(core, 'SELECT count(*) FROM staff_users WHERE pin_hash IS NOT NULL')).toBe(0);
      expect(outboxStates(core)).toEqual({ pending: 3 });
      expect(count(core, 'SELECT count(*) FROM cashier_payments')).toBe(3);
      expect(count(core, 'SELECT count(*) FROM cash_sessions')).toBe(1);
      expect(core.meta.get('syncCursor')).toBeNull();

      // Every cashier operation is refused with the lock's message; the lock screen's are served.
      const refused = await core.dispatch('cashier.signIn', { username: 'cajero1', password: '482615' });
      expect(refused).toEqual({
        ok: false,
        error: { code: 'device-locked', message: expect.stringMatching(/fue dado de baja en el servidor central/) },
      });
      expect((await core.dispatch('cashier.payments', { staffSession: signed.staffSession })).ok).toBe(false);
      expect((await core.dispatch('status.get', {})).ok).toBe(true);

      // The export takes a supervisor: a cashier's account is gone, a wrong password fails.
      expect((await core.dispatch('staff.authorize', { username: 'cajero1', password: 'Cajero1.Demo' })).ok).toBe(
        false,
      );
      expect((await core.dispatch('staff.authorize', { username: 'supervisor1', password: 'otra-clave' })).ok).toBe(
        false,
      );
      expect((await core.dispatch('device.exportUnsentEvents', { grantId: 'x'.repeat(32) })).ok).toBe(false);
      const grant = await callOk(core, 'staff.authorize', { username: 'supervisor1', password: 'Supervisor1.Demo' });
      const exported = await callOk(core, 'device.exportUnsentEvents', { grantId: grant.grantId });
      expect(exported).toMatchObject({ events: 3, moneyEvents: 3 });
      expect(path.dirname(exported.file)).toBe(path.join(dir.path, 'exports'));
      expect(statSync(exported.file).mode & 0o777).toBe(0o600);
      expect(statSync(path.dirname(exported.file)).mode & 0o777).toBe(0o700);
      const text = readFileSync(exported.file, 'utf8');
      const file = EventExportFile.parse(JSON.parse(text));
      expect(file.events.map((e) => e.id)).toEqual(pendingIds);
      expect(file.events.map((e) => e.type)).toEqual(['payment.taken', 'payment.taken', 'payment.voided']);
      expect(file).toMatchObject({ deviceId, exportedBy: 'supervisor1' });
      const audit = core.store.sqlite
        .prepare("SELECT actor, details FROM audit_log WHERE action = 'device.events_exported'")
        .all() as { actor: string; details: string }[];
      expect(audit).toHaveLength(1);
      expect(audit[0]?.actor).toBe('supervisor1');
      expect(JSON.parse(audit[0]!.details)).toMatchObject({ events: 3, file: path.basename(exported.file) });
      // An export is a copy: the events stay, encrypted, until the server has them.
      expect(outboxStates(core)).toEqual({ pending: 3 });
      expect((await callOk(core, 'device.lockState', {})).lastExportAt).not.toBeNull();

      // A restart keeps the lock, the wipe and the records.
      await core.stop();
      core = startTestCore(testConfig(dir.path), link.url);
      expect((await callOk(core, 'device.lockState', {})).locked).toBe(true);
      expect(outboxStates(core)).toEqual({ pending: 3 });
      expect(count(core, 'SELECT count(*) FROM subscribers')).toBe(0);

      // The office: an edited file is refused whole; the real one is applied as the revoked device, once.
      const exec = t.server.database.exec;
      const appliedBefore = (await exec.query<{ n: number }>('SELECT count(*)::int AS n FROM applied_events')).rows[0]!
        .n;
      const edited = JSON.parse(text) as { events: { payload: { amount?: number } }[] };
      edited.events[0]!.payload.amount = 1;
      await expect(importExportedEvents(t.server.database, JSON.stringify(edited))).rejects.toThrow(EventImportError);
      await expect(importExportedEvents(t.server.database, JSON.stringify(edited))).rejects.toThrow(
        /modificado después de exportarse/,
      );
      expect((await exec.query<{ n: number }>('SELECT count(*)::int AS n FROM applied_events')).rows[0]!.n).toBe(
        appliedBefore,
      );

      const importFile = path.join(dir.path, 'import.json');
      writeFileSync(importFile, text);
      // `npm run admin -- import-events`: with PostgreSQL the real script, a child process (its exit
      // code and what it prints); with PGlite the same command in-process (runAdmin).
      const cli = await (variant.kind === 'postgres' ? adminSpawned : adminInProcess)({
        env: { VENTANILLA_DATA_DIR: t.config.dataDir, DATABASE_URL: t.config.databaseUrl ?? '', LOG_LEVEL: 'silent' },
        args: ['import-events', importFile],
      });
      expect(cli.code, cli.out).toBe(0);
      expect(cli.stdout).toMatch(/Eventos de «Caja 1» \(.+\): 3 aplicados, 0 ya estaban registrados, 0 rechazados\./);
      const payments = await exec.query<{ id: string; state: string; device_id: string }>(
        'SELECT id, state, device_id FROM payments WHERE id = ANY($1::uuid[]) ORDER BY id',
        [[second.payment.id, third.payment.id]],
      );
      expect(payments.rows).toEqual(
        [
          { id: second.payment.id, state: 'valid', device_id: deviceId },
          { id: third.payment.id, state: 'voided', device_id: deviceId },
        ].sort((a, b) => a.id.localeCompare(b.id)),
      );
      // Loaded again (twice by mistake, or through the running server's admin route): nothing counts twice.
      const endpoint = await readLocalAdminFile(t.config.dataDir);
      const again =
        endpoint === null
          ? await importExportedEvents(t.server.database, text)
          : await importEventsViaServer(endpoint, JSON.parse(text));
      expect(again).toMatchObject({ applied: 0, duplicate: 3, rejected: [] });
      expect(
        (
          await exec.query<{ n: number }>('SELECT count(*)::int AS n FROM payments WHERE id = ANY($1::uuid[])', [
            [second.payment.id, third.payment.id],
          ])
        ).rows[0]!.n,
      ).toBe(2);
    },
  );

  it(
    'a kiosk: refuses citizens at once, keeps no bills or prints, offers no export, and unlocks when enrolled again',
    { timeout: 90_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 10);
      const dir = tempDir('revoked-kiosk');
      onTestFinished(() => dir.remove());
      const core = await device(t, t.server.url, 'kiosk', dir.path);
      onTestFinished(() => core.stop());
      await expectReplicaEqual(t, core);
      const code = count(core, 'SELECT min(codigo_interno) FROM subscribers');
      expect((await core.dispatch('bills.startValidation', { codigoInterno: code })).ok).toBe(true);
      core.store.sqlite
        .prepare(
          "INSERT INTO print_jobs (id, kind, title, content_type, content, state, created_at, updated_at) VALUES ('job-1', 'bill', 'Factura', 'application/pdf', x'25504446', 'done', '2026-01-01', '2026-01-01')",
        )
        .run();

      await revokeDevice(t.server.database, core.meta.get('deviceId')!);
      await core.checkConnection();
      const lock = await until(
        'locked and wiped',
        () => callOk(core, 'device.lockState', {}),
        (s) => s.personalDataWipedAt !== null,
      );
      expect(lock).toMatchObject({ locked: true, canExport: false });
      const refused = await core.dispatch('bills.startValidation', { codigoInterno: code });
      expect(refused.ok ? null : refused.error.code).toBe('device-locked');
      for (const table of ['subscribers', 'bills', 'payments', 'print_jobs', 'staff_users'])
        expect(count(core, `SELECT count(*) FROM ${table}`)).toBe(0);
      const audit = core.store.sqlite
        .prepare("SELECT details FROM audit_log WHERE action = 'device.personal_data_wiped'")
        .pluck()
        .all() as string[];
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]!)).toMatchObject({ subscribers: 10, printJobs: 1 });

      // IT puts it back in service with a new code: the lock lifts and the replica comes down again.
      const { code: fresh } = await createEnrollmentCode(t.server.database, {
        deviceName: 'Kiosco Sede Centro',
        mode: 'kiosk',
        office: 'Sede Centro',
      });
      await callOk(core, 'device.enroll', { code: fresh });
      expect((await callOk(core, 'device.lockState', {})).locked).toBe(false);
      await expectReplicaEqual(t, core);
      expect((await core.dispatch('bills.startValidation', { codigoInterno: code })).ok).toBe(true);
    },
  );
});
