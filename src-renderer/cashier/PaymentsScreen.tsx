import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { OpOutput } from '../../src-shared/api/contract';
import { formatBogotaTime } from '../../src-shared/domain/bogota-time';
import { useCashierStore } from './cashier-store';
import { pesos } from './cashier-format';
import { paymentsCount, rechargesCount } from './cashier-words';
import { useCashierCall } from './useCashierCall';
import { useFunctionKeys } from './useFunctionKeys';

type Listing = OpOutput<'cashier.payments'>;

/** A recharge is never voided at the counter (docs/counter-recharge.md). */
const noRechargeVoid =
  'Una recarga de prepago no se anula en la caja: el valor va al prepago del ciudadano. Si hubo un error, avise a la oficina.';

/**
 * "Pagos de la caja": the session's payments, newest first, then its prepaid wallet recharges.
 * ↑ ↓ choose, R reprints (COPIA), A voids a payment (reason and a supervisor's user and
 * password), Esc goes back to the counter.
 */
export function PaymentsScreen() {
  const call = useCashierCall();
  const show = useCashierStore((state) => state.show);
  const [listing, setListing] = useState<Listing | null>(null);
  const [selected, setSelected] = useState(0);
  const [voiding, setVoiding] = useState(false);
  const [reason, setReason] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  // A refused void is said inside the void form, beside what must be typed again.
  const [voidProblem, setVoidProblem] = useState<string | null>(null);

  // Bumped after a void, so the list is read again.
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    void call('cashier.payments', {}).then((result) => {
      if (!live) return;
      if (result.ok) setListing(result.value);
      else setMessage({ text: result.error.message, problem: true });
    });
    return () => {
      live = false;
    };
  }, [call, version]);

  const payment = listing?.payments[selected] ?? null;
  // Rows after the payments are the recharges.
  const recharge = listing?.recharges[selected - (listing?.payments.length ?? 0)] ?? null;
  const rows = (listing?.payments.length ?? 0) + (listing?.recharges.length ?? 0);

  const reprint = async () => {
    const chosen = payment ?? recharge;
    if (chosen === null) return;
    const result = await call('cashier.reprint', { paymentId: chosen.id });
    setMessage(
      result.ok
        ? {
            text: result.value.printerProblem ?? `Copia del recibo ${chosen.receiptNumber} enviada a la impresora.`,
            problem: result.value.printerProblem !== null,
          }
        : { text: result.error.message, problem: true },
    );
  };

  const submitVoid = async (event: FormEvent) => {
    event.preventDefault();
    if (payment === null) return;
    const result = await call('cashier.voidPayment', {
      paymentId: payment.id,
      reason,
      supervisor: { username, password },
    });
    setPassword('');
    if (!result.ok) return setVoidProblem(result.error.message);
    setVoidProblem(null);
    setVoiding(false);
    setReason('');
    setUsername('');
    setMessage({ text: `Pago del recibo ${payment.receiptNumber} anulado.`, problem: false });
    setVersion((v) => v + 1);
  };

  const startVoid = () => {
    if (recharge !== null) return setMessage({ text: noRechargeVoid, problem: true });
    setMessage(null);
    setVoiding(payment?.state === 'valid');
  };

  const keys = useMemo(
    () =>
      voiding
        ? {
            Escape: () => {
              setVoiding(false);
              setVoidProblem(null);
            },
          }
        : {
            Escape: () => show('counter'),
            ArrowDown: () => setSelected((i) => Math.min(Math.max(rows, 1) - 1, i + 1)),
            ArrowUp: () => setSelected((i) => Math.max(0, i - 1)),
            r: () => void reprint(),
            R: () => void reprint(),
            a: () => startVoid(),
            A: () => startVoid(),
          },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reprint reads this render's selection
    [voiding, listing, payment, recharge],
  );
  useFunctionKeys(keys);

  return (
    <section className="cashier-card" aria-label="Pagos de la caja">
      <h1>Pagos de la caja</h1>
      {listing !== null && (
        <p className="cashier-hint">
          {paymentsCount(listing.session.payments)}
          {listing.recharges.length > 0 && ` · ${rechargesCount(listing.recharges.length)}`} ·{' '}
          {pesos(listing.session.collected)} recaudados · ↑ ↓: elegir · R: reimprimir · A: anular · Esc: volver
        </p>
      )}
      {message !== null && (
        <p className={message.problem ? 'cashier-problem' : undefined} role={message.problem ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {listing !== null && rows === 0 && <p>Todavía no hay pagos en esta caja.</p>}
      {listing !== null && listing.payments.length > 0 && (
        <table className="cashier-table" aria-label="Pagos">
          <thead>
            <tr>
              <th>Hora</th>
              <th>Recibo</th>
              <th>Código</th>
              <th>Suscriptor</th>
              <th className="num">Valor</th>
              <th>Estado</th>
            </tr>
          </thead>
          <tbody>
            {listing.payments.map((p, i) => (
              <tr
                key={p.id}
                aria-selected={i === selected}
                className={i === selected ? 'selected' : undefined}
                onClick={() => setSelected(i)}
              >
                <td>{formatBogotaTime(new Date(p.takenAt))}</td>
                <td>{p.receiptNumber}</td>
                <td>{p.codigoInterno}</td>
                <td>{p.holderName}</td>
                <td className="num">{pesos(p.amount)}</td>
                <td>{p.state === 'voided' ? `Anulado: ${p.voidReason ?? ''}` : 'Válido'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {listing !== null && listing.recharges.length > 0 && (
        <table className="cashier-table" aria-label="Recargas de prepago">
          <thead>
            <tr>
              <th>Hora</th>
              <th>Recibo</th>
              <th>Liquidación</th>
              <th className="num">Valor</th>
              <th>Prepago</th>
            </tr>
          </thead>
          <tbody>
            {listing.recharges.map((r, i) => {
              const row = listing.payments.length + i;
              return (
                <tr
                  key={r.id}
                  aria-selected={row === selected}
                  className={row === selected ? 'selected' : undefined}
                  onClick={() => setSelected(row)}
                >
                  <td>{formatBogotaTime(new Date(r.takenAt))}</td>
                  <td>{r.receiptNumber}</td>
                  <td>{r.liquidationNumber}</td>
                  <td className="num">{pesos(r.amount)}</td>
                  <td>{r.source === 'server' ? 'Confirmada en línea' : 'Sin conexión: se abona al sincronizar'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {voiding && payment !== null && (
        <form className="cashier-void" onSubmit={(event) => void submitVoid(event)} aria-label="Anular pago">
          <h2>Anular el pago del recibo {payment.receiptNumber}</h2>
          <label>
            Motivo
            <input autoFocus value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} />
          </label>
          <label>
            Usuario del supervisor
            <input value={username} onChange={(e) => setUsername(e.target.value)} maxLength={64} autoComplete="off" />
          </label>
          <label>
            Contraseña del supervisor
            <input
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              maxLength={256}
              autoComplete="off"
            />
          </label>
          {voidProblem !== null && (
            <p className="cashier-problem" role="alert">
              {voidProblem}
            </p>
          )}
          <button type="submit" className="cashier-primary">
            Anular (Enter)
          </button>
        </form>
      )}
    </section>
  );
}
