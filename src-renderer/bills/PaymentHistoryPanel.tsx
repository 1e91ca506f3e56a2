import { formatCop } from '../../src-shared/domain/money';
import { formatBogotaDay, formatPeriod, paymentChannelWords } from './bill-words';
import { DataAsOf } from './DataAsOf';
import { QueryFailure } from './QueryFailure';
import { QueryLoading } from './QueryLoading';
import { useAccessQuery } from './useAccessQuery';
import './payment-history.css';

/**
 * "Historial de pagos" (guide section 5: "se despliega un informe en el que se visualizan los
 * últimos pagos realizados"): the last 12, newest first, with where each was paid.
 */
export function PaymentHistoryPanel({ accessId }: { readonly accessId: string }) {
  const { state, reload } = useAccessQuery('bills.payments', accessId);
  if (state.status === 'loading') return <QueryLoading what="sus pagos" />;
  if (state.status === 'failed') return <QueryFailure error={state.error} onRetry={reload} />;
  const { payments, dataAsOf } = state.value;

  return (
    <section className="bills-card" aria-labelledby="payments-title">
      <h2 id="payments-title" className="payments__title">
        Últimos pagos registrados
      </h2>
      {payments.length === 0 ? (
        <p className="bills-lead">No hay pagos registrados para este código interno.</p>
      ) : (
        <table className="payments">
          <thead>
            <tr>
              <th scope="col">Fecha de pago</th>
              <th scope="col">Período pagado</th>
              <th scope="col">Dónde pagó</th>
              <th scope="col" className="payments__amount">
                Valor
              </th>
            </tr>
          </thead>
          <tbody>
            {payments.map((payment, index) => (
              <tr key={`${payment.paidAt}-${index}`}>
                <td>{formatBogotaDay(payment.paidAt)}</td>
                <td>{formatPeriod(payment.period)}</td>
                <td>{paymentChannelWords[payment.channel]}</td>
                <td className="payments__amount">{formatCop(payment.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <DataAsOf dataAsOf={dataAsOf} />
    </section>
  );
}
