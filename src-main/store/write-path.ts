import { v7 as uuidv7 } from 'uuid';
import { outbox } from '../../db/local/schema';
import { syncEventSchemas, type SyncEvent } from '../../src-shared/sync/events';
import type { LocalDb, Store } from './open-store';
import { storeWriteFailure, type StoreWriteFailure } from './store-write-failure';

/**
 * An event the central server must learn about, typed by its kind (src-shared/sync/events.ts):
 * a kind or a field the server does not know is a type error here, not a parked event in the field.
 */
export type OutboxEvent = SyncEvent;

/**
 * What a change writes through inside `commit`'s transaction: the store's drizzle handle, while
 * `BEGIN IMMEDIATE` holds the write lock. A helper that writes part of a change takes this.
 */
export type WriteTx = LocalDb;

export interface Change<T> {
  readonly result: T;
  readonly events: readonly OutboxEvent[];
}

/**
 * The single write path (STYLE §8): a local change and the outbox events that describe it
 * commit in one SQLite transaction, or neither does. Services write only through here.
 * The callback runs inside `BEGIN IMMEDIATE`, so it must be synchronous and quick.
 */
export function commit<T>(store: Store, change: (tx: WriteTx) => Change<T>, now: () => Date = () => new Date()): T {
  const run = store.sqlite.transaction(() => {
    const { result, events } = change(store.db);
    const createdAt = now().toISOString();
    for (const event of events) {
      // Parsed with the very schema the server applies, inside the transaction: a payload it
      // would refuse rolls the whole change back here, on the developer's machine.
      const payload: unknown = syncEventSchemas[event.type].parse(event.payload);
      store.db
        .insert(outbox)
        .values({ id: nextOutboxId(store), type: event.type, payload, createdAt })
        .run();
    }
    return result;
  });
  const result = run.immediate();
  store.outboxWrites.notify();
  return result;
}

/**
 * The outbox's ids are UUIDv7, whose first 48 bits are the write's time, and the pusher sends
 * in id order. A clock set back (by hand, or after a dead CMOS battery) would give a later
 * event a smaller id after a restart (uuid keeps its ids rising only within one process), and
 * the server would get a void before the payment it voids. So a new id always sorts after the
 * newest one in the outbox: when the clock says otherwise, it takes that id's millisecond plus
 * one. Runs inside the write's transaction, so no other write comes between.
 */
function nextOutboxId(store: Store): string {
  const newest = store.sqlite.prepare('SELECT max(id) FROM outbox').pluck().get() as string | null;
  const id = uuidv7();
  if (newest === null || id > newest) return id;
  const newestMs = Number.parseInt(newest.slice(0, 8) + newest.slice(9, 13), 16);
  return uuidv7({ msecs: newestMs + 1 });
}

/**
 * `commit` for a service that has its own words for a disk that cannot take the write (a
 * payment: «el pago NO se registró»): that failure comes back as data, any other error throws.
 * What a disk failure may have left is in store-write-failure.ts.
 */
export function attemptCommit<T>(
  store: Store,
  change: (tx: WriteTx) => Change<T>,
  now?: () => Date,
):
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly failure: StoreWriteFailure; readonly error: unknown } {
  try {
    return { ok: true, value: commit(store, change, now) };
  } catch (error) {
    const failure = storeWriteFailure(error);
    if (failure === null) throw error;
    return { ok: false, failure, error };
  }
}
