import { useStaffSessionCall } from '../api/useStaffSessionCall';
import { useCashierStore } from './cashier-store';

/**
 * A cashier operation with the staff session filled in. An answer that the session ended takes
 * the counter back to the sign-in; a supervisor's wrong password (`wrong-credentials`) is shown
 * where it was typed.
 */
export function useCashierCall() {
  const staffSession = useCashierStore((state) => state.staffSession);
  const signedOut = useCashierStore((state) => state.signedOut);
  return useStaffSessionCall(staffSession, signedOut);
}
