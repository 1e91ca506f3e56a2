import { deviceModes, type DeviceMode } from '../../src-shared/domain/device-mode';
import type { DeviceReport, UpdateState } from '../../src-shared/server-api/device-report';
import { consolePage, consolePaths, type PageFrame } from './console-layout';
import { when } from './console-format';
import { fleetStateLabel, fleetStates, type FleetState } from './fleet-alerts';
import type { FleetDevice } from './fleet-queries';
import { html, type Html } from './html';

/**
 * «Equipos»: every kiosk, counter and field laptop, grouped by office, each with its state in
 * colour and in words from its latest heartbeat, and one device's report and alerts with
 * «Revocar». Admins only (fleet-routes.ts). The page reloads itself every 15 seconds with a
 * `<meta http-equiv="refresh">`: the console's CSP allows no script, not even our own file.
 * The frame's `refreshSeconds`, when given, says otherwise (the server's fleetRefreshSeconds option).
 */

export const fleetRefreshSeconds = 15;

export const modeLabel: Record<DeviceMode, string> = {
  kiosk: 'Kiosco',
  cashier: 'Caja',
  field: 'Campo',
};

export const printerLabel: Record<DeviceReport['printer']['state'], string> = {
  ready: 'Lista',
  'not-configured': 'Sin configurar',
  offline: 'No responde',
  'paper-end': 'Sin papel',
  'cover-open': 'Tapa abierta',
  unknown: 'Desconocido',
};

export const dispenserLabel: Record<NonNullable<DeviceReport['dispenser']>['state'], string> = {
  ready: 'Listo',
  'paper-out': 'Sin papel',
  jammed: 'Atascado',
  offline: 'No responde',
  unknown: 'Desconocido',
};

/** The filters as the address carries them (`?sede=Sede%20Centro&modo=kiosk&estado=caido`). */
export interface FleetSearch {
  readonly office: string;
  readonly mode: DeviceMode | '';
  readonly state: FleetState | '';
}

export type ReadFleetSearch =
  | { readonly ok: true; readonly search: FleetSearch }
  | { readonly ok: false; readonly search: FleetSearch; readonly message: string };

const noOfficeValue = '(sin sede)';

/** Strict: an unknown mode, state or office (or a repeated parameter) is refused, never read as «all». */
export function readFleetSearch(query: unknown, offices: readonly string[]): ReadFleetSearch {
  const q = (typeof query === 'object' && query !== null ? query : {}) as Record<string, unknown>;
  const text = (name: string): string | null =>
    q[name] === undefined ? '' : typeof q[name] === 'string' ? q[name].trim() : null;
  const office = text('sede');
  const mode = text('modo');
  const state = text('estado');
  const search: FleetSearch = {
    office: (office ?? '').slice(0, 80),
    mode: deviceModes.find((m) => m === mode) ?? '',
    state: fleetStates.find((s) => s === state) ?? '',
  };
  const refuse = (message: string): ReadFleetSearch => ({ ok: false, search, message });
  if (office === null || (office !== '' && office !== noOfficeValue && !offices.includes(office)))
    return refuse('Esa sede no tiene equipos registrados. Elíjala de la lista.');
  if (mode === null || (mode !== '' && search.mode === ''))
    return refuse('El tipo de equipo no es válido. Elija kiosco, caja o campo.');
  if (state === null || (state !== '' && search.state === ''))
    return refuse('El estado no es válido. Elija OK, atención o caído.');
  return { ok: true, search };
}

export function matchesSearch(device: FleetDevice, search: FleetSearch): boolean {
  if (search.office !== '' && (device.office ?? noOfficeValue) !== search.office) return false;
  if (search.mode !== '' && device.mode !== search.mode) return false;
  if (search.state !== '' && (device.revokedAt !== null || device.state !== search.state)) return false;
  return true;
}

const stateWords = (device: FleetDevice): string =>
  device.revokedAt === null ? fleetStateLabel[device.state] : 'Revocado';

const stateClass = (device: FleetDevice): string =>
  device.revokedAt === null ? `fleet-${device.state}` : 'fleet-revoked';

const standingClass: Record<FleetState, string> = { ok: '', atencion: 'standing-warn', caido: 'standing-down' };

type Frame = Omit<PageFrame, 'title' | 'active'>;

export function fleetPage(
  frame: Frame,
  search: FleetSearch,
  offices: readonly string[],
  devices: readonly FleetDevice[] | null,
  /** More selects of the filter form (the release channel: fleet-channel-section.ts). */
  moreFilters: Html | null = null,
): Html {
  const counts = devices === null ? null : countStates(devices);
  const groups = devices === null ? [] : groupByOffice(devices);
  const refreshSeconds = frame.refreshSeconds ?? fleetRefreshSeconds;
  return consolePage(
    { ...frame, title: 'Equipos', active: 'fleet', refreshSeconds },
    html`<h1>Equipos</h1>
      <p class="hint">
        Estado de cada kiosco, caja y equipo de campo según su último reporte. La página se actualiza sola cada
        ${refreshSeconds} segundos.
      </p>
      <form method="get" action="${consolePaths.fleet}" class="filters compact">
        <label
          >Sede
          <select name="sede">
            <option value="">Todas</option>
            ${[...offices, noOfficeValue].map(
              (o) => html`<option value="${o}" ${o === search.office ? html`selected` : ''}>${o}</option>`,
            )}
          </select>
        </label>
        <label
          >Tipo
          <select name="modo">
            <option value="">Todos</option>
            ${deviceModes.map(
              (m) => html`<option value="${m}" ${m === search.mode ? html`selected` : ''}>${modeLabel[m]}</option>`,
            )}
          </select>
        </label>
        <label
          >Estado
          <select name="estado">
            <option value="">Todos</option>
            ${fleetStates.map(
              (s) =>
                html`<option value="${s}" ${s === search.state ? html`selected` : ''}>${fleetStateLabel[s]}</option>`,
            )}
          </select>
        </label>
        ${moreFilters}
        <button type="submit">Filtrar</button>
      </form>
      ${
        counts === null
          ? ''
          : html`<ul class="cards" data-testid="fleet-counts">
              <li class="card"><span>OK</span><span class="figure">${counts.ok}</span></li>
              <li class="card ${counts.atencion > 0 ? 'alert' : ''}">
                <span>Atención</span><span class="figure">${counts.atencion}</span>
              </li>
              <li class="card ${counts.caido > 0 ? 'alert' : ''}">
                <span>Caídos</span><span class="figure">${counts.caido}</span>
              </li>
            </ul>`
      }
      ${devices !== null && devices.length === 0 ? html`<p>Ningún equipo coincide con los filtros.</p>` : ''}
      ${groups.map(
        ([office, list]) =>
          html`<section class="fleet-office">
            <h2>${office ?? 'Sin sede'}</h2>
            <table>
              <thead>
                <tr>
                  <th>Equipo</th>
                  <th>Tipo</th>
                  <th>Estado</th>
                  <th>Alertas</th>
                  <th>Último reporte</th>
                  <th>Versión</th>
                </tr>
              </thead>
              <tbody>
                ${list.map(
                  (d) =>
                    html`<tr
                      class="${d.revokedAt === null ? standingClass[d.state] : ''}"
                      data-testid="fleet-device"
                      data-state="${d.revokedAt === null ? d.state : 'revocado'}"
                    >
                      <td><a href="${consolePaths.fleet}/${d.id}">${d.name}</a></td>
                      <td>${modeLabel[d.mode]}</td>
                      <td class="state fleet-state">
                        <span class="fleet-dot ${stateClass(d)}"></span>${stateWords(d)}
                      </td>
                      <td>${d.alerts.map((a) => a.text).join('; ')}</td>
                      <td>${when(d.receivedAt)}</td>
                      <td>${d.report?.appVersion ?? '—'}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </section>`,
      )}`,
  );
}

/** `sections`: more of the device's page, after its latest report (its history, re-enrolling). */
export function fleetDevicePage(frame: Frame, d: FleetDevice, sections: readonly Html[] = []): Html {
  const r = d.report;
  return consolePage(
    {
      ...frame,
      title: `Equipo ${d.name}`,
      active: 'fleet',
      refreshSeconds: frame.refreshSeconds ?? fleetRefreshSeconds,
    },
    html`<p><a href="${consolePaths.fleet}">← Equipos</a></p>
      <h1>${d.name}</h1>
      <p class="state" data-testid="fleet-state" data-state="${d.revokedAt === null ? d.state : 'revocado'}">
        <span class="fleet-dot ${stateClass(d)}"></span>${stateWords(d)}
      </p>
      ${
        d.alerts.length === 0
          ? ''
          : html`<h2>Alertas</h2>
              <ul data-testid="fleet-alerts">
                ${d.alerts.map(
                  (a) =>
                    html`<li class="${a.level === 'caido' ? 'short' : ''}">
                      ${a.text} (${fleetStateLabel[a.level]})
                    </li>`,
                )}
              </ul>`
      }
      <h2>Último reporte</h2>
      <dl class="facts">
        <dt>Tipo</dt>
        <dd>
          ${modeLabel[d.mode]}${r !== null && r.mode !== d.mode ? ` (su configuración dice ${modeLabel[r.mode]})` : ''}
        </dd>
        <dt>Sede</dt>
        <dd>${d.office ?? 'Sin sede'}</dd>
        <dt>Recibido</dt>
        <dd>${when(d.receivedAt)}</dd>
        <dt>Revocado</dt>
        <dd>${d.revokedAt === null ? 'No' : when(d.revokedAt)}</dd>
        ${
          r === null
            ? html`<dt>Reporte</dt>
                <dd>Sin reporte</dd>`
            : html`<dt>Versión</dt>
                <dd>${r.appVersion}</dd>
                <dt>Hecho (reloj del equipo)</dt>
                <dd>${when(r.madeAt)}</dd>
                <dt>Impresora</dt>
                <dd>${printerLabel[r.printer.state]}${r.printer.name === null ? '' : ` — ${r.printer.name}`}</dd>
                <dt>Dispensador</dt>
                <dd>
                  ${r.dispenser === null ? '—' : `${dispenserLabel[r.dispenser.state]}${r.dispenser.paperLow ? ', poco papel' : ''}`}
                </dd>
                <dt>Eventos pendientes</dt>
                <dd>${r.outbox.pending} (el más antiguo: ${when(r.outbox.oldestPendingAt)})</dd>
                <dt>Eventos detenidos</dt>
                <dd>${r.outbox.parked}</dd>
                <dt>Diferencia de reloj</dt>
                <dd>${r.clockOffsetSeconds === null ? '—' : `${r.clockOffsetSeconds} s`}</dd>
                <dt>Disco libre</dt>
                <dd>${r.freeDiskBytes === null ? '—' : `${(r.freeDiskBytes / 1_073_741_824).toFixed(1)} GB`}</dd>
                <dt>Réplica por descargar</dt>
                <dd>
                  ${r.replicaRowsBehind === undefined || r.replicaRowsBehind === null ? '—' : `${r.replicaRowsBehind} filas`}
                </dd>
                <dt>Caja abierta</dt>
                <dd>
                  ${
                    r.cashSession === undefined || r.cashSession === null
                      ? 'No'
                      : `${r.cashSession.cashier}, desde ${when(r.cashSession.openedAt)}`
                  }
                </dd>
                <dt>Actualización</dt>
                <dd>${updateWords(r.update)}</dd>
                <dt>Último cierre inesperado</dt>
                <dd>
                  ${
                    r.lastCrash === undefined || r.lastCrash === null
                      ? '—'
                      : `${when(r.lastCrash.at)}: ${r.lastCrash.message}`
                  }
                </dd>
                ${
                  r.mode !== 'kiosk'
                    ? ''
                    : html`<dt>Último acceso del personal</dt>
                        <dd>
                          ${r.kioskExit === undefined || r.kioskExit === null ? '—' : `${r.kioskExit.staff}, ${when(r.kioskExit.at)}`}
                        </dd>`
                }`
        }
      </dl>
      ${sections}
      ${
        d.revokedAt !== null
          ? ''
          : html`<form method="post" action="${consolePaths.fleet}/${d.id}/revocar" class="action">
              <input type="hidden" name="csrf" value="${frame.csrf}" />
              <p class="hint">
                Revocar corta el acceso del equipo al servidor desde su próxima solicitud. Para volver a usarlo hay que
                inscribirlo de nuevo con un código.
              </p>
              <button type="submit" class="danger">Revocar este equipo</button>
            </form>`
      }`,
  );
}

const updateLabel: Record<UpdateState, string> = {
  downloading: 'Descargando la versión',
  waiting: 'Descargada, por instalar: versión',
  'rolled-back': 'Descartada la versión',
};

/** The heartbeat's `update` in words; escaped by the page's template like every device-supplied text. */
function updateWords(update: DeviceReport['update']): string {
  if (update === undefined || update === null) return '—';
  return `${updateLabel[update.state]} ${update.version}${update.detail === null ? '' : `. ${update.detail}`}`;
}

function countStates(devices: readonly FleetDevice[]): Record<FleetState, number> {
  const counts: Record<FleetState, number> = { ok: 0, atencion: 0, caido: 0 };
  for (const d of devices) if (d.revokedAt === null) counts[d.state] += 1;
  return counts;
}

function groupByOffice(devices: readonly FleetDevice[]): Array<[string | null, FleetDevice[]]> {
  const groups = new Map<string | null, FleetDevice[]>();
  for (const d of devices) {
    const list = groups.get(d.office);
    if (list === undefined) groups.set(d.office, [d]);
    else list.push(d);
  }
  return [...groups.entries()];
}
