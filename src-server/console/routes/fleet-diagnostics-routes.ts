import { attachmentDisposition } from '../../../src-shared/api/document';
import type { SqlExecutor } from '../../db/sql-executor';
import { diagnosticBundle, listDiagnostics } from '../../devices/diagnostics';
import { secureHeaders, sendPage } from '../console-http';
import { consolePaths } from '../console-layout';
import type { ConsoleRouter } from '../console-routes';
import { diagnosticFileName, fleetDiagnosticsSection } from '../fleet-diagnostics-section';
import type { Html } from '../html';
import { messagePage } from '../login-page';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A device's diagnostic bundle as a download (docs/operations.md, "Logs and diagnostics"):
 * admins only, like the rest of «Equipos»; the gzip as the device sent it, as an attachment,
 * never cached (secureHeaders: `no-store`).
 */
export function registerFleetDiagnosticsRoutes(router: ConsoleRouter): void {
  const { deps } = router;
  const refused = messagePage('No tiene permiso', 'Solo un administrador puede ver y administrar los equipos.', {
    href: consolePaths.root,
    label: 'Volver a la consola',
  });
  const notFound = messagePage('No existe ese diagnóstico', 'Revise el enlace o búsquelo en la página del equipo.', {
    href: consolePaths.fleet,
    label: 'Volver a Equipos',
  });

  router.page(`${consolePaths.fleet}/:id/diagnosticos/:diagnostic`, async (request, reply, ctx) => {
    if (ctx.staff.role !== 'admin') return sendPage(reply, refused, 403);
    const { id, diagnostic } = request.params as { id?: unknown; diagnostic?: unknown };
    const found =
      typeof id === 'string' && uuidPattern.test(id) && typeof diagnostic === 'string' && uuidPattern.test(diagnostic)
        ? await diagnosticBundle(deps.database.exec, id, diagnostic)
        : null;
    if (found === null || typeof id !== 'string') return sendPage(reply, notFound, 404);
    deps.log.info({ staff: ctx.staff.username, device: id, diagnostic: found.id }, 'console: diagnostic downloaded');
    return secureHeaders(reply)
      .code(200)
      .type('application/gzip')
      .header('content-disposition', attachmentDisposition(diagnosticFileName(id, found.uploadedAt)))
      .send(found.bundle);
  });
}

/** The device page's «Diagnósticos» section (fleet-routes.ts). */
export async function diagnosticsSectionOf(exec: SqlExecutor, deviceId: string): Promise<Html> {
  return fleetDiagnosticsSection(deviceId, await listDiagnostics(exec, deviceId));
}
