import { deviceModes } from '../../src-shared/domain/device-mode';
import { qrSymbol } from '../../src-node/certificates/qr-drawing';
import { consolePage, consolePaths, type PageFrame } from './console-layout';
import { when } from './console-format';
import { modeLabel } from './fleet-pages';
import type { FleetDevice } from './fleet-queries';
import { html, trusted, type Html } from './html';

/**
 * Enrolling from «Equipos»: «Reinscribir» on a live device's page (a replacement install that
 * takes over its name, office and receipt series; the device is revoked at once,
 * devices/reenroll.ts says why), «Nuevo equipo», and the page that shows the one-time code —
 * as text grouped for typing and as a QR code drawn here as inline SVG (no image request, no
 * script: the console's CSP allows neither from elsewhere, and inline markup needs nothing).
 */

type Frame = Omit<PageFrame, 'title' | 'active'>;

export const newDevicePath = `${consolePaths.fleet}/nuevo`;

/** The QR of `text` as inline SVG: one path of dark runs, a white quiet zone of four modules. */
export function qrSvg(text: string, pixels = 240): Html {
  const symbol = qrSymbol(text);
  const quiet = 4;
  const size = symbol.count + 2 * quiet;
  const d = symbol.runs.map((r) => `M${r.col + quiet} ${r.row + quiet}h${r.length}v1h-${r.length}z`).join('');
  // Only digits and path letters from our own encoder: safe to write as markup.
  return trusted(
    `<svg xmlns="http://www.w3.org/2000/svg" class="qr" width="${pixels}" height="${pixels}" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges" role="img" aria-label="Código QR de inscripción" data-testid="enroll-qr"><rect width="${size}" height="${size}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`,
  );
}

/** On a live device's page: «Reinscribir» with what it does, and the unsent events it would lose. */
export function reenrollSection(d: FleetDevice, csrf: string): Html {
  const pending = d.report === null ? 0 : d.report.outbox.pending + d.report.outbox.parked;
  return html`<section class="fleet-enroll">
    <h2>Reinscribir (equipo de reemplazo)</h2>
    <form method="post" action="${consolePaths.fleet}/${d.id}/reinscribir" class="action">
      <input type="hidden" name="csrf" value="${csrf}" />
      <p class="hint">
        Crea un código de un solo uso para instalar otro equipo en lugar de este, con el mismo nombre, tipo y
        sede${d.mode === 'kiosk' ? '' : ', y la misma serie de recibos (sigue después del último número recibido)'}.
        <strong>Este equipo queda revocado de inmediato</strong>: si fue robado o se dañó, deja de tener acceso ya, sin
        esperar a que se instale el reemplazo.
      </p>
      ${
        pending > 0
          ? html`<p class="notice error" data-testid="reenroll-pending">
              Su último reporte tenía ${pending} ${pending === 1 ? 'evento sin enviar' : 'eventos sin enviar'}. Si el
              equipo todavía funciona, déjelo sincronizar antes: al revocarlo, esos eventos ya no llegan al servidor.
            </p>`
          : ''
      }
      <button type="submit" class="danger">Revocar y crear código de reemplazo</button>
    </form>
  </section>`;
}

/** On a revoked device's page: enroll a replacement through «Nuevo equipo», its data filled in. */
export function replaceRevokedSection(d: FleetDevice, receiptPrefix: string | null): Html {
  const query = new URLSearchParams({
    nombre: d.name,
    modo: d.mode,
    ...(d.office === null ? {} : { sede: d.office }),
    ...(receiptPrefix === null ? {} : { serie: receiptPrefix }),
  });
  return html`<section class="fleet-enroll">
    <h2>Reemplazo</h2>
    <p>
      Este equipo está revocado. Para instalar otro en su lugar,
      <a href="${newDevicePath}?${query.toString()}">inscriba un equipo nuevo con sus datos</a>${
        receiptPrefix === null ? '' : ` (continúa la serie de recibos ${receiptPrefix})`
      }.
    </p>
  </section>`;
}

/** What «Nuevo equipo» was given (or is filled in with): the form's own words. */
export interface NewDeviceValues {
  readonly name: string;
  readonly mode: string;
  readonly office: string;
  readonly receiptPrefix: string;
}

export const emptyNewDevice: NewDeviceValues = { name: '', mode: '', office: '', receiptPrefix: '' };

export function newDevicePage(f: Frame, values: NewDeviceValues): Html {
  return consolePage(
    { ...f, title: 'Nuevo equipo', active: 'fleet' },
    html`<p><a href="${consolePaths.fleet}">← Equipos</a></p>
      <h1>Nuevo equipo</h1>
      <p class="hint">
        Crea un código de inscripción de un solo uso. El técnico lo escribe o escanea al instalar Ventanilla en el
        equipo; el servidor le da entonces su identidad con estos datos.
      </p>
      <form method="post" action="${newDevicePath}" class="action" data-testid="new-device-form">
        <input type="hidden" name="csrf" value="${f.csrf}" />
        <label
          >Nombre del equipo
          <input name="nombre" required maxlength="80" value="${values.name}" />
        </label>
        <label
          >Tipo
          <select name="modo" required>
            <option value="">Elija…</option>
            ${deviceModes.map(
              (m) => html`<option value="${m}" ${m === values.mode ? html`selected` : ''}>${modeLabel[m]}</option>`,
            )}
          </select>
        </label>
        <label
          >Sede (opcional)
          <input name="sede" maxlength="80" value="${values.office}" />
        </label>
        <label
          >Serie de recibos a continuar (opcional; solo cajas y equipos de campo)
          <input name="serie" maxlength="10" value="${values.receiptPrefix}" />
        </label>
        <button type="submit">Crear código</button>
      </form>`,
  );
}

/** The code, once: grouped for typing, as a QR, with its expiry and what it will enroll. */
export function enrollmentCodePage(
  f: Frame,
  created: {
    readonly code: string;
    readonly expiresAt: Date;
    readonly deviceName: string;
    readonly mode: string;
    readonly office: string | null;
    readonly receiptPrefix: string | null;
  },
  replaced: { readonly id: string; readonly name: string } | null,
): Html {
  const mode = deviceModes.find((m) => m === created.mode);
  return consolePage(
    { ...f, title: 'Código de inscripción', active: 'fleet' },
    html`<p><a href="${consolePaths.fleet}">← Equipos</a></p>
      <h1>Código de inscripción</h1>
      ${
        replaced === null
          ? ''
          : html`<p class="notice ok" role="status">
              «${replaced.name}» quedó revocado. Este código inscribe su reemplazo.
            </p>`
      }
      <div class="enroll-code">
        <div>
          <p class="code" data-testid="enroll-code">
            ${created.code.split('-').map((g, i) => html`${i === 0 ? '' : html`<span class="sep">-</span>`}<span>${g}</span>`)}
          </p>
          <dl class="facts">
            <dt>Equipo</dt>
            <dd>${created.deviceName}</dd>
            <dt>Tipo</dt>
            <dd>${mode === undefined ? created.mode : modeLabel[mode]}</dd>
            <dt>Sede</dt>
            <dd>${created.office ?? 'Sin sede'}</dd>
            <dt>Serie de recibos</dt>
            <dd>${created.receiptPrefix ?? (mode === 'kiosk' ? '— (un kiosco no emite recibos)' : 'Una nueva')}</dd>
            <dt>Vence</dt>
            <dd data-testid="enroll-expires">${when(created.expiresAt)}</dd>
          </dl>
          <p class="hint">
            Sirve una sola vez. Escríbalo (sin importar mayúsculas ni guiones) o escanéelo en la pantalla de inscripción
            del equipo nuevo. Esta es la única vez que se muestra: el servidor guarda solo su huella.
          </p>
        </div>
        <figure>${qrSvg(created.code)}</figure>
      </div>
      ${replaced === null ? '' : html`<p><a href="${consolePaths.fleet}/${replaced.id}">Ver el equipo revocado</a></p>`}`,
  );
}
