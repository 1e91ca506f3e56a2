import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printJobs } from '../../../db/local/schema';
import { fillLocalReplica } from '../../../db/seed/local-replica';
import { contract, opNames, type OpInput, type OpName } from '../../../src-shared/api/contract';
import { apiPath, tokenHeader } from '../../../src-shared/api/web-protocol';
import type { AppCore } from '../../../src-main/app-core';
import { createRootLogger } from '../../../src-main/logger';
import { startWebHost, type WebHost } from '../../../src-main/hosts/web/web-host';
import { startTestCore, testConfig } from '../../support/test-app';
import { tempDir } from '../../support/temp-dir';

/** A failed print job put in the store before the tests, so print.job and print.retry find one. */
const samplePrintJobId = '01900000-0000-7000-8000-000000000001';

/** An access id no visit was granted: the dispatcher answers `session-ended`. */
const sampleAccessId = 'sin-acceso-'.padEnd(32, '0');

/** A staff grant (and staff session, account session) nobody was given: answered `session-ended`. */
const sampleGrantId = 'sin-autorizacion-'.padEnd(32, '0');

/** Operations whose sample the dispatcher's auth or the service refuses, with the code it answers (status 200). */
const refusedByService: Partial<Record<OpName, string>> = {
  'bills.answerValidation': 'not-found',
  'bills.current': 'session-ended',
  'bills.payments': 'session-ended',
  'bills.previous': 'session-ended',
  'bills.pdf': 'session-ended',
  'bills.print': 'session-ended',
  'bills.sendToPhone': 'session-ended',
  'sync.parked': 'session-ended',
  'diagnostics.send': 'session-ended',
  'sync.resolveParked': 'session-ended',
  'staff.authorize': 'wrong-credentials',
  // A kiosk's staff sign-in is checked by the central server, which this core never enrolled with.
  'kiosk.staffSignIn': 'not-enrolled',
  'kiosk.leaveKioskMode': 'session-ended',
  // Only the grant of a sign-in at the hidden corner sends it; this sample is none.
  'kiosk.sendDiagnostic': 'session-ended',
  'cashier.signIn': 'wrong-credentials',
  'cashier.openSession': 'session-ended',
  'cashier.findBills': 'session-ended',
  'cashier.takePayment': 'session-ended',
  'cashier.payments': 'session-ended',
  'cashier.reprint': 'session-ended',
  'cashier.voidPayment': 'session-ended',
  'cashier.xReport': 'session-ended',
  'cashier.closeSession': 'session-ended',
  'cashier.sessionReportPdf': 'session-ended',
  'cashier.findLiquidation': 'session-ended',
  'cashier.takeRecharge': 'session-ended',
  // This core never enrolled: account operations need the central server.
  'accounts.policy': 'not-enrolled',
  'accounts.register': 'not-enrolled',
  'accounts.login': 'not-enrolled',
  'accounts.captcha': 'not-enrolled',
  'accounts.recover': 'not-enrolled',
  // …and a session this kiosk never opened is refused before anything goes to the server.
  'accounts.profile': 'session-ended',
  'accounts.saveProfile': 'session-ended',
  'accounts.changePassword': 'session-ended',
  'accounts.confirmEmail': 'session-ended',
  'accounts.linkCode': 'session-ended',
  'accounts.openCode': 'session-ended',
  'accounts.logout': 'session-ended',
  // The prepaid wallet lives on the central server too.
  'wallet.terms': 'not-enrolled',
  'wallet.start': 'not-enrolled',
  'wallet.createLiquidation': 'not-enrolled',
  'wallet.recover': 'not-enrolled',
  'wallet.statement': 'not-enrolled',
  'wallet.statementPdf': 'not-enrolled',
  'wallet.updateContact': 'not-enrolled',
  'wallet.requestNewClave': 'not-enrolled',
  'wallet.volante': 'not-enrolled',
  'wallet.printVolante': 'printer-offline',
  'wallet.checkout': 'not-enrolled',
  'wallet.checkoutState': 'not-enrolled',
  'certificates.search': 'not-enrolled',
  'certificates.preview': 'not-enrolled',
  'certificates.purchase': 'not-enrolled',
  // No purchase was made on this kiosk.
  'certificates.progress': 'not-found',
  'certificates.redispense': 'not-enrolled',
  // Support tickets live on the central server; only a number created in this visit prints.
  'tickets.categories': 'not-enrolled',
  'tickets.start': 'not-enrolled',
  'tickets.resend': 'not-enrolled',
  'tickets.confirm': 'not-enrolled',
  'tickets.printNumber': 'not-found',
  'tickets.list': 'not-enrolled',
  'tickets.detail': 'not-enrolled',
  'tickets.message': 'not-enrolled',
  'tickets.attachment': 'not-enrolled',
};

/** A valid input for every operation; a new operation without one is a type error here. */
const sampleInputs: { [K in OpName]: OpInput<K> } = {
  'app.info': {},
  'status.get': {},
  'device.enroll': { code: 'ABCD-EFGH-JKLM' },
  'device.lockState': {},
  'device.exportUnsentEvents': { grantId: sampleGrantId },
  'kiosk.sessionEnded': { reason: 'idle', durationSeconds: 42 },
  'kiosk.serviceState': {},
  'kiosk.staffSignIn': { username: 'soporte1', password: 'x' },
  'kiosk.leaveKioskMode': { grantId: sampleGrantId },
  'kiosk.sendDiagnostic': { grantId: sampleGrantId },
  // A code of the replica filled in beforeAll; the other bills samples carry no valid session.
  'bills.startValidation': { codigoInterno: 100005 },
  'bills.answerValidation': {
    challengeId: 'sin-preguntas',
    answers: [1, 2, 3].map((n) => ({ questionId: `q${n}`, optionId: 'a' })),
  },
  'bills.current': { accessId: sampleAccessId },
  'bills.payments': { accessId: sampleAccessId },
  'bills.previous': { accessId: sampleAccessId },
  'bills.pdf': { accessId: sampleAccessId, billNumber: 20260300000001 },
  'bills.print': { accessId: sampleAccessId, billNumber: 20260300000001 },
  'bills.sendToPhone': { accessId: sampleAccessId, billNumber: 20260300000001 },
  'print.job': { jobId: samplePrintJobId },
  'print.retry': { jobId: samplePrintJobId },
  'print.resolve': { jobId: samplePrintJobId, resolution: 'done' },
  'print.receiptTestPage': {},
  'sync.now': {},
  'sync.parked': { grantId: sampleGrantId },
  'diagnostics.send': { grantId: sampleGrantId },
  'sync.resolveParked': { grantId: sampleGrantId, eventId: '01900000-0000-7000-8000-000000000002', action: 'retry' },
  'staff.authorize': { username: 'nadie', password: 'no-es-la-clave' },
  'cashier.signIn': { username: 'nadie', password: 'no-es-la-clave' },
  'cashier.signOut': { staffSession: sampleGrantId },
  'cashier.openSession': { staffSession: sampleGrantId, openingFloat: 100_000 },
  'cashier.findBills': { staffSession: sampleGrantId, codigoInterno: 100005 },
  'cashier.takePayment': {
    staffSession: sampleGrantId,
    codigoInterno: 100005,
    billNumber: 20260300000001,
    tenders: [{ kind: 'cash', received: 100_000 }],
  },
  'cashier.payments': { staffSession: sampleGrantId },
  'cashier.reprint': { staffSession: sampleGrantId, paymentId: 'sin-pago' },
  'cashier.voidPayment': {
    staffSession: sampleGrantId,
    paymentId: 'sin-pago',
    reason: 'Error de digitación',
    supervisor: { username: 'nadie', password: 'x' },
  },
  'cashier.xReport': { staffSession: sampleGrantId },
  'field.signIn': { username: 'cajero1', password: 'x' },
  'field.signOut': { staffSession: sampleGrantId },
  'field.status': { staffSession: sampleGrantId },
  'field.openDay': { staffSession: sampleGrantId },
  'field.prepare': { staffSession: sampleGrantId, redownload: false },
  'field.routeSheet': { staffSession: sampleGrantId, query: 'Calle' },
  'field.subscriber': { staffSession: sampleGrantId, codigoInterno: 100005 },
  'field.collect': {
    staffSession: sampleGrantId,
    codigoInterno: 100005,
    billNumber: 20260300000001,
    amount: 100_000,
    tender: { kind: 'transfer', amount: 100_000, via: 'Nequi', reference: 'M123456' },
  },
  'field.days': { staffSession: sampleGrantId },
  'field.dayPayments': { staffSession: sampleGrantId, dayId: '01930000-0000-7000-8000-000000000003' },
  'field.reprint': { staffSession: sampleGrantId, paymentId: 'sin-pago' },
  'field.flagVoid': { staffSession: sampleGrantId, paymentId: 'sin-pago', reason: 'Cobro duplicado' },
  'field.voidPayment': {
    staffSession: sampleGrantId,
    paymentId: 'sin-pago',
    reason: 'Cobro duplicado',
    supervisor: { username: 'supervisor1', password: 'x' },
  },
  'field.handoverCheck': { staffSession: sampleGrantId },
  'field.handOver': {
    staffSession: sampleGrantId,
    cash: { '50000': 2 },
    transfer: 0,
    supervisor: { username: 'supervisor1', password: 'clave-de-prueba' },
  },
  'field.handoverPdf': { staffSession: sampleGrantId, handoverId: '0190a000-0000-7000-8000-000000000000' },
  'field.handoverReprint': { staffSession: sampleGrantId, handoverId: '0190a000-0000-7000-8000-000000000000' },
  'cashier.closeSession': { staffSession: sampleGrantId, cash: { '50000': 2 }, card: 0, check: 0 },
  'cashier.sessionReportPdf': { staffSession: sampleGrantId, sessionId: '01930000-0000-7000-8000-000000000003' },
  'cashier.findLiquidation': { staffSession: sampleGrantId, query: '100001' },
  'cashier.takeRecharge': {
    staffSession: sampleGrantId,
    source: 'typed',
    number: 100001,
    amount: 50_000,
    tenders: [{ kind: 'cash', received: 50_000 }],
  },
  'accounts.policy': {},
  'accounts.register': {
    docType: 'CC',
    docNumber: '1020304050',
    firstNames: 'Ana María',
    lastNames: 'Rojas Pérez',
    email: 'ana@example.com',
    mobile: '3105551234',
    landline: '',
    address: 'Calle 10 No. 4-25',
    municipality: 'Ibagué',
    consent: { policyVersion: '2026-01', accepted: true },
  },
  'accounts.login': { docNumber: '1020304050', password: 'una clave cualquiera' },
  'accounts.captcha': {},
  'accounts.recover': {
    docNumber: '1020304050',
    captchaId: '01900000-0000-7000-8000-000000000004',
    captchaText: 'ABCDE',
  },
  'accounts.profile': { session: sampleGrantId },
  'accounts.saveProfile': {
    session: sampleGrantId,
    profile: {
      firstNames: 'Ana María',
      lastNames: 'Rojas Pérez',
      email: 'ana@example.com',
      mobile: '3105551234',
      landline: null,
      address: 'Calle 10 No. 4-25',
      municipality: 'Ibagué',
    },
  },
  'accounts.changePassword': {
    session: sampleGrantId,
    currentPassword: 'la actual',
    newPassword: 'una frase nueva',
    repeatPassword: 'una frase nueva',
  },
  'accounts.confirmEmail': { session: sampleGrantId, code: '123456' },
  'accounts.linkCode': { session: sampleGrantId, accessId: sampleAccessId },
  'accounts.openCode': { session: sampleGrantId, codigoInterno: 100005 },
  'accounts.logout': { session: sampleGrantId },
  'wallet.terms': {},
  'wallet.start': { termsVersion: '2026-1', docType: 'CC', docNumber: '1020304050' },
  'wallet.createLiquidation': { acceptanceId: '01900000-0000-7000-8000-000000000004', amount: 100_000 },
  'wallet.recover': { docType: 'CC', docNumber: '1020304050', recoveryCode: 'XLrWX7' },
  'wallet.statement': { docType: 'CC', docNumber: '1020304050', clave: 'una clave' },
  'wallet.statementPdf': { docType: 'CC', docNumber: '1020304050', clave: 'una clave' },
  'wallet.updateContact': {
    docType: 'CC',
    docNumber: '1020304050',
    clave: 'una clave',
    contact: {
      email: 'cliente@ejemplo.co',
      mobile: '3000000002',
      landline: '6082610101',
      address: 'Calle 10 N 3-76',
      municipality: 'Ibagué',
    },
  },
  'wallet.requestNewClave': { docType: 'CC', docNumber: '1020304050' },
  'wallet.volante': { number: 100001, recoveryCode: 'XLrWX7' },
  'wallet.printVolante': { number: 100001, recoveryCode: 'XLrWX7' },
  'wallet.checkout': { liquidationId: '01900000-0000-7000-8000-000000000004', recoveryCode: 'XLrWX7' },
  'wallet.checkoutState': { reference: 'LIQ-100001-1' },
  'certificates.search': { query: '900123456' },
  'certificates.preview': { matricula: '100001', certificateCode: 'existencia' },
  'certificates.purchase': {
    docType: 'NIT',
    docNumber: '900.123.456-8',
    clave: 'una clave',
    matricula: '100001',
    certificateCode: 'existencia',
    copies: 2,
  },
  'certificates.progress': { purchaseKey: '01900000-0000-7000-8000-000000000005' },
  'certificates.redispense': { code: 'NA6V1suvZm' },
  'tickets.categories': {},
  'tickets.attach': {
    fileId: '01900000-0000-7000-8000-000000000006',
    name: 'foto.jpg',
    size: 3,
    offset: 0,
    data: '/9j/',
  },
  'tickets.detach': { fileId: '01900000-0000-7000-8000-000000000006' },
  'tickets.start': {
    fields: {
      name: 'Ana María Rojas',
      email: 'ana@example.com',
      phone: '3105551234',
      category: 'facturacion',
      subject: 'Cobro doble',
      description: 'La factura trae dos veces el mismo cargo.',
    },
    fileIds: [],
  },
  'tickets.resend': { draftId: '01900000-0000-7000-8000-000000000007' },
  'tickets.confirm': { draftId: '01900000-0000-7000-8000-000000000007', code: '123456' },
  'tickets.printNumber': { number: 'TK-2026-000001' },
  'tickets.list': { number: 'TK-2026-000001', email: 'ana@example.com' },
  'tickets.detail': { number: 'TK-2026-000001', email: 'ana@example.com', ticket: 'TK-2026-000001' },
  'tickets.message': {
    number: 'TK-2026-000001',
    email: 'ana@example.com',
    ticket: 'TK-2026-000001',
    body: 'Adjunto la foto del medidor.',
    fileIds: [],
  },
  'tickets.attachment': {
    number: 'TK-2026-000001',
    email: 'ana@example.com',
    ticket: 'TK-2026-000001',
    attachmentId: '01900000-0000-7000-8000-000000000008',
  },
};

let dir: ReturnType<typeof tempDir>;
let core: AppCore;
let host: WebHost;

beforeAll(async () => {
  dir = tempDir('web-host');
  core = startTestCore(testConfig(dir.path));
  await fillLocalReplica(core.store.sqlite, { subscribers: 20, now: new Date('2026-03-10T15:00:00Z') });
  const at = new Date().toISOString();
  core.store.db
    .insert(printJobs)
    .values({
      id: samplePrintJobId,
      kind: 'test-page',
      title: 'Prueba',
      contentType: 'application/pdf',
      content: Buffer.from('%PDF-1.4\n'),
      state: 'failed',
      attempts: 1,
      lastError: 'Prueba',
      createdAt: at,
      updatedAt: at,
    })
    .run();
  host = await startWebHost({
    port: 0,
    rendererDir: `${dir.path}/no-renderer`,
    dispatch: core.dispatch,
    log: createRootLogger('silent'),
  });
});
afterAll(async () => {
  await host.stop();
  await core.stop();
  dir.remove();
});

const post = (op: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${host.origin}/api/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [tokenHeader]: host.token, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('web host', () => {
  it('prints a loopback URL whose fragment carries a launch code, never the token (launch.test.ts)', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#launch=[A-Za-z0-9_-]{32}$/);
    expect(host.url).not.toContain(host.token);
  });

  it.each(opNames)('reaches %s through the contract', async (op) => {
    const response = await fetch(`${host.origin}${apiPath(op)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [tokenHeader]: host.token },
      body: JSON.stringify(sampleInputs[op]),
    });
    const body = (await response.json()) as { ok: boolean; error?: { code: string } };
    // Reached = the service answered: success, or a business error that is not "no such operation".
    // This device is a kiosk: what its mode does not serve is refused by the dispatcher, as such.
    const refused = contract[op].modes.includes('kiosk') ? refusedByService[op] : 'forbidden';
    if (refused !== undefined) expect([response.status, body.error?.code]).toEqual([200, refused]);
    else
      expect(
        body.ok ||
          !['not-found', 'session-ended', 'wrong-credentials', 'validation', 'forbidden'].includes(
            body.error?.code ?? '',
          ),
      ).toBe(true);
  });

  it('answers app.info with the entity and the NIT check digit', async () => {
    const body = (await (await post('app.info', {})).json()) as {
      ok: true;
      value: { entity: { nit: string }; device: { mode: string } };
    };
    expect(body.ok).toBe(true);
    expect(body.value.entity.nit).toBe('800.089.809-6');
    expect(body.value.device.mode).toBe('kiosk');
  });

  it('records a finished kiosk session as one pending outbox event', async () => {
    const before = (await (await post('status.get', {})).json()) as { value: { sync: { pendingEvents: number } } };
    await post('kiosk.sessionEnded', { reason: 'user', durationSeconds: 12 });
    const after = (await (await post('status.get', {})).json()) as { value: { sync: { pendingEvents: number } } };
    expect(after.value.sync.pendingEvents).toBe(before.value.sync.pendingEvents + 1);
  });

  it('refuses a missing or wrong token with 401 and changes nothing', async () => {
    const pending = () => core.store.sqlite.prepare('select count(*) from outbox').pluck().get();
    const before = pending();
    const missing = await fetch(`${host.origin}/api/kiosk.sessionEnded`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'idle', durationSeconds: 1 }),
    });
    expect(missing.status).toBe(401);
    const wrong = await post(
      'kiosk.sessionEnded',
      { reason: 'idle', durationSeconds: 1 },
      { [tokenHeader]: 'x'.repeat(43) },
    );
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ ok: false, error: { code: 'wrong-credentials' } });
    expect(pending()).toBe(before);
  });

  it('refuses an encoded path to the API without the token', async () => {
    // The router decodes `%61` to `a`; the guard must see the same route the router does.
    for (const path of ['/%61pi/app.info', '/api/%61pp.info', '/API/app.info', '//api/app.info']) {
      const response = await fetch(`${host.origin}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect([401, 404], path).toContain(response.status);
      const body = (await response.json()) as { ok: boolean };
      expect(body.ok, path).toBe(false);
    }
  });

  it('refuses a foreign Origin and a foreign Host', async () => {
    const origin = await post('app.info', {}, { origin: 'http://evil.example' });
    expect(origin.status).toBe(403);
    const port = new URL(host.origin).port;
    const rebound = await new Promise<number>((resolve, reject) => {
      // fetch() will not let us set Host, so speak HTTP/1.1 by hand, as a rebinding page would.
      import('node:net').then(({ connect }) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write(`GET / HTTP/1.1\r\nHost: attacker.example:${port}\r\nConnection: close\r\n\r\n`);
        });
        let data = '';
        socket.on('data', (chunk) => (data += chunk.toString()));
        socket.on('end', () => resolve(Number(data.split(' ')[1])));
        socket.on('error', reject);
      }, reject);
    });
    expect(rebound).toBe(421);
  });

  it('answers an unknown operation with not-found', async () => {
    const response = await post('bills.deleteEverything', {});
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('answers malformed input with validation and a Spanish message, changing nothing', async () => {
    const before = core.store.sqlite.prepare('select count(*) from outbox').pluck().get();
    const wrongType = await post('kiosk.sessionEnded', { reason: 'aburrido', durationSeconds: -1 });
    // A business error is data in a 200, as over IPC; only transport failures use HTTP statuses.
    expect(wrongType.status).toBe(200);
    expect(await wrongType.json()).toMatchObject({ ok: false, error: { code: 'validation' } });
    const extra = await post('app.info', { sql: 'drop table outbox' });
    expect(await extra.json()).toMatchObject({ ok: false, error: { code: 'validation' } });
    const badJson = await post('kiosk.sessionEnded', '{"reason": ');
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({ ok: false, error: { code: 'validation' } });
    const code = await post('device.enroll', { code: 'no' });
    expect(await code.json()).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('12 letras') },
    });
    expect(core.store.sqlite.prepare('select count(*) from outbox').pluck().get()).toBe(before);
  });

  it('reports the central server as unreachable when it is down', async () => {
    const body = (await (await post('device.enroll', { code: 'ABCD-EFGH-JKLM' })).json()) as {
      ok: false;
      error: { code: string; message: string };
    };
    expect(body.error.code).toBe('offline');
    expect(body.error.message).toMatch(/servidor central/);
  });
});
