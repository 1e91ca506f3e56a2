import { sql } from 'drizzle-orm';
import { bigserial, check, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { devices } from './devices';

/**
 * Códigos de ruta assigned to a field device (docs/field-routes.md): a ciclo (`03`) or one
 * route (`03-117`). A field device replicates exactly the subscribers of its routes, with their
 * bills and payments, and the server accepts its payments only for bills of these routes. No
 * rows: it holds no subscriber at all. Counters and kiosks never have rows here.
 */
export const deviceRoutes = pgTable(
  'device_routes',
  {
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    routeCode: text('route_code').notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
    /** Staff username, or `admin-cli` / `migración` when no staff member did it. */
    assignedBy: text('assigned_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.deviceId, t.routeCode] }),
    check('device_routes_code_check', sql`${t.routeCode} ~ '^[0-9]{2}(-[0-9]{3})?$'`),
  ],
);

/**
 * Every assignment and unassignment, never updated or deleted: who did it and when. The push
 * checks a field payment against it (a route removed while the laptop was offline still covers
 * the payments taken while it was assigned).
 */
export const deviceRouteChanges = pgTable(
  'device_route_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    routeCode: text('route_code').notNull(),
    /** `assign` or `unassign`. */
    action: text('action').notNull(),
    by: text('by').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('device_route_changes_action_check', sql`${t.action} in ('assign', 'unassign')`),
    index('device_route_changes_device_idx').on(t.deviceId, t.routeCode, t.at),
  ],
);
