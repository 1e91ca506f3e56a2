import { AdminInputError } from '../../devices/admin';
import { assignRoutes, listFieldDeviceRoutes, unassignRoutes } from '../../devices/device-routes';
import { sendPage } from '../console-http';
import { consolePaths } from '../console-layout';
import type { ConsoleRouter } from '../console-routes';
import { fieldRoutesPage } from '../field-route-pages';
import { messagePage } from '../login-page';
import { mayAct, refusedActionMessage } from '../staff-roles';

/**
 * «Rutas de campo»: the field devices' routes, assigned and taken away by a supervisor or an
 * admin (docs/field-routes.md). A cashier or a support agent is refused the page and the forms
 * alike (403): who holds which subscribers' data is not theirs to see or change.
 */
export function registerFieldRouteRoutes(router: ConsoleRouter): void {
  const { deps } = router;
  const refused = messagePage('No tiene permiso', refusedActionMessage, {
    href: consolePaths.root,
    label: 'Volver a la consola',
  });

  router.page(consolePaths.fieldRoutes, async (_request, reply, ctx) => {
    if (!mayAct(ctx.staff.role)) return sendPage(reply, refused, 403);
    return sendPage(reply, fieldRoutesPage(ctx.frame(), await listFieldDeviceRoutes(deps.database)));
  });

  for (const [path, action] of [
    ['asignar', 'assign'],
    ['quitar', 'unassign'],
  ] as const) {
    router.action(`${consolePaths.fieldRoutes}/${path}`, async (_request, reply, ctx, form) => {
      if (!mayAct(ctx.staff.role)) {
        deps.log.warn({ staff: ctx.staff.username, role: ctx.staff.role, action }, 'route assignment refused: role');
        return sendPage(reply, refused, 403);
      }
      const deviceId = form.equipo ?? '';
      const typed = form.rutas ?? '';
      const routes = typed.split(/[\s,;]+/).filter((code) => code.length > 0);
      try {
        const change = await (action === 'assign' ? assignRoutes : unassignRoutes)(
          deps.database,
          deviceId,
          routes,
          ctx.staff.username,
        );
        if (change.changed.length > 0) deps.routesChanged?.();
        deps.log.info(
          { staff: ctx.staff.username, deviceId: change.device.id, action, routes: change.changed },
          'field device routes changed',
        );
        return ctx.redirectWith(reply, consolePaths.fieldRoutes, {
          kind: 'ok',
          text: changeText(action, change.device.name, change.changed, change.unchanged),
        });
      } catch (error) {
        if (!(error instanceof AdminInputError)) throw error;
        const devices = await listFieldDeviceRoutes(deps.database);
        return sendPage(
          reply,
          fieldRoutesPage({ ...ctx.frame(), notice: { kind: 'error', text: error.message } }, devices, {
            deviceId,
            routes: typed,
          }),
          400,
        );
      }
    });
  }
}

function changeText(
  action: 'assign' | 'unassign',
  name: string,
  changed: readonly string[],
  unchanged: readonly string[],
): string {
  if (action === 'assign') {
    const done =
      changed.length > 0
        ? `Rutas asignadas a «${name}»: ${changed.join(', ')}. El portátil las descarga al conectarse.`
        : '';
    const already = unchanged.length > 0 ? ` Ya estaban asignadas: ${unchanged.join(', ')}.` : '';
    return `${done}${already}`.trim();
  }
  const done =
    changed.length > 0
      ? `Rutas retiradas de «${name}»: ${changed.join(', ')}. El portátil borra sus datos al conectarse; los pagos que ya tomó se conservan.`
      : '';
  const missing = unchanged.length > 0 ? ` No estaban asignadas: ${unchanged.join(', ')}.` : '';
  return `${done}${missing}`.trim();
}
