import { useState } from 'react';
import { formatBogotaShortDate } from '../../src-shared/domain/bogota-time';
import { PreparePanel } from './PreparePanel';
import { useFieldCall } from './useFieldCall';
import { useFieldStore } from './field-store';

/**
 * The first thing each morning: today's collection day, where today's payments add up. «Abrir
 * el día de hoy» comes right under the date, before «Preparar salida»: whatever the check
 * below says (its list of routes grows with the routes), the day's action stays in sight on a
 * 1366×768 laptop without scrolling.
 */
export function OpenDayScreen() {
  const call = useFieldCall();
  const show = useFieldStore((state) => state.show);
  const changed = useFieldStore((state) => state.changed);
  const [problem, setProblem] = useState<string | null>(null);
  const open = async () => {
    setProblem(null);
    const result = await call('field.openDay', {});
    if (!result.ok) return setProblem(result.error.message);
    changed();
    show('sheet');
  };
  return (
    <section className="field-card" aria-label="Abrir el día de recaudo">
      <h1>Día de recaudo</h1>
      <p className="field-lead">Hoy es {formatBogotaShortDate(new Date())}. Abra el día para empezar a cobrar.</p>
      {problem !== null && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="field-actions">
        <button autoFocus type="button" className="field-primary" onClick={() => void open()}>
          Abrir el día de hoy
        </button>
        <button type="button" className="field-secondary" onClick={() => show('days')}>
          Ver días de recaudo
        </button>
      </div>
      <p>Los días anteriores que no se han entregado en la oficina siguen guardados en este equipo.</p>
      {/* Left on screen, an old «Prepare la salida…» would contradict the new check's «Salida preparada». */}
      <PreparePanel onAttempt={() => setProblem(null)} />
    </section>
  );
}
