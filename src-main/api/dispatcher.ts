import { contract, isOpName, type OpName } from '../../src-shared/api/contract';
import { err, type Result } from '../../src-shared/api/result';
import type { DeviceMode } from '../../src-shared/domain/device-mode';
import type { Logger } from '../logger';
import { storeWriteFailure, storeWriteMessages } from '../store/store-write-failure';
import { checkCaller } from './caller-check';
import type { CallerResolvers } from './callers';
import type { Handlers } from './handler';

/** Calls one operation by name with untrusted input; what every host (IPC, HTTP) goes through. */
export type Dispatch = (op: string, input: unknown) => Promise<Result<unknown>>;

export interface DispatcherOptions {
  readonly handlers: Handlers;
  /** How each kind of credential finds its caller (callers.ts). */
  readonly callers: CallerResolvers;
  /** The mode the central server enrolled the device as. */
  readonly mode: () => DeviceMode;
  readonly log: Logger;
}

/**
 * The renderer is untrusted (STYLE §3): the operation name must be in the contract, the
 * device's mode (the one the central server enrolled it as) must serve it, the input must
 * parse with its schema, and the caller must hold what the operation's `auth` asks for (a live
 * visit, session or grant, with the role) before any service sees it. A thrown error becomes
 * `internal` with a generic message — or, when the disk could not take a write (full,
 * failing), one that says nothing was recorded; its details go to the log only.
 */
export function createDispatcher({ handlers, callers, mode, log }: DispatcherOptions): Dispatch {
  return async (op, input) => {
    if (!isOpName(op)) return err('not-found', 'Esa operación no existe en esta versión de Ventanilla.');
    if (!contract[op].modes.includes(mode()))
      return err('forbidden', 'Esta función no está disponible en este equipo.');
    const parsed = contract[op].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || undefined;
      return err(
        'validation',
        issue?.message && !issue.message.startsWith('Invalid') ? issue.message : 'Revise los datos ingresados.',
        field,
      );
    }
    try {
      const caller = checkCaller(contract[op].auth, parsed.data, callers);
      if (!caller.ok) return caller;
      return await call(handlers, op, parsed.data, caller.value);
    } catch (error) {
      log.error({ err: error, op }, 'operation failed');
      const failure = storeWriteFailure(error);
      if (failure !== null) return err('internal', storeWriteMessages[failure]);
      return err(
        'internal',
        'Algo salió mal. Intente de nuevo; si el problema sigue, avise al personal de la oficina.',
      );
    }
  };
}

function call<K extends OpName>(handlers: Handlers, op: K, input: unknown, caller: unknown): Promise<Result<unknown>> {
  // `input` was produced by contract[op].input and `caller` by checkCaller for contract[op].auth:
  // this operation's parsed input and caller.
  const handler = handlers[op] as (value: unknown, who: unknown) => Promise<Result<unknown>>;
  return handler(input, caller);
}
