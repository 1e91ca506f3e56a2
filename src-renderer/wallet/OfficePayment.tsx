import { formatCop } from '../../src-shared/domain/money';
import type { LiquidationValue } from '../../src-shared/server-api/wallet-api';

/** «Pago en cualquiera de nuestras oficinas»: what to bring to the counter. */
export function OfficePayment({
  liquidation,
  description,
}: {
  readonly liquidation: LiquidationValue;
  /** The server's words for this way of paying. */
  readonly description: string;
}) {
  return (
    <div className="wallet-way-panel" role="region" aria-label="Pago en cualquiera de nuestras oficinas">
      <p className="bills-lead">{description}</p>
      <p>En la caja diga o muestre:</p>
      <ul className="wallet-bring">
        <li>
          el número de liquidación <strong>{liquidation.number}</strong>, o el código de recuperación{' '}
          <strong className="wallet-inline-code">{liquidation.recoveryCode}</strong>;
        </li>
        <li>
          el valor a pagar: <strong>{formatCop(liquidation.amount)}</strong>;
        </li>
        <li>su documento de identidad.</li>
      </ul>
      <p className="bills-muted">
        La caja le entrega el recibo de caja y el valor se carga a su saldo prepago. Si imprimió el volante de pago,
        llévelo: la caja lee su código de barras.
      </p>
    </div>
  );
}
