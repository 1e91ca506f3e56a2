import type { FieldDeviceRoutes } from '../devices/device-routes';
import { consolePage, consolePaths, type PageFrame } from './console-layout';
import { when } from './console-format';
import { html, type Html } from './html';

/**
 * «Rutas de campo» (docs/field-routes.md): each live field device with its assigned routes and
 * how many subscribers each holds today, a form to assign more and a button to take one away.
 * Only supervisors and admins reach it (staff-roles.ts `mayAct`).
 */
export function fieldRoutesPage(
  frame: Omit<PageFrame, 'title' | 'active'>,
  devices: readonly FieldDeviceRoutes[],
  typed: { deviceId: string; routes: string } | null = null,
): Html {
  const sections = devices.map((device) => deviceSection(frame.csrf, device, typed));
  return consolePage(
    { ...frame, title: 'Rutas de campo', active: 'fieldRoutes' },
    html`<h1>Rutas de campo</h1>
      <p class="hint">
        Cada portátil de campo guarda solo los suscriptores de sus rutas, con sus facturas y pagos; sin rutas no guarda
        ninguno. Una ruta es el ciclo (03) o el ciclo y la ruta (03-117). Al asignar una ruta el portátil la descarga la
        próxima vez que se conecte; al quitarla borra sus datos, pero conserva y envía los pagos que ya tomó.
      </p>
      ${
        devices.length === 0
          ? html`<p>No hay equipos de campo activos. Inscriba uno con un código de inscripción en modo campo.</p>`
          : sections
      }`,
  );
}

function deviceSection(
  csrf: string,
  device: FieldDeviceRoutes,
  typed: { deviceId: string; routes: string } | null,
): Html {
  const total = device.routes.reduce((sum, route) => sum + route.subscribers, 0);
  const rows = device.routes.map(
    (route) =>
      html`<tr>
        <td>${route.code}</td>
        <td class="num">${route.subscribers.toLocaleString('es-CO')}</td>
        <td>${route.assignedBy}, ${when(route.assignedAt)}</td>
        <td>
          <form method="post" action="${consolePaths.fieldRoutes}/quitar">
            <input type="hidden" name="csrf" value="${csrf}" />
            <input type="hidden" name="equipo" value="${device.id}" />
            <input type="hidden" name="rutas" value="${route.code}" />
            <button type="submit" class="danger">Quitar ${route.code}</button>
          </form>
        </td>
      </tr>`,
  );
  const fieldId = `rutas-${device.id}`;
  return html`<section aria-labelledby="equipo-${device.id}">
    <h2 id="equipo-${device.id}">${device.name}</h2>
    <p class="hint">Última conexión: ${when(device.lastSeenAt)}</p>
    ${
      device.routes.length === 0
        ? html`<p><strong>Sin rutas:</strong> este portátil no guarda ningún suscriptor.</p>`
        : html`<table class="narrow">
            <thead>
              <tr>
                <th>Ruta</th>
                <th class="num">Suscriptores</th>
                <th>Asignada por</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              ${rows}
            </tbody>
            <tfoot>
              <tr>
                <th>Total</th>
                <th class="num">${total.toLocaleString('es-CO')}</th>
                <th></th>
                <th></th>
              </tr>
            </tfoot>
          </table>`
    }
    <form method="post" action="${consolePaths.fieldRoutes}/asignar" class="filters">
      <input type="hidden" name="csrf" value="${csrf}" />
      <input type="hidden" name="equipo" value="${device.id}" />
      <label for="${fieldId}"
        >Asignar rutas (separadas por espacios o comas)
        <input
          id="${fieldId}"
          name="rutas"
          value="${typed?.deviceId === device.id ? typed.routes : ''}"
          placeholder="03-117"
          required
        />
      </label>
      <button type="submit">Asignar</button>
    </form>
  </section>`;
}
