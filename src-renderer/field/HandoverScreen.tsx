import { useState } from 'react';
import type { HandoverCheck, HandoverView } from '../../src-shared/api/ops/field-handover';
import { formatDateEs } from '../../src-shared/domain/calendar-es';
import { HandoverCount } from './HandoverCount';
import { HandoverDone } from './HandoverDone';
import { useFieldStore } from './field-store';
import { useHandoverCheck } from './useHandoverCheck';

/**
 * «Entrega de recaudo» (docs/field-mode.md), at the office: the laptop sends what is left and
 * checks its days against the central server (with the saldo a favor the server made of a bill
 * also paid at a bank), then a supervisor counts the money blind and signs with their user and
 * password; the report prints and can be saved as a PDF.
 */
export function HandoverScreen() {
  const show = useFieldStore((state) => state.show);
  const { check, problem, again } = useHandoverCheck();
  const [done, setDone] = useState<{ handover: HandoverView; printerProblem: string | null } | null>(null);

  if (done !== null) return <HandoverDone handover={done.handover} printerProblem={done.printerProblem} />;
  return (
    <section className="field-card" aria-label="Entrega de recaudo">
      <button type="button" className="field-back" onClick={() => show('days')}>
        ← Volver a los días de recaudo
      </button>
      <h1>Entrega de recaudo</h1>
      {problem !== null && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
      {check === null && problem === null && <p role="status">Revisando sus días con el servidor central…</p>}
      {check !== null && <CheckOutcome check={check} again={again} />}
      {check?.stage === 'ready' && (
        <HandoverCount differences={check.differences.length > 0} onDone={setDone} onStale={again} />
      )}
    </section>
  );
}

function CheckOutcome({ check, again }: { readonly check: HandoverCheck; readonly again: () => void }) {
  return (
    <>
      <p
        className={check.stage === 'offline' ? 'field-problem' : check.stage === 'ready' ? 'field-ok' : 'field-note'}
        role={check.stage === 'offline' ? 'alert' : 'status'}
        aria-live="polite"
      >
        {check.message}
      </p>
      {check.stage === 'offline' && (
        <button type="button" className="field-primary" onClick={again}>
          Intentar de nuevo
        </button>
      )}
      {check.days.length > 0 && (
        <table className="field-days" aria-label="Días por entregar">
          <thead>
            <tr>
              <th scope="col">Día</th>
              <th scope="col">Pagos</th>
            </tr>
          </thead>
          <tbody>
            {check.days.map((day) => (
              <tr key={day.id}>
                <th scope="row">{formatDateEs(day.date)}</th>
                <td>{day.payments}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {check.differences.length > 0 && (
        <div className="field-warning" role="alert">
          <strong>Diferencias con el servidor central</strong>
          <ul>
            {check.differences.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      )}
      {check.credits.length > 0 && (
        <div className="field-warning">
          <strong>Pagos que quedaron como saldo a favor</strong>
          <p>
            El servidor central dejó como saldo a favor del suscriptor el dinero que no se debía: una factura que ya
            estaba pagada (en un banco u otro punto) o un pago mayor que la factura. La oficina lo revisa con él.
          </p>
          <ul>
            {check.credits.map((c) => (
              <li key={c.receiptNumber}>
                Recibo {c.receiptNumber} · {c.holderName} (código {c.codigoInterno}). {c.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
