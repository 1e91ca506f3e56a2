import { formatCop } from '../../src-shared/domain/money';
import type { OpOutput } from '../../src-shared/api/contract';
import { BillStateBadge } from './BillStateBadge';
import { formatPeriod } from './bill-words';
import './period-choice.css';

type PreviousBill = OpOutput<'bills.previous'>['bills'][number];

interface PeriodChoiceProps {
  readonly bills: readonly PreviousBill[];
  readonly onChoose: (billNumber: number) => void;
}

/**
 * Guide section 6, "el periodo del cual desea visualizar la factura": one big button per period,
 * with the bill's state on its coloured pill, so a debtor sees at once which ones are unpaid.
 */
export function PeriodChoice({ bills, onChoose }: PeriodChoiceProps) {
  return (
    <ul className="period-choice" aria-label="Períodos disponibles">
      {bills.map((bill) => (
        <li key={bill.billNumber}>
          <button type="button" className="period-choice__option" onClick={() => onChoose(bill.billNumber)}>
            <span className="period-choice__period">{formatPeriod(bill.period)}</span>
            <span className="period-choice__detail">
              <BillStateBadge state={bill.state} /> {formatCop(bill.total)}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
