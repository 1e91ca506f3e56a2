import { useState } from 'react';
import { formatBogotaLongDate } from '../../src-shared/domain/bogota-time';
import { PreparePanel } from './PreparePanel';
import { useFieldCall } from './useFieldCall';
import { useFieldStore } from './field-store';

/** The first thing each morning: today's collection day, where today's payments add up. */
export function OpenDayScreen() {
  const call = useFieldCall();
  const show = useFieldStore((state) => state.show);
  const changed = useFieldStore((state) => state.changed);
  const [problem, setProblem] = useState<string | null>(null);
  const open = async () => {
    const result = await call('field.openDay', {});
    if (!result.ok) return setProblem(result.error.message);
    changed();
    show('sheet');
  };
  return (
    <section className="field-card" aria-label="Abrir el día de recaudo">
      <h1>Día de recaudo</h1>
      <p className="field-lead">Hoy es {formatBogotaLongDate(new Date())}. Abra el día para empezar a cobrar.</p>
      <p>Los días anteriores que no se han entregado en la oficina siguen guardados en este equipo.</p>
      {problem !== null && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
      <PreparePanel />
      <div className="field-actions">
        <button autoFocus type="button" className="field-primary" onClick={() => void open()}>
          Abrir el día de hoy
        </button>
        <button type="button" className="field-secondary" onClick={() => show('days')}>
          Ver días de recaudo
        </button>
      </div>
    </section>
  );
}
