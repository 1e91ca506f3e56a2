import { isSyncEventType, syncEventSchemas, type SyncEventType } from '../../src-shared/sync/events';
import type { PushedEvent, PushResult } from '../../src-shared/server-api/sync-api';
import type { ServerDatabase } from '../db/open';
import type { SqlExecutor } from '../db/sql-executor';
import type { AuthenticatedDevice } from '../devices/auth';
import { EventRejection } from './event-rejection';
import { takeFeedLock } from './feed-lock';
import { applyPaymentTaken } from './payment-taken';

type Handler = (tx: SqlExecutor, payload: unknown) => Promise<void>;

/** What each event does on the server. Statistics-only events are recorded and nothing else. */
const handlers: { [K in SyncEventType]: Handler } = {
  'kiosk.session_ended': async () => undefined,
  'payment.taken': (tx, payload) => applyPaymentTaken(tx, syncEventSchemas['payment.taken'].parse(payload)),
};

/**
 * Applies a device's batch exactly once per event (DESIGN §2 "Push"), in the order sent:
 *
 * 1. One transaction for the batch, holding the feed lock from its start; a savepoint per event.
 * 2. The event id goes into `applied_events` first. If it is already there, the event was
 *    applied before (a retry after a lost answer): `duplicate`, or `rejected` if another
 *    device sent that id.
 * 3. Otherwise its effect runs in the same savepoint, so the id is recorded if and only if
 *    the effect is. A refused event rolls back to the savepoint and is recorded in
 *    `rejected_events`; the rest of the batch goes on.
 * 4. Anything else (a database error) aborts the whole batch: the device gets no answer for
 *    any event and sends them again later, which step 2 makes safe.
 */
export async function applyPushBatch(
  database: ServerDatabase,
  device: AuthenticatedDevice,
  events: readonly PushedEvent[],
): Promise<PushResult[]> {
  return database.exec.transaction(async (tx) => {
    // Before the row locks the events take (payment-taken.ts locks its bill FOR UPDATE).
    await takeFeedLock(tx);
    const results: PushResult[] = [];
    for (const event of events) results.push(await applyOne(tx, device, event));
    return results;
  });
}

async function applyOne(tx: SqlExecutor, device: AuthenticatedDevice, event: PushedEvent): Promise<PushResult> {
  if (event.deviceId !== device.id) {
    return reject(tx, device, event, 'El evento pertenece a otro dispositivo.');
  }
  await tx.query('SAVEPOINT push_event');
  const recorded = await tx.query(
    `INSERT INTO applied_events (id, device_id, type, payload, created_at) VALUES ($1, $2, $3, $4::jsonb, $5)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [event.id, device.id, event.type, JSON.stringify(event.payload), event.createdAt],
  );
  if (recorded.rows.length === 0) {
    await tx.query('RELEASE SAVEPOINT push_event');
    const { rows } = await tx.query<{ device_id: string }>('SELECT device_id FROM applied_events WHERE id = $1', [event.id]);
    return rows[0]?.device_id === device.id ? { id: event.id, status: 'duplicate' } : reject(tx, device, event, 'El identificador del evento ya lo usó otro dispositivo.');
  }
  try {
    await runHandler(tx, event);
    await tx.query('RELEASE SAVEPOINT push_event');
    return { id: event.id, status: 'applied' };
  } catch (error) {
    if (!(error instanceof EventRejection)) throw error;
    await tx.query('ROLLBACK TO SAVEPOINT push_event');
    await tx.query('RELEASE SAVEPOINT push_event');
    return reject(tx, device, event, error.message);
  }
}

async function runHandler(tx: SqlExecutor, event: PushedEvent): Promise<void> {
  if (!isSyncEventType(event.type)) throw new EventRejection(`Tipo de evento desconocido: ${event.type}.`);
  const parsed = syncEventSchemas[event.type].safeParse(event.payload);
  if (!parsed.success) throw new EventRejection(`El contenido del evento ${event.type} no es válido.`);
  await handlers[event.type](tx, parsed.data);
}

async function reject(tx: SqlExecutor, device: AuthenticatedDevice, event: PushedEvent, reason: string): Promise<PushResult> {
  await tx.query('INSERT INTO rejected_events (id, device_id, type, reason, payload) VALUES ($1, $2, $3, $4, $5::jsonb)', [
    event.id,
    device.id,
    event.type,
    reason,
    JSON.stringify(event.payload),
  ]);
  return { id: event.id, status: 'rejected', reason };
}
