import type { ServerConfig } from '../../src-server/config';
import type { FieldDeviceRoutesValue } from '../../src-server/devices/route-admin-values';
import { withTarget } from './admin-target';
import { formatDate, type Print } from './output';
import { UsageError } from './usage';

/** `routes assign|unassign <device> <route...>` and `routes list [device]` (docs/field-routes.md). */
export async function routesCommand(
  config: ServerConfig,
  env: NodeJS.ProcessEnv,
  args: string[],
  out: Print,
): Promise<void> {
  const [sub, device, ...routes] = args;
  if (sub === 'list') {
    if (routes.length > 0) throw new UsageError('«routes list» recibe a lo sumo un equipo.');
    await withTarget(config, env, async (target) => printRoutes(await target.listRoutes(device), out));
    return;
  }
  if ((sub !== 'assign' && sub !== 'unassign') || device === undefined || routes.length === 0)
    throw new UsageError('«routes» se usa así: routes assign|unassign <equipo> <ruta...>, o routes list [equipo].');
  await withTarget(config, env, async (target) => {
    const change = await target.changeRoutes(sub, device, routes);
    const name = `«${change.device.name}»`;
    if (sub === 'assign') {
      if (change.changed.length > 0)
        out(`Rutas asignadas a ${name}: ${change.changed.join(', ')}. El portátil las descarga al conectarse.`);
      if (change.unchanged.length > 0) out(`Ya estaban asignadas: ${change.unchanged.join(', ')}.`);
    } else {
      if (change.changed.length > 0)
        out(
          `Rutas retiradas de ${name}: ${change.changed.join(', ')}. El portátil borra sus datos al conectarse; los pagos ya tomados se conservan y se envían.`,
        );
      if (change.unchanged.length > 0) out(`No estaban asignadas: ${change.unchanged.join(', ')}.`);
    }
  });
}

function printRoutes(devices: FieldDeviceRoutesValue[], out: Print): void {
  if (devices.length === 0) {
    out('No hay equipos de campo activos.');
    return;
  }
  for (const d of devices) {
    out(`${d.name} (${d.id}), última conexión: ${d.lastSeenAt === null ? 'nunca' : formatDate(d.lastSeenAt)}`);
    if (d.routes.length === 0) out('  sin rutas: no guarda ningún suscriptor');
    for (const r of d.routes)
      out(`  ${r.code.padEnd(6)}  ${String(r.subscribers).padStart(7)} suscriptores  asignada por ${r.assignedBy}`);
  }
}
