import { useCallback } from 'react';
import { ProblemLine } from '../accounts/ProblemLine';
import { useApiClient } from '../api/useApiClient';
import { useRouteStore } from '../app/route-store';
import { PrintStatus, type PrintedDocumentWords } from '../bills/PrintStatus';
import { usePrintJob } from '../bills/usePrintJob';
import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';
import { TicketsFrame } from './TicketsFrame';
import { useTicketsStore } from './tickets-store';
import { useTicketsCall } from './useTicketsCall';

const numberWords: PrintedDocumentWords = {
  yours: 'el número de su ticket',
  the: 'el número',
  takeIt: 'Retírelo',
  noPrinter: 'Anote el número: también le llegó en el correo de confirmación.',
};

/**
 * The ticket exists (guide 002: «En pantalla aparecerá una notificación con el código del ticket
 * y recibirá un correo electrónico de confirmación»): its number large, «Imprimir el número» on
 * the receipt printer, and the way to the list of the citizen's tickets with that number.
 */
export function CreatedStep() {
  const ticket = useTicketsStore((state) => state.created);
  const newTicket = useTicketsStore((state) => state.newTicket);
  const listed = useTicketsStore((state) => state.listed);
  const navigate = useRouteStore((state) => state.navigate);
  const client = useApiClient();
  const number = ticket?.number ?? '';
  const queue = useCallback(() => client.call('tickets.printNumber', { number }), [client, number]);
  const { progress, print, retry, resolve } = usePrintJob(queue);
  const { busy, problem, run } = useTicketsCall();

  if (ticket === null) return null;

  const toList = () => {
    const pair = { number: ticket.number, email: ticket.email };
    void run('tickets.list', pair).then((list) => {
      if (list === null) return;
      listed(pair, list);
      navigate({ screen: 'feature', feature: 'ticket-list' });
    });
  };

  return (
    <TicketsFrame
      title="Ticket creado"
      action={
        <Button variant="secondary" onClick={newTicket}>
          <Icon name="ticket" className="button__icon" />
          Crear otro ticket
        </Button>
      }
    >
      <section className="bills-card tickets-created" aria-labelledby="tickets-number-label">
        <p className="account-done" role="status">
          Su ticket se creó correctamente.
        </p>
        <div className="tickets-number">
          <span id="tickets-number-label" className="tickets-number__label">
            Número de su ticket
          </span>
          <strong className="tickets-number__value">{ticket.number}</strong>
          <span className="tickets-number__subject">
            {ticket.categoryLabel} · {ticket.subject}
          </span>
        </div>
        <p className="bills-lead">
          Le enviamos un correo de confirmación a <strong>{ticket.email}</strong>. Con este número y su correo puede ver
          su ticket, sus mensajes y su estado en «Ver mi lista de tickets».
        </p>
        <div className="bills-actions">
          <Button size="large" disabled={progress.phase === 'sending' || progress.phase === 'waiting'} onClick={print}>
            <Icon name="print" className="button__icon" />
            Imprimir el número
          </Button>
          <Button size="large" variant="secondary" disabled={busy} onClick={toList}>
            <Icon name="ticket-list" className="button__icon" />
            Ver mi lista de tickets
          </Button>
        </div>
        <PrintStatus progress={progress} onRetry={retry} onResolve={resolve} words={numberWords} />
        <ProblemLine problem={problem} />
      </section>
    </TicketsFrame>
  );
}
