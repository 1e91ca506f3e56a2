import type { OpOutput } from '../../src-shared/api/contract';
import { pesos } from './cashier-format';
import { roundingLine } from './cashier-words';
import { usePrintOutcome } from './usePrintOutcome';
import { useStrayKeys } from './useStrayKeys';

/** After a recharge: the receipt number, the change in large figures, when the wallet is credited, the printer. Enter: next. */
export function RechargeDone({
  taken,
  onNext,
}: {
  readonly taken: OpOutput<'cashier.takeRecharge'>;
  readonly onNext: () => void;
}) {
  const [outcome] = usePrintOutcome(taken.jobId, taken.printerProblem);
  useStrayKeys({ onEnter: onNext });
  const { recharge } = taken;
  return (
    <section className="cashier-card cashier-done" aria-label="Recarga registrada">
      <h1>Recarga registrada</h1>
      <p>
        Recibo <strong>{recharge.receiptNumber}</strong> · liquidación {recharge.liquidationNumber} ·{' '}
        {pesos(recharge.amount)}
      </p>
      {recharge.cash > 0 && (
        <p className="cashier-big-change">
          Cambio <strong>{pesos(recharge.change)}</strong>
        </p>
      )}
      {recharge.rounding > 0 && <p className="cashier-hint">{roundingLine(recharge.rounding)}</p>}
      <p className={recharge.source === 'server' ? undefined : 'cashier-offline'}>{recharge.note}</p>
      <p role="status" className={outcome.state === 'failed' ? 'cashier-problem' : undefined}>
        {outcome.state === 'printing' && 'Imprimiendo el recibo…'}
        {outcome.state === 'done' && 'Recibo impreso.'}
        {outcome.state === 'none' && 'Sin impresora de recibos: la recarga quedó registrada.'}
        {outcome.state === 'failed' &&
          `La recarga quedó registrada, pero el recibo no se imprimió: ${outcome.message} Reimprímalo desde «Pagos de la caja» (F4).`}
      </p>
      <button autoFocus type="button" className="cashier-primary" onClick={onNext}>
        Siguiente recarga (Enter)
      </button>
    </section>
  );
}
