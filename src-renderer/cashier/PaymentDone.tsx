import type { OpOutput } from '../../src-shared/api/contract';
import { pesos } from './cashier-format';
import { roundingLine } from './cashier-words';
import { usePrintOutcome } from './usePrintOutcome';
import { useStrayKeys } from './useStrayKeys';

/** After «Cobrar»: the receipt number, the change in large figures, and what the printer did. Enter: next payment. */
export function PaymentDone({
  taken,
  onNext,
}: {
  readonly taken: OpOutput<'cashier.takePayment'>;
  readonly onNext: () => void;
}) {
  const [outcome] = usePrintOutcome(taken.jobId, taken.printerProblem);
  // Focused as it is mounted, and an Enter that lands nowhere (pressed as the screen appears) counts too.
  useStrayKeys({ onEnter: onNext });
  const { payment } = taken;
  return (
    <section className="cashier-card cashier-done" aria-label="Pago registrado">
      <h1>Pago registrado</h1>
      <p>
        Recibo <strong>{payment.receiptNumber}</strong> · {payment.holderName} · {pesos(payment.amount)}
      </p>
      {payment.cash > 0 && (
        <p className="cashier-big-change">
          Cambio <strong>{pesos(payment.change)}</strong>
        </p>
      )}
      {payment.rounding > 0 && <p className="cashier-hint">{roundingLine(payment.rounding)}</p>}
      {payment.warning !== null && (
        <p className="cashier-warning" role="alert">
          {payment.warning}
        </p>
      )}
      <p role="status" className={outcome.state === 'failed' ? 'cashier-problem' : undefined}>
        {outcome.state === 'printing' && 'Imprimiendo el recibo…'}
        {outcome.state === 'done' && 'Recibo impreso.'}
        {outcome.state === 'none' && 'Sin impresora de recibos: el pago quedó registrado.'}
        {outcome.state === 'failed' &&
          `El pago quedó registrado, pero el recibo no se imprimió: ${outcome.message} Reimprímalo desde «Pagos de la caja» (F4).`}
      </p>
      <button autoFocus type="button" className="cashier-primary" onClick={onNext}>
        Siguiente cobro (Enter)
      </button>
    </section>
  );
}
