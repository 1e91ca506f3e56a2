import type { FoundBills } from '../../src-shared/api/ops/cashier';
import { formatDateEs } from '../../src-shared/domain/calendar-es';
import { pesos } from './cashier-format';

/** The código interno's bills, the chosen one marked, and its warning (paid, annulled, overdue) under the table. */
export function BillsFound({
  found,
  selected,
  onSelect,
}: {
  readonly found: FoundBills;
  readonly selected: number;
  readonly onSelect: (index: number) => void;
}) {
  const bill = found.bills[selected] ?? null;
  return (
    <section className="cashier-card" aria-label="Facturas del código interno">
      <h2>
        {found.holderName} · código interno {found.codigoInterno}
      </h2>
      <p className="cashier-hint">{found.address}</p>
      <table className="cashier-table" aria-label="Facturas">
        <thead>
          <tr>
            <th>Periodo</th>
            <th>Factura</th>
            <th>Vence</th>
            <th>Estado</th>
            <th className="num">Valor</th>
          </tr>
        </thead>
        <tbody>
          {found.bills.map((b, i) => (
            <tr
              key={b.billNumber}
              aria-selected={i === selected}
              className={i === selected ? 'selected' : undefined}
              onClick={() => onSelect(i)}
            >
              <td>{b.periodLabel}</td>
              <td>{b.billNumber}</td>
              <td>{formatDateEs(b.dueOn)}</td>
              <td>{b.state}</td>
              <td className="num">{pesos(b.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {bill?.warning !== undefined && bill.warning !== null && (
        <p className="cashier-warning" role="alert">
          {bill.warning.message}
        </p>
      )}
    </section>
  );
}
