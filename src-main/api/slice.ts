import { contract, opNames, type OpName } from '../../src-shared/api/contract';
import type { CallerResolvers, CredentialKind } from './callers';
import type { Handlers } from './handler';

/**
 * What one feature brings to the app core: the handlers of its own operations, the
 * credentials it issues (for the dispatcher to find their callers again), and how to stop what
 * it started. Each feature folder has a `startX(deps): Slice` (or `Slice & { … }` when another
 * feature needs one of its parts); app-core lists them in one place.
 */
export interface Slice {
  /** The feature, as start-up errors name it: `cashier`, `bills`. */
  readonly name: string;
  readonly handlers: Partial<Handlers>;
  /** The credential kinds this feature issues and resolves (callers.ts). */
  readonly callers?: Partial<CallerResolvers>;
  /**
   * The kiosk visit ended (idle timeout, «Terminar»): forget what the visit opened, so the next
   * citizen starts from nothing. Features without per-visit state leave it out.
   */
  endVisit?(): void;
  /** Stops what the feature started; slices stop in the reverse of the order they started. */
  stop(): Promise<void>;
}

/**
 * One handler per operation and one resolver per credential kind, from every slice. Checked at
 * start-up, so a forgotten or doubled feature stops the app with its name instead of
 * answering `internal` the first time someone calls it: every operation of the contract has
 * exactly one handler; each credential kind an operation declares has exactly one resolver.
 */
export function mergeSlices(slices: readonly Slice[]): {
  readonly handlers: Handlers;
  readonly callers: CallerResolvers;
} {
  const handlers = new Map<string, { readonly slice: string; readonly handler: unknown }>();
  const callers = new Map<string, { readonly slice: string; readonly resolve: unknown }>();
  for (const slice of slices) {
    for (const [op, handler] of Object.entries(slice.handlers)) {
      if (handler === undefined) continue;
      if (!Object.hasOwn(contract, op))
        throw new Error(`The ${slice.name} slice handles ${op}, which is not an operation of the API contract.`);
      const other = handlers.get(op);
      if (other !== undefined)
        throw new Error(`The operation ${op} is handled by both the ${other.slice} and the ${slice.name} slices.`);
      handlers.set(op, { slice: slice.name, handler });
    }
    for (const [kind, resolve] of Object.entries(slice.callers ?? {})) {
      if (resolve === undefined) continue;
      const other = callers.get(kind);
      if (other !== undefined)
        throw new Error(
          `Credentials of kind ${kind} are resolved by both the ${other.slice} and the ${slice.name} slices.`,
        );
      callers.set(kind, { slice: slice.name, resolve });
    }
  }
  const unhandled = opNames.filter((op) => !handlers.has(op));
  if (unhandled.length > 0)
    throw new Error(`No slice handles ${unhandled.join(', ')}: add the feature's slice to the list in app-core.ts.`);
  const needed = new Set(
    opNames.map((op: OpName) => contract[op].auth.kind).filter((kind): kind is CredentialKind => kind !== 'none'),
  );
  const unresolved = [...needed].filter((kind) => !callers.has(kind));
  if (unresolved.length > 0) throw new Error(`No slice resolves credentials of kind ${unresolved.join(', ')}.`);
  return {
    // Every operation has exactly the handler its own slice typed for it (checked above).
    handlers: Object.fromEntries([...handlers].map(([op, { handler }]) => [op, handler])) as unknown as Handlers,
    // Likewise every credential kind the contract uses has its one resolver.
    callers: Object.fromEntries(
      [...callers].map(([kind, { resolve }]) => [kind, resolve]),
    ) as unknown as CallerResolvers,
  };
}

/**
 * Stops the slices in the reverse of their start order. One that fails to stop does not keep
 * the others running: all are asked, then the first failure is thrown.
 */
export async function stopSlices(slices: readonly Slice[]): Promise<void> {
  const failures: unknown[] = [];
  for (const slice of [...slices].reverse()) {
    try {
      await slice.stop();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw failures[0];
}
