import { contract, type OpInput, type OpName, type OpOutput } from './contract';
import { err, type Result } from './result';

/** How a call reaches the Node side: IPC in Electron, HTTP in the web host, direct in tests. */
export interface Transport {
  invoke(op: OpName, input: unknown): Promise<Result<unknown>>;
}

export interface ApiClient {
  call<K extends OpName>(op: K, input: OpInput<K>): Promise<Result<OpOutput<K>>>;
}

/**
 * The renderer's typed client. Outputs are checked against the contract so a host that drifts
 * from it shows up as a clear error instead of a blank screen.
 */
export function createClient(transport: Transport): ApiClient {
  return {
    async call(op, input) {
      const result = await transport.invoke(op, input);
      if (!result.ok) return result;
      const parsed = contract[op].output.safeParse(result.value);
      if (!parsed.success) {
        return err('internal', 'La aplicación respondió algo inesperado. Intente de nuevo o avise al personal.');
      }
      // The schema just proved the shape; the cast only names the type zod inferred.
      return { ok: true, value: parsed.data as OpOutput<typeof op> };
    },
  };
}
