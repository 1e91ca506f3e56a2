import { formatBogotaClock, formatBogotaShortDate } from '../../src-shared/domain/bogota-time';
import type { DeviceReport } from '../../src-shared/server-api/device-report';
import { dispenserLabel, printerLabel } from './fleet-pages';
import type { HistoryEntry } from './fleet-history-queries';
import { html, type Html } from './html';

/**
 * «Reportes recientes» on a device's page: one row per report, newest first, so staff see when
 * the printer ran out of paper and when it came back. A cell that differs from the report
 * before it is marked (`changed`), and a row where the printer, the dispenser or the version
 * changed is marked as a whole (`history-change`): a state change stands out among identical rows.
 */

interface Cells {
  readonly printer: string;
  readonly dispenser: string;
  readonly outbox: string;
  readonly clock: string;
  readonly version: string;
}

const waitingFor = (ms: number): string =>
  ms < 60_000 ? '< 1 min' : ms < 7_200_000 ? `${Math.floor(ms / 60_000)} min` : `${Math.floor(ms / 3_600_000)} h`;

function cellsOf(r: DeviceReport, receivedAt: Date): Cells {
  const oldest = r.outbox.oldestPendingAt;
  const waiting = oldest === null ? '' : ` (${waitingFor(receivedAt.getTime() - Date.parse(oldest))})`;
  return {
    printer: printerLabel[r.printer.state],
    dispenser:
      r.dispenser === null ? '—' : `${dispenserLabel[r.dispenser.state]}${r.dispenser.paperLow ? ', poco papel' : ''}`,
    outbox: `${r.outbox.pending}${waiting}${r.outbox.parked > 0 ? ` · ${r.outbox.parked} detenidos` : ''}`,
    clock: r.clockOffsetSeconds === null ? '—' : `${r.clockOffsetSeconds} s`,
    version: r.appVersion,
  };
}

/** The stateful cells: a change in one of these is a change of the device's state. */
const stateKeys = ['printer', 'dispenser', 'version'] as const;

/**
 * What counts as a change worth marking, per cell. The figures move every report (a pending
 * count, a second of clock drift), so they are marked only when they cross what the alerts
 * care about: events starting or ceasing to wait, parked events, the clock past 2 minutes.
 */
function markKey(r: DeviceReport, key: keyof Cells, cells: Cells): string {
  if (key === 'outbox') return `${r.outbox.pending > 0}|${r.outbox.parked}`;
  if (key === 'clock') return String(r.clockOffsetSeconds !== null && Math.abs(r.clockOffsetSeconds) > 120);
  return cells[key];
}

const moment = (at: Date, today: string): string =>
  formatBogotaShortDate(at) === today ? formatBogotaClock(at) : `${formatBogotaShortDate(at)} ${formatBogotaClock(at)}`;

export function fleetHistorySection(entries: readonly HistoryEntry[], total: number, now: Date): Html {
  if (entries.length === 0)
    return html`<section class="fleet-history" data-testid="fleet-history">
      <h2>Reportes recientes</h2>
      <p>Este equipo aún no ha enviado reportes.</p>
    </section>`;
  const today = formatBogotaShortDate(now);
  const cells = entries.map((e) => cellsOf(e.report, e.receivedAt));
  const rows = entries.map((entry, i) => {
    const mine = cells[i]!;
    // Newest first: the report before this one is the next row.
    const before = cells[i + 1];
    const older = entries[i + 1];
    const changed = (key: keyof Cells): boolean =>
      before !== undefined &&
      older !== undefined &&
      markKey(older.report, key, before) !== markKey(entry.report, key, mine);
    const stateChanged = stateKeys.some(changed);
    const td = (key: keyof Cells) =>
      html`<td class="${changed(key) ? 'changed' : ''}" ${changed(key) ? html`title="Antes: ${before?.[key]}"` : ''}>
        ${mine[key]}
      </td>`;
    return html`<tr class="${stateChanged ? 'history-change' : ''}" data-testid="fleet-history-row">
      <td class="time">${moment(entry.receivedAt, today)}</td>
      ${td('printer')} ${td('dispenser')} ${td('outbox')} ${td('clock')} ${td('version')}
    </tr>`;
  });
  const changes = entries.filter((_, i) =>
    stateKeys.some((k) => cells[i + 1] !== undefined && cells[i + 1]![k] !== cells[i]![k]),
  ).length;
  return html`<section class="fleet-history" data-testid="fleet-history">
    <h2>Reportes recientes</h2>
    <p class="hint">
      Los ${entries.length} más recientes de ${total} guardados, del más nuevo al más
      antiguo${
        changes === 0
          ? '; sin cambios de estado'
          : `; ${changes} ${changes === 1 ? 'cambio' : 'cambios'} de estado, marcados`
      }.
      Resaltado, lo que cambió respecto al reporte anterior: los pendientes cuando empiezan o dejan de esperar, el reloj
      cuando pasa de 2 minutos.
    </p>
    <table class="history-table">
      <thead>
        <tr>
          <th>Recibido</th>
          <th>Impresora</th>
          <th>Dispensador</th>
          <th>Pendientes (más antiguo)</th>
          <th>Reloj</th>
          <th>Versión</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </section>`;
}
