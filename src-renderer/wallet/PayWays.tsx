import { useEffect, useRef, useState } from 'react';
import type { LiquidationValue } from '../../src-shared/server-api/wallet-api';
import type { PaymentChannel } from '../../src-shared/wallet/liquidation';
import { Icon } from '../ui/Icon';
import { revealTop } from '../ui/reveal';
import type { IconName } from '../ui/icons';
import { BankSlip } from './BankSlip';
import { OfficePayment } from './OfficePayment';
import { OnlinePayment } from './OnlinePayment';
import { payWaysLead } from './wallet-words';

/** The guide's three buttons (001 §11), in its words. */
const ways: Record<PaymentChannel, { readonly label: string; readonly icon: IconName }> = {
  gateway: { label: 'Pagar en línea', icon: 'phone' },
  bank: { label: 'Volante de pago en bancos', icon: 'print' },
  counter: { label: 'Pago en cualquiera de nuestras oficinas', icon: 'home' },
};

/**
 * The ways a pending liquidación may be paid (those the server lists for it), one open at a
 * time: the QR for the phone, the volante for the bank, what to bring to an office.
 */
export function PayWays({
  liquidation,
  onPaid,
}: {
  readonly liquidation: LiquidationValue;
  readonly onPaid: () => void;
}) {
  const [way, setWay] = useState<PaymentChannel | null>(null);
  // The server's words for each way name what only it knows (the banks that take the volante).
  const chosen = liquidation.payWays.find((payWay) => payWay.channel === way);
  // The chosen way opens under the buttons, mostly below the fold: bring it up to the top.
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (way !== null && panel.current !== null) revealTop(panel.current);
  }, [way]);
  return (
    <section className="bills-card" aria-labelledby="wallet-ways-title">
      <h2 id="wallet-ways-title" className="wallet-section-title">
        Formas de pago
      </h2>
      <p className="bills-lead">{payWaysLead}</p>
      <div className="wallet-ways" role="group" aria-label="Formas de pago">
        {liquidation.payWays.map((payWay) => (
          <button
            key={payWay.channel}
            type="button"
            className="wallet-ways__way"
            aria-pressed={way === payWay.channel}
            onClick={() => setWay(payWay.channel)}
          >
            <Icon name={ways[payWay.channel].icon} className="wallet-ways__icon" />
            {ways[payWay.channel].label}
          </button>
        ))}
      </div>
      <div ref={panel} className="wallet-ways__panel">
        {chosen?.channel === 'gateway' && (
          <OnlinePayment liquidation={liquidation} description={chosen.description} onPaid={onPaid} />
        )}
        {chosen?.channel === 'bank' && <BankSlip liquidation={liquidation} description={chosen.description} />}
        {chosen?.channel === 'counter' && <OfficePayment liquidation={liquidation} description={chosen.description} />}
      </div>
    </section>
  );
}
