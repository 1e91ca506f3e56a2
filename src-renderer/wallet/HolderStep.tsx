import { useState } from 'react';
import type { ApiError } from '../../src-shared/api/result';
import { formatDocument, normalizeDocument } from '../../src-shared/domain/identity-document';
import type { HolderSummary } from '../../src-shared/server-api/wallet-api';
import type { PersonKind } from '../../src-shared/wallet/holder-fields';
import { KeyboardForm } from '../accounts/KeyboardForm';
import { Button } from '../ui/Button';
import { SegmentedChoice } from '../ui/SegmentedChoice';
import {
  checkHolder,
  emptyHolderValues,
  holderFields,
  holderInput,
  holderValues,
  type HolderField,
} from './holder-form';
import { useWalletStore } from './wallet-store';
import { clientDataAdvice } from './wallet-words';

/**
 * «Datos del cliente» (guide 001 §9–10): a known identification shows its holder masked, to
 * confirm; a new one types the holder's data, with which the recibo de caja will be issued.
 */
export function HolderStep() {
  const start = useWalletStore((state) => state.start);
  if (start === null) return null;
  return start.holder !== null && start.known ? <KnownHolder holder={start.holder} /> : <NewHolderForm />;
}

function IdentificationLine() {
  const identification = useWalletStore((state) => state.identification);
  if (identification === null) return null;
  // Kept as typed (the server reads it so); shown as every paper writes it.
  const number = normalizeDocument(identification.docType, identification.docNumber);
  return (
    <p className="wallet-identification">
      Identificación:{' '}
      <strong>{number.ok ? formatDocument(identification.docType, number.value) : identification.docNumber}</strong>
    </p>
  );
}

function KnownHolder({ holder }: { readonly holder: HolderSummary }) {
  const toStep = useWalletStore((state) => state.toStep);
  return (
    <section className="bills-card" aria-labelledby="wallet-known-title">
      <h2 id="wallet-known-title" className="wallet-section-title">
        Esta identificación ya tiene un prepago
      </h2>
      <IdentificationLine />
      <dl className="wallet-facts">
        <div>
          <dt>A nombre de</dt>
          <dd>{holder.maskedName}</dd>
        </div>
        <div>
          <dt>Correo electrónico</dt>
          <dd>{holder.maskedEmail}</dd>
        </div>
      </dl>
      <p className="bills-note">
        La liquidación y el recibo de caja se expiden con los datos registrados en su prepago. Para cambiar el correo,
        los teléfonos o la dirección, use «Consultar saldo y movimientos» con su clave.
      </p>
      <div className="account-actions">
        <Button size="large" onClick={() => toStep('amount')}>
          Sí, es mi prepago: continuar
        </Button>
        <Button variant="secondary" onClick={() => toStep('identify')}>
          Cambiar la identificación
        </Button>
      </div>
    </section>
  );
}

function NewHolderForm() {
  const identification = useWalletStore((state) => state.identification);
  const typed = useWalletStore((state) => state.holder);
  const holderTyped = useWalletStore((state) => state.holderTyped);
  const toStep = useWalletStore((state) => state.toStep);
  // A company is identified by its NIT: its holder is most likely a persona jurídica.
  const [kind, setKind] = useState<PersonKind>(
    typed?.identity.personKind ?? (identification?.docType === 'NIT' ? 'juridica' : 'natural'),
  );
  const [values, setValues] = useState<Record<HolderField, string>>(
    typed === null ? emptyHolderValues : holderValues(typed),
  );
  const [problem, setProblem] = useState<ApiError | null>(null);

  const submit = () => {
    const holder = holderInput(kind, values);
    const mistake = checkHolder(holder);
    setProblem(mistake);
    if (mistake === null) holderTyped(holder);
  };

  return (
    <section className="bills-card wallet-form" aria-labelledby="wallet-holder-title">
      <h2 id="wallet-holder-title" className="wallet-section-title">
        Datos del cliente
      </h2>
      <IdentificationLine />
      <p className="bills-lead">
        Esta identificación todavía no tiene prepago: se abre con el primer pago. {clientDataAdvice}
      </p>
      <div className="account-doc-type">
        <SegmentedChoice
          label="Tipo de cliente"
          options={[
            { value: 'natural', label: 'Persona natural' },
            { value: 'juridica', label: 'Persona jurídica' },
          ]}
          value={kind}
          onChange={(next) => {
            setKind(next);
            setProblem(null);
          }}
        />
      </div>
      <p className="bills-muted">
        {kind === 'natural'
          ? 'Digite apellidos y nombres en caso de persona natural.'
          : 'Digite la razón social en caso de persona jurídica.'}
      </p>
      <KeyboardForm
        key={kind}
        label="Datos del cliente"
        fields={holderFields(kind)}
        values={values}
        onChange={(name, value) => setValues({ ...values, [name]: value })}
        onSubmit={submit}
        problem={problem}
        columns={2}
        stickyKeyboard
      >
        <div className="account-actions">
          <Button size="large" onClick={submit}>
            Continuar
          </Button>
          <Button variant="secondary" onClick={() => toStep('identify')}>
            Cambiar la identificación
          </Button>
        </div>
      </KeyboardForm>
    </section>
  );
}
