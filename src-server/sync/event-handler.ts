import type { SqlExecutor } from '../db/sql-executor';
import type { AuthenticatedDevice } from '../devices/auth';
import type { MoneyRules } from './money-rules';

/** Who pushed the batch, by the server's records, and the rules its events are judged by. */
export interface PushContext {
  readonly device: AuthenticatedDevice;
  readonly rules: MoneyRules;
  /** The server's clock when the batch arrived. */
  readonly now: Date;
}

/**
 * What one kind of pushed event does on the server, in three steps per batch so a batch costs
 * a handful of statements whatever its size (sync.push_events_per_s):
 *
 * 1. `prepare`: read (and lock) what the batch's events of this kind need, in one go.
 * 2. `accept`: for each event, in the order sent, decide against that state and what the
 *    events before it in the batch did; throw `EventRejection` to refuse it. Every check that
 *    the database would otherwise make with an error (a key, a range, a unique number) is made
 *    here first, so a bad event is refused alone and never rolls its batch back.
 * 3. `write`: write the effects of every accepted event, set-based.
 *
 * All three run in the push transaction, after the feed lock, so nothing changes between them.
 */
export interface EventHandler<P> {
  prepare(tx: SqlExecutor, payloads: readonly P[], ctx: PushContext): Promise<BatchEffects<P>>;
}

export interface BatchEffects<P> {
  accept(payload: P): void;
  write(tx: SqlExecutor): Promise<void>;
}

export const noEffects: EventHandler<unknown> = {
  prepare: () => Promise.resolve({ accept: () => undefined, write: () => Promise.resolve() }),
};
