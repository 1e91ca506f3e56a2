import { useEffect, useState } from 'react';
import type { HandoverView } from '../../src-shared/api/ops/field-handover';
import { formatDateEs } from '../../src-shared/domain/calendar-es';
import { formatCop } from '../../src-shared/domain/money';
import { useFieldCall } from './useFieldCall';
import { useFieldStore } from './field-store';

/** The handover recorded: expected against counted by tender, the difference, the days and the notes; the report. */
export function HandoverDone({
  handover,
  printerProblem,
}: {
  readonly handover: HandoverView;
  readonly printerProblem: string | null;
}) {
  const call = useFieldCall();
  const show = useFieldStore((state) => state.show);
  const [message, setMessage] = useState<{ text: string; problem: boolean }>({
    text: printerProblem ?? 'Informe de la entrega enviado a la impresora.',
    problem: printerProblem !== null,
  });
  const h = handover;
  // The count was typed far down the page: the outcome starts at the top (the main area scrolls, not the window).
  useEffect(() => {
    document.querySelector('.field-app__main')?.scrollTo({ top: 0 });
    window.scrollTo({ top: 0 });
  }, []);

  const savePdf = async () => {
    const result = await call('field.handoverPdf', { handoverId: h.id });
    if (!result.ok) return setMessage({ text: result.error.message, problem: true });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([new Uint8Array(result.value.bytes)], { type: result.value.contentType }));
    link.download = result.value.fileName;
    link.click();
    window.setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    setMessage({ text: `Informe guardado como ${result.value.fileName}.`, problem: false });
  };
  const reprint = async () => {
    const result = await call('field.handoverReprint', { handoverId: h.id });
    if (!result.ok) return setMessage({ text: result.error.message, problem: true });
    setMessage({
      text: result.value.printerProblem ?? 'Copia del informe enviada a la impresora.',
      problem: result.value.printerProblem !== null,
    });
  };

  return (
    <section className="field-card" aria-label="Entrega registrada">
      <h1>Entrega registrada</h1>
      <p className={h.difference === 0 ? 'field-ok' : 'field-warning'} role="status">
        {h.difference === 0
          ? 'El conteo coincide con los registros.'
          : h.difference < 0
            ? `Faltan ${formatCop(-h.difference)} frente a los registros. La diferencia queda registrada.`
            : `Sobran ${formatCop(h.difference)} frente a los registros. La diferencia queda registrada.`}
      </p>
      <table className="field-days" aria-label="Esperado y contado">
        <thead>
          <tr>
            <th scope="col">Medio</th>
            <th scope="col">Esperado</th>
            <th scope="col">Contado</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Efectivo</th>
            <td>{formatCop(h.expectedCash)}</td>
            <td>{formatCop(h.countedCash)}</td>
          </tr>
          <tr>
            <th scope="row">Transferencias</th>
            <td>{formatCop(h.expectedTransfer)}</td>
            <td>{formatCop(h.countedTransfer)}</td>
          </tr>
          <tr>
            <th scope="row">Diferencia</th>
            <td />
            <td>
              <strong>{formatCop(h.difference)}</strong>
            </td>
          </tr>
        </tbody>
      </table>
      <h2>Días entregados</h2>
      <ul className="field-payments">
        {h.days.map((day) => (
          <li key={day.id} className="field-payment">
            {formatDateEs(day.date)} · {day.payments} {day.payments === 1 ? 'pago' : 'pagos'} · efectivo{' '}
            {formatCop(day.cash)} · transferencias {formatCop(day.transfer)}
          </li>
        ))}
      </ul>
      {h.notes.length > 0 && (
        <div className="field-warning">
          <strong>Para la oficina</strong>
          <ul>
            {h.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}
      <p className={message.problem ? 'field-problem' : undefined} role={message.problem ? 'alert' : 'status'}>
        {message.text}
      </p>
      <div className="field-actions">
        <button type="button" className="field-primary" onClick={() => void savePdf()}>
          Guardar el informe en PDF
        </button>
        <button type="button" className="field-secondary" onClick={() => void reprint()}>
          Reimprimir el informe
        </button>
        <button type="button" className="field-secondary" onClick={() => show('days')}>
          Ver días de recaudo
        </button>
      </div>
    </section>
  );
}
