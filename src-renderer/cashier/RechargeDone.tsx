import type { OpOutput } from '../../src-shared/api/contract';
import { pesos } from './cashier-format';
import { ChangeGiven } from './ChangeGiven';
import { ReceiptPrinted } from './ReceiptPrinted';
import { useStrayKeys } from './useStrayKeys';

/** After a recharge: the receipt number, the change in large figures, when the wallet is credited, the printer. Enter: next. */
export function RechargeDone({
  taken,
  onNext,
}: {
  readonly taken: OpOutput<'cashier.takeRecharge'>;
  readonly onNext: () => void;
}) {
  useStrayKeys({ onEnter: onNext });
  const { recharge } = taken;
  return (
    <section className="cashier-card cashier-done" aria-label="Recarga registrada">
      <h1>Recarga registrada</h1>
      <p>
        Recibo <strong>{recharge.receiptNumber}</strong> · liquidación {recharge.liquidationNumber} ·{' '}
        {pesos(recharge.amount)}
      </p>
      <ChangeGiven record={recharge} />
      <p className={recharge.source === 'server' ? undefined : 'cashier-offline'}>{recharge.note}</p>
      <ReceiptPrinted
        jobId={taken.jobId}
        printerProblem={taken.printerProblem}
        recorded="la recarga quedó registrada"
      />
      <button autoFocus type="button" className="cashier-primary" onClick={onNext}>
        Siguiente recarga (Enter)
      </button>
    </section>
  );
}
