import { maxKioskCopies } from '../../src-shared/api/ops/certificates';
import { formatCop } from '../../src-shared/domain/money';
import { Button } from '../ui/Button';
import { SegmentedChoice } from '../ui/SegmentedChoice';
import { copiesWords } from './certificate-words';
import { CertificatesFrame } from './CertificatesFrame';
import { useCertificatesStore } from './certificates-store';

const copyChoices = Array.from({ length: maxKioskCopies }, (_, i) => ({
  value: String(i + 1),
  label: String(i + 1),
}));

/** How many copies of the chosen certificate, and what they cost together. */
export function CopiesStep() {
  const match = useCertificatesStore((state) => state.match);
  const certificate = useCertificatesStore((state) => state.certificate);
  const copies = useCertificatesStore((state) => state.copies);
  const setCopies = useCertificatesStore((state) => state.setCopies);
  const toStep = useCertificatesStore((state) => state.toStep);
  if (match === null || certificate === null) return null;
  const total = certificate.price * copies;
  return (
    <CertificatesFrame
      title="Número de copias"
      back={{ label: 'Volver a los certificados', onPress: () => toStep('certificate') }}
    >
      <section className="bills-card certificates-order" aria-label="Su compra">
        <div className="certificates-order__what">
          <span className="certificates-offer__title">{certificate.title}</span>
          <span>{match.name}</span>
          <span className="bills-muted">
            Matrícula {match.matricula} · {formatCop(certificate.price)} por copia
          </span>
        </div>
        <div className="certificates-order__copies">
          <SegmentedChoice
            label="Número de copias"
            options={copyChoices}
            value={String(copies)}
            onChange={(value) => setCopies(Number(value))}
          />
          <p className="certificates-order__total" aria-live="polite">
            {copiesWords(copies)} × {formatCop(certificate.price)} = <strong>{formatCop(total)}</strong>
          </p>
        </div>
        <div className="account-actions">
          <Button size="large" onClick={() => toStep('pay')}>
            Continuar al pago
          </Button>
        </div>
      </section>
    </CertificatesFrame>
  );
}
