import { z } from 'zod';

/**
 * The shapes of the central server's sync routes (docs/sync-protocol.md; `sync.pull` and
 * `sync.push` in routes.ts), shared by the server and the device's sync client. Pull: a GET
 * whose query is `cursor`, `limit`, `wait`, `count`. Push: a POST of a batch of events.
 * Every answer carries the deployment id (a device refuses a server of another deployment)
 * and the server's clock (the device measures its own clock against it).
 */

/** Tables devices replicate, in the names of the change feed. */
export const replicatedTables = ['subscribers', 'bills', 'payments', 'staff_users', 'settings'] as const;
export type ReplicatedTable = (typeof replicatedTables)[number];

export const PullQuery = z
  .object({
    /** The last `seq` the device applied; `0` for a new device. */
    cursor: z.string().regex(/^\d{1,18}$/, 'El cursor debe ser un número.'),
    limit: z.coerce.number().int().min(1).max(10_000).default(2000),
    /** Long-poll: how long the server may hold an empty answer waiting for a change. */
    wait: z.coerce.number().int().min(0).max(30_000).default(0),
    /** `1`: also count the changes left after the cursor (for a progress bar). */
    count: z.enum(['0', '1']).default('0'),
  })
  .strict();
export type PullQuery = z.infer<typeof PullQuery>;

/** One change as the server sends it; `row` holds the whole row (snake_case columns) for `put`. */
export interface FeedChange {
  readonly seq: number;
  readonly table: string;
  readonly key: string;
  readonly op: 'put' | 'del';
  readonly row: Record<string, unknown> | null;
}

/**
 * The page header. Changes are not validated with zod (a first download moves millions of
 * rows); the device checks each one against its table's columns while applying the page,
 * inside the page's transaction, so a malformed change rolls the whole page back.
 */
/**
 * Changes when the server's database is restored from a backup: a device that sees a new
 * epoch downloads its replica again and sends again what it had sent (src-main/sync/feed-epoch.ts).
 */
const Epoch = z.uuid();

export const PullValue = z.object({
  deployment: z.object({ id: z.string() }),
  epoch: Epoch,
  serverTime: z.string(),
  /** The cursor to send next time: the last change's `seq`, or the one sent when none. */
  cursor: z.string().regex(/^\d{1,18}$/),
  /** More changes are waiting right now: pull again without waiting. */
  hasMore: z.boolean(),
  /** Changes left after this page, when `count=1` was asked. */
  remaining: z.number().int().nonnegative().nullable(),
  /**
   * The códigos de ruta this answer's changes are scoped to: a field device's assigned routes
   * (sorted), or null for a device that receives the whole entity (and from a server that does not say). A field device whose list
   * changed deletes the rows outside it and downloads its routes again (docs/field-routes.md).
   */
  routes: z.array(z.string()).nullable().default(null),
  changes: z.array(z.unknown()),
});
export type PullValue = z.infer<typeof PullValue>;

/** Events per push; about 400 kB of payments, under the push route's 4 MiB body limit. */
export const maxPushBatch = 1000;

export const PushedEvent = z
  .object({
    /** UUIDv7 written by the device with the change it describes. */
    id: z.uuid(),
    /** The device that wrote it; must be the authenticated device. */
    deviceId: z.uuid(),
    type: z.string().min(1).max(64),
    payload: z.record(z.string(), z.unknown()),
    /** ISO 8601, the device's clock. */
    createdAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type PushedEvent = z.infer<typeof PushedEvent>;

export const PushRequest = z.object({ events: z.array(PushedEvent).min(1).max(maxPushBatch) }).strict();
export type PushRequest = z.infer<typeof PushRequest>;

export const pushStatuses = ['applied', 'duplicate', 'rejected'] as const;

export const PushResult = z.object({
  id: z.string(),
  status: z.enum(pushStatuses),
  /** Spanish, for staff: why a rejected event was refused. */
  reason: z.string().optional(),
});
export type PushResult = z.infer<typeof PushResult>;

export const PushValue = z.object({
  deployment: z.object({ id: z.string() }),
  epoch: Epoch,
  serverTime: z.string(),
  results: z.array(PushResult),
});
export type PushValue = z.infer<typeof PushValue>;
