import { z } from 'zod';
import { replicatedTables } from './sync-api';

/**
 * The first download of a large replica (docs/sync-protocol.md, "Snapshot"): instead of every
 * change the feed ever recorded, the rows as they are now, table by table in key order, at a
 * feed cursor read before the first row. The device then pulls the feed from that cursor;
 * replaying a change it already has is harmless, so rows changed while it downloads end right.
 */

const Cursor = z.string().regex(/^\d{1,18}$/);

export const SnapshotStartValue = z.object({
  deployment: z.object({ id: z.string() }),
  epoch: z.uuid(),
  serverTime: z.string(),
  /** Every change up to here is in the rows the parts will carry; the feed goes on after it. */
  cursor: Cursor,
  /** The códigos de ruta the rows are scoped to (a field device's), or null for the whole entity. */
  routes: z.array(z.string()).nullable(),
  /** The tables this device may hold, in download order, with their row counts now (for progress). */
  tables: z.array(z.object({ table: z.enum(replicatedTables), rows: z.number().int().nonnegative() })),
});
export type SnapshotStartValue = z.infer<typeof SnapshotStartValue>;

/** Most rows a part may carry: about 4 MB of bills, one large SQLite transaction on the device. */
export const maxSnapshotPartRows = 20_000;

export const SnapshotPartQuery = z
  .object({
    table: z.enum(replicatedTables, 'Tabla desconocida.'),
    /** The key of the last row of the previous part (its text form); absent for the first part. */
    after: z.string().min(1).max(64).optional(),
    limit: z.coerce.number().int().min(1).max(maxSnapshotPartRows).default(10_000),
    /** The columns the device stores, in its order, comma-separated; the rows are arrays in this order. */
    columns: z.string().regex(/^[a-z][a-z0-9_]{0,62}(,[a-z][a-z0-9_]{0,62}){0,39}$/, 'Lista de columnas inválida.'),
  })
  .strict();
export type SnapshotPartQuery = z.infer<typeof SnapshotPartQuery>;

/**
 * A part's header; `rows` follows it as the last member, spliced in as the database wrote it,
 * and `sha256` is the hex SHA-256 of exactly that text, so the device knows a part cut short
 * or damaged on the way before writing any of it.
 */
export const SnapshotPartHeader = z.object({
  epoch: z.uuid(),
  table: z.enum(replicatedTables),
  count: z.number().int().nonnegative(),
  /** The key of the part's last row, to ask for the next part after it; null when empty. */
  last: z.string().nullable(),
  /** Fewer rows than asked: the table ends here. */
  done: z.boolean(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type SnapshotPartHeader = z.infer<typeof SnapshotPartHeader>;

export const SnapshotPartValue = SnapshotPartHeader.extend({ rows: z.array(z.array(z.unknown())) });
export type SnapshotPartValue = z.infer<typeof SnapshotPartValue>;
