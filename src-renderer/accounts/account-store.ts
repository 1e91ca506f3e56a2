import { createSessionStore } from '../session/create-session-store';

/** Where the citizen is in «Ingresar» and the account's menu. */
export type AccountView = 'login' | 'recover' | 'menu' | 'bills' | 'password' | 'profile';
export type AccountBillsTask = 'current' | 'payments' | 'previous';

interface AccountData {
  /** The account session from «Ingresar», null before it and after «Cerrar sesión». */
  session: string | null;
  fullName: string | null;
  /** Logged in with a password the system made: only «Cambio de contraseña» is open. */
  mustChangePassword: boolean;
  view: AccountView;
  billsTask: AccountBillsTask;
  /** A line to show once on the next screen (after a password change, a link…). */
  notice: string | null;
}

interface AccountActions {
  loggedIn(value: { session: string; fullName: string; mustChangePassword: boolean }): void;
  show(view: AccountView, notice?: string | null): void;
  openBills(task: AccountBillsTask): void;
  passwordChanged(message: string): void;
  loggedOut(): void;
}

const initial: AccountData = {
  session: null,
  fullName: null,
  mustChangePassword: false,
  view: 'login',
  billsTask: 'current',
  notice: null,
};

/**
 * The logged-in citizen of this kiosk visit. A session store: the idle timeout and
 * «Terminar» forget the session (and the device logs it out on the server).
 */
export const useAccountStore = createSessionStore<AccountData, AccountActions>('account', initial, (set) => ({
  loggedIn: ({ session, fullName, mustChangePassword }) =>
    set({ session, fullName, mustChangePassword, view: mustChangePassword ? 'password' : 'menu', notice: null }),
  show: (view, notice = null) => set({ view, notice }),
  openBills: (billsTask) => set({ view: 'bills', billsTask, notice: null }),
  passwordChanged: (message) => set({ mustChangePassword: false, view: 'menu', notice: message }),
  loggedOut: () => set({ ...initial }),
}));
