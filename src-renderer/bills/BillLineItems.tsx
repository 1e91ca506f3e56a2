import { formatCop } from '../../src-shared/domain/money';
import type { BillView } from '../../src-shared/api/ops/bills';
import './bill-line-items.css';

/** The bill's charges as printed: each concept, subsidies as negative amounts, the previous balance and the total. */
export function BillLineItems({ bill }: { readonly bill: BillView }) {
  return (
    <table className="bill-lines">
      <caption className="visually-hidden">Detalle de los cobros de la factura</caption>
      <thead>
        <tr>
          <th scope="col">Concepto</th>
          <th scope="col">Valor</th>
        </tr>
      </thead>
      <tbody>
        {bill.lineItems.map((line, index) => (
          <tr key={`${line.concept}-${index}`} className={line.amount < 0 ? 'bill-lines__credit' : undefined}>
            <th scope="row">{line.label}</th>
            <td>{formatCop(line.amount)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">Saldo anterior</th>
          <td>{formatCop(bill.previousBalance)}</td>
        </tr>
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total a pagar</th>
          <td>{formatCop(bill.total)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
