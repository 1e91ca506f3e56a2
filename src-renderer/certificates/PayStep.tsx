import { maxKioskCopies } from '../../src-shared/api/ops/certificates';
import { formatCop } from '../../src-shared/domain/money';
import type { FieldSpec } from '../accounts/KeyboardForm';
import { SegmentedChoice } from '../ui/SegmentedChoice';
import { IdentificationForm } from '../wallet/IdentificationForm';
import { numberHint } from '../wallet/wallet-words';
import { copiesWords } from './certificate-words';
import { CertificatesFrame } from './CertificatesFrame';
import { useCertificatesCall } from './useCertificatesCall';
import { useCertificatesStore } from './certificates-store';

const claveField: readonly FieldSpec<'clave'>[] = [
  {
    name: 'clave',
    label: 'Clave del prepago',
    hint: 'La que le enviamos al correo con el soporte de su primer pago.',
    kind: 'password',
    maxLength: 64,
  },
];

const copyChoices = Array.from({ length: maxKioskCopies }, (_, i) => ({
  value: String(i + 1),
  label: String(i + 1),
}));

/**
 * How many copies, then the prepaid wallet's identification and clave: «Pagar $X con mi
 * prepago». The clave lives in the form only; a wrong one is emptied to be typed again.
 */
export function PayStep() {
  const match = useCertificatesStore((state) => state.match);
  const certificate = useCertificatesStore((state) => state.certificate);
  const copies = useCertificatesStore((state) => state.copies);
  const setCopies = useCertificatesStore((state) => state.setCopies);
  const toStep = useCertificatesStore((state) => state.toStep);
  const bought = useCertificatesStore((state) => state.bought);
  const { busy, problem, setProblem, run } = useCertificatesCall();
  if (match === null || certificate === null) return null;
  const total = certificate.price * copies;

  return (
    <CertificatesFrame
      title="Copias y pago"
      back={{ label: 'Volver a los certificados', onPress: () => toStep('certificate') }}
    >
      <section className="bills-card certificates-order" aria-label="Su compra">
        <div className="certificates-order__what">
          <span className="certificates-offer__title">{certificate.title}</span>
          <span>{match.name}</span>
          <span className="bills-muted">Matrícula {match.matricula}</span>
        </div>
        <div className="certificates-order__copies">
          <SegmentedChoice
            label="Número de copias"
            options={copyChoices}
            value={String(copies)}
            onChange={(value) => {
              setCopies(Number(value));
              setProblem(null);
            }}
          />
          <p className="certificates-order__total" aria-live="polite">
            {copiesWords(copies)} × {formatCop(certificate.price)} = <strong>{formatCop(total)}</strong>
          </p>
        </div>
      </section>
      <section className="bills-card wallet-form" aria-label="Identificación y clave del prepago">
        <p className="bills-lead">Pague con el saldo de su prepago: escriba su identificación y su clave.</p>
        <IdentificationForm
          numberHint={numberHint}
          label="Pagar con mi prepago"
          extraFields={claveField}
          clearOnProblem={['clave']}
          submitLabel={`Pagar ${formatCop(total)} con mi prepago`}
          busyLabel="Pagando…"
          busy={busy}
          problem={problem}
          setProblem={setProblem}
          onSubmit={(identification, values) => {
            void run('certificates.purchase', {
              ...identification,
              clave: values.clave,
              matricula: match.matricula,
              certificateCode: certificate.code,
              copies,
            }).then((purchase) => {
              if (purchase !== null) bought(purchase);
            });
          }}
        />
      </section>
    </CertificatesFrame>
  );
}
