import { useEffect, useRef } from 'react';
import { assertNever } from '../../src-shared/api/result';
import type { LiquidationValue } from '../../src-shared/server-api/wallet-api';
import { ProblemLine } from '../accounts/ProblemLine';
import { QrCode } from '../documents/QrCode';
import { Button } from '../ui/Button';
import { revealTop } from '../ui/reveal';
import { useCheckout, type CheckoutProgress } from './useCheckout';
import { onlineCredited } from './wallet-words';

/**
 * «Pagar en línea» on a kiosk: the citizen pays from their phone. A QR of the gateway's checkout
 * page, and the payment's state live until it is approved or refused.
 */
export function OnlinePayment({
  liquidation,
  description,
  onPaid,
}: {
  readonly liquidation: LiquidationValue;
  /** The server's words for this way of paying. */
  readonly description: string;
  readonly onPaid: () => void;
}) {
  const { progress, again, keepWaiting } = useCheckout(liquidation);
  const approved = progress.phase === 'approved';
  // The QR arrives a moment after the way was chosen, making the panel taller: bring it all up.
  const region = useRef<HTMLDivElement>(null);
  const qrShown = progress.phase === 'waiting';
  useEffect(() => {
    if (qrShown && region.current !== null) revealTop(region.current);
  }, [qrShown]);
  useEffect(() => {
    if (approved) onPaid();
  }, [approved, onPaid]);
  return (
    <div ref={region} className="wallet-way-panel" role="region" aria-label="Pagar en línea">
      <p className="bills-lead">{description}</p>
      <CheckoutView progress={progress} again={again} keepWaiting={keepWaiting} />
      <p className="bills-muted">{onlineCredited}</p>
    </div>
  );
}

function Working({ text }: { readonly text: string }) {
  return (
    <div className="print-status print-status--working" role="status">
      <span className="bills-spinner" aria-hidden="true" />
      <p>{text}</p>
    </div>
  );
}

function CheckoutView({
  progress,
  again,
  keepWaiting,
}: {
  readonly progress: CheckoutProgress;
  readonly again: () => void;
  readonly keepWaiting: () => void;
}) {
  switch (progress.phase) {
    case 'opening':
      return <Working text="Preparando el pago en línea…" />;
    case 'failed':
      return (
        <>
          <ProblemLine problem={progress.error} />
          <Button onClick={again}>Reintentar</Button>
        </>
      );
    case 'waiting':
    case 'stalled':
      return (
        <div className="wallet-online">
          <QrCode text={progress.checkout.checkoutUrl} label="Código QR para pagar en línea desde su celular" />
          <div className="wallet-online__words">
            <p className="wallet-online__title">Apunte la cámara de su celular a este código</p>
            <ol className="wallet-online__steps">
              <li>Se abre la plataforma segura de pagos con el valor de su liquidación.</li>
              <li>Pague con tarjeta de crédito o débito a su cuenta, desde su celular.</li>
              <li>Esta pantalla le muestra el resultado: no necesita tocarla.</li>
            </ol>
            {progress.phase === 'stalled' ? (
              <div className="print-status print-status--problem">
                <p role="alert">
                  No hemos recibido la respuesta de la plataforma de pagos. Si pagó, el valor se cargará a su saldo
                  cuando la plataforma lo confirme; puede revisarlo con «Recuperar transacción».
                </p>
                <Button onClick={keepWaiting}>Seguir esperando</Button>
              </div>
            ) : (
              <Working
                text={
                  progress.status === 'PENDING'
                    ? 'Su pago está en proceso en la plataforma de pagos…'
                    : 'Esperando su pago desde el celular…'
                }
              />
            )}
          </div>
        </div>
      );
    case 'approved':
      return (
        <div className="wallet-approved" role="status">
          <p className="wallet-approved__title">Pago aprobado: su saldo se actualizó</p>
        </div>
      );
    case 'declined':
      return (
        <div className="print-status print-status--problem">
          <p role="alert">
            {progress.status === 'DECLINED'
              ? 'El pago no fue aprobado y no se le cobró nada. Puede intentarlo de nuevo o escoger otra forma de pago.'
              : 'El pago no se pudo completar. Puede intentarlo de nuevo o escoger otra forma de pago.'}
          </p>
          <Button onClick={again}>Intentar de nuevo</Button>
        </div>
      );
    default:
      return assertNever(progress);
  }
}
