import { useState } from 'react';
import { formatCop } from '../../src-shared/domain/money';
import { usePrintOutcome } from '../cashier/usePrintOutcome';
import { useFieldCall } from './useFieldCall';
import { useFieldStore } from './field-store';

/**
 * After «Cobrar»: the receipt number as large as the screen allows (with no printer, the
 * subscriber copies it down), the change, saldo a favor if any, and what the printer did.
 */
export function FieldPaymentDone() {
  const call = useFieldCall();
  const taken = useFieldStore((state) => state.taken);
  const show = useFieldStore((state) => state.show);
  const [outcome, follow] = usePrintOutcome(taken?.jobId ?? null, taken?.printerProblem ?? null);
  const [reprintProblem, setReprintProblem] = useState<string | null>(null);
  if (taken === null) return null;
  const { payment } = taken;
  const reprint = async () => {
    const result = await call('field.reprint', { paymentId: payment.id });
    if (!result.ok) return setReprintProblem(result.error.message);
    setReprintProblem(result.value.printerProblem);
    follow(result.value.jobId);
  };
  return (
    <section className="field-card field-done" aria-label="Pago registrado">
      <h1>Pago registrado</h1>
      <p className="field-receipt-label">Recibo Nº</p>
      <p className="field-receipt-number" data-field="receipt-number">
        {payment.receiptNumber}
      </p>
      <p className="field-lead">
        {payment.holderName} · {formatCop(payment.amount)}
        {payment.transferReference !== null && ` · Transferencia ${payment.transferReference}`}
      </p>
      {payment.change > 0 && <p className="field-change">Entregue de cambio: {formatCop(payment.change)}</p>}
      {payment.warning !== null && (
        <p className="field-warning" role="alert">
          {payment.warning}
        </p>
      )}
      <p className={outcome.state === 'failed' ? 'field-problem' : 'field-note'} role="status">
        {outcome.state === 'done' && 'Recibo impreso. Entréguelo al suscriptor.'}
        {outcome.state === 'printing' && 'Imprimiendo el recibo…'}
        {outcome.state === 'none' &&
          'Este equipo no tiene impresora de recibos: dicte o anote el número de recibo al suscriptor.'}
        {outcome.state === 'failed' &&
          `${outcome.message} El pago quedó registrado: anote el número de recibo o reimprima.`}
      </p>
      {reprintProblem !== null && <p className="field-problem">{reprintProblem}</p>}
      <div className="field-actions">
        <button autoFocus type="button" className="field-primary" onClick={() => show('sheet')}>
          Volver a la hoja de ruta
        </button>
        <button type="button" className="field-secondary" onClick={() => void reprint()}>
          Reimprimir
        </button>
      </div>
    </section>
  );
}
