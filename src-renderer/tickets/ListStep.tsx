import { useCallOnShow } from '../accounts/useCallOnShow';
import { useRouteStore } from '../app/route-store';
import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';
import { TicketsFrame } from './TicketsFrame';
import { TicketStateBadge } from './TicketStateBadge';
import { dateTimeInWords } from './ticket-words';
import { useTicketsStore } from './tickets-store';

/**
 * The citizen's tickets, newest first, each with its state (guide 002: «el historial de
 * tickets creados y su estado actual»); touching one opens it.
 */
export function ListStep() {
  const list = useTicketsStore((state) => state.list);
  const openTicket = useTicketsStore((state) => state.openTicket);
  const toFollowStep = useTicketsStore((state) => state.toFollowStep);
  const pair = useTicketsStore((state) => state.pair);
  const fresh = useTicketsStore((state) => state.listFresh);
  const relisted = useTicketsStore((state) => state.relisted);
  const navigate = useRouteStore((state) => state.navigate);
  // Back from a ticket, the list is asked again: a message just sent is its last change.
  useCallOnShow('tickets.list', fresh ? null : pair, (result) => {
    if (result.ok) relisted(result.value);
  });
  if (list === null) return null;
  return (
    <TicketsFrame
      title="Mis tickets"
      back={{ label: 'Volver', onPress: () => toFollowStep('lookup') }}
      action={
        <Button variant="secondary" onClick={() => navigate({ screen: 'feature', feature: 'ticket-create' })}>
          <Icon name="ticket" className="button__icon" />
          Crear ticket
        </Button>
      }
    >
      <section className="bills-card" aria-labelledby="tickets-list-title">
        <h2 id="tickets-list-title" className="wallet-section-title">
          Tickets de {list.email}
        </h2>
        <p className="bills-muted">Toque un ticket para ver sus detalles, sus documentos y sus mensajes.</p>
        <ul className="tickets-list">
          {list.tickets.map((ticket) => (
            <li key={ticket.number}>
              <button type="button" className="tickets-list__item" onClick={() => openTicket(ticket.number)}>
                <span className="tickets-list__top">
                  <span className="tickets-list__number">{ticket.number}</span>
                  <TicketStateBadge state={ticket.state} />
                </span>
                <span className="tickets-list__subject">{ticket.subject}</span>
                <span className="tickets-list__facts">
                  <span>{ticket.categoryLabel}</span>
                  <span>Creado el {dateTimeInWords(ticket.createdAt)}</span>
                  <span>Última novedad el {dateTimeInWords(ticket.updatedAt)}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </TicketsFrame>
  );
}
