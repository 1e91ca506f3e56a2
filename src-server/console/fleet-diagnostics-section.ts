import type { DiagnosticListing } from '../devices/diagnostics';
import { consolePaths } from './console-layout';
import { when } from './console-format';
import { html, type Html } from './html';

/** Where one bundle of one device downloads from (routes/fleet-diagnostics-routes.ts). */
export const diagnosticPath = (deviceId: string, diagnosticId: string): string =>
  `${consolePaths.fleet}/${deviceId}/diagnosticos/${diagnosticId}`;

/** The file name a bundle downloads as: the device's id and the upload's time, nothing personal. */
export const diagnosticFileName = (deviceId: string, uploadedAt: Date): string =>
  `diagnostico-${deviceId.slice(0, 8)}-${uploadedAt.toISOString().replace(/[:.]/g, '-')}.jsonl.gz`;

const size = (bytes: number): string =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1_048_576
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1_048_576).toFixed(1)} MB`;

/**
 * «Diagnósticos» on a device's page of the fleet view: the bundles staff sent from the device
 * with «Enviar diagnóstico» (docs/operations.md), newest first, each a download link.
 */
export function fleetDiagnosticsSection(deviceId: string, bundles: readonly DiagnosticListing[]): Html {
  return html`<h2>Diagnósticos</h2>
    ${
      bundles.length === 0
        ? html`<p class="hint" data-testid="fleet-diagnostics-empty">
            Este equipo no ha enviado diagnósticos. Un supervisor los envía desde la pantalla del personal del equipo
            («Enviar diagnóstico»).
          </p>`
        : html`<table data-testid="fleet-diagnostics">
            <thead>
              <tr>
                <th>Recibido</th>
                <th>Tamaño</th>
                <th>Pedido por</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              ${bundles.map(
                (b) =>
                  html`<tr>
                    <td>${when(b.uploadedAt)}</td>
                    <td>${size(b.sizeBytes)}</td>
                    <td>${b.requestedBy ?? '—'}</td>
                    <td><a href="${diagnosticPath(deviceId, b.id)}" download>Descargar</a></td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }`;
}
