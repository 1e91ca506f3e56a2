import { isSyncEventType, syncEventSchemas, type SyncEventType } from '../../src-shared/sync/events';
import { mayPush } from '../../src-shared/sync/event-permissions';
import type { PushedEvent, PushResult } from '../../src-shared/server-api/sync-api';
import type { ServerDatabase } from '../db/open';
import type { SqlExecutor } from '../db/sql-executor';
import type { AuthenticatedDevice } from '../devices/auth';
import { cashSessionClosed, cashSessionOpened } from './cash-session-events';
import { noEffects, type BatchEffects, type EventHandler, type PushContext } from './event-handler';
import { EventRejection } from './event-rejection';
import { takeFeedLock } from './feed-lock';
import { fieldHandover } from './field-handover';
import { defaultMoneyRules, type MoneyRules } from './money-rules';
import { paymentTaken } from './payment-taken';
import { paymentVoided } from './payment-voided';
import { walletRechargeTaken } from './wallet-recharge-taken';
import { sqlErrorFacts } from '../db/sql-error';

/** What each event does on the server. Statistics-only events are recorded and nothing else. */
const handlers: { [K in SyncEventType]: EventHandler<never> } = {
  'kiosk.session_ended': noEffects,
  'payment.taken': paymentTaken,
  'payment.voided': paymentVoided,
  'cash_session.opened': cashSessionOpened,
  'cash_session.closed': cashSessionClosed,
  'cashier.wallet_recharge_taken': walletRechargeTaken,
  'field.handover': fieldHandover,
};

const modeNames = { kiosk: 'un kiosco', cashier: 'una caja', field: 'un equipo de campo' } as const;

/** Said of an event the batch could not write because of a data error found only by the database. */
export const unrecordableReason =
  'El servidor central no pudo registrar este evento (sus datos no caben en el registro). Avise a soporte técnico.';

interface Candidate {
  readonly event: PushedEvent;
  readonly type: SyncEventType;
  readonly payload: unknown;
  /** Where its answer is in `results`. */
  readonly answer: number;
}

/**
 * Applies a device's batch exactly once per event (docs/sync-protocol.md, "The server's steps"), in the order sent, in
 * one transaction that holds the feed lock from its start:
 *
 * 1. Events whose id is already in `applied_events` were applied before (a retry after a lost
 *    answer): `duplicate` — or `rejected` if another device sent that id. The same id twice
 *    in one batch: the second is a duplicate.
 * 2. The others are checked (type, payload, device) and each kind's handler decides on them
 *    in order against the state it read for the whole batch (event-handler.ts); a refused
 *    event is `rejected` with a reason and goes to `rejected_events`, the rest go on.
 *    Before any handler, the device's mode must allow the event's kind (event-permissions.ts):
 *    the mode is the server's record of the device, never the device's word.
 * 3. The accepted events' ids go into `applied_events` and their effects are written, in the
 *    same transaction: an id is recorded if and only if its effect is.
 * 4. Anything else (the database unreachable) aborts the whole batch: the device gets no
 *    answer for any event and sends them again later, which step 1 makes safe.
 * 5. A data error from the database (a value no check caught) is retried event by event, and
 *    the event it comes from is rejected alone (see applyPushBatch).
 */
export async function applyPushBatch(
  database: ServerDatabase,
  device: AuthenticatedDevice,
  events: readonly PushedEvent[],
  rules: MoneyRules = defaultMoneyRules,
): Promise<PushResult[]> {
  const ctx: PushContext = { device, rules, now: new Date() };
  try {
    return await applyInOneTransaction(database, ctx, events);
  } catch (error) {
    if (!isDataError(error)) throw error;
    // Step 5: a value the checks let through and the database refused (a bug in a check)
    // must not block the device's queue for good: each event goes alone, and the one the
    // database refuses is rejected by itself.
    const results: PushResult[] = [];
    for (const event of events) {
      try {
        results.push(...(await applyInOneTransaction(database, ctx, [event])));
      } catch (single) {
        if (!isDataError(single)) throw single;
        await database.exec.transaction((tx) => record(tx, device, [], [{ event, reason: unrecordableReason }]));
        results.push({ id: event.id, status: 'rejected', reason: unrecordableReason });
      }
    }
    return results;
  }
}

/** SQLSTATE classes 22 (data exception) and 23 (integrity constraint violation). */
function isDataError(error: unknown): boolean {
  return /^2[23][0-9A-Z]{3}$/.test(sqlErrorFacts(error).code);
}

async function applyInOneTransaction(
  database: ServerDatabase,
  ctx: PushContext,
  events: readonly PushedEvent[],
): Promise<PushResult[]> {
  const { device } = ctx;
  return database.exec.transaction(async (tx) => {
    // Before the row locks the handlers take (payment-taken.ts locks its bills FOR UPDATE).
    await takeFeedLock(tx);
    const known = await tx.query<{ id: string; device_id: string }>(
      'SELECT id, device_id FROM applied_events WHERE id = ANY($1::uuid[])',
      [events.map((e) => e.id)],
    );
    const appliedBy = new Map(known.rows.map((row) => [row.id, row.device_id]));
    const results: PushResult[] = [];
    const rejected: { event: PushedEvent; reason: string }[] = [];
    const reject = (event: PushedEvent, reason: string): void => {
      rejected.push({ event, reason });
      results.push({ id: event.id, status: 'rejected', reason });
    };

    const candidates: Candidate[] = [];
    const seen = new Set<string>();
    for (const event of events) {
      const owner = appliedBy.get(event.id);
      let candidate: Candidate | null = null;
      if (event.deviceId !== device.id) reject(event, 'El evento pertenece a otro dispositivo.');
      else if (owner !== undefined) {
        if (owner === device.id) results.push({ id: event.id, status: 'duplicate' });
        else reject(event, 'El identificador del evento ya lo usó otro dispositivo.');
      } else if (seen.has(event.id)) results.push({ id: event.id, status: 'duplicate' });
      else if (!isSyncEventType(event.type)) reject(event, `Tipo de evento desconocido: ${event.type}.`);
      else if (!mayPush(device.mode, event.type))
        reject(event, `El servidor central no acepta eventos ${event.type} de ${modeNames[device.mode]}.`);
      else {
        const parsed = syncEventSchemas[event.type].safeParse(event.payload);
        if (!parsed.success) reject(event, `El contenido del evento ${event.type} no es válido.`);
        else candidate = { event, type: event.type, payload: parsed.data, answer: results.length };
      }
      seen.add(event.id);
      if (candidate !== null) {
        candidates.push(candidate);
        results.push({ id: event.id, status: 'applied' });
      }
    }

    // Runs of consecutive events of one kind, in order: each run reads what the runs before it
    // wrote (a void after the payment it voids, in the same batch), and a long run of payments
    // is still decided and written set-based.
    const accepted: PushedEvent[] = [];
    for (const run of consecutiveRuns(candidates)) {
      const handler = handlers[run.type] as EventHandler<unknown>;
      const effects: BatchEffects<unknown> = await handler.prepare(
        tx,
        run.items.map((c) => c.payload),
        ctx,
      );
      for (const candidate of run.items) {
        try {
          effects.accept(candidate.payload);
          accepted.push(candidate.event);
        } catch (error) {
          if (!(error instanceof EventRejection)) throw error;
          rejected.push({ event: candidate.event, reason: error.message });
          results[candidate.answer] = { id: candidate.event.id, status: 'rejected', reason: error.message };
        }
      }
      await effects.write(tx);
    }

    await record(tx, device, accepted, rejected);
    return results;
  });
}

function consecutiveRuns(candidates: readonly Candidate[]): { type: SyncEventType; items: Candidate[] }[] {
  const runs: { type: SyncEventType; items: Candidate[] }[] = [];
  for (const candidate of candidates) {
    const last = runs.at(-1);
    if (last?.type === candidate.type) last.items.push(candidate);
    else runs.push({ type: candidate.type, items: [candidate] });
  }
  return runs;
}

async function record(
  tx: SqlExecutor,
  device: AuthenticatedDevice,
  accepted: readonly PushedEvent[],
  rejected: readonly { event: PushedEvent; reason: string }[],
): Promise<void> {
  if (accepted.length > 0) {
    await tx.query(
      `INSERT INTO applied_events (id, device_id, type, payload, created_at)
       SELECT e.id, $2, e.type, e.payload, e.created_at FROM jsonb_to_recordset($1::jsonb) AS e(id uuid, type text, payload jsonb, created_at timestamptz)`,
      [
        JSON.stringify(accepted.map((e) => ({ id: e.id, type: e.type, payload: e.payload, created_at: e.createdAt }))),
        device.id,
      ],
    );
  }
  if (rejected.length > 0) {
    await tx.query(
      `INSERT INTO rejected_events (id, device_id, type, reason, payload)
       SELECT r.id, $2, r.type, r.reason, r.payload FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, type text, reason text, payload jsonb)`,
      [
        JSON.stringify(
          rejected.map(({ event, reason }) => ({ id: event.id, type: event.type, reason, payload: event.payload })),
        ),
        device.id,
      ],
    );
  }
}
