import { v7 as uuidv7 } from 'uuid';
import type { SqlExecutor } from '../../src-server/db/sql-executor';

/**
 * Entregas de recaudo written straight into field_handovers and field_handover_days, with their
 * cash sessions, a field laptop, a collector and a field payment that left saldo a favor: what
 * the console's «Entregas de recaudo» reads, without a laptop pushing them (that path is
 * tests/integration/sync/field-handover-trust.test.ts).
 */
export interface DayFixture {
  readonly openedAt: string;
  readonly payments: number;
  readonly amount: number;
  readonly cash: number;
  readonly transfer: number;
  readonly serverPayments?: number;
  readonly serverAmount?: number;
}

export async function fieldDevice(exec: SqlExecutor, name: string, office: string | null): Promise<string> {
  const id = uuidv7();
  await exec.query(`INSERT INTO devices (id, name, mode, office, token_hash) VALUES ($1, $2, 'field', $3, $4)`, [
    id,
    name,
    office,
    `hash-${id}`,
  ]);
  return id;
}

export async function fieldStaff(exec: SqlExecutor, username: string, fullName: string): Promise<void> {
  await exec.query(
    `INSERT INTO staff_users (id, username, full_name, role, password_hash, active) VALUES ($1, $2, $3, 'cajero', 'x', true)`,
    [uuidv7(), username, fullName],
  );
}

/** A handover with its days (each a closed cash session of the device); the ids of the handover and its sessions. */
export async function fieldHandover(
  exec: SqlExecutor,
  h: {
    deviceId: string;
    collector: string;
    supervisor: string;
    handedAt: string;
    expectedCash: number;
    expectedTransfer: number;
    countedCash: number;
    countedTransfer: number;
    days: readonly DayFixture[];
  },
): Promise<{ id: string; sessions: string[] }> {
  const id = uuidv7();
  const matches = h.days.every(
    (d) => (d.serverPayments ?? d.payments) === d.payments && (d.serverAmount ?? d.amount) === d.amount,
  );
  const difference = h.countedCash + h.countedTransfer - h.expectedCash - h.expectedTransfer;
  await exec.query(
    `INSERT INTO field_handovers (id, device_id, collector, supervisor, handed_at, expected_cash, expected_transfer,
       counted_cash, counted_transfer, difference, matches_server)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      id,
      h.deviceId,
      h.collector,
      h.supervisor,
      h.handedAt,
      h.expectedCash,
      h.expectedTransfer,
      h.countedCash,
      h.countedTransfer,
      difference,
      matches,
    ],
  );
  const sessions: string[] = [];
  for (const d of h.days) {
    const sessionId = uuidv7();
    sessions.push(sessionId);
    await exec.query(
      `INSERT INTO cash_sessions (id, device_id, cashier, opened_at, opening_float, closed_at) VALUES ($1, $2, $3, $4, 0, $5)`,
      [sessionId, h.deviceId, h.collector, d.openedAt, h.handedAt],
    );
    await exec.query(
      `INSERT INTO field_handover_days (handover_id, session_id, payments, amount, cash, transfer, server_payments, server_amount)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        sessionId,
        d.payments,
        d.amount,
        d.cash,
        d.transfer,
        d.serverPayments ?? d.payments,
        d.serverAmount ?? d.amount,
      ],
    );
  }
  return { id, sessions };
}

/** A field payment taken in `sessionId` that left `credit` pesos as saldo a favor (voided, if asked). */
export async function fieldPaymentWithCredit(
  exec: SqlExecutor,
  p: { deviceId: string; sessionId: string; reference: string; credit: number; reason: string; voided?: boolean },
): Promise<void> {
  const { rows } = await exec.query<{ bill_number: string; codigo_interno: number; period: string }>(
    'SELECT bill_number, codigo_interno, period FROM bills ORDER BY bill_number LIMIT 1',
  );
  const bill = rows[0]!;
  const paymentId = uuidv7();
  await exec.query(
    `INSERT INTO payments (id, codigo_interno, bill_number, period, amount, paid_at, channel, reference, device_id, cash_session_id, cashier)
     VALUES ($1, $2, $3, $4, 80000, '2026-03-01T15:00:00Z', 'campo', $5, $6, $7, 'campo1')`,
    [paymentId, bill.codigo_interno, bill.bill_number, bill.period, p.reference, p.deviceId, p.sessionId],
  );
  await exec.query(
    `INSERT INTO subscriber_credits (id, codigo_interno, payment_id, amount, reason, voided_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [uuidv7(), bill.codigo_interno, paymentId, p.credit, p.reason, p.voided === true ? '2026-03-01T16:00:00Z' : null],
  );
}
