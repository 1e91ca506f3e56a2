import { useState, type FormEvent } from 'react';
import { ProblemLine } from '../accounts/ProblemLine';
import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';
import { AttachmentsPanel } from './AttachmentsPanel';
import { TicketsFrame } from './TicketsFrame';
import { TouchArea } from './TouchArea';
import { TypingKeyboard } from './TypingKeyboard';
import { useTicketsStore } from './tickets-store';
import { useTicketsCall } from './useTicketsCall';

const messageLabel = 'Su mensaje';
const messageMax = 5000;

/**
 * «Agregar o enviar un mensaje» (guide 002): more details or a question for the support team,
 * with more documents if needed. It enters the ticket's history and the team is told by mail.
 */
export function MessageStep() {
  const pair = useTicketsStore((state) => state.pair);
  const ticket = useTicketsStore((state) => state.ticket);
  const limits = useTicketsStore((state) => state.setup?.files ?? null);
  const body = useTicketsStore((state) => state.messageBody);
  const files = useTicketsStore((state) => state.files.message);
  const setBody = useTicketsStore((state) => state.setMessageBody);
  const messageDone = useTicketsStore((state) => state.messageDone);
  const toFollowStep = useTicketsStore((state) => state.toFollowStep);
  const [typing, setTyping] = useState(true);
  const { busy, problem, run } = useTicketsCall();
  if (pair === null || ticket === null || limits === null) return null;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    setTyping(false);
    void run('tickets.message', { ...pair, ticket, body, fileIds: files.map((f) => f.fileId) }).then((sent) => {
      if (sent !== null) messageDone();
    });
  };

  return (
    <TicketsFrame
      eyebrow={`Soporte · Ticket ${ticket}`}
      title="Agregar o enviar un mensaje"
      back={{ label: 'Volver al ticket', onPress: () => toFollowStep('detail') }}
    >
      <form className="bills-card tickets-form" aria-label="Mensaje para el equipo de soporte" onSubmit={submit}>
        <TouchArea
          label={messageLabel}
          hint="Lo que quiere contarle o preguntarle al equipo de soporte. Quedará registrado en el histórico del ticket."
          rows={3}
          value={body}
          onChange={setBody}
          active={typing}
          onActivate={() => setTyping(true)}
          maxLength={messageMax}
        />
        <button type="submit" hidden />
      </form>
      <AttachmentsPanel list="message" limits={limits} />
      <div className="bills-card tickets-submit">
        <ProblemLine problem={problem} />
        <Button size="large" disabled={busy} onClick={() => submit()}>
          <Icon name="message" className="button__icon" />
          {busy ? 'Enviando…' : 'Enviar el mensaje'}
        </Button>
      </div>
      {typing && (
        <TypingKeyboard
          field={messageLabel}
          value={body}
          onChange={setBody}
          maxLength={messageMax}
          onHide={() => setTyping(false)}
        />
      )}
    </TicketsFrame>
  );
}
