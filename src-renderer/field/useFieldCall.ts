import { useStaffSessionCall } from '../api/useStaffSessionCall';
import { useFieldStore } from './field-store';

/** A field operation with the staff session filled in; `session-ended` takes the laptop back to the sign-in. */
export function useFieldCall() {
  const staffSession = useFieldStore((state) => state.staffSession);
  const signedOut = useFieldStore((state) => state.signedOut);
  return useStaffSessionCall(staffSession, signedOut);
}
