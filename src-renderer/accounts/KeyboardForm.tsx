import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ApiError } from '../../src-shared/api/result';
import { OnScreenKeyboard } from '../touch-input/OnScreenKeyboard';
import { TouchField } from '../touch-input/TouchField';
import { ProblemLine } from './ProblemLine';

export interface FieldSpec<K extends string> {
  readonly name: K;
  readonly label: string;
  readonly hint?: string;
  readonly kind?: 'text' | 'password' | 'digits';
  readonly maxLength: number;
  /** Shown but not editable (the document in «Modificar usuario»). */
  readonly readOnly?: boolean;
}

interface KeyboardFormProps<K extends string> {
  readonly label: string;
  readonly fields: readonly FieldSpec<K>[];
  readonly values: Readonly<Record<K, string>>;
  readonly onChange: (name: K, value: string) => void;
  readonly onSubmit: () => void;
  /**
   * What went wrong. When it is about one of the fields, the message goes under that field,
   * the field is scrolled into view and the keyboard goes to it; otherwise it is shown above
   * the form's buttons.
   */
  readonly problem?: ApiError | null;
  /** When false the fields are shown as read-only text and no keyboard is offered. */
  readonly editable?: boolean;
  readonly columns?: 1 | 2;
  /** For forms taller than the screen: the keyboard stays at its foot while the form scrolls. */
  readonly stickyKeyboard?: boolean;
  readonly children?: ReactNode;
}

/**
 * A kiosk form of text fields and the on-screen keyboard bound to the field last touched
 * (a physical keyboard works too; Enter submits). The account screens are all made of it.
 */
export function KeyboardForm<K extends string>({
  label,
  fields,
  values,
  onChange,
  onSubmit,
  problem = null,
  editable = true,
  columns = 1,
  stickyKeyboard = false,
  children,
}: KeyboardFormProps<K>) {
  const problemField = fields.find((f) => f.name === problem?.field?.replace(/^profile\./, ''))?.name ?? null;
  const formRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problemField === null) return;
    formRef.current?.querySelector(`[data-field="${problemField}"]`)?.scrollIntoView({ block: 'start' });
  }, [problem, problemField]);
  const firstEditable = fields.find((f) => f.readOnly !== true)?.name ?? null;
  const [active, setActive] = useState<K | null>(firstEditable);
  // A new problem moves the keyboard to its field once; the citizen may then touch another.
  const [seenProblem, setSeenProblem] = useState<ApiError | null>(null);
  if (problem !== seenProblem) {
    setSeenProblem(problem);
    if (problemField !== null) setActive(problemField);
  }
  const activeSpec = fields.find((f) => f.name === active);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    // The keyboard sits outside the <form>: its keys must type, never submit.
    <div ref={formRef} className={stickyKeyboard ? 'keyboard-form keyboard-form--sticky' : 'keyboard-form'}>
      <form className="keyboard-form__form" aria-label={label} onSubmit={submit}>
        <div className={`keyboard-form__fields keyboard-form__fields--${columns}`}>
          {fields.map((field) =>
            !editable || field.readOnly === true ? (
              <div key={field.name} className="keyboard-form__readonly">
                <span className="touch-field__label">{field.label}</span>
                <span className="keyboard-form__value">{values[field.name] === '' ? '—' : values[field.name]}</span>
              </div>
            ) : (
              <div
                key={field.name}
                data-field={field.name}
                className={
                  field.name === problemField
                    ? 'keyboard-form__field keyboard-form__field--problem'
                    : 'keyboard-form__field'
                }
              >
                <TouchField
                  label={field.label}
                  hint={field.hint}
                  kind={field.kind ?? 'text'}
                  value={values[field.name]}
                  onChange={(value) => onChange(field.name, value)}
                  active={activeSpec?.name === field.name}
                  onActivate={() => setActive(field.name)}
                  maxLength={field.maxLength}
                />
                {field.name === problemField && <ProblemLine problem={problem} />}
              </div>
            ),
          )}
        </div>
        {problemField === null && <ProblemLine problem={problem} />}
        {children}
        {/* A hidden submit button so Enter on a physical keyboard submits. */}
        <button type="submit" hidden />
      </form>
      {editable && activeSpec !== undefined && activeSpec.readOnly !== true && (
        <OnScreenKeyboard
          value={values[activeSpec.name]}
          onChange={(value) => onChange(activeSpec.name, value)}
          maxLength={activeSpec.maxLength}
        />
      )}
    </div>
  );
}
