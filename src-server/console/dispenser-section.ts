import type { KioskDispenserView } from './dispenser-queries';
import { when } from './console-format';
import { html, type Html } from './html';

/** A kiosk that has not reported for this long is called silent: its dispenser's state is old news. */
export const silentAfterMs = 5 * 60 * 1000;

const stateWords: Record<NonNullable<KioskDispenserView['dispenser']>['state'], string> = {
  ready: 'Listo',
  'paper-out': 'Sin papel',
  jammed: 'Atascado',
  offline: 'Sin conexión',
  unknown: 'No responde',
};

/** How staff should read one kiosk's dispenser: fine, worth a look, or stopped (sales refused). */
export function dispenserStanding(
  view: KioskDispenserView,
  now: Date,
): { level: 'ok' | 'warn' | 'down'; words: string } {
  if (view.reportedAt === null) return { level: 'warn', words: 'El kiosco todavía no ha reportado' };
  if (now.getTime() - view.reportedAt.getTime() > silentAfterMs)
    return { level: 'down', words: `Sin reporte desde ${when(view.reportedAt)}` };
  const d = view.dispenser;
  if (d === null) return { level: 'warn', words: 'Sin dispensador' };
  if (d.state !== 'ready') return { level: 'down', words: `${stateWords[d.state]}: no vende certificados` };
  if (d.paperLow) return { level: 'warn', words: 'Poco papel: no vende certificados hasta que lo recarguen' };
  return { level: 'ok', words: stateWords.ready };
}

/** «Dispensadores»: each kiosk's dispenser as its last heartbeat told it, the stopped ones marked. */
export function dispensersSection(dispensers: readonly KioskDispenserView[], now: Date): Html {
  if (dispensers.length === 0)
    return html`<h2>Dispensadores</h2>
      <p class="hint">No hay kioscos inscritos.</p>`;
  const rows = dispensers.map((d) => {
    const standing = dispenserStanding(d, now);
    return html`<tr class="standing-${standing.level}">
      <td>${d.deviceName}</td>
      <td>${d.office ?? '—'}</td>
      <td class="state" data-testid="dispensador">${standing.words}</td>
      <td>${when(d.reportedAt)}</td>
      <td>${d.appVersion ?? '—'}</td>
    </tr>`;
  });
  return html`<h2>Dispensadores</h2>
    <p class="hint">Lo que cada kiosco reportó de su dispensador (cada minuto, y al cambiar).</p>
    <table>
      <thead>
        <tr>
          <th>Kiosco</th>
          <th>Sede</th>
          <th>Dispensador</th>
          <th>Último reporte</th>
          <th>Versión</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>`;
}
