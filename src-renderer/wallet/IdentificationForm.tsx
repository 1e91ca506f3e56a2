import { useState, type ReactNode } from 'react';
import type { ApiError } from '../../src-shared/api/result';
import {
  documentTypeLabel,
  normalizeDocument,
  registrationDocumentTypes,
} from '../../src-shared/domain/identity-document';
import { KeyboardForm, type FieldSpec } from '../accounts/KeyboardForm';
import { Button } from '../ui/Button';
import { SegmentedChoice } from '../ui/SegmentedChoice';
import { useWalletStore, type WalletDocumentType, type WalletIdentification } from './wallet-store';
import { nitHint } from './wallet-words';

interface IdentificationFormProps<E extends string> {
  /** The form's accessible name. */
  readonly label: string;
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
  /** Other ways on, beside the submit button. */
  readonly otherActions?: ReactNode;
  readonly children?: ReactNode;
}

/**
 * «Tipo de identificación» and «Número de identificación» (guide 001 §8), and whatever the
 * function asks with them. The number is checked here as the server will (a NIT's check digit
 * too), so a slip is told at once; within a visit the last identification is offered again.
 */
export function IdentificationForm<E extends string>({
  label,
  extraFields = [],
  clearOnProblem = [],
  submitLabel,
  busyLabel,
  busy,
  problem,
  setProblem,
  onSubmit,
  otherActions,
  children,
}: IdentificationFormProps<E>) {
  const known = useWalletStore((state) => state.identification);
  const [docType, setDocType] = useState<WalletDocumentType>(known?.docType ?? 'CC');
  const fields: readonly FieldSpec<'docNumber' | E>[] = [
    {
      name: 'docNumber',
      label: 'Número de identificación',
      hint: docType === 'NIT' ? 'Con el dígito de verificación después del guion: 900.123.456-8.' : nitHint,
      maxLength: 24,
    },
    ...extraFields,
  ];
  const [values, setValues] = useState<Record<'docNumber' | E, string>>(
    () =>
      Object.fromEntries(
        fields.map((field) => [field.name, field.name === 'docNumber' ? (known?.docNumber ?? '') : '']),
      ) as Record<'docNumber' | E, string>,
  );

  const [seenProblem, setSeenProblem] = useState<ApiError | null>(null);
  if (problem !== seenProblem) {
    setSeenProblem(problem);
    if (problem !== null && clearOnProblem.length > 0) {
      setValues((current) => ({ ...current, ...Object.fromEntries(clearOnProblem.map((name) => [name, ''])) }));
    }
  }

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

  return (
    <>
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
      <KeyboardForm
        label={label}
        fields={fields}
        values={values}
        onChange={(name, value) => setValues({ ...values, [name]: value })}
        onSubmit={submit}
        problem={problem}
        columns={extraFields.length > 0 ? 2 : 1}
        // The type's buttons take room: the keyboard stays at the screen's foot, in reach.
        stickyKeyboard
      >
        {children}
        <div className="account-actions">
          <Button size="large" disabled={busy} onClick={submit}>
            {busy ? busyLabel : submitLabel}
          </Button>
          {otherActions}
        </div>
      </KeyboardForm>
    </>
  );
}
