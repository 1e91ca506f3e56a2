import { create } from 'zustand';
import type { OpOutput } from '../../src-shared/api/contract';

export type FieldScreen =
  | 'sign-in'
  | 'open-day'
  | 'sheet'
  | 'subscriber'
  | 'collect'
  | 'done'
  | 'days'
  | 'handover'
  /** «Registros detenidos» and «Enviar diagnóstico», for a supervisor, from the sign-in screen. */
  | 'parked';

interface FieldState {
  staffSession: string | null;
  staff: OpOutput<'field.signIn'>['staff'] | null;
  screen: FieldScreen;
  /** The subscriber open on the sheet, and the bill being collected. */
  codigoInterno: number | null;
  billNumber: number | null;
  /** The last payment, for the receipt screen. */
  taken: OpOutput<'field.collect'> | null;
  /** The route sheet's search, kept when the collector comes back to it. */
  query: string;
  /** Bumped after each change, so the status bar reads again at once. */
  changes: number;
}

interface FieldActions {
  signedIn(answer: OpOutput<'field.signIn'>, dayOpen: boolean): void;
  show(screen: FieldScreen): void;
  openSubscriber(codigoInterno: number): void;
  collect(billNumber: number): void;
  collected(taken: OpOutput<'field.collect'>): void;
  search(query: string): void;
  changed(): void;
  signedOut(): void;
}

const initial: FieldState = {
  staffSession: null,
  staff: null,
  screen: 'sign-in',
  codigoInterno: null,
  billNumber: null,
  taken: null,
  query: '',
  changes: 0,
};

/** The field laptop's UI state (STYLE §14): who is signed in and what is on screen; records come from the services. */
export const useFieldStore = create<FieldState & FieldActions>()((set) => ({
  ...initial,
  signedIn: (answer, dayOpen) =>
    set({ staffSession: answer.staffSession, staff: answer.staff, screen: dayOpen ? 'sheet' : 'open-day' }),
  show: (screen) => set({ screen }),
  openSubscriber: (codigoInterno) => set({ codigoInterno, screen: 'subscriber' }),
  collect: (billNumber) => set({ billNumber, screen: 'collect' }),
  collected: (taken) => set((s) => ({ taken, screen: 'done', changes: s.changes + 1 })),
  search: (query) => set({ query }),
  changed: () => set((s) => ({ changes: s.changes + 1 })),
  signedOut: () => set(initial),
}));
