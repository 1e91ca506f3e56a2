import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { registerSessionParticipant } from './session-registry';

type SetData<S> = (partial: Partial<S> | ((state: S) => Partial<S>)) => void;

/**
 * A zustand store for one feature's session state (STYLE §14), registered with the session
 * registry: ending the session puts every data field back to `initial`. The store "holds
 * state" while any data field differs from `initial`.
 *
 * `initial` holds only data; `actions` receives a setter limited to those data fields.
 */
export function createSessionStore<S extends object, A extends object>(
  name: string,
  initial: S,
  actions: (set: SetData<S>, get: () => S) => A,
): UseBoundStore<StoreApi<S & A>> {
  const keys = Object.keys(initial) as (keyof S)[];
  const store = create<S & A>()((set, get) => {
    const methods = actions(
      (partial) => set((state) => (typeof partial === 'function' ? partial(state) : partial) as Partial<S & A>),
      get,
    );
    // An action named like a data field would replace it: the store would always "hold state"
    // (an untouched kiosk interrupted by «¿Sigue ahí?») and a reset would delete the action.
    const clash = Object.keys(methods).find((key) => key in initial);
    if (clash !== undefined) throw new Error(`Session store "${name}": action "${clash}" has a data field's name`);
    return { ...initial, ...methods };
  });
  registerSessionParticipant({
    name,
    reset: () => store.setState({ ...initial } as Partial<S & A>),
    hasState: () => {
      const state = store.getState();
      return keys.some((key) => !Object.is(state[key], initial[key]));
    },
  });
  return store;
}
