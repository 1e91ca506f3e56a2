import type { TicketState } from '../../src-shared/tickets/ticket-states';
import { stateLabel } from './ticket-words';

/** A ticket's state as a coloured label: open ones in blue, waiting on the citizen in amber, closed in green. */
export function TicketStateBadge({ state }: { readonly state: TicketState }) {
  return <span className={`tickets-state tickets-state--${state}`}>{stateLabel(state)}</span>;
}
