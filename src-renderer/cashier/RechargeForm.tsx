import { useMemo, useState } from 'react';
import type { OpOutput } from '../../src-shared/api/contract';
import type { CounterLiquidation } from '../../src-shared/api/ops/counter-recharge';
import { leastCashFor } from '../../src-shared/cashier/cash-rounding';
import { settleTenders } from '../../src-shared/cashier/tenders';
import { pesos, readPesos } from './cashier-format';
import { ChangeDue } from './ChangeDue';
import { chargeOnEnter } from './charge-on-enter';
import { TenderFields, useTenders } from './TenderFields';
import { useCashierCall } from './useCashierCall';
import { useFunctionKeys } from './useFunctionKeys';

type Taken = OpOutput<'cashier.takeRecharge'>;

/** What Enter (or F9) says on a liquidación paid, expired or annulled: it does not charge it. */
const needsF2 =
  'Esta liquidación ya está pagada, vencida o anulada: Enter y F9 no la cobran. Si el ciudadano quiere pagarla de todos modos, digite el efectivo y pulse F2. Esc: cancelar.';

/**
 * «Cobro» of a recharge (mounted anew for each liquidación found): the amount — the server's or
 * the barcode's, or typed from the volante when only the number was typed offline — then the
 * tenders as for a bill (F6 card, F7 check, change rounded up to a coin). Enter or F9 charges it;
 * a liquidación paid, expired or annulled only F2, with nothing filled in.
 */
export function RechargeForm({
  found,
  onTaken,
}: {
  readonly found: CounterLiquidation;
  readonly onTaken: (taken: Taken) => void;
}) {
  const call = useCashierCall();
  const [typedAmount, setTypedAmount] = useState('');
  const amount = found.amount ?? readPesos(typedAmount);
  const plain = found.warning === null && found.amount !== null;
  const { cash, setCash, card, setCard, check, setCheck, tenders, addCard, addCheck } = useTenders(
    plain && found.amount !== null ? String(leastCashFor(found.amount, found.cashRoundingStep)) : '',
  );
  const [problem, setProblem] = useState<string | null>(null);
  const settlement = amount === null ? null : settleTenders(amount, tenders, found.cashRoundingStep);

  const charge = async (confirmed: boolean) => {
    if (found.warning !== null && !confirmed) return setProblem(needsF2);
    if (amount === null || amount <= 0) return setProblem('Digite el valor de la recarga como aparece en el volante.');
    if (settlement !== null && !settlement.ok) return setProblem(settlement.error.message);
    const result = await call('cashier.takeRecharge', {
      source: found.source,
      number: found.number,
      amount,
      tenders,
      ...(confirmed ? { confirmed: true as const } : {}),
    });
    if (!result.ok) return setProblem(result.error.message);
    onTaken(result.value);
  };

  const keys = useMemo(
    () => ({
      F2: () => void (found.warning === null ? undefined : charge(true)),
      F6: addCard,
      F7: addCheck,
      F9: () => void charge(false),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- charge reads this render's amount and tenders
    [found, amount, tenders],
  );
  useFunctionKeys(keys);

  return (
    <form
      className="cashier-card cashier-pay"
      {...chargeOnEnter(() => void charge(false))}
      aria-label="Cobro de la recarga"
    >
      {found.amount === null ? (
        <label>
          Valor de la recarga (como aparece en el volante)
          <input
            autoFocus
            inputMode="numeric"
            value={typedAmount}
            onChange={(e) => setTypedAmount(e.target.value)}
            maxLength={14}
          />
        </label>
      ) : (
        <p className="cashier-due">
          Valor a recargar <strong>{pesos(found.amount)}</strong>
        </p>
      )}
      <label>
        Efectivo recibido
        <input
          autoFocus={found.amount !== null}
          onFocus={(e) => e.target.select()}
          inputMode="numeric"
          value={cash}
          onChange={(e) => setCash(e.target.value)}
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
      {found.warning === null ? (
        <button type="submit" className="cashier-primary">
          Cobrar recarga (Enter o F9)
        </button>
      ) : (
        <p className="cashier-confirm">
          <strong>F2: cobrar de todos modos</strong> (el valor se abona al prepago y la oficina lo revisa)
        </p>
      )}
      <p className="cashier-hint">F6: tarjeta · F7: cheque · Esc: cancelar</p>
    </form>
  );
}
