import type { ParkedEvent } from '../../src-shared/api/ops/sync';
import { createSessionStore } from '../session/create-session-store';
import type { StaffGrant } from '../staff/StaffSignIn';

/**
 * The parked-events screen's session state: the supervisor's grant and the list. Part of the
 * visit, so the idle timeout forgets both (a grant never outlives the person who typed it).
 */
interface ParkedState {
  grant: StaffGrant | null;
  events: readonly ParkedEvent[] | null;
  /** The event whose discard waits for a confirmation. */
  confirming: string | null;
  /** What the last action did (`info`), or why it could not (`error`: read as an alert). */
  notice: ParkedNotice | null;
}

export interface ParkedNotice {
  readonly kind: 'info' | 'error';
  readonly text: string;
}

const initial: ParkedState = { grant: null, events: null, confirming: null, notice: null };

export const useParkedStore = createSessionStore('parked-events', initial, (set) => ({
  granted: (grant: StaffGrant) => set({ grant, notice: null }),
  listed: (events: readonly ParkedEvent[]) => set({ events }),
  confirm: (eventId: string | null) => set({ confirming: eventId }),
  resolved: (eventId: string, notice: ParkedNotice) =>
    set((state) => ({ events: state.events?.filter((e) => e.id !== eventId) ?? null, confirming: null, notice })),
  /** The grant ended or was refused: back to the sign-in, saying why. */
  expired: (reason: string) => set({ ...initial, notice: { kind: 'error', text: reason } }),
}));
