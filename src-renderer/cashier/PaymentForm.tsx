import { useMemo, useState } from 'react';
import type { OpOutput } from '../../src-shared/api/contract';
import type { PayableBill } from '../../src-shared/api/ops/cashier';
import { leastCashFor } from '../../src-shared/cashier/cash-rounding';
import { settleTenders } from '../../src-shared/cashier/tenders';
import { pesos } from './cashier-format';
import { TenderFields, useTenders } from './TenderFields';
import { ChangeDue } from './ChangeDue';
import { chargeOnEnter } from './charge-on-enter';
import { notOwedEnter } from './cashier-words';
import { useCashierCall } from './useCashierCall';
import { useFunctionKeys } from './useFunctionKeys';

type Taken = OpOutput<'cashier.takePayment'>;

interface PaymentFormProps {
  readonly codigoInterno: number;
  readonly bill: PayableBill;
  readonly roundingStep: number;
  /** ↑ ↓ in the cash field: another bill of the list. */
  readonly onMove: (step: 1 | -1) => void;
  readonly onTaken: (taken: Taken) => void;
}

/**
 * «Cobro» for one bill (mounted anew for each bill): what the citizen hands over, in cash (F6
 * adds a card, F7 a check), and the change as it is typed, rounded up to a coin that exists by
 * the same rule the service applies. An owed bill is charged with Enter or F9, its cash filled
 * in; one that is not owed (paid already, annulled) never with those keys, the ones a scanner and
 * habit send: only with F2, and with nothing filled in.
 */
export function PaymentForm({ codigoInterno, bill, roundingStep, onMove, onTaken }: PaymentFormProps) {
  const call = useCashierCall();
  const { cash, setCash, card, setCard, check, setCheck, tenders, addCard, addCheck } = useTenders(
    bill.owed ? String(leastCashFor(bill.total, roundingStep)) : '',
  );
  const [problem, setProblem] = useState<string | null>(null);

  const settlement = settleTenders(bill.total, tenders, roundingStep);

  const pay = async (notOwedConfirmed: boolean) => {
    if (!bill.owed && !notOwedConfirmed) return setProblem(notOwedEnter);
    if (!settlement.ok) return setProblem(settlement.error.message);
    const result = await call('cashier.takePayment', {
      codigoInterno,
      billNumber: bill.billNumber,
      tenders,
      ...(notOwedConfirmed ? { notOwedConfirmed: true as const } : {}),
    });
    if (!result.ok) return setProblem(result.error.message);
    onTaken(result.value);
  };

  const keys = useMemo(
    () => ({
      F2: () => void (bill.owed ? undefined : pay(true)),
      F6: addCard,
      F7: addCheck,
      F9: () => void pay(false),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- pay reads this render's tenders
    [bill, tenders],
  );
  useFunctionKeys(keys);

  return (
    <form className="cashier-card cashier-pay" {...chargeOnEnter(() => void pay(false))} aria-label="Cobro">
      <p className="cashier-due">
        Valor a pagar <strong>{pesos(bill.total)}</strong>
      </p>
      <label>
        Efectivo recibido
        <input
          autoFocus
          onFocus={(e) => e.target.select()}
          inputMode="numeric"
          value={cash}
          onChange={(e) => setCash(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              onMove(e.key === 'ArrowDown' ? 1 : -1);
            }
          }}
          maxLength={14}
        />
      </label>
      <TenderFields card={card} setCard={setCard} check={check} setCheck={setCheck} />
      <ChangeDue settlement={settlement} tendered={tenders.length > 0} />
      {problem !== null && (
        <p className="cashier-problem" role="alert">
          {problem}
        </p>
      )}
      {bill.owed ? (
        <button type="submit" className="cashier-primary">
          Cobrar (Enter o F9)
        </button>
      ) : (
        // No button: a button that charges would answer an Enter once it had the focus.
        <p className="cashier-confirm">
          <strong>F2: cobrar de todos modos</strong> (el valor queda como saldo a favor del suscriptor)
        </p>
      )}
      <p className="cashier-hint">↑ ↓: otra factura · F6: tarjeta · F7: cheque · Esc: cancelar</p>
    </form>
  );
}
