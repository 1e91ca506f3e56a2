import { useNow } from '../format/useNow';
import { statusLines, type StatusAudience, type StatusLine } from './status-lines';
import { useDeviceStatus } from './useDeviceStatus';
import './status-strip.css';

/**
 * The host has no main → renderer notifications, so the strip asks; `status.get` is a few
 * SQLite reads and cached device states, and the device knows of a lost link as soon as any
 * call to the server fails, so a short poll is what keeps «Conectado» from lingering.
 */
const pollMs = 2_000;

function linesFor(view: ReturnType<typeof useDeviceStatus>, now: Date, audience: StatusAudience): StatusLine[] {
  if (view.state === 'loading') return [{ key: 'server', text: 'Consultando el estado del equipo…', tone: 'neutral' }];
  if (view.state === 'failed') {
    return [{ key: 'server', text: 'Sin comunicación con el servicio de Ventanilla de este equipo', tone: 'problem' }];
  }
  return statusLines(view.status, now, audience);
}

/**
 * Always at the bottom: connection to the central server, last sync, pending records, printer
 * and how many subscribers the central server holds. Announced politely when it changes. The
 * footer is the page's contentinfo landmark; the live region is inside it (a footer may not
 * take the role status itself).
 */
export function StatusStrip({ audience = 'citizen' }: { readonly audience?: StatusAudience }) {
  const view = useDeviceStatus(pollMs);
  const now = useNow(30_000);
  return (
    <footer className="status-strip">
      <div className="status-strip__lines" role="status" aria-live="polite" aria-label="Estado del equipo">
        {linesFor(view, now, audience).map((line) => (
          <span key={line.key} className={`status-strip__item status-strip__item--${line.key}`} data-status={line.key}>
            <span className={`status-strip__dot status-strip__dot--${line.tone}`} aria-hidden="true" />
            {line.text}
          </span>
        ))}
      </div>
    </footer>
  );
}
