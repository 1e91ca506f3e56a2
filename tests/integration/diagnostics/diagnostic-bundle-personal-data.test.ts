import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { expect, it, onTestFinished } from 'vitest';
import { startAppCore } from '../../../src-main/app-core';
import { appPaths } from '../../../src-main/app-paths';
import { deviceLogsDir } from '../../../src-main/diagnostics/log-files';
import { createDeviceLogger } from '../../../src-main/logger';
import { createEnrollmentCode } from '../../../src-server/devices/admin';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer, type TestServer } from '../../support/server-harness';
import { callOk, expectReplicaEqual, seedServer, until } from '../../support/sync-support';
import { quickSync, testConfig } from '../../support/test-app';
import { tempDir } from '../../support/temp-dir';

/**
 * The test of «Enviar diagnóstico» (docs/operations.md, "Logs and diagnostics"): a
 * counter on a real SQLite store, enrolled with a server holding the demo data, logging at
 * debug level to its rotated files while it syncs the demo subscribers and staff run the
 * counter's flows (a wrong password, sign-in, a cash session, a subscriber's bills, a payment, a
 * wallet liquidación looked up on the server). A line naming a demo citizen, their document,
 * e-mail and phone is planted in the log the way a careless module would write it. The bundle
 * the supervisor sends is gunzipped from the server's table and grepped for every demo citizen's
 * names, documents, e-mails and phones: none is there — while the raw log files do hold the
 * planted ones, so the grep would find them if the scrubber let them through.
 */
const nowhere = () =>
  new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });

interface DemoPeople {
  readonly names: string[];
  readonly documents: string[];
  readonly emails: string[];
  readonly phones: string[];
}

/** Every demo citizen the server holds: subscribers' holders, wallet holders (their names, documents, e-mails, phones). */
async function demoPeople(t: TestServer): Promise<DemoPeople> {
  const exec = t.server.database.exec;
  const subscribers = await exec.query<{ holder_name: string }>('SELECT holder_name FROM subscribers');
  const holders = await exec.query<{
    doc_number: string;
    email: string;
    mobile: string;
    identity: Record<string, unknown>;
  }>('SELECT doc_number, email, mobile, identity FROM wallet_holders');
  const identityNames = holders.rows.flatMap((row) =>
    ['firstName', 'secondName', 'firstSurname', 'secondSurname', 'businessName']
      .map((key) => row.identity[key])
      .filter((value): value is string => typeof value === 'string' && value.length >= 4),
  );
  return {
    names: [...subscribers.rows.map((row) => row.holder_name), ...identityNames],
    documents: holders.rows.map((row) => row.doc_number),
    emails: holders.rows.map((row) => row.email),
    phones: holders.rows.map((row) => row.mobile),
  };
}

const found = (text: string, people: DemoPeople): string[] => {
  const lower = text.toLowerCase();
  return [...people.names, ...people.documents, ...people.emails, ...people.phones].filter((value) =>
    lower.includes(value.toLowerCase()),
  );
};

const rawLogs = (dir: string): string =>
  readdirSync(dir)
    .map((name) => readFileSync(path.join(dir, name), 'utf8'))
    .join('\n');

describeEachServerDatabase('diagnostic bundle free of personal data', (variant) => {
  it('holds no demo citizen’s name, document, e-mail or phone', { timeout: 180_000 }, async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    await seedServer(t, 30);
    const people = await demoPeople(t);
    expect(people.names.length).toBeGreaterThan(30);
    expect(people.documents.length).toBeGreaterThanOrEqual(3);

    const dir = tempDir('diagnostic-device');
    const config = testConfig(dir.path);
    const logsDir = deviceLogsDir(config.dataDir);
    const logger = createDeviceLogger('debug', { dir: logsDir, ...config.logs }, nowhere());
    const core = startAppCore({
      config,
      paths: appPaths(path.resolve('.')),
      serverUrl: t.server.url,
      log: logger.log,
      helloIntervalMs: 60_000,
      sync: quickSync,
    });
    onTestFinished(async () => {
      await core.stop();
      await logger.close();
      dir.remove();
    });
    const { code } = await createEnrollmentCode(t.server.database, { deviceName: 'Caja 1', mode: 'cashier' });
    await callOk(core, 'device.enroll', { code });
    await expectReplicaEqual(t, core, 60_000);

    // The counter's flows, as staff run them; their outcomes do not matter here, their log lines do.
    const subscriber = (
      await t.server.database.exec.query<{ codigo_interno: number }>(
        'SELECT codigo_interno FROM subscribers ORDER BY codigo_interno LIMIT 1',
      )
    ).rows[0]!.codigo_interno;
    await core.dispatch('cashier.signIn', { username: 'cajero1', password: 'equivocada' });
    const { staffSession } = await callOk(core, 'cashier.signIn', { username: 'cajero1', password: 'Cajero1.Demo' });
    await core.dispatch('cashier.openSession', { staffSession, openingFloat: 50_000 });
    const bills = await callOk(core, 'cashier.findBills', { staffSession, codigoInterno: Number(subscriber) });
    const bill = bills.bills[0];
    if (bill !== undefined)
      await core.dispatch('cashier.takePayment', {
        staffSession,
        codigoInterno: Number(subscriber),
        billNumber: bill.billNumber,
        tenders: [{ kind: 'cash', received: bill.total }],
        notOwedConfirmed: true,
      });
    await core.dispatch('cashier.findLiquidation', { staffSession, query: 'Cq4tZ8' });
    await core.dispatch('staff.authorize', { username: 'supervisor1', password: 'equivocada' });

    // A careless module's line: a citizen's name under a personal field, the rest in its message.
    const planted = {
      name: bills.holderName,
      document: people.documents[0]!,
      email: people.emails[0]!,
      phone: people.phones[0]!,
    };
    logger.log
      .child({ module: 'careless' })
      .warn(
        { holder: { name: planted.name }, payer: planted.document },
        `recibo de CC ${planted.document} para ${planted.email}, celular ${planted.phone}`,
      );
    await until(
      'the planted line on disk',
      () => rawLogs(logsDir),
      (text) => text.includes(planted.email),
    );
    // The raw log holds what the bundle must not: the grep below is able to fail.
    expect(found(rawLogs(logsDir), people)).toEqual(expect.arrayContaining(Object.values(planted)));

    const grant = await callOk(core, 'staff.authorize', { username: 'supervisor1', password: 'Supervisor1.Demo' });
    const sent = await callOk(core, 'diagnostics.send', { grantId: grant.grantId });
    expect(sent.lines).toBeGreaterThanOrEqual(5);

    const { rows } = await t.server.database.exec.query<{ bundle: Uint8Array; requested_by: string }>(
      'SELECT bundle, requested_by FROM device_diagnostics WHERE id = $1',
      [sent.id],
    );
    expect(rows[0]?.requested_by).toBe('supervisor1');
    const text = gunzipSync(Buffer.from(rows[0]!.bundle)).toString('utf8');
    const [head, ...lines] = text.trim().split('\n');
    expect(JSON.parse(head!)).toMatchObject({
      kind: 'ventanilla-diagnostic',
      summary: { mode: 'cashier', deviceName: 'Caja 1', status: { sync: { pendingEvents: expect.any(Number) } } },
    });
    expect(lines.length).toBe(sent.lines);
    expect(text).toContain('"module":"careless"');
    expect(text).toContain('"module":"cashier"');
    expect(found(text, people)).toEqual([]);
    // Secrets too: the staff passwords typed above and the device's token.
    for (const secret of ['Cajero1.Demo', 'Supervisor1.Demo', 'equivocada', core.meta.get('deviceToken') ?? 'no-token'])
      expect(text).not.toContain(secret);
  });
});
