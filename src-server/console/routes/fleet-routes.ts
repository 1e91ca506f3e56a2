import { revokeDevice } from '../../devices/admin';
import { sendPage } from '../console-http';
import { consolePaths } from '../console-layout';
import type { ConsoleRouter } from '../console-routes';
import { fleetDevicePage, fleetPage, fleetRefreshSeconds, matchesSearch, readFleetSearch } from '../fleet-pages';
import { fleetDevice, listFleet } from '../fleet-queries';
import { messagePage } from '../login-page';
import { diagnosticsSectionOf } from './fleet-diagnostics-routes';
import { channelSectionOf } from './fleet-channel-routes';
import { channelFilterSelect, readChannelFilter } from '../fleet-channel-section';
import { devicesOfChannel } from '../../releases/release-queries';
import { fleetDeviceSections, registerFleetEnrollRoutes } from './fleet-enroll-routes';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * «Equipos» (the fleet view, docs/device-report.md): every device with its state from its latest
 * heartbeat, one device's report, and «Revocar». Only an admin: admins enroll and revoke devices,
 * and the page names cashiers with open sessions; anyone else is refused (403).
 */
export function registerFleetRoutes(router: ConsoleRouter): void {
  const { deps } = router;
  /** The page frame with this server's reload interval (ConsoleDeps.fleetRefreshSeconds). */
  const live = <F extends object>(frame: F) => ({
    ...frame,
    refreshSeconds: deps.fleetRefreshSeconds?.() ?? fleetRefreshSeconds,
  });
  const refused = messagePage('No tiene permiso', 'Solo un administrador puede ver y administrar los equipos.', {
    href: consolePaths.root,
    label: 'Volver a la consola',
  });
  const notFound = messagePage('No existe ese equipo', 'Revise el enlace o búsquelo en la lista de equipos.', {
    href: consolePaths.fleet,
    label: 'Volver a Equipos',
  });

  router.page(consolePaths.fleet, async (request, reply, ctx) => {
    if (ctx.staff.role !== 'admin') return sendPage(reply, refused, 403);
    const devices = await listFleet(deps.database.exec, deps.now());
    const offices = [...new Set(devices.flatMap((d) => (d.office === null ? [] : [d.office])))].sort((a, b) =>
      a.localeCompare(b, 'es'),
    );
    const read = readFleetSearch(request.query, offices);
    const channel = readChannelFilter(request.query);
    const channelSelect = channelFilterSelect(channel ?? '');
    if (!read.ok || channel === null) {
      const text = read.ok ? 'El canal no es válido. Elija estable o piloto.' : read.message;
      const frame = live({ ...ctx.frame(), notice: { kind: 'error' as const, text } });
      return sendPage(reply, fleetPage(frame, read.search, offices, null, channelSelect), 400);
    }
    const inChannel = channel === '' ? null : await devicesOfChannel(deps.database.exec, channel);
    const shown = devices.filter((d) => matchesSearch(d, read.search) && (inChannel?.has(d.id) ?? true));
    return sendPage(reply, fleetPage(live(ctx.frame()), read.search, offices, shown, channelSelect));
  });

  router.page(`${consolePaths.fleet}/:id`, async (request, reply, ctx) => {
    if (ctx.staff.role !== 'admin') return sendPage(reply, refused, 403);
    const id = (request.params as { id?: unknown }).id;
    const device =
      typeof id === 'string' && uuidPattern.test(id) ? await fleetDevice(deps.database.exec, id, deps.now()) : null;
    if (device === null) return sendPage(reply, notFound, 404);
    const frame = ctx.frame();
    const sections = await fleetDeviceSections(deps.database.exec, device, frame.csrf, deps.now());
    const channel = await channelSectionOf(deps.database.exec, frame.csrf, device);
    const diagnostics = await diagnosticsSectionOf(deps.database.exec, device.id);
    return sendPage(reply, fleetDevicePage(live(frame), device, [channel, ...sections, diagnostics]));
  });

  router.action(`${consolePaths.fleet}/:id/revocar`, async (request, reply, ctx) => {
    if (ctx.staff.role !== 'admin') return sendPage(reply, refused, 403);
    const id = (request.params as { id?: unknown }).id;
    if (typeof id !== 'string' || !uuidPattern.test(id)) return sendPage(reply, notFound, 404);
    const outcome = await revokeDevice(deps.database, id);
    if (outcome === 'not-found') return sendPage(reply, notFound, 404);
    deps.log.info({ staff: ctx.staff.username, device: id, outcome }, 'console: device revoked');
    return ctx.redirectWith(
      reply,
      `${consolePaths.fleet}/${id}`,
      outcome === 'revoked'
        ? { kind: 'ok', text: 'El equipo quedó revocado: desde su próxima solicitud el servidor lo rechaza.' }
        : { kind: 'ok', text: 'Ese equipo ya estaba revocado.' },
    );
  });

  registerFleetEnrollRoutes(router);
}
