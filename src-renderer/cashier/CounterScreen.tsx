import { useState, type FormEvent } from 'react';
import type { OpOutput } from '../../src-shared/api/contract';
import { BillsFound } from './BillsFound';
import { LookupCard } from './LookupCard';
import { PaymentDone } from './PaymentDone';
import { PaymentForm } from './PaymentForm';
import { useCashierCall } from './useCashierCall';
import { useCounterKeys } from './useCounterKeys';
import { useLookupField } from './useLookupField';

type Found = OpOutput<'cashier.findBills'>;
type Taken = OpOutput<'cashier.takePayment'>;

/**
 * Taking a payment, keyboard only: scan the bill's barcode or type the código interno (Enter),
 * pick the bill (↑ ↓), type what the citizen hands over and charge it («Cobro», PaymentForm).
 * F3 opens «Recarga de prepago» (RechargeScreen), F4 lists the session's payments, F8 prints the
 * X report, F10 closes, F12 signs out, Esc starts over.
 */
export function CounterScreen() {
  const call = useCashierCall();
  const [found, setFound] = useState<Found | null>(null);
  const [selected, setSelected] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [taken, setTaken] = useState<Taken | null>(null);
  // Bumped by each lookup: the payment form starts over even for the same bill found again.
  const [lookups, setLookups] = useState(0);
  const field = useLookupField(found === null && taken === null);
  const query = field.query;

  const bill = found?.bills[selected] ?? null;

  const reset = () => {
    field.clear();
    setFound(null);
    setSelected(0);
    setProblem(null);
    setTaken(null);
  };

  const find = async (event?: FormEvent) => {
    event?.preventDefault();
    const text = query.trim();
    if (text === '') return setProblem('Escanee el código de barras de la factura o digite el código interno.');
    const asCode = /^\d{1,10}$/.test(text) ? Number(text) : null;
    const result =
      asCode !== null
        ? await call('cashier.findBills', { codigoInterno: asCode })
        : await call('cashier.findBills', { scan: query });
    if (!result.ok) {
      setFound(null);
      return setProblem(result.error.message);
    }
    setProblem(null);
    setFound(result.value);
    setLookups((n) => n + 1);
    // The scanned bill, else the first one owed; never a bill not owed picked by default when one is owed.
    const scanned = result.value.bills.findIndex((b) => b.billNumber === result.value.scannedBillNumber);
    const firstOwed = result.value.bills.findIndex((b) => b.owed);
    setSelected(scanned >= 0 ? scanned : Math.max(0, firstOwed));
  };

  const move = (step: 1 | -1) => {
    if (found === null) return;
    setSelected((i) => Math.min(found.bills.length - 1, Math.max(0, i + step)));
  };

  const notice = useCounterKeys('recharge', reset);

  if (taken !== null) return <PaymentDone taken={taken} onNext={reset} />;

  return (
    <div className="cashier-counter">
      {/* Every screen of the counter has its h1; here the field's label says the rest on screen. */}
      <h1 className="visually-hidden">Cobro de facturas</h1>
      <LookupCard
        name="Buscar factura"
        label="Escanee el código de barras de la factura o digite el código interno"
        hint="Enter: buscar · Esc: nuevo cobro · F3: recarga de prepago · F4: pagos de la caja · F8: informe X · F10: cerrar caja · F12: salir"
        hintId="lookup-hint"
        field={field}
        onFind={(event) => void find(event)}
        notice={notice}
        problem={problem}
      />

      {found !== null && (
        <div className="cashier-counter__work">
          <BillsFound found={found} selected={selected} onSelect={setSelected} />
          {bill !== null && (
            <PaymentForm
              key={`${lookups}-${bill.billNumber}`}
              codigoInterno={found.codigoInterno}
              bill={bill}
              roundingStep={found.cashRoundingStep}
              onMove={move}
              onTaken={setTaken}
            />
          )}
        </div>
      )}
    </div>
  );
}
