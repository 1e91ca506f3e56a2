import { watermarkFor } from '../../src-shared/domain/bill-watermark';
import { formatCop } from '../../src-shared/domain/money';
import { BillActions } from './BillActions';
import { BillStateBadge } from './BillStateBadge';
import { formatPeriod } from './bill-words';
import { useBillsStore } from './bills-store';
import { DataAsOf } from './DataAsOf';
import { PeriodChoice } from './PeriodChoice';
import { QueryFailure } from './QueryFailure';
import { QueryLoading } from './QueryLoading';
import { StepBackButton } from './StepBackButton';
import { useAccessQuery } from './useAccessQuery';
import './previous-bills.css';

/**
 * The guide's advice for a code with no earlier bills (section 6). The service answers
 * `not-found` with its own sentence, which already carries it; this is for an empty list.
 */
const noBillsAdvice =
  'No encontramos facturas anteriores. Es recomendable realizar la consulta de las últimas 5 facturas, a partir del periodo actual.';

function NoPreviousBills({ message }: { readonly message: string }) {
  return (
    <section className="bills-card">
      <p className="bills-note" role="status">
        {message}
      </p>
    </section>
  );
}

/**
 * "Ver facturas anteriores": the bills still unpaid (a debtor's) and the five up to the last
 * payment. The citizen picks a period, then prints or views it; it is informative, so no barcode
 * and a watermark of its state.
 */
export function PreviousBillsPanel({ accessId }: { readonly accessId: string }) {
  const { state, reload } = useAccessQuery('bills.previous', accessId);
  const chosenBillNumber = useBillsStore((store) => store.chosenBillNumber);
  const chooseBill = useBillsStore((store) => store.chooseBill);
  if (state.status === 'loading') return <QueryLoading what="sus facturas anteriores" />;
  if (state.status === 'failed') {
    if (state.error.code === 'not-found') return <NoPreviousBills message={state.error.message} />;
    return <QueryFailure error={state.error} onRetry={reload} />;
  }
  const { bills, dataAsOf } = state.value;
  const chosen = bills.find((bill) => bill.billNumber === chosenBillNumber);
  const owed = bills.filter((bill) => bill.state === 'vencida' || bill.state === 'pendiente').length;

  if (bills.length === 0) return <NoPreviousBills message={noBillsAdvice} />;

  if (chosen === undefined) {
    return (
      <section className="bills-card" aria-labelledby="previous-title">
        <h2 id="previous-title" className="previous-bills__title">
          Elija el período de la factura que desea ver
        </h2>
        {owed > 0 && (
          <p className="bills-note">
            {owed === 1
              ? 'Incluye 1 factura que aparece sin pagar.'
              : `Incluye ${owed} facturas que aparecen sin pagar.`}{' '}
            Para pagar, use la factura actual en «Facturación servicios públicos».
          </p>
        )}
        <PeriodChoice bills={bills} onChoose={chooseBill} />
        <DataAsOf dataAsOf={dataAsOf} />
      </section>
    );
  }

  const period = formatPeriod(chosen.period);
  return (
    <section className="bills-card" aria-labelledby="previous-chosen-title">
      <div className="previous-bills__head">
        <div>
          <h2 id="previous-chosen-title" className="previous-bills__title">
            Factura de {period}
          </h2>
          <p className="previous-bills__facts">
            Factura N.º {chosen.billNumber} · {formatCop(chosen.total)} <BillStateBadge state={chosen.state} />
          </p>
        </div>
        <StepBackButton label="Elegir otro período" onPress={() => chooseBill(null)} />
      </div>
      <p className="bills-note">
        Esta factura es de carácter informativo: se imprime sin código de barras y con la marca de agua «
        {watermarkFor('previous', chosen.state)}».
      </p>
      <BillActions
        key={chosen.billNumber}
        accessId={accessId}
        billNumber={chosen.billNumber}
        title={`Factura anterior de ${period}`}
      />
      <DataAsOf dataAsOf={dataAsOf} />
    </section>
  );
}
