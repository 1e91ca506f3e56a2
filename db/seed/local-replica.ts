/**
 * Fills a device's local SQLite replica (subscribers, bills, payments, the `entity` setting,
 * staff users) straight from the demo generator, for tests, browser-test fixtures and the
 * bills bench. It is NOT a product path: on a real device only the sync puller writes these
 * tables. The rows are the generator's, so a fixture agrees with a seeded central server.
 *
 * Speed: one prepared statement per table, a transaction per chunk of subscribers (a single
 * transaction over millions of rows would grow the WAL to the size of the database), line
 * items serialised once per distinct (shared, frozen) array.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { BillLineItem } from '../server/schema';
import { demoEntity, entitySettingKey } from './entity';
import { billingCalendar, generateDemoBatches } from './generator';
import type { SeedBatch, StaffUserRow } from './rows';
import { pepperStaffHash } from '../../src-node/staff-credentials';
import { demoStaffRows } from './staff';

export interface LocalReplicaOptions {
  readonly subscribers: number;
  /** Monthly bills per subscriber ending at the current period. Default 6 (what a kiosk keeps). */
  readonly months?: number;
  /** Same seed and `now` → the same rows as `npm run seed`. Default 1. */
  readonly seed?: number;
  /** Reference instant: fixes "today" and the current period. Default: the clock. */
  readonly now?: Date;
  /**
   * Also write the demo cashiers and supervisors, the roles a counter holds (scrypt hashes:
   * about two seconds of CPU), their hashes peppered with this secret as the device's sync
   * would (src-node/staff-credentials.ts). Default: no staff.
   */
  readonly staffPepper?: Buffer;
  /** Subscribers per transaction. Default 20,000. */
  readonly chunk?: number;
  readonly onProgress?: (subscribersDone: number) => void;
}

export interface LocalReplicaReport {
  readonly subscribers: number;
  readonly bills: number;
  readonly payments: number;
  readonly staffUsers: number;
  readonly elapsedMs: number;
}

const insertSql = {
  subscriber:
    'INSERT INTO subscribers (codigo_interno, codigo_ruta, holder_name, estrato, uso, address, neighborhood, municipality, meter_serial) ' +
    'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  bill:
    'INSERT INTO bills (bill_number, codigo_interno, period, issued_on, due_on, suspension_on, previous_reading, current_reading, ' +
    'consumption_m3, line_items, previous_balance, total, state, paid_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  payment:
    'INSERT INTO payments (id, codigo_interno, bill_number, period, amount, paid_at, channel, reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  staff:
    'INSERT INTO staff_users (id, username, full_name, role, password_hash, pin_hash, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ' +
    'ON CONFLICT (username) DO NOTHING',
  setting:
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
} as const;

/**
 * The server stores `paid_at` as timestamptz, and what a device receives is the same instant
 * in UTC (`…Z`); the generator writes Bogotá wall-clock strings. Converting here keeps the
 * fixture in the form sync writes, so `ORDER BY paid_at` compares like with like.
 */
const utcInstant = (bogota: string): string => new Date(bogota).toISOString();

/** Writes the generated rows. Refuses a replica that already has subscribers. */
export async function fillLocalReplica(
  sqlite: Database.Database,
  options: LocalReplicaOptions,
): Promise<LocalReplicaReport> {
  const started = performance.now();
  const months = options.months ?? 6;
  const seed = options.seed ?? 1;
  const now = options.now ?? new Date();
  const existing = sqlite.prepare('SELECT count(*) FROM (SELECT 1 FROM subscribers LIMIT 1)').pluck().get();
  if (existing !== 0) throw new Error('La réplica local ya tiene suscriptores; use una base de datos vacía.');

  const pepper = options.staffPepper;
  const staff =
    pepper === undefined ? null : demoStaffRows(seed, `${billingCalendar(now, months).periods[0] ?? ''}-01`);
  staff?.catch(() => undefined); // awaited below; overlaps with the load

  const writer = rowWriter(sqlite);
  const counts = withFillPragmas(sqlite, () => writeGenerated(sqlite, writer, { ...options, months, seed, now }));
  const staffRows = (staff === null ? [] : await staff)
    .filter((row) => row.role === 'cajero' || row.role === 'supervisor')
    .map((row) =>
      pepper === undefined
        ? row
        : {
            ...row,
            passwordHash: pepperStaffHash(row.passwordHash, pepper),
            pinHash: row.pinHash === null ? null : pepperStaffHash(row.pinHash, pepper),
          },
    );
  sqlite.transaction(() => {
    for (const row of staffRows) writer.staff(row);
    writer.setting(entitySettingKey, demoEntity, now.toISOString());
  })();
  sqlite.pragma('optimize');
  return { ...counts, staffUsers: staffRows.length, elapsedMs: performance.now() - started };
}

/**
 * A fixture can be rebuilt, so the fill trades durability for speed: no fsync per chunk and a
 * larger page cache (the payments' UUIDv7 keys arrive out of order). Both are restored after.
 */
function withFillPragmas<T>(sqlite: Database.Database, fill: () => T): T {
  const cacheSize = Number(sqlite.pragma('cache_size', { simple: true }));
  const synchronous = Number(sqlite.pragma('synchronous', { simple: true }));
  sqlite.pragma('cache_size = -262144');
  sqlite.pragma('synchronous = OFF');
  try {
    return fill();
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
    sqlite.pragma(`synchronous = ${synchronous}`);
  }
}

type Counts = { subscribers: number; bills: number; payments: number };

function writeGenerated(
  sqlite: Database.Database,
  writer: RowWriter,
  options: LocalReplicaOptions & { months: number; seed: number; now: Date },
): Counts {
  const chunk = options.chunk ?? 20_000;
  const counts: Counts = { subscribers: 0, bills: 0, payments: 0 };
  let pending: SeedBatch[] = [];
  let pendingSubscribers = 0;
  const flush = sqlite.transaction((batches: readonly SeedBatch[]) => {
    for (const batch of batches) writer.batch(batch);
  });
  const generated = generateDemoBatches({ ...options, batchSize: 1_000 });
  for (const batch of generated) {
    pending.push(batch);
    pendingSubscribers += batch.subscribers.length;
    counts.subscribers += batch.subscribers.length;
    counts.bills += batch.bills.length;
    counts.payments += batch.payments.length;
    if (pendingSubscribers >= chunk) {
      flush(pending);
      pending = [];
      pendingSubscribers = 0;
      options.onProgress?.(counts.subscribers);
    }
  }
  flush(pending);
  options.onProgress?.(counts.subscribers);
  return counts;
}

interface RowWriter {
  batch(rows: SeedBatch): void;
  staff(row: StaffUserRow): void;
  setting(key: string, value: unknown, updatedAt: string): void;
}

function rowWriter(sqlite: Database.Database): RowWriter {
  const subscriber = sqlite.prepare(insertSql.subscriber);
  const bill = sqlite.prepare(insertSql.bill);
  const payment = sqlite.prepare(insertSql.payment);
  const staff = sqlite.prepare(insertSql.staff);
  const setting = sqlite.prepare(insertSql.setting);
  // The generator shares one frozen array per distinct set of line items.
  const json = new WeakMap<readonly BillLineItem[], string>();
  const lineItemsJson = (items: readonly BillLineItem[]): string => {
    let text = json.get(items);
    if (text === undefined) {
      text = JSON.stringify(items);
      json.set(items, text);
    }
    return text;
  };
  return {
    batch({ subscribers, bills, payments }) {
      for (const s of subscribers) {
        subscriber.run(
          s.codigoInterno,
          s.codigoRuta,
          s.holderName,
          s.estrato,
          s.uso,
          s.address,
          s.neighborhood,
          s.municipality,
          s.meterSerial,
        );
      }
      for (const b of bills) {
        bill.run(
          b.billNumber,
          b.codigoInterno,
          b.period,
          b.issuedOn,
          b.dueOn,
          b.suspensionOn,
          b.previousReading,
          b.currentReading,
          b.consumptionM3,
          lineItemsJson(b.lineItems),
          b.previousBalance,
          b.total,
          b.state,
          b.paidAt === null ? null : utcInstant(b.paidAt),
        );
      }
      for (const p of payments) {
        payment.run(
          p.id,
          p.codigoInterno,
          p.billNumber,
          p.period,
          p.amount,
          utcInstant(p.paidAt),
          p.channel,
          p.reference,
        );
      }
    },
    staff(row) {
      staff.run(
        row.id,
        row.username,
        row.fullName,
        row.role,
        row.passwordHash,
        row.pinHash,
        row.active ? 1 : 0,
        row.createdAt,
      );
    },
    setting(key, value, updatedAt) {
      setting.run(key, JSON.stringify(value), updatedAt);
    },
  };
}
