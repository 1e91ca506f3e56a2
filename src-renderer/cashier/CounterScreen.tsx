import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { OpOutput } from '../../src-shared/api/contract';
import { settleTenders, type Tender } from '../../src-shared/cashier/tenders';
import { formatDateEs } from '../../src-shared/domain/calendar-es';
import { useCashierStore } from './cashier-store';
import { pesos, readPesos } from './cashier-format';
import { PaymentDone } from './PaymentDone';
import { useCashierCall } from './useCashierCall';
import { useFunctionKeys } from './useFunctionKeys';
import { useStrayKeys } from './useStrayKeys';

type Found = OpOutput<'cashier.findBills'>;
type Taken = OpOutput<'cashier.takePayment'>;

/**
 * Taking a payment, keyboard only: scan the bill's barcode or type the código interno (Enter),
 * pick the bill (↑ ↓), type what the citizen hands over (Enter or F9 «Cobrar»). F6 adds a card,
 * F7 a check. The change is shown as it is typed, from the same rule the service applies.
 */
export function CounterScreen() {
  const call = useCashierCall();
  const show = useCashierStore((state) => state.show);
  const signedOut = useCashierStore((state) => state.signedOut);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [selected, setSelected] = useState(0);
  const [cash, setCash] = useState('');
  const [card, setCard] = useState<{ amount: string; voucher: string } | null>(null);
  const [check, setCheck] = useState<{ amount: string; bank: string; number: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [taken, setTaken] = useState<Taken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const lookup = useRef<HTMLInputElement>(null);
  const keepTyped = useRef(false);
  const cashInput = useRef<HTMLInputElement>(null);

  const bill = found?.bills[selected] ?? null;
  // Once the bills are shown, the cash field takes the keyboard (after the render that made it).
  useEffect(() => {
    if (found === null) return;
    cashInput.current?.focus();
    cashInput.current?.select();
  }, [found]);
  const tenders = useMemo((): Tender[] => {
    const list: Tender[] = [];
    const received = readPesos(cash);
    if (received !== null && received > 0) list.push({ kind: 'cash', received });
    const cardAmount = card === null ? null : readPesos(card.amount);
    if (card !== null && cardAmount !== null && cardAmount > 0) list.push({ kind: 'card', amount: cardAmount, voucher: card.voucher.trim() });
    const checkAmount = check === null ? null : readPesos(check.amount);
    if (check !== null && checkAmount !== null && checkAmount > 0) list.push({ kind: 'check', amount: checkAmount, bank: check.bank.trim(), number: check.number.trim() });
    return list;
  }, [cash, card, check]);
  const settlement = bill === null ? null : settleTenders(bill.total, tenders);

  const reset = () => {
    setQuery('');
    setFound(null);
    setSelected(0);
    setCash('');
    setCard(null);
    setCheck(null);
    setProblem(null);
    setTaken(null);
    window.setTimeout(() => lookup.current?.focus(), 0);
  };

  const find = async (event?: FormEvent) => {
    event?.preventDefault();
    const text = query.trim();
    if (text === '') return setProblem('Escanee el código de barras de la factura o digite el código interno.');
    const asCode = /^\d{1,10}$/.test(text) ? Number(text) : null;
    const result = asCode !== null ? await call('cashier.findBills', { codigoInterno: asCode }) : await call('cashier.findBills', { scan: query });
    if (!result.ok) {
      setFound(null);
      return setProblem(result.error.message);
    }
    setProblem(null);
    setFound(result.value);
    const scanned = result.value.bills.findIndex((b) => b.billNumber === result.value.scannedBillNumber);
    const firstOwed = result.value.bills.findIndex((b) => b.state === 'pendiente' || b.state === 'vencida');
    const index = scanned >= 0 ? scanned : Math.max(0, firstOwed);
    setSelected(index);
    setCash(String(result.value.bills[index]?.total ?? ''));

  };

  const pay = async (event?: FormEvent) => {
    event?.preventDefault();
    if (found === null || bill === null) return;
    if (settlement !== null && !settlement.ok) return setProblem(settlement.error.message);
    const result = await call('cashier.takePayment', { codigoInterno: found.codigoInterno, billNumber: bill.billNumber, tenders });
    if (!result.ok) return setProblem(result.error.message);
    setProblem(null);
    setTaken(result.value);
  };

  const xReport = async () => {
    const result = await call('cashier.xReport', {});
    setNotice(result.ok ? (result.value.printerProblem ?? 'Informe X enviado a la impresora.') : result.error.message);
  };

  const keys = useMemo(
    () => ({
      F4: () => show('payments'),
      F6: () => setCard((c) => c ?? { amount: '', voucher: '' }),
      F7: () => setCheck((c) => c ?? { amount: '', bank: '', number: '' }),
      F8: () => void xReport(),
      F9: () => void pay(),
      F10: () => show('close'),
      F12: () => {
        void call('cashier.signOut', {});
        signedOut();
      },
      Escape: reset,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- pay and xReport read the latest state through this render's closure
    [found, bill, tenders, settlement],
  );
  useFunctionKeys(keys);
  // A scan that starts before the field has the focus goes into the field all the same.
  useStrayKeys({
    onChar: (char) => {
      if (found !== null || taken !== null) return;
      setQuery((q) => q + char);
      keepTyped.current = true;
      lookup.current?.focus();
    },
  });

  if (taken !== null) return <PaymentDone taken={taken} onNext={reset} />;

  return (
    <div className="cashier-counter">
      {/* Every screen of the counter has its h1; here the field's label says the rest on screen. */}
      <h1 className="visually-hidden">Cobro de facturas</h1>
      <section className="cashier-card" aria-label="Buscar factura">
        <form onSubmit={(event) => void find(event)}>
          <label>
            Escanee el código de barras de la factura o digite el código interno
            <input
              ref={lookup}
              autoFocus
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onFocus={(e) => {
                if (!keepTyped.current) e.target.select();
                keepTyped.current = false;
              }}
              maxLength={200}
              aria-describedby="lookup-hint"
            />
          </label>
          <p id="lookup-hint" className="cashier-hint">
            Enter: buscar · Esc: nuevo cobro · F4: pagos de la caja · F8: informe X · F10: cerrar caja · F12: salir
          </p>
        </form>
        {notice !== null && <p role="status">{notice}</p>}
        {problem !== null && (
          <p className="cashier-problem" role="alert">
            {problem}
          </p>
        )}
      </section>

      {found !== null && (
        <div className="cashier-counter__work">
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
                <tr key={b.billNumber} aria-selected={i === selected} className={i === selected ? 'selected' : undefined} onClick={() => setSelected(i)}>
                  <td>{b.periodLabel}</td>
                  <td>{b.billNumber}</td>
                  <td>{formatDateEs(b.dueOn)}</td>
                  <td>{b.state}</td>
                  <td className="num">{pesos(b.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {bill !== null && bill.warning !== null && (
            <p className="cashier-warning" role="alert">
              {bill.warning}
            </p>
          )}
        </section>

      {bill !== null && (
        <form className="cashier-card cashier-pay" onSubmit={(event) => void pay(event)} aria-label="Cobro">
          <p className="cashier-due">
            Valor a pagar <strong>{pesos(bill.total)}</strong>
          </p>
          <label>
            Efectivo recibido
            <input
              ref={cashInput}
              inputMode="numeric"
              value={cash}
              onChange={(e) => setCash(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                  e.preventDefault();
                  const next = Math.min(found.bills.length - 1, Math.max(0, selected + (e.key === 'ArrowDown' ? 1 : -1)));
                  setSelected(next);
                  setCash(String(found.bills[next]?.total ?? ''));
                }
              }}
              maxLength={14}
            />
          </label>
          {card !== null && (
            <fieldset>
              <legend>Tarjeta (F6)</legend>
              <label>
                Valor con tarjeta
                <input autoFocus inputMode="numeric" value={card.amount} onChange={(e) => setCard({ ...card, amount: e.target.value })} maxLength={14} />
              </label>
              <label>
                Número del voucher
                <input value={card.voucher} onChange={(e) => setCard({ ...card, voucher: e.target.value })} maxLength={20} />
              </label>
            </fieldset>
          )}
          {check !== null && (
            <fieldset>
              <legend>Cheque (F7)</legend>
              <label>
                Valor del cheque
                <input autoFocus inputMode="numeric" value={check.amount} onChange={(e) => setCheck({ ...check, amount: e.target.value })} maxLength={14} />
              </label>
              <label>
                Banco
                <input value={check.bank} onChange={(e) => setCheck({ ...check, bank: e.target.value })} maxLength={60} />
              </label>
              <label>
                Número del cheque
                <input inputMode="numeric" value={check.number} onChange={(e) => setCheck({ ...check, number: e.target.value })} maxLength={12} />
              </label>
            </fieldset>
          )}
          <p className="cashier-change" aria-live="polite">
            {settlement === null ? '' : settlement.ok ? `Cambio: ${pesos(settlement.value.change)}` : settlement.error.message}
          </p>
          <button type="submit" className="cashier-primary">
            Cobrar (Enter o F9)
          </button>
          <p className="cashier-hint">↑ ↓: otra factura · F6: tarjeta · F7: cheque · Esc: cancelar</p>
        </form>
      )}
        </div>
      )}
    </div>
  );
}
