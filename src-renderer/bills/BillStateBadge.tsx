import type { BillView } from '../../src-shared/api/ops/bills';
import { billStateWords } from './bill-words';
import './bill-state-badge.css';

/** The bill's state as a word on a coloured pill (the word carries the meaning, the colour helps). */
export function BillStateBadge({ state }: { readonly state: BillView['state'] }) {
  return <span className={`bill-state bill-state--${state}`}>{billStateWords[state]}</span>;
}
