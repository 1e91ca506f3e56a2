import { useEffect, useState, type FormEvent } from 'react';
import type { ApiError } from '../../src-shared/api/result';
import { ProblemLine } from '../accounts/ProblemLine';
import { useRouteStore } from '../app/route-store';
import { TouchField } from '../touch-input/TouchField';
import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';
import { reveal } from '../ui/reveal';
import { AttachmentsPanel } from './AttachmentsPanel';
import { TicketsFrame } from './TicketsFrame';
import { TouchArea } from './TouchArea';
import { TypingKeyboard } from './TypingKeyboard';
import { useFieldReveal } from './useFieldReveal';
import { createLead } from './ticket-words';
import { useTicketsStore, type FormField } from './tickets-store';
import { useTicketsCall } from './useTicketsCall';

interface FieldSpec {
  readonly name: FormField;
  readonly label: string;
  readonly hint?: string;
  readonly maxLength: number;
}

const contactFields: readonly FieldSpec[] = [
  { name: 'name', label: 'Nombre completo', hint: 'Nombres y apellidos.', maxLength: 120 },
  { name: 'email', label: 'Correo electrónico', hint: 'Allí le llega el código para crear el ticket.', maxLength: 254 },
  { name: 'phone', label: 'Teléfono', hint: 'Celular o fijo, solo números.', maxLength: 20 },
];
const subjectField: FieldSpec = { name: 'subject', label: 'Asunto', hint: 'En pocas palabras.', maxLength: 150 };
const descriptionField: FieldSpec = {
  name: 'description',
  label: 'Descripción',
  hint: 'Cuéntenos qué pasa, desde cuándo y qué necesita.',
  maxLength: 5000,
};
const allFields = [...contactFields, subjectField, descriptionField];

/** `fields.email` → `email`: the field a refusal is about, when it is one of the form's. */
const fieldOf = (problem: ApiError | null): FormField | 'category' | null => {
  const name = problem?.field?.replace(/^fields\./, '');
  if (name === 'category') return 'category';
  return allFields.find((f) => f.name === name)?.name ?? null;
};

/**
 * «Crear ticket» (guide 002): the citizen's name, email and phone, the category, the subject and
 * the description on the kiosk's keyboard, and the documents (a photo with the kiosk's camera or
 * a file from a USB memory). «Crear ticket» sends it all; the server mails the code and the
 * code window opens. A refusal about one field goes under that field, with the keyboard on it.
 */
export function CreateFormStep() {
  const setup = useTicketsStore((state) => state.setup);
  const form = useTicketsStore((state) => state.form);
  const category = useTicketsStore((state) => state.category);
  const files = useTicketsStore((state) => state.files.create);
  const setField = useTicketsStore((state) => state.setField);
  const setCategory = useTicketsStore((state) => state.setCategory);
  const codeSent = useTicketsStore((state) => state.codeSent);
  const navigate = useRouteStore((state) => state.navigate);
  // The whole form shows first; touching a field brings the keyboard.
  const [active, setActive] = useState<FormField | null>(null);
  const { busy, problem, setProblem, run } = useTicketsCall();
  // The field being typed stays above the keyboard; a refused one comes into view with its message.
  const { keyboard, field: fieldBox, boxOf } = useFieldReveal<FormField | 'category'>(active);
  const problemField = fieldOf(problem);
  useEffect(() => {
    if (problemField === null) return;
    const box = boxOf(problemField);
    if (box !== undefined) reveal(box);
  }, [problem, problemField, boxOf]);
  // A new problem about a field moves the keyboard to it once; the citizen may then touch another.
  const [seenProblem, setSeenProblem] = useState<ApiError | null>(null);
  if (problem !== seenProblem) {
    setSeenProblem(problem);
    if (problemField !== null && problemField !== 'category') setActive(problemField);
  }

  if (setup === null) return null;
  const spec = allFields.find((f) => f.name === active);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    if (category === null) {
      setActive(null);
      setProblem({ code: 'validation', message: 'Elija la categoría de su solicitud.', field: 'fields.category' });
      return;
    }
    setActive(null);
    void run('tickets.start', { fields: { ...form, category }, fileIds: files.map((f) => f.fileId) }).then((draft) => {
      if (draft !== null) codeSent(draft);
    });
  };

  const field = (spec: FieldSpec) => (
    <div
      key={spec.name}
      ref={fieldBox(spec.name)}
      className={`tickets-field${problemField === spec.name ? ' keyboard-form__field--problem' : ''}`}
    >
      {spec.name === 'description' ? (
        <TouchArea
          label={spec.label}
          hint={spec.hint}
          value={form[spec.name]}
          onChange={(value) => setField(spec.name, value)}
          active={active === spec.name}
          onActivate={() => setActive(spec.name)}
          maxLength={spec.maxLength}
        />
      ) : (
        <TouchField
          label={spec.label}
          hint={spec.hint}
          value={form[spec.name]}
          onChange={(value) => setField(spec.name, value)}
          active={active === spec.name}
          onActivate={() => setActive(spec.name)}
          maxLength={spec.maxLength}
        />
      )}
      {problemField === spec.name && <ProblemLine problem={problem} />}
    </div>
  );

  return (
    <TicketsFrame
      title="Crear ticket"
      action={
        <Button variant="secondary" onClick={() => navigate({ screen: 'feature', feature: 'ticket-list' })}>
          <Icon name="ticket-list" className="button__icon" />
          Ver mi lista de tickets
        </Button>
      }
    >
      <form className="bills-card tickets-form" aria-label="Datos del ticket" onSubmit={submit}>
        <p className="bills-lead">{createLead}</p>
        <h2 className="wallet-section-title">Sus datos</h2>
        <div className="tickets-form__row">{contactFields.map(field)}</div>
        <h2 className="wallet-section-title">Su solicitud</h2>
        <div ref={fieldBox('category')} className="tickets-field">
          <span className="touch-field__label" id="tickets-category-label">
            Categoría
          </span>
          <div className="tickets-categories" role="group" aria-labelledby="tickets-category-label">
            {setup.categories.map((c) => (
              <button
                key={c.code}
                type="button"
                className="tickets-category"
                aria-pressed={category === c.code}
                onClick={() => {
                  setCategory(c.code);
                  setActive(null);
                  if (problemField === 'category') setProblem(null);
                }}
              >
                {c.label}
              </button>
            ))}
          </div>
          {problemField === 'category' && <ProblemLine problem={problem} />}
        </div>
        {field(subjectField)}
        {field(descriptionField)}
        <button type="submit" hidden />
      </form>
      <AttachmentsPanel list="create" limits={setup.files} />
      <div className="bills-card tickets-submit">
        {problem !== null && problemField === null && <ProblemLine problem={problem} />}
        <Button size="large" disabled={busy} onClick={() => submit()}>
          <Icon name="ticket" className="button__icon" />
          {busy ? 'Enviando…' : 'Crear ticket'}
        </Button>
      </div>
      {spec !== undefined && (
        <TypingKeyboard
          ref={keyboard}
          field={spec.label}
          value={form[spec.name]}
          onChange={(value) => setField(spec.name, value)}
          maxLength={spec.maxLength}
          onHide={() => setActive(null)}
        />
      )}
    </TicketsFrame>
  );
}
