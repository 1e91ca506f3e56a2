import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { expect, it } from 'vitest';
import type { SqlExecutor } from '../../../src-server/db/sql-executor';
import { kardex, ledgerTotal } from '../../../src-server/ledger/kardex';
import { findLedgerAccount } from '../../../src-server/ledger/ledger-accounts';
import type { DeviceMode } from '../../../src-shared/domain/device-mode';
import type { PushResult } from '../../../src-shared/server-api/sync-api';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer, type TestServer } from '../../support/server-harness';
import { enrollPushingDevice, type PushedEvent, type PushingDevice } from '../../support/pushing-device';
import { seedServer } from '../../support/sync-support';
import { createTestLiquidation } from '../../support/wallet-fixtures';

/**
 * A counter's wallet recharge on the central server (issue 13, item 4, «Office cashier»): the
 * `cashier.wallet_recharge_taken` event credits the liquidación's wallet from the cash session's
 * ledger account once, however often it arrives; money for a number no liquidación has is
 * parked for staff, never refused; and what a stolen token would try is refused with a reason.
 */

type Device = PushingDevice;
type Pushed = PushedEvent;

/** A device of the office «Sede Centro», enrolled as `mode`. */
const enroll = (t: TestServer, name: string, mode: DeviceMode): Promise<Device> =>
  enrollPushingDevice(t, name, mode, { office: 'Sede Centro' });

const now = () => new Date().toISOString();
const event = (type: string, payload: Record<string, unknown>): Pushed => ({
  id: uuidv7(),
  type,
  payload,
  createdAt: now(),
});
const opened = (sessionId: string, cashier = 'cajero1') =>
  event('cash_session.opened', { sessionId, cashier, openedAt: now(), openingFloat: 0 });

function recharge(
  device: Device,
  sessionId: string,
  receipt: number,
  liquidationNumber: number,
  amount: number,
  extra: Record<string, unknown> = {},
): Pushed {
  return event('cashier.wallet_recharge_taken', {
    rechargeId: uuidv7(),
    liquidationNumber,
    amount,
    cashRounding: 0,
    takenAt: now(),
    found: 'server',
    reference: `${device.prefix ?? 'X'}-${String(receipt).padStart(6, '0')}`,
    cashSessionId: sessionId,
    cashier: 'cajero1',
    ...extra,
  });
}

/** A pending liquidación's number. */
const liquidation = async (exec: SqlExecutor, docNumber: string, amount: number): Promise<number> =>
  (await createTestLiquidation(exec, { docType: 'CC', docNumber, amount })).number;

const balance = async (exec: SqlExecutor, kind: 'wallet' | 'cash-session', owner: string): Promise<number> =>
  (await findLedgerAccount(exec, kind, owner))?.balance ?? 0;

async function reviews(exec: SqlExecutor): Promise<{ kind: string; amount: number; credited: unknown }[]> {
  const { rows } = await exec.query<{ kind: string; amount: string; credited: unknown }>(
    "SELECT kind, amount, details->'credited' AS credited FROM wallet_reviews WHERE channel = 'counter' ORDER BY kind",
  );
  return rows.map((r) => ({ kind: r.kind, amount: Number(r.amount), credited: r.credited }));
}

const statuses = (results: readonly PushResult[]) => results.map((r) => r.status);

describeEachServerDatabase('counter recharge: the server credits the wallet', (variant) => {
  it('credits the wallet once from the cash session, even pushed twice', { timeout: 180_000 }, async () => {
    const t = await startTestServer(variant, { logLevel: 'silent' });
    await seedServer(t, 5);
    const exec = t.server.database.exec;
    const counter = await enroll(t, 'Caja 1', 'cashier');
    const number = await liquidation(exec, '1020304050', 50_000);
    const sessionId = randomUUID();
    const taken = recharge(counter, sessionId, 1, number, 50_000);

    expect(statuses(await counter.push([opened(sessionId), taken]))).toEqual(['applied', 'applied']);
    // The answer lost, the same event again: a duplicate, nothing moves.
    expect(statuses(await counter.push([taken]))).toEqual(['duplicate']);
    // Another event naming the same recharge (a replayed payload under a new id) is refused.
    const replay = { ...taken, id: uuidv7() };
    const [again] = await counter.push([replay]);
    expect(again).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/ya estaba registrada/) });

    expect(await balance(exec, 'wallet', 'CC 1020304050')).toBe(50_000);
    expect(await balance(exec, 'cash-session', sessionId)).toBe(-50_000);
    expect(await ledgerTotal(exec)).toBe(0);
    const wallet = await findLedgerAccount(exec, 'wallet', 'CC 1020304050');
    const lines = await kardex(exec, wallet!.id);
    expect(lines.map((l) => [l.amount, l.balanceAfter])).toEqual([[50_000, 50_000]]);
    const { rows } = await exec.query<{ state: string; paid_via: string; n: string }>(
      `SELECT l.state, l.paid_via, (SELECT count(*)::int FROM liquidation_payments p WHERE p.liquidation_id = l.id) AS n
       FROM liquidations l WHERE number = $1`,
      [number],
    );
    expect(rows[0]).toMatchObject({ state: 'pagada', paid_via: 'counter' });
    expect(Number(rows[0]?.n)).toBe(1);
    expect(await reviews(exec)).toEqual([]);
    // The receipt number joins the device's series like a payment's.
    const series = await exec.query<{ last_number: number }>(
      'SELECT last_number FROM receipt_series WHERE device_id = $1',
      [counter.id],
    );
    expect(Number(series.rows[0]?.last_number)).toBe(1);
  });

  it(
    'parks money for an unknown number, flags a second payment and a different amount, credits what was received',
    { timeout: 180_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 5);
      const exec = t.server.database.exec;
      const counter = await enroll(t, 'Caja 1', 'cashier');
      const paidTwice = await liquidation(exec, '79000111', 30_000);
      const typedWrong = await liquidation(exec, '79000222', 40_000);
      const sessionId = randomUUID();
      const results = await counter.push([
        opened(sessionId),
        recharge(counter, sessionId, 1, 9_999_999_999, 20_000, { found: 'typed' }),
        recharge(counter, sessionId, 2, paidTwice, 30_000),
        recharge(counter, sessionId, 3, paidTwice, 30_000),
        // Typed offline from the volante, the amount mistyped: the drawer has 45.000.
        recharge(counter, sessionId, 4, typedWrong, 45_000, { found: 'typed' }),
      ]);
      expect(statuses(results)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);

      expect(await balance(exec, 'wallet', 'CC 79000111')).toBe(60_000);
      expect(await balance(exec, 'wallet', 'CC 79000222')).toBe(45_000);
      // The unknown number's 20.000 is in the drawer but credited to nobody: the session's
      // ledger account shows only what reached wallets, and the review holds the rest.
      expect(await balance(exec, 'cash-session', sessionId)).toBe(-105_000);
      expect(await ledgerTotal(exec)).toBe(0);
      expect(await reviews(exec)).toEqual([
        { kind: 'amount-mismatch', amount: 45_000, credited: true },
        { kind: 'paid-twice', amount: 30_000, credited: null },
        { kind: 'unknown-reference', amount: 20_000, credited: false },
      ]);
    },
  );

  it(
    'refuses a kiosk, a field device, another counter’s session, a stranger cashier and a reused or foreign receipt',
    { timeout: 180_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      await seedServer(t, 5);
      const exec = t.server.database.exec;
      const counter = await enroll(t, 'Caja 1', 'cashier');
      const other = await enroll(t, 'Caja 2', 'cashier');
      const kiosk = await enroll(t, 'Kiosco 1', 'kiosk');
      const number = await liquidation(exec, '1110001110', 25_000);
      const mine = randomUUID();
      const theirs = randomUUID();
      expect(statuses(await other.push([opened(theirs)]))).toEqual(['applied']);
      expect(statuses(await counter.push([opened(mine), recharge(counter, mine, 1, number, 25_000)]))).toEqual([
        'applied',
        'applied',
      ]);

      const [fromKiosk] = await kiosk.push([recharge(kiosk, mine, 2, number, 25_000)]);
      expect(fromKiosk).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/de un kiosco/) });
      // A field laptop has no recharge screen, so the server takes none from it either.
      const field = await enroll(t, 'Campo 1', 'field');
      const fieldSession = randomUUID();
      const [, fromField] = await field.push([opened(fieldSession), recharge(field, fieldSession, 1, number, 25_000)]);
      expect(fromField).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/de un equipo de campo/) });
      const results = await counter.push([
        recharge(counter, theirs, 2, number, 25_000),
        recharge(counter, mine, 3, number, 25_000, { cashier: 'cajero2' }),
        recharge(counter, mine, 1, number, 25_000),
        recharge(counter, mine, 4, number, 25_000, { reference: `${other.prefix}-000004` }),
        recharge(counter, mine, 5, number, 500, { cashRounding: 500 }),
        recharge(counter, mine, 6, number, 25_000, { takenAt: new Date(Date.now() + 3_600_000).toISOString() }),
      ]);
      expect(results.map((r) => r.status)).toEqual(Array(6).fill('rejected'));
      expect(results.map((r) => r.reason)).toEqual([
        expect.stringMatching(/sesión de caja de la recarga no es de este dispositivo/),
        expect.stringMatching(/cajero2/),
        expect.stringMatching(/ya se usó/),
        expect.stringMatching(/no es de la serie/),
        expect.stringMatching(/redondeo/),
        expect.stringMatching(/posterior a la hora del servidor/),
      ]);
      // Only the first, legitimate recharge moved money.
      expect(await balance(exec, 'wallet', 'CC 1110001110')).toBe(25_000);
      expect(await ledgerTotal(exec)).toBe(0);
    },
  );
});
