import { useEffect, useState, type FormEvent } from 'react';
import { ProblemLine } from '../accounts/ProblemLine';
import { NumericKeypad } from '../touch-input/NumericKeypad';
import { TouchField } from '../touch-input/TouchField';
import { Button } from '../ui/Button';
import { TicketsFrame } from './TicketsFrame';
import { noMailAdvice } from './ticket-words';
import { useTicketsStore } from './tickets-store';
import { useTicketsCall } from './useTicketsCall';
import '../bills/code-entry.css';

/** Seconds the server makes a citizen wait between two codes (ticket-config.ts). */
const resendSeconds = 60;

/**
 * The code window (guide 002: «Revise su bandeja de entrada»): the 6 digits mailed to the
 * citizen, typed on the numeric keypad, create the ticket. «Reenviar el código» asks for a new
 * one once a minute has passed; a citizen without access to their mail is told to call the
 * support line, where an agent checks them and creates the ticket from what they typed.
 */
export function CodeStep() {
  const draft = useTicketsStore((state) => state.draft);
  const phone = useTicketsStore((state) => state.setup?.supportPhone ?? '');
  const ticketCreated = useTicketsStore((state) => state.ticketCreated);
  const resent = useTicketsStore((state) => state.resent);
  const toCreateStep = useTicketsStore((state) => state.toCreateStep);
  const [code, setCode] = useState('');
  const [sentAgain, setSentAgain] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const confirm = useTicketsCall();
  const resend = useTicketsCall();

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);

  if (draft === null) return null;
  const wait = Math.max(0, Math.ceil((draft.sentAt + resendSeconds * 1000 - now) / 1000));

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (confirm.busy) return;
    void confirm.run('tickets.confirm', { draftId: draft.draftId, code }).then((ticket) => {
      if (ticket !== null) ticketCreated(ticket);
      else setCode('');
    });
  };

  const again = () => {
    setSentAgain(false);
    confirm.setProblem(null);
    void resend.run('tickets.resend', { draftId: draft.draftId }).then((value) => {
      if (value === null) return;
      resent();
      setCode('');
      setSentAgain(true);
    });
  };

  return (
    <TicketsFrame
      eyebrow="Soporte · Crear ticket"
      title="Revise su bandeja de entrada"
      back={{ label: 'Corregir datos', onPress: () => toCreateStep('form') }}
    >
      <form className="code-entry bills-card" aria-label="Código de verificación" onSubmit={submit}>
        <div className="code-entry__words">
          <p className="bills-lead">
            Le enviamos un código de 6 números a <strong>{draft.email}</strong>. Cópielo aquí para confirmar su
            identidad y crear el ticket.
          </p>
          <TouchField
            label="Código de verificación"
            hint={`Sirve durante ${draft.validMinutes} minutos. Tóquelo en el teclado numérico.`}
            kind="digits"
            value={code}
            onChange={setCode}
            active
            maxLength={6}
          />
          <ProblemLine problem={confirm.problem ?? resend.problem} />
          {sentAgain && (
            <p className="account-done" role="status">
              Le enviamos un código nuevo. El anterior ya no sirve.
            </p>
          )}
          <Button size="large" disabled={confirm.busy || code.length !== 6} onClick={() => submit()}>
            {confirm.busy ? 'Creando el ticket…' : 'Crear ticket'}
          </Button>
          <Button variant="secondary" disabled={resend.busy || wait > 0} onClick={again}>
            {wait > 0 ? `Reenviar el código (en ${wait} s)` : 'Reenviar el código'}
          </Button>
        </div>
        <div className="tickets-code__side">
          <NumericKeypad value={code} onChange={setCode} maxLength={6} label="Teclado numérico" />
          <p className="bills-note">{noMailAdvice(phone)}</p>
        </div>
      </form>
    </TicketsFrame>
  );
}
