import { opNames, type OpInput, type OpName, type OpOutput } from '../../src-shared/api/contract';
import type { CredentialKind, CallerResolvers } from '../../src-main/api/callers';
import { createDispatcher, type Dispatch } from '../../src-main/api/dispatcher';
import type { Handlers } from '../../src-main/api/handler';
import { createRootLogger } from '../../src-main/logger';
import { err, type Result } from '../../src-shared/api/result';
import type { DeviceMode } from '../../src-shared/domain/device-mode';

/**
 * The real dispatcher (schemas, mode, auth) over one feature's handlers, for tests and benches
 * that drive a feature without the whole app core. Operations of other features answer
 * `internal`; credentials no feature here issues are never live.
 */
export function featureDispatch(
  handlers: Partial<Handlers>,
  callers: Partial<CallerResolvers>,
  mode: DeviceMode,
): Dispatch {
  const absent = () => Promise.resolve(err('internal', 'Not part of this test.'));
  const never = () => err('session-ended', 'Not issued in this test.');
  const kinds: readonly CredentialKind[] = ['kiosk-visit', 'citizen-session', 'staff-session', 'supervisor-grant'];
  return createDispatcher({
    // Each entry is the feature's own handler for that operation or one that refuses every input.
    handlers: Object.fromEntries(opNames.map((op) => [op, handlers[op] ?? absent])) as unknown as Handlers,
    // Likewise: the feature's resolver for its kind, or one that finds no caller.
    callers: Object.fromEntries(kinds.map((kind) => [kind, callers[kind] ?? never])) as unknown as CallerResolvers,
    mode: () => mode,
    log: createRootLogger('silent'),
  });
}

type OpsOf<P extends string> = Extract<OpName, `${P}.${string}`>;

/** `cashier.takePayment` → `takePayment`. */
type MethodName<K extends string, P extends string> = K extends `${P}.${infer M}` ? M : never;

/** A feature's operations as methods: `calls.takePayment(input)` dispatches `cashier.takePayment`. */
export type OpCalls<P extends string> = {
  readonly [K in OpsOf<P> as MethodName<K, P>]: (input: OpInput<K>) => Promise<Result<OpOutput<K>>>;
};

export function opCalls<P extends string>(dispatch: Dispatch, prefix: P): OpCalls<P> {
  const methods = opNames
    .filter((op) => op.startsWith(`${prefix}.`))
    .map((op) => [op.slice(prefix.length + 1), (input: unknown) => dispatch(op, input)]);
  // One method per operation of the prefix, answering with that operation's result.
  return Object.fromEntries(methods) as OpCalls<P>;
}
