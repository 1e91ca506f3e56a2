import { useRef, useState } from 'react';
import { formatBogotaLongDate, formatBogotaTime } from '../../src-shared/domain/bogota-time';
import { formatCop } from '../../src-shared/domain/money';
import type { LiquidationValue } from '../../src-shared/server-api/wallet-api';
import { Button } from '../ui/Button';
import { revealTop } from '../ui/reveal';
import { closedLiquidationAdvice, liquidationStateLabel } from './liquidation-words';
import { PayWays } from './PayWays';
import { RecoveryCode } from './RecoveryCode';
import { useWalletStore } from './wallet-store';

/**
 * «Pago electrónico» (guide 001 §10–11): the liquidación's figures in the guide's words, the
 * recovery code, and while it is pending the ways to pay it. «Recargar prepago» and «Recuperar
 * transacción» both end here.
 */
export function LiquidationPanel({ liquidation }: { readonly liquidation: LiquidationValue }) {
  const liquidationPaid = useWalletStore((state) => state.liquidationPaid);
  const open = useWalletStore((state) => state.open);
  // Paid while the citizen watched (online): the approval, not the plain «ya está pagada».
  const [paidHere, setPaidHere] = useState(false);
  const expiresAt = new Date(liquidation.expiresAt);
  const ways = useRef<HTMLDivElement>(null);
  return (
    <>
      <section className="bills-card" aria-labelledby="wallet-liquidation-title">
        <h2 id="wallet-liquidation-title" className="wallet-section-title">
          Apreciado usuario, por favor revise los datos de la liquidación
        </h2>
        <dl className="wallet-facts wallet-facts--liquidation">
          <div>
            <dt>Liquidación Nro.</dt>
            <dd className="wallet-facts__big">{liquidation.number}</dd>
          </div>
          <div>
            <dt>Tipo de trámite</dt>
            <dd>{liquidation.kind}</dd>
          </div>
          <div>
            <dt>Valor de la liquidación</dt>
            <dd className="wallet-facts__big">{formatCop(liquidation.amount)}</dd>
          </div>
          <div>
            <dt>Estado</dt>
            <dd>
              <span className={`wallet-state wallet-state--${liquidation.state}`}>
                {liquidationStateLabel[liquidation.state]}
              </span>
            </dd>
          </div>
          <div>
            <dt>A nombre de</dt>
            <dd>{liquidation.maskedHolderName}</dd>
          </div>
          {liquidation.state === 'pendiente' && (
            <div>
              <dt>Páguela a más tardar</dt>
              <dd>
                {formatBogotaLongDate(expiresAt)}, {formatBogotaTime(expiresAt)}
              </dd>
            </div>
          )}
        </dl>
        <RecoveryCode code={liquidation.recoveryCode} />
        {liquidation.state === 'pendiente' && (
          // The ways to pay start below the fold of a kiosk screen: a citizen who does not scroll still finds them.
          <div className="account-actions">
            <Button size="large" onClick={() => ways.current !== null && revealTop(ways.current)}>
              Ver las formas de pago
            </Button>
          </div>
        )}
      </section>
      {liquidation.state === 'pendiente' ? (
        <div ref={ways}>
          <PayWays
            liquidation={liquidation}
            onPaid={() => {
              setPaidHere(true);
              liquidationPaid();
            }}
          />
        </div>
      ) : (
        <section className="bills-card" aria-label="Estado del pago">
          {paidHere ? (
            <div className="wallet-approved" role="status">
              <p className="wallet-approved__title">Pago aprobado: su saldo se actualizó</p>
              <p>
                Le enviamos al correo registrado el soporte del pago. Si es su primera recarga, allí le llega también la
                clave de su prepago: guárdela en un lugar seguro.
              </p>
            </div>
          ) : (
            <p className={liquidation.state === 'pagada' ? 'account-done' : 'bills-note'} role="status">
              {closedLiquidationAdvice[liquidation.state]}
            </p>
          )}
          <div className="account-actions">
            <Button size="large" onClick={() => open('statement')}>
              Consultar saldo y movimientos
            </Button>
          </div>
        </section>
      )}
    </>
  );
}
