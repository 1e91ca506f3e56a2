import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ApiError } from '../../src-shared/api/result';
import {
  documentTypeLabel,
  normalizeDocument,
  registrationDocumentTypes,
} from '../../src-shared/domain/identity-document';
import type { FieldSpec } from '../accounts/KeyboardForm';
import { ProblemLine } from '../accounts/ProblemLine';
import { OnScreenKeyboard } from '../touch-input/OnScreenKeyboard';
import { TouchField } from '../touch-input/TouchField';
import { Button } from '../ui/Button';
import { revealAbove } from '../ui/reveal';
import { SegmentedChoice } from '../ui/SegmentedChoice';
import { useWalletStore, type WalletDocumentType, type WalletIdentification } from './wallet-store';

interface IdentificationFormProps<E extends string> {
  /** The form's accessible name. */
  readonly label: string;
  /** Under «Número de identificación». */
  readonly numberHint: string;
  /** What else the function asks beside the identification (the recovery code, the clave). */
  readonly extraFields?: readonly FieldSpec<E>[];
  /** Fields emptied when a problem is shown (a clave is typed again, never kept on screen). */
  readonly clearOnProblem?: readonly E[];
  readonly submitLabel: string;
  readonly busyLabel: string;
  readonly busy: boolean;
  readonly problem: ApiError | null;
  readonly setProblem: (problem: ApiError | null) => void;
  /** The identification as typed (checked), and every field's text, the extra ones included. */
  readonly onSubmit: (identification: WalletIdentification, values: Readonly<Record<'docNumber' | E, string>>) => void;
  /** Other ways on, under the form. */
  readonly otherActions?: ReactNode;
}

/**
 * «Tipo de identificación» and «Número de identificación» (guide 001 §8), and whatever the
 * function asks with them, in one row with the button, over the on-screen keyboard held at the
 * screen's foot: on a kiosk panel the field, its message and the button stay in sight while
 * typing. The number is checked here as the server will (a NIT's check digit too), so a slip
 * is told at once; within a visit the last identification is offered again.
 */
export function IdentificationForm<E extends string>({
  label,
  numberHint,
  extraFields = [],
  clearOnProblem = [],
  submitLabel,
  busyLabel,
  busy,
  problem,
  setProblem,
  onSubmit,
  otherActions,
}: IdentificationFormProps<E>) {
  type Field = 'docNumber' | E;
  const known = useWalletStore((state) => state.identification);
  const [docType, setDocType] = useState<WalletDocumentType>(known?.docType ?? 'CC');
  const fields: readonly FieldSpec<Field>[] = [
    {
      name: 'docNumber',
      label: 'Número de identificación',
      hint: docType === 'NIT' ? 'Con el dígito de verificación después del guion: 900.123.456-8.' : numberHint,
      maxLength: 24,
    },
    ...extraFields,
  ];
  const [values, setValues] = useState<Record<Field, string>>(
    () =>
      Object.fromEntries(
        fields.map((field) => [field.name, field.name === 'docNumber' ? (known?.docNumber ?? '') : '']),
      ) as Record<Field, string>,
  );
  const [active, setActive] = useState<Field>('docNumber');
  const problemField = fields.find((field) => field.name === problem?.field)?.name ?? null;

  // A new problem: the keyboard goes to its field, and a clave is emptied to be typed again.
  const [seenProblem, setSeenProblem] = useState<ApiError | null>(null);
  if (problem !== seenProblem) {
    setSeenProblem(problem);
    if (problemField !== null) setActive(problemField);
    if (problem !== null && clearOnProblem.length > 0) {
      setValues((current) => ({ ...current, ...Object.fromEntries(clearOnProblem.map((name) => [name, ''])) }));
    }
  }

  // The row, its message and the button stay above the keyboard: on arrival and with each message.
  const form = useRef<HTMLFormElement>(null);
  const keyboard = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (form.current !== null) revealAbove(form.current, keyboard.current);
  }, [problem]);

  const submit = () => {
    const document = normalizeDocument(docType, values.docNumber);
    if (!document.ok) {
      setProblem(document.error);
      return;
    }
    const empty = extraFields.find((field) => values[field.name].trim() === '');
    if (empty !== undefined) {
      setProblem({ code: 'validation', message: `Escriba ${empty.label.toLowerCase()}.`, field: empty.name });
      return;
    }
    onSubmit({ docType, docNumber: values.docNumber }, values);
  };
  const activeSpec = fields.find((field) => field.name === active) ?? fields[0];

  return (
    <div className="wallet-id-form">
      <div className="account-doc-type">
        <SegmentedChoice
          label="Tipo de identificación"
          options={registrationDocumentTypes.map((type) => ({ value: type, label: documentTypeLabel(type) }))}
          value={docType}
          onChange={(type) => {
            setDocType(type);
            setProblem(null);
          }}
        />
      </div>
      <form
        ref={form}
        className="wallet-id-form__form"
        aria-label={label}
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className={`wallet-id-form__row wallet-id-form__row--${fields.length}`}>
          {fields.map((field) => (
            <div
              key={field.name}
              className={
                field.name === problemField
                  ? 'wallet-id-form__field wallet-id-form__field--problem'
                  : 'wallet-id-form__field'
              }
            >
              <TouchField
                label={field.label}
                hint={field.hint}
                kind={field.kind ?? 'text'}
                value={values[field.name]}
                onChange={(value) => setValues({ ...values, [field.name]: value })}
                active={active === field.name}
                onActivate={() => setActive(field.name)}
                maxLength={field.maxLength}
              />
            </div>
          ))}
          <Button size="large" disabled={busy} onClick={submit}>
            {busy ? busyLabel : submitLabel}
          </Button>
        </div>
        <ProblemLine problem={problem} />
        {otherActions !== undefined && <div className="account-actions">{otherActions}</div>}
        {/* Enter on a physical keyboard submits. */}
        <button type="submit" hidden />
      </form>
      {/* Outside the form: its keys type, never submit. */}
      {activeSpec !== undefined && (
        <div ref={keyboard} className="wallet-id-form__keyboard">
          <OnScreenKeyboard
            value={values[activeSpec.name]}
            onChange={(value) => setValues({ ...values, [activeSpec.name]: value })}
            maxLength={activeSpec.maxLength}
          />
        </div>
      )}
    </div>
  );
}
