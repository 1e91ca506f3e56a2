import { useState } from 'react';
import type { DocumentFile } from '../../src-shared/api/document';
import { formatCop } from '../../src-shared/domain/money';
import type { OfferedCertificate } from '../../src-shared/server-api/certificates-api';
import { ProblemLine } from '../accounts/ProblemLine';
import { DocumentViewer } from '../documents/DocumentViewer';
import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';
import { CertificatesFrame } from './CertificatesFrame';
import { useCertificatesCall } from './useCertificatesCall';
import { useCertificatesStore } from './certificates-store';

/** The business chosen and the certificates on sale for it, each with today's price, notices and a preview. */
export function CertificateStep() {
  const match = useCertificatesStore((state) => state.match);
  const toStep = useCertificatesStore((state) => state.toStep);
  const pickCertificate = useCertificatesStore((state) => state.pickCertificate);
  const [preview, setPreview] = useState<{ title: string; file: DocumentFile } | null>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const { problem, run } = useCertificatesCall();
  if (match === null) return null;

  const openPreview = async (certificate: OfferedCertificate) => {
    setLoading(certificate.code);
    const file = await run('certificates.preview', { matricula: match.matricula, certificateCode: certificate.code });
    setLoading(null);
    if (file !== null) setPreview({ title: `${certificate.title} (vista previa sin validez)`, file });
  };

  return (
    <CertificatesFrame title={match.name} back={{ label: 'Volver a la búsqueda', onPress: () => toStep('search') }}>
      <section className="bills-card" aria-label="Matrícula">
        <dl className="wallet-facts">
          {match.nit !== null && (
            <div>
              <dt>NIT</dt>
              <dd>{match.nit}</dd>
            </div>
          )}
          <div>
            <dt>Matrícula</dt>
            <dd>{match.matricula}</dd>
          </div>
          <div>
            <dt>Tipo</dt>
            <dd>{match.kindLabel}</dd>
          </div>
          <div>
            <dt>Estado</dt>
            <dd>{match.state === 'cancelada' ? 'Cancelada' : 'Activa'}</dd>
          </div>
          <div>
            <dt>Última renovación</dt>
            <dd>{match.lastRenewedYear}</dd>
          </div>
        </dl>
      </section>
      <section className="bills-card" aria-labelledby="certificates-offer-title">
        <h2 id="certificates-offer-title" className="wallet-section-title">
          Certificados disponibles
        </h2>
        {match.certificates.length === 0 && (
          <p className="bills-lead">Esta matrícula no tiene certificados a la venta en el kiosco.</p>
        )}
        <ul className="certificates-offer">
          {match.certificates.map((certificate) => (
            <li key={certificate.code} className="certificates-offer__item">
              <div className="certificates-offer__words">
                <span className="certificates-offer__title">{certificate.title}</span>
                <span className="certificates-offer__price">{formatCop(certificate.price)} por copia</span>
                {certificate.notices.map((notice) => (
                  <p key={notice} className="certificates-notice" role="note">
                    {notice}
                  </p>
                ))}
              </div>
              <div className="certificates-offer__actions">
                <Button variant="secondary" disabled={loading !== null} onClick={() => void openPreview(certificate)}>
                  <Icon name="pdf" className="button__icon" />
                  {loading === certificate.code ? 'Preparando la vista previa…' : 'Ver vista previa'}
                </Button>
                <Button size="large" onClick={() => pickCertificate(certificate)}>
                  Comprar este certificado
                </Button>
              </div>
            </li>
          ))}
        </ul>
        <ProblemLine problem={problem} />
      </section>
      {preview !== null && (
        <DocumentViewer document={preview.file} title={preview.title} onClose={() => setPreview(null)} />
      )}
    </CertificatesFrame>
  );
}
