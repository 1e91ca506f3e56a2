import { v7 as uuidv7 } from 'uuid';
import { outbox } from '../../db/local/schema';
import type { LocalDb, Store } from './open-store';
import { storeWriteFailure, type StoreWriteFailure } from './store-write-failure';

/** An event the central server must learn about; `type` is `domain.event_name`. */
export interface OutboxEvent {
  readonly type: string;
  readonly payload: Record<string, unknown>;
}

export interface Change<T> {
  readonly result: T;
  readonly events: readonly OutboxEvent[];
}

/**
 * The single write path (STYLE §8): a local change and the outbox events that describe it
 * commit in one SQLite transaction, or neither does. Services write only through here.
 * The callback runs inside `BEGIN IMMEDIATE`, so it must be synchronous and quick.
 */
export function commit<T>(store: Store, change: (tx: LocalDb) => Change<T>, now: () => Date = () => new Date()): T {
  const run = store.sqlite.transaction(() => {
    const { result, events } = change(store.db);
    const createdAt = now().toISOString();
    for (const event of events) {
      store.db.insert(outbox).values({ id: uuidv7(), type: event.type, payload: event.payload, createdAt }).run();
    }
    return result;
  });
  const result = run.immediate();
  store.outboxWrites.notify();
  return result;
}

/**
 * `commit` for a service that has its own words for a disk that cannot take the write (a
 * payment: «el pago NO se registró»): that failure comes back as data, any other error throws.
 * What a disk failure may have left is in store-write-failure.ts.
 */
export function attemptCommit<T>(
  store: Store,
  change: (tx: LocalDb) => Change<T>,
  now?: () => Date,
): { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: StoreWriteFailure; readonly error: unknown } {
  try {
    return { ok: true, value: commit(store, change, now) };
  } catch (error) {
    const failure = storeWriteFailure(error);
    if (failure === null) throw error;
    return { ok: false, failure, error };
  }
}
