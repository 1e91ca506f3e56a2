import { formatCount } from '../format/count';
import { formatCop } from '../../src-shared/domain/money';
import { BillActions } from './BillActions';
import { BillLineItems } from './BillLineItems';
import { BillStateBadge } from './BillStateBadge';
import { formatBogotaDay, formatCalendarDate, formatPeriod } from './bill-words';
import { ConsumptionChart } from './ConsumptionChart';
import { DataAsOf } from './DataAsOf';
import { QueryFailure } from './QueryFailure';
import { QueryLoading } from './QueryLoading';
import { useAccessQuery } from './useAccessQuery';
import './current-bill.css';

/**
 * "Facturación servicios públicos" after validation (guide: "se visualiza la factura
 * correspondiente al código interno consultado"): what is owed and by when at a glance, then
 * consumption and charges, and the bill to print or view as a PDF with its payment barcode.
 */
export function CurrentBillPanel({ accessId }: { readonly accessId: string }) {
  const { state, reload } = useAccessQuery('bills.current', accessId);
  if (state.status === 'loading') return <QueryLoading what="su factura" />;
  if (state.status === 'failed') return <QueryFailure error={state.error} onRetry={reload} />;
  const { bill, consumption, dataAsOf } = state.value;
  const period = formatPeriod(bill.period);

  return (
    <>
      <section className="current-bill bills-card" aria-labelledby="current-bill-title">
        <div className="current-bill__top">
          <div className="current-bill__amount">
            <h2 id="current-bill-title" className="current-bill__period">
              Factura de {period}
            </h2>
            <p className="current-bill__total-label">Total a pagar</p>
            <p className="current-bill__total">{formatCop(bill.total)}</p>
            {bill.state === 'pagada' && bill.paidAt !== null ? (
              <p className="current-bill__due">Pagada el {formatBogotaDay(bill.paidAt)}</p>
            ) : (
              <p className="current-bill__due">
                Pague hasta el <strong>{formatCalendarDate(bill.dueOn)}</strong>
              </p>
            )}
            <BillStateBadge state={bill.state} />
          </div>
          <dl className="current-bill__facts">
            <div>
              <dt>Factura N.º</dt>
              <dd>{bill.billNumber}</dd>
            </div>
            <div>
              <dt>Período</dt>
              <dd>{period}</dd>
            </div>
            <div>
              <dt>Fecha de expedición</dt>
              <dd>{formatCalendarDate(bill.issuedOn)}</dd>
            </div>
            <div>
              <dt>Suspensión desde</dt>
              <dd>{formatCalendarDate(bill.suspensionOn)}</dd>
            </div>
            <div>
              <dt>Lectura anterior · actual</dt>
              <dd>
                {formatCount(bill.previousReading)} · {formatCount(bill.currentReading)}
              </dd>
            </div>
            <div>
              <dt>Consumo del período</dt>
              <dd>{formatCount(bill.consumptionM3)} m³</dd>
            </div>
          </dl>
        </div>
        <BillActions accessId={accessId} billNumber={bill.billNumber} title={`Factura de ${period}`} />
      </section>
      <div className="current-bill__details">
        <section className="bills-card" aria-labelledby="current-bill-consumption">
          <h2 id="current-bill-consumption" className="current-bill__heading">
            Consumo de los últimos meses (m³)
          </h2>
          <ConsumptionChart points={consumption} />
        </section>
        <section className="bills-card" aria-labelledby="current-bill-lines">
          <h2 id="current-bill-lines" className="current-bill__heading">
            Detalle de la factura
          </h2>
          <BillLineItems bill={bill} />
        </section>
      </div>
      <DataAsOf dataAsOf={dataAsOf} />
    </>
  );
}
