import { useState } from 'react';
import type { DocumentFile } from '../../src-shared/api/document';
import { megabytesInWords } from '../../src-shared/api/document';
import type { ApiError } from '../../src-shared/api/result';
import type { TicketAttachmentItem, TicketDetailValue } from '../../src-shared/server-api/tickets-api';
import { nextTicketState } from '../../src-shared/tickets/ticket-states';
import { ProblemLine } from '../accounts/ProblemLine';
import { useCallOnShow } from '../accounts/useCallOnShow';
import { DocumentViewer } from '../documents/DocumentViewer';
import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';
import { TicketsFrame } from './TicketsFrame';
import { TicketStateBadge } from './TicketStateBadge';
import { dateTimeInWords, eventTitle, resolvedAdvice, solutionAdvice, ticketsOfflineText } from './ticket-words';
import { useTicketsStore } from './tickets-store';
import { useTicketsCall } from './useTicketsCall';

const problemOf = (error: ApiError): ApiError =>
  error.code === 'offline' ? { code: 'offline', message: ticketsOfflineText } : error;

/**
 * One ticket (guide 002): «Detalles de la solicitud», «Documentos adjuntos» (each opens in the
 * kiosk's own viewer) and «Histórico de eventos y mensajes», with «Agregar o enviar un mensaje»
 * while the ticket is not closed. Asked again from the server each time it shows.
 */
export function DetailStep() {
  const pair = useTicketsStore((state) => state.pair);
  const ticket = useTicketsStore((state) => state.ticket);
  const messageSent = useTicketsStore((state) => state.messageSent);
  const toFollowStep = useTicketsStore((state) => state.toFollowStep);
  const [detail, setDetail] = useState<TicketDetailValue | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [viewing, setViewing] = useState<{ readonly title: string; readonly document: DocumentFile } | null>(null);
  const files = useTicketsCall();

  useCallOnShow('tickets.detail', pair === null || ticket === null ? null : { ...pair, ticket }, (result) => {
    if (result.ok) setDetail(result.value);
    else setProblem(problemOf(result.error));
  });
  if (pair === null || ticket === null) return null;

  const open = (file: TicketAttachmentItem) => {
    void files.run('tickets.attachment', { ...pair, ticket, attachmentId: file.id }).then((document) => {
      if (document !== null) setViewing({ title: file.displayName, document });
    });
  };
  const canWrite = detail !== null && nextTicketState(detail.state, 'citizen-message') !== null;
  const attachments = detail?.events.flatMap((e) => e.attachments) ?? [];

  return (
    <TicketsFrame
      eyebrow="Soporte · Ver mi lista de tickets"
      title={`Ticket ${ticket}`}
      back={{ label: 'Mis tickets', onPress: () => toFollowStep('list') }}
    >
      {detail === null && (
        <div className="bills-card">
          {problem === null ? (
            <p className="bills-muted" role="status">
              Abriendo el ticket…
            </p>
          ) : (
            <ProblemLine problem={problem} />
          )}
        </div>
      )}
      {detail !== null && (
        <>
          <section className="bills-card" aria-labelledby="tickets-details-title">
            <div className="tickets-detail__head">
              <h2 id="tickets-details-title" className="wallet-section-title">
                Detalles de la solicitud
              </h2>
              <TicketStateBadge state={detail.state} />
            </div>
            {messageSent && (
              <p className="account-done" role="status">
                Su mensaje quedó en el histórico del ticket y el equipo de soporte fue avisado.
              </p>
            )}
            <dl className="tickets-facts">
              <Fact label="Asunto" value={detail.subject} />
              <Fact label="Categoría" value={detail.categoryLabel} />
              <Fact label="Creado" value={dateTimeInWords(detail.createdAt)} />
              <Fact label="Nombre" value={detail.name} />
              <Fact label="Correo" value={detail.email} />
              <Fact label="Teléfono" value={detail.phone} />
            </dl>
            <div className="tickets-description">
              <span className="touch-field__label">Descripción</span>
              <p>{detail.description}</p>
            </div>
            {detail.state === 'solucion-propuesta' && <p className="bills-note">{solutionAdvice}</p>}
            {canWrite ? (
              <div className="bills-actions">
                <Button size="large" onClick={() => toFollowStep('message')}>
                  <Icon name="message" className="button__icon" />
                  Agregar o enviar un mensaje
                </Button>
              </div>
            ) : (
              <p className="bills-note">{resolvedAdvice}</p>
            )}
          </section>
          <section className="bills-card" aria-labelledby="tickets-files-title">
            <h2 id="tickets-files-title" className="wallet-section-title">
              Documentos adjuntos
            </h2>
            {attachments.length === 0 && <p className="bills-muted">Este ticket no tiene documentos adjuntos.</p>}
            {attachments.length > 0 && (
              <ul className="tickets-files__list">
                {attachments.map((file) => (
                  <li key={file.id} className="tickets-file">
                    <Icon
                      name={file.contentType === 'application/pdf' ? 'pdf' : 'camera'}
                      className="tickets-file__icon"
                    />
                    <span className="tickets-file__name">{file.displayName}</span>
                    <span className="tickets-file__size">{megabytesInWords(file.size)}</span>
                    <Button variant="secondary" disabled={files.busy} onClick={() => open(file)}>
                      Ver
                      <span className="visually-hidden"> {file.displayName}</span>
                    </Button>
                  </li>
                ))}
              </ul>
            )}
            <ProblemLine problem={files.problem} />
          </section>
          <section className="bills-card" aria-labelledby="tickets-history-title">
            <h2 id="tickets-history-title" className="wallet-section-title">
              Histórico de eventos y mensajes
            </h2>
            <ol className="tickets-history">
              {detail.events.map((event, index) => (
                <li key={`${event.at}-${index}`} className={`tickets-event tickets-event--${event.authorKind}`}>
                  <span className="tickets-event__head">
                    <strong>{eventTitle(event.kind, event.authorKind)}</strong>
                    <span className="tickets-event__at">{dateTimeInWords(event.at)}</span>
                  </span>
                  {event.kind === 'accepted' && detail.rating !== null && (
                    <span>Calificación: {detail.rating} de 5 estrellas.</span>
                  )}
                  {event.body !== null && <p className="tickets-event__body">{event.body}</p>}
                  {event.attachments.length > 0 && (
                    <span className="tickets-event__files">
                      Adjuntos: {event.attachments.map((a) => a.displayName).join(', ')}
                    </span>
                  )}
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
      {viewing !== null && (
        <DocumentViewer document={viewing.document} title={viewing.title} onClose={() => setViewing(null)} />
      )}
    </TicketsFrame>
  );
}

function Fact({ label, value }: { readonly label: string; readonly value: string }) {
  return (
    <div className="tickets-fact">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
