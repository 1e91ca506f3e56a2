import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AccountsService } from '../../../src-main/accounts/accounts-service';
import { checkCaller } from '../../../src-main/api/caller-check';
import { createDispatcher, type Dispatch } from '../../../src-main/api/dispatcher';
import type { Handlers } from '../../../src-main/api/handler';
import { BillAccess } from '../../../src-main/bills/bill-access';
import { billMessages } from '../../../src-main/bills/bill-messages';
import { BillQueries } from '../../../src-main/bills/bill-queries';
import { StaffSessions } from '../../../src-main/cashier/staff-sessions';
import { DeviceMeta } from '../../../src-main/device/device-meta';
import { createRootLogger } from '../../../src-main/logger';
import { ServerClient } from '../../../src-main/server-link/server-client';
import { StaffAuthorizer } from '../../../src-main/staff/staff-authorizer';
import type { Store } from '../../../src-main/store/open-store';
import { opNames, type OpName } from '../../../src-shared/api/contract';
import { ok } from '../../../src-shared/api/result';
import type { DeviceMode } from '../../../src-shared/domain/device-mode';
import { openReplicaStore, replicaNow } from '../../support/replica-store';
import { testStaffPepper } from '../../support/staff-pepper';
import { tempDir } from '../../support/temp-dir';
import { unreachableServer } from '../../support/test-app';

/**
 * The dispatcher checks each operation's declared auth once, before its handler (operation.ts):
 * the credential's feature finds the caller (real staff accounts of a replica, real bill
 * access, the kiosk's account sessions), the dispatcher checks the role, and the handler gets
 * the caller — or never runs. Every handler here only records what it was given.
 */
let dir: ReturnType<typeof tempDir>;
let store: Store;
let clock: number;
let mode: DeviceMode;
let reached: { op: OpName; caller: unknown }[];
let staff: StaffAuthorizer;
let sessions: StaffSessions;
let access: BillAccess;
let accounts: AccountsService;
let dispatch: Dispatch;
const minutes = 60_000;

beforeAll(async () => {
  dir = tempDir('dispatcher-auth');
  store = await openReplicaStore(dir.path, { subscribers: 30, staffPepper: testStaffPepper });
});
afterAll(() => {
  store.close();
  dir.remove();
});
beforeEach(() => {
  clock = replicaNow.getTime();
  reached = [];
  const log = createRootLogger('silent');
  staff = new StaffAuthorizer(store, log, testStaffPepper, () => clock);
  sessions = new StaffSessions(staff, () => clock);
  access = new BillAccess({ store, queries: new BillQueries(store), log, now: () => new Date(clock) });
  // Nothing here reaches a server: a citizen session this kiosk did not open is refused first.
  accounts = new AccountsService(new ServerClient(unreachableServer), new DeviceMeta(store), access, log);
  const record = (op: OpName) => (_input: unknown, caller: unknown) => {
    reached.push({ op, caller });
    return Promise.resolve(ok(null));
  };
  dispatch = createDispatcher({
    // Every operation's handler records its caller; none answers anything real.
    handlers: Object.fromEntries(opNames.map((op) => [op, record(op)])) as unknown as Handlers,
    callers: {
      'kiosk-visit': (accessId) => access.resolveVisit(accessId),
      'citizen-session': (session) => accounts.resolveSession(session),
      'staff-session': (staffSession) => sessions.resolve(staffSession),
      'supervisor-grant': (grantId) => staff.resolve(grantId),
    },
    mode: () => mode,
    log,
  });
});

const unknownCredential = 'nunca-emitida-'.padEnd(32, 'x');

async function signIn(username: string, password: string): Promise<string> {
  const signed = await sessions.signIn(username, password);
  if (!signed.ok) throw new Error(signed.error.message);
  return signed.value.staffSession;
}

async function grant(username: string, password: string): Promise<string> {
  const granted = await staff.authorize(username, password);
  if (!granted.ok) throw new Error(granted.error.message);
  return granted.value.grantId;
}

describe('staff session (the counter)', () => {
  beforeEach(() => {
    mode = 'cashier';
  });

  it('hands the handler the signed-in cashier', async () => {
    const staffSession = await signIn('cajero1', 'Cajero1.Demo');
    expect(await dispatch('cashier.payments', { staffSession })).toEqual(ok(null));
    expect(reached).toEqual([
      { op: 'cashier.payments', caller: { username: 'cajero1', fullName: expect.any(String), role: 'cajero' } },
    ]);
  });

  it('refuses a missing session as bad input, and one never issued as ended, before the handler', async () => {
    expect(await dispatch('cashier.payments', {})).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'staffSession' },
    });
    expect(await dispatch('cashier.xReport', { staffSession: unknownCredential })).toEqual({
      ok: false,
      error: {
        code: 'session-ended',
        message: 'Su sesión en la caja terminó. Ingrese de nuevo con su usuario y su contraseña o PIN.',
      },
    });
    expect(reached).toEqual([]);
  });

  it('ends a session left alone for 30 minutes, and it stays ended', async () => {
    const staffSession = await signIn('cajero1', 'Cajero1.Demo');
    clock += 29 * minutes;
    expect((await dispatch('cashier.payments', { staffSession })).ok).toBe(true);
    clock += 31 * minutes;
    expect(await dispatch('cashier.payments', { staffSession })).toMatchObject({
      ok: false,
      error: { code: 'session-ended' },
    });
    clock -= 31 * minutes;
    expect(await dispatch('cashier.payments', { staffSession })).toMatchObject({
      ok: false,
      error: { code: 'session-ended' },
    });
    expect(reached).toHaveLength(1);
  });

  it('refuses a role the operation does not admit', async () => {
    const staffSession = await signIn('cajero1', 'Cajero1.Demo');
    // No counter operation is for supervisors alone yet: the check the dispatcher runs, on such an auth.
    expect(checkCaller({ kind: 'staff-session', roles: ['supervisor'] }, { staffSession }, callers())).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const supervisorSession = await signIn('supervisor1', 'Supervisor1.Demo');
    expect(
      checkCaller({ kind: 'staff-session', roles: ['supervisor'] }, { staffSession: supervisorSession }, callers()),
    ).toMatchObject({ ok: true, value: { role: 'supervisor' } });
  });

  it('tells a wrong password from an ended session', async () => {
    expect(await sessions.signIn('cajero1', 'otra-clave')).toEqual({
      ok: false,
      error: { code: 'wrong-credentials', message: 'Usuario o contraseña incorrectos.' },
    });
  });
});

describe("supervisor's grant", () => {
  beforeEach(() => {
    mode = 'cashier';
  });

  it('hands the handler the supervisor who typed their password', async () => {
    const grantId = await grant('supervisor1', 'Supervisor1.Demo');
    expect((await dispatch('sync.parked', { grantId })).ok).toBe(true);
    expect(reached).toEqual([
      { op: 'sync.parked', caller: expect.objectContaining({ grantId, username: 'supervisor1', role: 'supervisor' }) },
    ]);
  });

  it("refuses a cashier's grant, a missing one and one never given", async () => {
    const cashierGrant = await grant('cajero1', 'Cajero1.Demo');
    expect(await dispatch('sync.resolveParked', { grantId: cashierGrant, eventId: 'e1', action: 'discard' })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Esta acción requiere un supervisor.' },
    });
    expect(await dispatch('device.exportUnsentEvents', {})).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'grantId' },
    });
    expect(await dispatch('sync.parked', { grantId: unknownCredential })).toMatchObject({
      ok: false,
      error: { code: 'session-ended' },
    });
    expect(reached).toEqual([]);
  });

  it('lasts five minutes', async () => {
    const grantId = await grant('supervisor1', 'Supervisor1.Demo');
    clock += 5 * minutes;
    expect(await dispatch('sync.parked', { grantId })).toEqual({
      ok: false,
      error: {
        code: 'session-ended',
        message: 'La autorización del personal venció. Ingrese de nuevo usuario y contraseña.',
      },
    });
    expect(reached).toEqual([]);
  });
});

describe('kiosk visit (bills)', () => {
  beforeEach(() => {
    mode = 'kiosk';
  });

  const someCode = (): number =>
    store.sqlite
      .prepare('SELECT codigo_interno FROM subscribers ORDER BY codigo_interno LIMIT 1')
      .pluck()
      .get() as number;

  function accessTo(code: number): string {
    const granted = access.grantLinked(code);
    if (!granted.ok) throw new Error(granted.error.message);
    return granted.value.accessId;
  }

  it('hands the handler the código interno the access id unlocks, and nothing else', async () => {
    const code = someCode();
    const accessId = accessTo(code);
    expect((await dispatch('bills.pdf', { accessId, billNumber: 1 })).ok).toBe(true);
    expect(reached).toEqual([{ op: 'bills.pdf', caller: { codigoInterno: code } }]);
  });

  it('refuses a missing access id, one never granted, one past 15 minutes and any after the visit ended', async () => {
    expect(await dispatch('bills.current', {})).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'accessId' },
    });
    expect(await dispatch('bills.current', { accessId: unknownCredential })).toEqual({
      ok: false,
      error: { code: 'session-ended', message: billMessages.accessEnded },
    });
    const old = accessTo(someCode());
    clock += 15 * minutes;
    expect(await dispatch('bills.payments', { accessId: old })).toMatchObject({
      ok: false,
      error: { code: 'session-ended' },
    });
    const fresh = accessTo(someCode());
    access.endSession();
    expect(await dispatch('bills.previous', { accessId: fresh })).toMatchObject({
      ok: false,
      error: { code: 'session-ended' },
    });
    expect(reached).toEqual([]);
  });
});

describe('citizen session (accounts)', () => {
  beforeEach(() => {
    mode = 'kiosk';
  });

  it('refuses a session this kiosk did not open in this visit before anything goes to the server', async () => {
    expect(await dispatch('accounts.profile', {})).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'session' },
    });
    expect(await dispatch('accounts.profile', { session: unknownCredential })).toEqual({
      ok: false,
      error: {
        code: 'session-ended',
        message: 'Su sesión terminó. Ingrese de nuevo con su número de documento y contraseña.',
      },
    });
    expect(
      await dispatch('accounts.linkCode', { session: unknownCredential, accessId: unknownCredential }),
    ).toMatchObject({ ok: false, error: { code: 'session-ended' } });
    expect(reached).toEqual([]);
  });
});

describe('operations open to all', () => {
  it('reach their handler with no caller, in a mode that serves them', async () => {
    mode = 'kiosk';
    expect((await dispatch('kiosk.sessionEnded', { reason: 'idle', durationSeconds: 3 })).ok).toBe(true);
    expect(await dispatch('cashier.signIn', { username: 'cajero1', password: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(reached).toEqual([{ op: 'kiosk.sessionEnded', caller: null }]);
  });
});

function callers() {
  return {
    'kiosk-visit': (accessId: string) => access.resolveVisit(accessId),
    'citizen-session': (session: string) => accounts.resolveSession(session),
    'staff-session': (staffSession: string) => sessions.resolve(staffSession),
    'supervisor-grant': (grantId: string) => staff.resolve(grantId),
  };
}
