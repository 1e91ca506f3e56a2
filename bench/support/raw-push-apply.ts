import { randomUUID } from 'node:crypto';
import type { ServerDatabase } from '../../src-server/db/open';
import { applyPushBatch } from '../../src-server/sync/push-applier';
import { maxPushBatch } from '../../src-shared/server-api/sync-api';
import { fixtureCashier } from '../../tests/support/outbox-fixtures';

/**
 * The server's side of a push alone: `applyPushBatch` called directly (no HTTP, no device,
 * no outbox) with `events` cash payments of owed bills matching `where` (a condition on
 * `subscribers`, its parameters from `$2`), in batches of the largest push, after a cash session
 * opened by a counter made for it. Returns the seconds the payments took; throws unless every
 * one was applied.
 */
export async function rawPushApplySeconds(
  database: ServerDatabase,
  events: number,
  where: { readonly sql: string; readonly params: readonly unknown[] },
): Promise<number> {
  const deviceId = randomUUID();
  await database.exec.query(
    "INSERT INTO devices (id, name, mode, token_hash) VALUES ($1, 'Banco (directo)', 'cashier', $2)",
    [deviceId, randomUUID()],
  );
  const { rows } = await database.exec.query<{ bill_number: string; codigo_interno: number; period: string }>(
    `SELECT b.bill_number, b.codigo_interno, b.period FROM bills b
     JOIN subscribers s ON s.codigo_interno = b.codigo_interno
     WHERE b.state IN ('pendiente', 'vencida') AND ${where.sql} ORDER BY b.bill_number DESC LIMIT $1`,
    [events, ...where.params],
  );
  if (rows.length < events) throw new Error(`solo hay ${rows.length} facturas por cobrar para el envío directo`);
  const now = new Date().toISOString();
  const cashSessionId = randomUUID();
  const device = { id: deviceId, name: 'Banco (directo)', mode: 'cashier' as const, scope: null, office: null };
  const opened = {
    id: randomUUID(),
    deviceId,
    type: 'cash_session.opened',
    createdAt: now,
    payload: { sessionId: cashSessionId, cashier: fixtureCashier, openedAt: now, openingFloat: 0 },
  };
  await applyPushBatch(database, device, [opened]);
  const all = rows.map((bill, i) => ({
    id: randomUUID(),
    deviceId,
    type: 'payment.taken',
    createdAt: now,
    payload: {
      paymentId: randomUUID(),
      codigoInterno: bill.codigo_interno,
      billNumber: Number(bill.bill_number),
      period: bill.period,
      amount: 5_000 + i,
      paidAt: now,
      channel: 'caja',
      reference: `R-${i}`,
      cashSessionId,
      cashier: fixtureCashier,
    },
  }));
  const started = performance.now();
  let applied = 0;
  for (let i = 0; i < all.length; i += maxPushBatch) {
    const results = await applyPushBatch(database, device, all.slice(i, i + maxPushBatch));
    applied += results.filter((result) => result.status === 'applied').length;
  }
  const seconds = (performance.now() - started) / 1000;
  if (applied !== events) throw new Error(`el envío directo aplicó ${applied} de ${events} pagos`);
  return seconds;
}
