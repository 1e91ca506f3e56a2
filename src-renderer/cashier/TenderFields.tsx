import { useMemo, useState } from 'react';
import type { CounterTender } from '../../src-shared/cashier/tenders';
import { readPesos } from './cashier-format';

export interface CardTyped {
  readonly amount: string;
  readonly voucher: string;
}
export interface CheckTyped {
  readonly amount: string;
  readonly bank: string;
  readonly number: string;
}

/**
 * What the cashier types of the tenders (cash, F6 a card, F7 a check), as typed, and the
 * tenders it makes: the bills' «Cobro» and the prepaid recharge share it.
 */
export function useTenders(initialCash: string) {
  const [cash, setCash] = useState(initialCash);
  const [card, setCard] = useState<CardTyped | null>(null);
  const [check, setCheck] = useState<CheckTyped | null>(null);
  const tenders = useMemo((): CounterTender[] => {
    const list: CounterTender[] = [];
    const received = readPesos(cash);
    if (received !== null && received > 0) list.push({ kind: 'cash', received });
    const cardAmount = card === null ? null : readPesos(card.amount);
    if (card !== null && cardAmount !== null && cardAmount > 0)
      list.push({ kind: 'card', amount: cardAmount, voucher: card.voucher.trim() });
    const checkAmount = check === null ? null : readPesos(check.amount);
    if (check !== null && checkAmount !== null && checkAmount > 0)
      list.push({ kind: 'check', amount: checkAmount, bank: check.bank.trim(), number: check.number.trim() });
    return list;
  }, [cash, card, check]);
  return {
    cash,
    setCash,
    card,
    setCard,
    check,
    setCheck,
    tenders,
    /** F6: a card tender. */
    addCard: () => setCard((c) => c ?? { amount: '', voucher: '' }),
    /** F7: a check tender. */
    addCheck: () => setCheck((c) => c ?? { amount: '', bank: '', number: '' }),
  };
}

/** The card (F6) and check (F7) fields, once the cashier added them. */
export function TenderFields({
  card,
  setCard,
  check,
  setCheck,
}: Pick<ReturnType<typeof useTenders>, 'card' | 'setCard' | 'check' | 'setCheck'>) {
  return (
    <>
      {card !== null && (
        <fieldset>
          <legend>Tarjeta (F6)</legend>
          <label>
            Valor con tarjeta
            <input
              autoFocus
              inputMode="numeric"
              value={card.amount}
              onChange={(e) => setCard({ ...card, amount: e.target.value })}
              maxLength={14}
            />
          </label>
          <label>
            Número del voucher
            <input
              value={card.voucher}
              onChange={(e) => setCard({ ...card, voucher: e.target.value })}
              maxLength={20}
            />
          </label>
        </fieldset>
      )}
      {check !== null && (
        <fieldset>
          <legend>Cheque (F7)</legend>
          <label>
            Valor del cheque
            <input
              autoFocus
              inputMode="numeric"
              value={check.amount}
              onChange={(e) => setCheck({ ...check, amount: e.target.value })}
              maxLength={14}
            />
          </label>
          <label>
            Banco
            <input value={check.bank} onChange={(e) => setCheck({ ...check, bank: e.target.value })} maxLength={60} />
          </label>
          <label>
            Número del cheque
            <input
              inputMode="numeric"
              value={check.number}
              onChange={(e) => setCheck({ ...check, number: e.target.value })}
              maxLength={12}
            />
          </label>
        </fieldset>
      )}
    </>
  );
}
