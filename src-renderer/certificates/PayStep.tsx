import { formatCop } from '../../src-shared/domain/money';
import type { FieldSpec } from '../accounts/KeyboardForm';
import { IdentificationForm } from '../wallet/IdentificationForm';
import { numberHint } from '../wallet/wallet-words';
import { copiesWords, rechargeHint } from './certificate-words';
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

/**
 * The prepaid wallet's identification and clave behind «Pagar $X con mi prepago». The clave
 * lives in the form only; a wrong one is emptied to be typed again. The server's refusals (a
 * balance too low says how much is missing) and the dispenser's show under the form.
 */
export function PayStep() {
  const match = useCertificatesStore((state) => state.match);
  const certificate = useCertificatesStore((state) => state.certificate);
  const copies = useCertificatesStore((state) => state.copies);
  const toStep = useCertificatesStore((state) => state.toStep);
  const bought = useCertificatesStore((state) => state.bought);
  const { busy, problem, setProblem, run } = useCertificatesCall();
  if (match === null || certificate === null) return null;
  const total = certificate.price * copies;

  return (
    <CertificatesFrame title="Pagar con mi prepago" back={{ label: 'Volver', onPress: () => toStep('copies') }}>
      <section className="bills-card wallet-form" aria-label="Identificación y clave del prepago">
        <p className="bills-lead">
          {certificate.title}, {copiesWords(copies)}: <strong>{formatCop(total)}</strong>. Escriba la identificación de
          su prepago y su clave.
        </p>
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
          otherActions={<p className="bills-muted certificates-pay__hint">{rechargeHint}</p>}
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
