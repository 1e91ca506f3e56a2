import type { OpOutput } from '../../src-shared/api/contract';
import { pesos } from './cashier-format';
import { ChangeGiven } from './ChangeGiven';
import { ReceiptPrinted } from './ReceiptPrinted';
import { useStrayKeys } from './useStrayKeys';

/** After «Cobrar»: the receipt number, the change in large figures, and what the printer did. Enter: next payment. */
export function PaymentDone({
  taken,
  onNext,
}: {
  readonly taken: OpOutput<'cashier.takePayment'>;
  readonly onNext: () => void;
}) {
  // Focused as it is mounted, and an Enter that lands nowhere (pressed as the screen appears) counts too.
  useStrayKeys({ onEnter: onNext });
  const { payment } = taken;
  return (
    <section className="cashier-card cashier-done" aria-label="Pago registrado">
      <h1>Pago registrado</h1>
      <p>
        Recibo <strong>{payment.receiptNumber}</strong> · {payment.holderName} · {pesos(payment.amount)}
      </p>
      <ChangeGiven record={payment} />
      {payment.warning !== null && (
        <p className="cashier-warning" role="alert">
          {payment.warning}
        </p>
      )}
      <ReceiptPrinted jobId={taken.jobId} printerProblem={taken.printerProblem} recorded="el pago quedó registrado" />
      <button autoFocus type="button" className="cashier-primary" onClick={onNext}>
        Siguiente cobro (Enter)
      </button>
    </section>
  );
}
