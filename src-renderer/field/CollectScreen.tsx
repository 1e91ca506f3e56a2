import { useEffect, useState, type FormEvent } from 'react';
import type { FieldBill, FieldSubscriber } from '../../src-shared/api/ops/field';
import type { FieldTender } from '../../src-shared/cashier/tenders';
import { roundUpToStep } from '../../src-shared/cashier/cash-rounding';
import { formatCop, parseCop } from '../../src-shared/domain/money';
import { useFieldCall } from './useFieldCall';
import { useFieldStore } from './field-store';

type Kind = FieldTender['kind'];

/**
 * Collecting one bill: what the subscriber pays (the bill's total, or more as saldo a favor,
 * confirmed), cash received with the change in large figures, or a transfer with the bank or
 * app and its reference. A bill that may have been paid elsewhere since the last sync needs the
 * collector's word that they asked.
 */
export function CollectScreen() {
  const call = useFieldCall();
  const codigoInterno = useFieldStore((state) => state.codigoInterno);
  const billNumber = useFieldStore((state) => state.billNumber);
  const show = useFieldStore((state) => state.show);
  const collected = useFieldStore((state) => state.collected);
  const [subscriber, setSubscriber] = useState<FieldSubscriber | null>(null);
  const [kind, setKind] = useState<Kind>('cash');
  const [amountText, setAmountText] = useState('');
  const [receivedText, setReceivedText] = useState('');
  const [via, setVia] = useState('');
  const [reference, setReference] = useState('');
  const [askedElsewhere, setAskedElsewhere] = useState(false);
  const [aboveConfirmed, setAboveConfirmed] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (codigoInterno === null) return;
    void call('field.subscriber', { codigoInterno }).then((result) => {
      if (!result.ok) return setProblem(result.error.message);
      setSubscriber(result.value);
      const bill = result.value.bills.find((b) => b.billNumber === billNumber);
      if (bill !== undefined) setAmountText(String(bill.total));
    });
  }, [call, codigoInterno, billNumber]);

  const bill: FieldBill | undefined = subscriber?.bills.find((b) => b.billNumber === billNumber);
  if (subscriber === null || bill === undefined || codigoInterno === null)
    return (
      <section className="field-card" aria-label="Cobrar">
        {problem !== null ? <p className="field-problem">{problem}</p> : <p>Cargando la factura…</p>}
      </section>
    );

  const amount = parseCop(amountText);
  const received = parseCop(receivedText);
  const excess = amount === null ? 0 : amount - bill.total;
  const change =
    amount !== null && received !== null && received >= amount
      ? roundUpToStep(received - amount, subscriber.cashRoundingStep)
      : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (amount === null || amount <= 0) return setProblem('Escriba el valor a pagar, en pesos.');
    const tender: FieldTender =
      kind === 'cash'
        ? { kind: 'cash', received: received ?? 0 }
        : { kind: 'transfer', amount, via: via.trim(), reference: reference.trim() };
    if (kind === 'cash' && (received === null || received < amount))
      return setProblem('Escriba el efectivo recibido: debe cubrir el valor a pagar.');
    if (kind === 'transfer' && reference.trim() === '')
      return setProblem('Escriba la referencia de la transferencia que aparece en la aplicación del suscriptor.');
    setBusy(true);
    const result = await call('field.collect', {
      codigoInterno,
      billNumber: bill.billNumber,
      amount,
      tender,
      ...(askedElsewhere ? { notPaidElsewhere: true as const } : {}),
      ...(aboveConfirmed ? { aboveBillConfirmed: true as const } : {}),
    });
    setBusy(false);
    if (!result.ok) return setProblem(result.error.message);
    collected(result.value);
  };

  return (
    <form className="field-card field-collect" aria-label="Cobrar" onSubmit={(event) => void submit(event)}>
      <button type="button" className="field-back" onClick={() => show('subscriber')}>
        ← Volver al suscriptor
      </button>
      <h1>
        Cobrar la factura de {bill.periodLabel.toLocaleLowerCase('es-CO')} · {formatCop(bill.total)}
      </h1>
      <p className="field-lead">
        {subscriber.holderName} · {subscriber.address}
      </p>
      {bill.paidElsewhereRisk !== null && (
        <div className="field-warning">
          <p>¿Ya la pagó en otra parte? {bill.paidElsewhereRisk}</p>
          <label className="field-check">
            <input
              type="checkbox"
              checked={askedElsewhere}
              onChange={(e) => {
                setAskedElsewhere(e.target.checked);
                setProblem(null);
              }}
            />
            Pregunté: el suscriptor no la ha pagado
          </label>
        </div>
      )}
      <fieldset className="field-tenders">
        <legend>Forma de pago</legend>
        <label className={`field-tender ${kind === 'cash' ? 'field-tender--on' : ''}`}>
          <input type="radio" name="tender" checked={kind === 'cash'} onChange={() => setKind('cash')} />
          Efectivo
        </label>
        <label className={`field-tender ${kind === 'transfer' ? 'field-tender--on' : ''}`}>
          <input type="radio" name="tender" checked={kind === 'transfer'} onChange={() => setKind('transfer')} />
          Transferencia
        </label>
      </fieldset>
      <div className="field-collect__money">
        <label>
          Valor a pagar
          <input
            inputMode="numeric"
            value={amountText}
            onChange={(e) => setAmountText(e.target.value)}
            maxLength={14}
          />
        </label>
        {kind === 'cash' ? (
          <>
            <label>
              Efectivo recibido
              <input
                autoFocus
                inputMode="numeric"
                value={receivedText}
                onChange={(e) => setReceivedText(e.target.value)}
                maxLength={14}
              />
            </label>
            <p className="field-change" aria-live="polite">
              {change === null ? 'Cambio: —' : `Cambio: ${formatCop(change)}`}
            </p>
          </>
        ) : (
          <>
            <label>
              Banco o aplicación
              <input
                value={via}
                onChange={(e) => setVia(e.target.value)}
                maxLength={40}
                placeholder="Nequi, Daviplata, Bancolombia…"
              />
            </label>
            <label>
              Referencia de la transferencia
              <input value={reference} onChange={(e) => setReference(e.target.value)} maxLength={30} />
            </label>
          </>
        )}
      </div>
      {excess > 0 && (
        <div className="field-warning" role="alert">
          <p>Son {formatCop(excess)} más que la factura: ese valor quedará como saldo a favor del suscriptor.</p>
          <label className="field-check">
            <input
              type="checkbox"
              checked={aboveConfirmed}
              onChange={(e) => {
                setAboveConfirmed(e.target.checked);
                setProblem(null);
              }}
            />
            El suscriptor quiere dejar {formatCop(excess)} como saldo a favor
          </label>
        </div>
      )}
      {problem !== null && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="field-primary field-primary--big" disabled={busy}>
        {busy ? 'Registrando…' : `Cobrar ${amount === null ? '' : formatCop(amount)}`}
      </button>
    </form>
  );
}
