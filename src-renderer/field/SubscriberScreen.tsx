import { useEffect, useState } from 'react';
import type { FieldSubscriber } from '../../src-shared/api/ops/field';
import { formatDateEs } from '../../src-shared/domain/calendar-es';
import { formatCop } from '../../src-shared/domain/money';
import { useFieldCall } from './useFieldCall';
import { useFieldStore } from './field-store';

/** A subscriber of the route and their bills: «Cobrar» on each owed one; a paid one says so and cannot be collected. */
export function SubscriberScreen() {
  const call = useFieldCall();
  const codigoInterno = useFieldStore((state) => state.codigoInterno);
  const show = useFieldStore((state) => state.show);
  const collect = useFieldStore((state) => state.collect);
  const [subscriber, setSubscriber] = useState<FieldSubscriber | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (codigoInterno === null) return;
    void call('field.subscriber', { codigoInterno }).then((result) =>
      result.ok ? setSubscriber(result.value) : setProblem(result.error.message),
    );
  }, [call, codigoInterno]);

  return (
    <section className="field-card" aria-label="Suscriptor">
      <button type="button" className="field-back" onClick={() => show('sheet')}>
        ← Volver a la hoja de ruta
      </button>
      {problem !== null && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
      {subscriber !== null && (
        <>
          <h1>{subscriber.address}</h1>
          <p className="field-lead">
            {subscriber.holderName} · Código interno {subscriber.codigoInterno}
          </p>
          <p>
            Ruta {subscriber.codigoRuta} · Medidor {subscriber.meterSerial}
          </p>
          <ul className="field-bills" aria-label="Facturas">
            {subscriber.bills.map((bill) => (
              <li key={bill.billNumber} className={`field-bill ${bill.owed ? '' : 'field-bill--settled'}`}>
                <div className="field-bill__facts">
                  <strong>{bill.periodLabel}</strong>
                  <span className="field-bill__total">{formatCop(bill.total)}</span>
                  <span>Vence el {formatDateEs(bill.dueOn)}</span>
                </div>
                {bill.warning !== null && <p className="field-note">{bill.warning}</p>}
                {bill.paidElsewhereRisk !== null && (
                  <p className="field-warning">¿Ya la pagó en otra parte? {bill.paidElsewhereRisk}</p>
                )}
                {bill.owed ? (
                  <button type="button" className="field-primary" onClick={() => collect(bill.billNumber)}>
                    Cobrar {formatCop(bill.total)}
                  </button>
                ) : (
                  <p className="field-settled">No se cobra</p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
