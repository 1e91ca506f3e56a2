import { useEffect, useState } from 'react';
import type { FieldDayView, FieldPaymentView } from '../../src-shared/api/ops/field';
import { formatDateEs } from '../../src-shared/domain/calendar-es';
import { formatBogotaTime } from '../../src-shared/domain/bogota-time';
import { formatCop } from '../../src-shared/domain/money';
import { useFieldCall } from './useFieldCall';
import { useFieldStore } from './field-store';
import { VoidWithSupervisor } from './VoidWithSupervisor';

/**
 * The collection days on this laptop with their totals by tender, and a day's payments:
 * «Reimprimir»; «Anular con supervisor» when one is present (reason and their credentials typed
 * under it; not for a day handed over); else «Para anular en la oficina» with a reason (a
 * supervisor voids it there). A voided payment shows «Anulado» and leaves the day's totals.
 * A read that fails says so in place of the table, with «Intentar de nuevo»: never an empty list.
 */
export function DaysScreen() {
  const call = useFieldCall();
  const show = useFieldStore((state) => state.show);
  const changed = useFieldStore((state) => state.changed);
  const [days, setDays] = useState<FieldDayView[] | null>(null);
  const [open, setOpen] = useState<{ day: FieldDayView; payments: FieldPaymentView[] } | null>(null);
  const [readProblem, setReadProblem] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [reads, setReads] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [flagging, setFlagging] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [voiding, setVoiding] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void readDays(call, selected).then((read) => {
      if (!live) return;
      // A failed read shows no table at all: an empty or an old one would pass for the truth.
      setReadProblem(read.ok ? null : read.problem);
      setDays(read.ok ? read.days : null);
      setOpen(read.ok ? read.open : null);
    });
    return () => {
      live = false;
    };
  }, [call, selected, reads]);

  const reprint = async (payment: FieldPaymentView) => {
    const result = await call('field.reprint', { paymentId: payment.id });
    setMessage(
      result.ok
        ? (result.value.printerProblem ?? `Copia del recibo ${payment.receiptNumber} enviada a la impresora.`)
        : result.error.message,
    );
  };
  // Electron has no window.prompt: the reason is typed inline, under the payment.
  const flag = async (payment: FieldPaymentView) => {
    const result = await call('field.flagVoid', { paymentId: payment.id, reason });
    setMessage(result.ok ? `Recibo ${payment.receiptNumber} marcado para anular en la oficina.` : result.error.message);
    if (!result.ok) return;
    changed();
    setFlagging(null);
    setReason('');
    setReads(reads + 1);
  };
  const readAgain = () => {
    setReadProblem(null);
    setReads(reads + 1);
  };
  const voided = (text: string) => {
    setMessage(text);
    changed();
    setVoiding(null);
    setReads(reads + 1);
  };

  return (
    <section className="field-card" aria-label="Días de recaudo">
      <button type="button" className="field-back" onClick={() => show('sheet')}>
        ← Volver a la hoja de ruta
      </button>
      <h1>Días de recaudo</h1>
      {readProblem !== null && (
        <div className="field-problem field-read-problem" role="alert">
          <p>No se pudieron leer los días de recaudo de este equipo. Esto no borra ni cambia ningún pago.</p>
          <p>{readProblem}</p>
          <button type="button" className="field-primary" onClick={readAgain}>
            Intentar de nuevo
          </button>
        </div>
      )}
      {days === null && readProblem === null && <p role="status">Leyendo los días de recaudo…</p>}
      {days !== null && days.length === 0 && <p className="field-lead">Este equipo no tiene días de recaudo.</p>}
      {days !== null && days.length > 0 && (
        <table className="field-days">
          <thead>
            <tr>
              <th scope="col">Día</th>
              <th scope="col">Pagos</th>
              <th scope="col">Efectivo</th>
              <th scope="col">Transferencias</th>
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.id} className={open?.day.id === day.id ? 'field-days__open' : ''}>
                <th scope="row">
                  <button type="button" className="field-link" onClick={() => setSelected(day.id)}>
                    {formatDateEs(day.date)}
                    {day.state === 'open' ? ' (hoy)' : day.state === 'handed' ? ' (entregado)' : ''}
                  </button>
                </th>
                <td>{day.payments}</td>
                <td>{formatCop(day.cash)}</td>
                <td>{formatCop(day.transfer)}</td>
                <td>
                  <strong>{formatCop(day.total)}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {message !== null && <p role="status">{message}</p>}
      {open !== null && (
        <>
          <h2>Pagos del {formatDateEs(open.day.date)}</h2>
          {open.payments.length === 0 && <p className="field-lead">No hay pagos registrados este día.</p>}
          <ul className="field-payments">
            {open.payments.map((p) => (
              <li key={p.id} className="field-payment">
                <span>
                  <strong>{p.receiptNumber}</strong> · {formatBogotaTime(new Date(p.takenAt))} · {p.holderName} ·{' '}
                  {formatCop(p.amount)} · {p.transfer > 0 ? `Transferencia ${p.transferReference ?? ''}` : 'Efectivo'}
                </span>
                {p.state === 'voided' && <span className="field-warning">Anulado</span>}
                {p.flaggedForOffice !== null && p.state === 'valid' && (
                  <span className="field-warning">Para anular en la oficina: {p.flaggedForOffice}</span>
                )}
                <span className="field-actions">
                  <button type="button" className="field-secondary" onClick={() => void reprint(p)}>
                    Reimprimir
                  </button>
                  {p.state === 'valid' && open.day.state !== 'handed' && voiding !== p.id && (
                    <button
                      type="button"
                      className="field-secondary"
                      onClick={() => {
                        setFlagging(null);
                        setVoiding(p.id);
                      }}
                    >
                      Anular con supervisor
                    </button>
                  )}
                  {p.flaggedForOffice === null &&
                    p.state === 'valid' &&
                    open.day.state !== 'handed' &&
                    flagging !== p.id && (
                      <button
                        type="button"
                        className="field-secondary"
                        onClick={() => {
                          setVoiding(null);
                          setFlagging(p.id);
                        }}
                      >
                        Para anular en la oficina
                      </button>
                    )}
                </span>
                {voiding === p.id && (
                  <VoidWithSupervisor payment={p} onVoided={voided} onCancel={() => setVoiding(null)} />
                )}
                {flagging === p.id && (
                  <span className="field-flag">
                    <label>
                      Motivo (la oficina lo anula con un supervisor)
                      <input autoFocus value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} />
                    </label>
                    <span className="field-actions">
                      <button type="button" className="field-primary" onClick={() => void flag(p)}>
                        Marcar para anular
                      </button>
                      <button type="button" className="field-secondary" onClick={() => setFlagging(null)}>
                        Cancelar
                      </button>
                    </span>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

type DaysRead =
  | {
      readonly ok: true;
      readonly days: FieldDayView[];
      readonly open: { day: FieldDayView; payments: FieldPaymentView[] } | null;
    }
  | { readonly ok: false; readonly problem: string };

/** The days, and the payments of the selected one (the newest when none is); either read failing is the screen's problem. */
async function readDays(call: ReturnType<typeof useFieldCall>, selected: string | null): Promise<DaysRead> {
  const list = await call('field.days', {});
  if (!list.ok) return { ok: false, problem: list.error.message };
  const days = list.value.days;
  const id = selected ?? days[0]?.id;
  if (id === undefined) return { ok: true, days, open: null };
  const day = await call('field.dayPayments', { dayId: id });
  if (!day.ok) return { ok: false, problem: day.error.message };
  return { ok: true, days, open: day.value };
}
