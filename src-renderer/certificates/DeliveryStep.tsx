import { useEffect } from 'react';
import type { KioskCopyView } from '../../src-shared/api/ops/certificates';
import { formatCop } from '../../src-shared/domain/money';
import { useApiClient } from '../api/useApiClient';
import { Button } from '../ui/Button';
import { copiesWords, trayAdvice, trayAdviceOne, unknownAdvice, verifyAdvice } from './certificate-words';
import { CertificatesFrame } from './CertificatesFrame';
import { useCertificatesStore } from './certificates-store';

/** How often the screen asks how the copies are coming out. */
const pollMs = 500;

/** A copy no longer waiting for, or at, the dispenser. */
const ended = (c: KioskCopyView): boolean => c.state !== 'waiting' && c.state !== 'dispensing';

/** Settled for the screen: every copy ended, and each one that failed had its refund acknowledged. */
const settled = (copies: readonly KioskCopyView[]): boolean =>
  copies.every((c) => ended(c) && (c.state !== 'failed' || c.reported));

/**
 * The copies coming out of the dispenser one by one («Entregando copia 1 de 2…»), then each
 * verification code, the tray, what was refunded for a copy that did not come out, and the
 * balance left on the prepaid wallet. A copy given again («Volver a entregar») shows alone,
 * without the purchase's total and balance, which are not today's.
 */
export function DeliveryStep() {
  const purchase = useCertificatesStore((state) => state.purchase);
  const redispensing = useCertificatesStore((state) => state.redispensing);
  const progressed = useCertificatesStore((state) => state.progressed);
  const restart = useCertificatesStore((state) => state.restart);
  const client = useApiClient();
  const key = purchase?.purchaseKey ?? null;
  const shown =
    purchase === null
      ? []
      : redispensing === null
        ? purchase.copies
        : purchase.copies.filter((c) => c.verificationCode === redispensing);
  const done = purchase !== null && settled(shown);

  useEffect(() => {
    if (key === null || done) return;
    let live = true;
    const timer = setTimeout(() => {
      void client.call('certificates.progress', { purchaseKey: key }).then((answer) => {
        if (live && answer.ok) progressed(answer.value);
      });
    }, pollMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, key, done, purchase, progressed]);

  if (purchase === null) return null;
  const again = redispensing !== null;
  const finished = shown.every(ended);
  const total = purchase.copies.length;
  const current = shown.find((c) => !ended(c));
  const delivered = shown.filter((c) => c.state === 'delivered').length;
  const title = again
    ? finished
      ? 'Entrega terminada'
      : 'Entregando de nuevo su certificado'
    : finished
      ? 'Compra terminada'
      : 'Entregando sus certificados';

  return (
    <CertificatesFrame title={title}>
      <section className="bills-card certificates-delivery" aria-label="Entrega">
        {!finished && current !== undefined && (
          <p className="certificates-delivery__now" role="status">
            {again ? `Entregando de nuevo la copia ${current.copy}…` : `Entregando copia ${current.copy} de ${total}…`}
          </p>
        )}
        {finished && delivered > 0 && (
          <p className="certificates-delivery__tray" role="status">
            {again ? trayAdviceOne : trayAdvice}
          </p>
        )}
        <dl className="wallet-facts">
          <div>
            <dt>Certificado</dt>
            <dd>{purchase.title}</dd>
          </div>
          {purchase.businessName !== '' && (
            <div>
              <dt>Empresa</dt>
              <dd>{purchase.businessName}</dd>
            </div>
          )}
          <div>
            <dt>Recibo No.</dt>
            <dd>{purchase.receiptNumber}</dd>
          </div>
          {!again && (
            <div>
              <dt>Total</dt>
              <dd>
                {copiesWords(total)}, {formatCop(purchase.total)}
              </dd>
            </div>
          )}
        </dl>
        <ol className="certificates-copies">
          {shown.map((copy) => (
            <CopyLine key={copy.copy} copy={copy} unitPrice={purchase.unitPrice} />
          ))}
        </ol>
        {finished && (
          <>
            {!again && (
              <p className="certificates-balance">
                Saldo disponible en su prepago: <strong>{formatCop(purchase.balance)}</strong>
              </p>
            )}
            <p className="bills-muted">{verifyAdvice}</p>
            <div className="account-actions">
              <Button size="large" onClick={() => restart()}>
                {again ? 'Volver a Certificados' : 'Comprar otro certificado'}
              </Button>
            </div>
          </>
        )}
      </section>
    </CertificatesFrame>
  );
}

/** One copy: its code, and how it came out in the citizen's words. */
function CopyLine({ copy, unitPrice }: { readonly copy: KioskCopyView; readonly unitPrice: number }) {
  return (
    <li className={`certificates-copy certificates-copy--${copy.state}`}>
      <span className="certificates-copy__name">Copia {copy.copy}</span>
      <span className="certificates-copy__code">
        Código de verificación <strong>{copy.verificationCode}</strong>
      </span>
      <span className="certificates-copy__state">{copyState(copy, unitPrice)}</span>
    </li>
  );
}

function copyState(copy: KioskCopyView, unitPrice: number): string {
  switch (copy.state) {
    case 'waiting':
      return 'En espera';
    case 'dispensing':
      return 'Saliendo del dispensador…';
    case 'delivered':
      return 'Entregada';
    case 'failed':
      if (copy.reported)
        return `La copia ${copy.copy} no salió; le devolvimos ${formatCop(copy.refunded)} a su prepago.`;
      // A copy given again from a purchase the kiosk had forgotten: its price is the server's to say.
      return unitPrice > 0
        ? `La copia ${copy.copy} no salió; le devolveremos ${formatCop(unitPrice)} a su prepago.`
        : `La copia ${copy.copy} no salió; su valor se devolverá a su prepago.`;
    case 'unknown':
      return unknownAdvice;
  }
}
