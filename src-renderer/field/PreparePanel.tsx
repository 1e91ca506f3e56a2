import { useState } from 'react';
import type { FieldPrepareResult } from '../../src-shared/api/ops/field';
import { dataAgeLabel } from '../../src-shared/field/field-words';
import { useFieldCall } from './useFieldCall';

/**
 * «Preparar salida» (docs/field-mode.md), at the office before leaving: downloads what is left of
 * the routes, checks them against the central server and says the data's age. On a difference
 * it offers the full download again; a new collection day opens only after an ok check.
 * `onAttempt` is told when a check starts: what the screen above said before it (its «Prepare
 * la salida…») no longer holds, and this panel says how the check ends.
 */
export function PreparePanel({ onAttempt }: { readonly onAttempt?: () => void }) {
  const call = useFieldCall();
  const [busy, setBusy] = useState<null | 'check' | 'redownload'>(null);
  const [result, setResult] = useState<FieldPrepareResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const prepare = async (redownload: boolean) => {
    setBusy(redownload ? 'redownload' : 'check');
    setProblem(null);
    onAttempt?.();
    const answer = await call('field.prepare', { redownload });
    setBusy(null);
    if (!answer.ok) return setProblem(answer.error.message);
    setResult(answer.value);
  };
  return (
    <section className="field-prepare" aria-label="Preparar salida">
      <h2>Preparar salida</h2>
      <p>En la oficina, antes de salir: descarga sus rutas y las revisa contra el servidor central.</p>
      {busy !== null && (
        <p role="status" aria-live="polite">
          {busy === 'redownload'
            ? 'Descargando sus rutas de nuevo y revisándolas… no cierre el equipo.'
            : 'Descargando y revisando sus rutas…'}
        </p>
      )}
      {problem !== null && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
      {result !== null && busy === null && (
        <div role={result.ok ? 'status' : 'alert'} className={result.ok ? 'field-ok' : 'field-problem'}>
          <p>
            <strong>{result.message}</strong> {dataAgeLabel(result.dataAsOf)}.
          </p>
          <ul>
            {result.routes.map((route) => (
              <li key={route.route}>
                Ruta {route.route}: {route.subscribers} suscriptores, {route.bills} facturas, {route.payments} pagos.
              </li>
            ))}
          </ul>
          {result.differences.length > 0 && (
            <ul>
              {result.differences.map((difference) => (
                <li key={difference}>{difference}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="field-actions">
        <button type="button" className="field-secondary" disabled={busy !== null} onClick={() => void prepare(false)}>
          Preparar salida
        </button>
        {result !== null && !result.ok && result.routes.length > 0 && (
          <button type="button" className="field-secondary" disabled={busy !== null} onClick={() => void prepare(true)}>
            Volver a descargar
          </button>
        )}
      </div>
    </section>
  );
}
