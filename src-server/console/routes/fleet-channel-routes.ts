import { releaseChannels, releasePlatforms } from '../../../src-shared/server-api/update-feed';
import { channelOfDevice, newestRelease, setDeviceChannel } from '../../releases/release-queries';
import type { SqlExecutor } from '../../db/sql-executor';
import { sendPage } from '../console-http';
import { consolePaths } from '../console-layout';
import type { ConsoleRouter } from '../console-routes';
import { channelFormField, channelLabel, fleetChannelSection } from '../fleet-channel-section';
import type { FleetDevice } from '../fleet-queries';
import type { Html } from '../html';
import { messagePage } from '../login-page';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The «Actualizaciones» section of a device's page (fleet-routes.ts adds it). */
export async function channelSectionOf(exec: SqlExecutor, csrf: string, device: FleetDevice): Promise<Html> {
  const channel = await channelOfDevice(exec, device.id);
  const offered = [];
  for (const platform of releasePlatforms) {
    const release = await newestRelease(exec, channel.channel, platform);
    if (release !== null) offered.push({ platform, version: release.version });
  }
  return fleetChannelSection({
    csrf,
    deviceId: device.id,
    channel,
    reportedVersion: device.report?.appVersion ?? null,
    offered,
    revoked: device.revokedAt !== null,
  });
}

/**
 * «Cambiar canal» on a device's page: an admin moves a device between the stable and pilot
 * release channels; device_channels keeps who did it and when. CSRF is checked by the router.
 */
export function registerFleetChannelRoutes(router: ConsoleRouter): void {
  const { deps } = router;
  router.action(`${consolePaths.fleet}/:id/canal`, async (request, reply, ctx, form) => {
    if (ctx.staff.role !== 'admin')
      return sendPage(
        reply,
        messagePage('No tiene permiso', 'Solo un administrador puede cambiar el canal de un equipo.', {
          href: consolePaths.root,
          label: 'Volver a la consola',
        }),
        403,
      );
    const id = (request.params as { id?: unknown }).id;
    const exists =
      typeof id === 'string' &&
      uuidPattern.test(id) &&
      (await deps.database.exec.query(`SELECT 1 FROM devices WHERE id = $1`, [id])).rows.length > 0;
    if (!exists || typeof id !== 'string')
      return sendPage(
        reply,
        messagePage('No existe ese equipo', 'Revise el enlace o búsquelo en la lista de equipos.', {
          href: consolePaths.fleet,
          label: 'Volver a Equipos',
        }),
        404,
      );
    const channel = releaseChannels.find((c) => c === form[channelFormField]);
    if (channel === undefined) {
      return ctx.redirectWith(reply, `${consolePaths.fleet}/${id}`, {
        kind: 'error',
        text: 'Elija el canal estable o piloto.',
      });
    }
    await setDeviceChannel(deps.database.exec, id, channel, ctx.staff.username, deps.now());
    deps.log.info({ staff: ctx.staff.username, device: id, channel }, 'console: device release channel set');
    return ctx.redirectWith(reply, `${consolePaths.fleet}/${id}`, {
      kind: 'ok',
      text: `El equipo sigue ahora el canal ${channelLabel[channel].toLowerCase()}: lo toma en su próxima consulta de actualizaciones.`,
    });
  });
}
