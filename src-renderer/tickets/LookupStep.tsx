import { useState, type FormEvent } from 'react';
import { ProblemLine } from '../accounts/ProblemLine';
import { useRouteStore } from '../app/route-store';
import { TouchField } from '../touch-input/TouchField';
import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';
import { TicketsFrame } from './TicketsFrame';
import { TypingKeyboard } from './TypingKeyboard';
import { useFieldReveal } from './useFieldReveal';
import { lookupLead, numberHint } from './ticket-words';
import { useTicketsStore } from './tickets-store';
import { useTicketsCall } from './useTicketsCall';

type LookupField = 'number' | 'email';
const labels: Record<LookupField, string> = { number: 'Número del ticket', email: 'Correo electrónico' };
const maxLengths: Record<LookupField, number> = { number: 40, email: 254 };

/**
 * «Ver mi lista de tickets» (guide 002): the ID of any one of the citizen's tickets and their
 * email. The central server answers the same to a wrong pair and to an unknown number, and
 * counts the misses.
 */
export function LookupStep() {
  const stored = useTicketsStore((state) => state.pair);
  const listed = useTicketsStore((state) => state.listed);
  const navigate = useRouteStore((state) => state.navigate);
  const [values, setValues] = useState<Record<LookupField, string>>({
    number: stored?.number ?? '',
    email: stored?.email ?? '',
  });
  // The two fields and the button show first; touching a field brings the keyboard.
  const [active, setActive] = useState<LookupField | null>(null);
  const { busy, problem, run } = useTicketsCall();
  const { keyboard, field } = useFieldReveal(active);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    setActive(null);
    const pair = { number: values.number, email: values.email };
    void run('tickets.list', pair).then((list) => {
      if (list !== null) listed(pair, list);
    });
  };
  const set = (field: LookupField) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  return (
    <TicketsFrame
      title="Ver mi lista de tickets"
      action={
        <Button variant="secondary" onClick={() => navigate({ screen: 'feature', feature: 'ticket-create' })}>
          <Icon name="ticket" className="button__icon" />
          Crear ticket
        </Button>
      }
    >
      <form className="bills-card tickets-form" aria-label="Buscar mis tickets" onSubmit={submit}>
        <p className="bills-lead">{lookupLead}</p>
        <div className="tickets-form__row tickets-form__row--2">
          <div ref={field('number')}>
            <TouchField
              label={labels.number}
              hint={numberHint}
              value={values.number}
              onChange={set('number')}
              active={active === 'number'}
              onActivate={() => setActive('number')}
              maxLength={maxLengths.number}
            />
          </div>
          <div ref={field('email')}>
            <TouchField
              label={labels.email}
              hint="El correo con el que creó el ticket."
              value={values.email}
              onChange={set('email')}
              active={active === 'email'}
              onActivate={() => setActive('email')}
              maxLength={maxLengths.email}
            />
          </div>
        </div>
        <ProblemLine problem={problem} />
        <div className="bills-actions">
          <Button size="large" disabled={busy} onClick={() => submit()}>
            <Icon name="ticket-list" className="button__icon" />
            {busy ? 'Buscando…' : 'Ver mis tickets'}
          </Button>
        </div>
        <button type="submit" hidden />
      </form>
      {active !== null && (
        <TypingKeyboard
          ref={keyboard}
          field={labels[active]}
          value={values[active]}
          onChange={set(active)}
          maxLength={maxLengths[active]}
          onHide={() => setActive(null)}
        />
      )}
    </TicketsFrame>
  );
}
