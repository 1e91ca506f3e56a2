import { create } from 'zustand';
import type { OpOutput } from '../../src-shared/api/contract';
import type { CashierSessionView } from '../../src-shared/api/ops/cashier';

export type CashierScreen = 'sign-in' | 'open' | 'counter' | 'recharge' | 'payments' | 'close' | 'parked';

interface CashierState {
  staffSession: string | null;
  staff: OpOutput<'cashier.signIn'>['staff'] | null;
  session: CashierSessionView | null;
  screen: CashierScreen;
}

interface CashierActions {
  signedIn(answer: OpOutput<'cashier.signIn'>): void;
  opened(session: CashierSessionView): void;
  show(screen: CashierScreen): void;
  /** The session ended (sign-out, expiry, close). */
  signedOut(): void;
}

const initial: CashierState = { staffSession: null, staff: null, session: null, screen: 'sign-in' };

/**
 * The counter's UI state (STYLE §14): who is signed in and which screen is shown. Money and
 * records are never here; every screen asks the services.
 */
export const useCashierStore = create<CashierState & CashierActions>()((set) => ({
  ...initial,
  signedIn: (answer) =>
    set({
      staffSession: answer.staffSession,
      staff: answer.staff,
      session: answer.openSession,
      screen: answer.openSession === null ? 'open' : 'counter',
    }),
  opened: (session) => set({ session, screen: 'counter' }),
  show: (screen) => set({ screen }),
  signedOut: () => set(initial),
}));
