import { isRouteCode, routeCodeMessage } from '../../src-shared/domain/route-code';
import type { ServerDatabase } from '../db/open';
import type { SqlExecutor } from '../db/sql-executor';
import { AdminInputError } from './admin';

/**
 * Route assignment of field devices (docs/field-routes.md): which códigos de ruta a field
 * laptop replicates and may collect in. Every change is written with its audit row
 * (device_route_changes) in one transaction; the feed reads the current list on each pull, and
 * the device re-scopes its replica when the list it is told differs from the one it holds.
 */

/** A field device as route assignment names it. */
export interface FieldDevice {
  readonly id: string;
  readonly name: string;
}

export interface RouteChange {
  readonly device: FieldDevice;
  /** Routes this call changed. */
  readonly changed: readonly string[];
  /** Routes that were already so (assigned, or not assigned): nothing was written for them. */
  readonly unchanged: readonly string[];
}

/** The device's routes, sorted; what the pull answer carries. */
export async function readDeviceRoutes(exec: SqlExecutor, deviceId: string): Promise<string[]> {
  const { rows } = await exec.query<{ route_code: string }>(
    'SELECT route_code FROM device_routes WHERE device_id = $1 ORDER BY route_code',
    [deviceId],
  );
  return rows.map((row) => row.route_code);
}

/** Checks each code and drops repeats; the first bad one is refused with its Spanish reason. */
export function parseRouteCodes(values: readonly string[]): string[] {
  const codes = values.map((value) => value.trim()).filter((value) => value.length > 0);
  if (codes.length === 0)
    throw new AdminInputError('Escriba al menos un código de ruta (por ejemplo 03-117).', 'routes');
  const bad = codes.find((code) => !isRouteCode(code));
  if (bad !== undefined) throw new AdminInputError(routeCodeMessage(bad), 'routes');
  return [...new Set(codes)].sort();
}

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A live field device by its id or its name; anything else is an input error in Spanish. */
export async function findFieldDevice(exec: SqlExecutor, nameOrId: string): Promise<FieldDevice> {
  const wanted = nameOrId.trim();
  if (wanted.length === 0) throw new AdminInputError('Falta el dispositivo (su nombre o su id).', 'device');
  const { rows } = await exec.query<{ id: string; name: string; mode: string; revoked: boolean }>(
    `SELECT id, name, mode, revoked_at IS NOT NULL AS revoked FROM devices
     WHERE ${uuidShape.test(wanted) ? 'id = $1::uuid' : 'name = $1'} ORDER BY revoked_at NULLS FIRST, created_at`,
    [wanted],
  );
  const live = rows.filter((row) => !row.revoked);
  const [device] = live;
  if (device === undefined) {
    throw new AdminInputError(
      rows.length > 0
        ? `El dispositivo «${wanted}» fue revocado: no se le asignan rutas.`
        : `No hay ningún dispositivo «${wanted}». Vea los nombres con: npm run admin -- devices list`,
      'device',
    );
  }
  if (live.length > 1)
    throw new AdminInputError(`Hay ${live.length} dispositivos activos llamados «${wanted}»: use su id.`, 'device');
  if (device.mode !== 'field') {
    throw new AdminInputError(
      `«${device.name}» no es un equipo de campo: las rutas se asignan solo a equipos de campo (las cajas y los kioscos tienen todos los suscriptores).`,
      'device',
    );
  }
  return { id: device.id, name: device.name };
}

/** Assigns routes to a field device; `by` is the staff username (or `admin-cli`). */
export async function assignRoutes(
  database: ServerDatabase,
  nameOrId: string,
  values: readonly string[],
  by: string,
): Promise<RouteChange> {
  const routes = parseRouteCodes(values);
  return database.exec.transaction(async (tx) => {
    const device = await findFieldDevice(tx, nameOrId);
    const { rows } = await tx.query<{ route_code: string }>(
      `INSERT INTO device_routes (device_id, route_code, assigned_by)
       SELECT $1, r, $3 FROM unnest($2::text[]) AS r ORDER BY r
       ON CONFLICT DO NOTHING RETURNING route_code`,
      [device.id, routes, by],
    );
    return recorded(tx, device, routes, rows, 'assign', by);
  });
}

/** The route a field device's enrollment code named, assigned in the enrollment's transaction. */
export async function assignAtEnrollment(tx: SqlExecutor, deviceId: string, route: string): Promise<void> {
  await tx.query(`INSERT INTO device_routes (device_id, route_code, assigned_by) VALUES ($1, $2, 'inscripción')`, [
    deviceId,
    route,
  ]);
  await tx.query(
    `INSERT INTO device_route_changes (device_id, route_code, action, by) VALUES ($1, $2, 'assign', 'inscripción')`,
    [deviceId, route],
  );
}

/** Takes routes away from a field device; its laptop deletes their rows at its next pull. */
export async function unassignRoutes(
  database: ServerDatabase,
  nameOrId: string,
  values: readonly string[],
  by: string,
): Promise<RouteChange> {
  const routes = parseRouteCodes(values);
  return database.exec.transaction(async (tx) => {
    const device = await findFieldDevice(tx, nameOrId);
    const { rows } = await tx.query<{ route_code: string }>(
      'DELETE FROM device_routes WHERE device_id = $1 AND route_code = ANY($2::text[]) RETURNING route_code',
      [device.id, routes],
    );
    return recorded(tx, device, routes, rows, 'unassign', by);
  });
}

async function recorded(
  tx: SqlExecutor,
  device: FieldDevice,
  routes: readonly string[],
  rows: readonly { route_code: string }[],
  action: 'assign' | 'unassign',
  by: string,
): Promise<RouteChange> {
  const changed = rows.map((row) => row.route_code).sort();
  if (changed.length > 0) {
    await tx.query(
      `INSERT INTO device_route_changes (device_id, route_code, action, by)
       SELECT $1, r, $3, $4 FROM unnest($2::text[]) AS r ORDER BY r`,
      [device.id, changed, action, by],
    );
  }
  return { device, changed, unchanged: routes.filter((route) => !changed.includes(route)) };
}

export interface AssignedRoute {
  readonly code: string;
  /** Subscribers whose código de ruta lies within it today. */
  readonly subscribers: number;
  readonly assignedAt: Date;
  readonly assignedBy: string;
}

export interface FieldDeviceRoutes extends FieldDevice {
  readonly lastSeenAt: Date | null;
  readonly routes: readonly AssignedRoute[];
}

/** Live field devices (or the one named) with their routes and subscriber counts. */
export async function listFieldDeviceRoutes(database: ServerDatabase, nameOrId?: string): Promise<FieldDeviceRoutes[]> {
  const only = nameOrId === undefined ? null : await findFieldDevice(database.exec, nameOrId);
  const devices = await database.exec.query<{ id: string; name: string; last_seen_at: Date | null }>(
    `SELECT id, name, last_seen_at FROM devices
     WHERE mode = 'field' AND revoked_at IS NULL AND ($1::uuid IS NULL OR id = $1::uuid) ORDER BY name, created_at`,
    [only?.id ?? null],
  );
  // One count per assigned route (a handful per device); the prefix rule of the feed.
  const routes = await database.exec.query<{
    device_id: string;
    route_code: string;
    assigned_at: Date;
    assigned_by: string;
    subscribers: string | number;
  }>(
    `SELECT r.device_id, r.route_code, r.assigned_at, r.assigned_by,
       (SELECT count(*) FROM subscribers s
        WHERE s.codigo_ruta = r.route_code OR left(s.codigo_ruta, length(r.route_code) + 1) = r.route_code || '-') AS subscribers
     FROM device_routes r JOIN devices d ON d.id = r.device_id
     WHERE d.mode = 'field' AND d.revoked_at IS NULL AND ($1::uuid IS NULL OR r.device_id = $1::uuid)
     ORDER BY r.route_code`,
    [only?.id ?? null],
  );
  return devices.rows.map((device) => ({
    id: device.id,
    name: device.name,
    lastSeenAt: device.last_seen_at === null ? null : new Date(device.last_seen_at),
    routes: routes.rows
      .filter((row) => row.device_id === device.id)
      .map((row) => ({
        code: row.route_code,
        subscribers: Number(row.subscribers),
        assignedAt: new Date(row.assigned_at),
        assignedBy: row.assigned_by,
      })),
  }));
}

/** One assignment or unassignment, as device_route_changes keeps it. */
export interface RouteTrailEntry {
  readonly routeCode: string;
  readonly action: 'assign' | 'unassign';
  readonly at: Date;
}

/** The device's whole route history, oldest first (the push checks payments against it). */
export async function readRouteTrail(exec: SqlExecutor, deviceId: string): Promise<RouteTrailEntry[]> {
  const { rows } = await exec.query<{ route_code: string; action: string; at: Date | string }>(
    'SELECT route_code, action, at FROM device_route_changes WHERE device_id = $1 ORDER BY at, id',
    [deviceId],
  );
  return rows.map((row) => ({
    routeCode: row.route_code,
    action: row.action === 'unassign' ? 'unassign' : 'assign',
    at: new Date(row.at),
  }));
}

/** The routes the trail says were assigned at `at`. */
export function routesHeldAt(trail: readonly RouteTrailEntry[], at: Date): string[] {
  const held = new Set<string>();
  for (const entry of trail) {
    if (entry.at.getTime() > at.getTime()) break;
    if (entry.action === 'assign') held.add(entry.routeCode);
    else held.delete(entry.routeCode);
  }
  return [...held];
}
