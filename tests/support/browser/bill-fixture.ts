import type Database from 'better-sqlite3-multiple-ciphers';
import { fillLocalReplica } from '../../../db/seed/local-replica';
import type { TransactionalSqlExecutor } from '../../../src-server/db/transaction';
import { ReplicaFacts } from '../replica-facts';

/**
 * Bill data for the browser tests: the device's replica filled from the demo generator (until
 * sync brings bills down, nothing else fills it), and what a citizen holding the printed bill
 * would know, read from the same SQLite file. No endpoint of the app is asked for answers.
 */
export interface FixtureBill {
  readonly billNumber: number;
  readonly period: string;
  readonly total: number;
  readonly currentReading: number;
  readonly consumptionM3: number;
  readonly dueOn: string;
  readonly state: string;
}

const billColumns =
  'bill_number AS billNumber, period, total, current_reading AS currentReading, consumption_m3 AS consumptionM3, due_on AS dueOn, state';

const syncGraceMs = 30_000;

/**
 * Bills in the device's replica, as a kiosk has them: pulled from the central server by sync
 * when the app syncs; otherwise (before sync existed) filled from the same demo generator the
 * embedded server was seeded with. Waits for a first pull before deciding, so the two never
 * write the same tables at once.
 */
export async function ensureReplica(sqlite: Database.Database, subscribers: number): Promise<'synced' | 'filled'> {
  const caughtUp = sqlite.prepare("SELECT value FROM device_meta WHERE key = 'caughtUpAt'").pluck();
  const rows = sqlite
    .prepare(
      'SELECT (SELECT count(*) FROM subscribers) + (SELECT count(*) FROM bills) + (SELECT count(*) FROM payments)',
    )
    .pluck();
  const deadline = Date.now() + syncGraceMs;
  while (Date.now() < deadline) {
    // A pull ended with nothing more on the server: the first download is complete. (Rows
    // merely not growing for a moment was not enough on a loaded machine.)
    if (caughtUp.get() !== undefined && (rows.get() as number) > 0) return 'synced';
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await fillLocalReplica(sqlite, { subscribers });
  return 'filled';
}

export class BillFixture {
  constructor(private readonly sqlite: Database.Database) {}

  /** Códigos internos whose current bill matches `where` (SQL on the current bill's columns), in a stable order. */
  codes(where = '1 = 1'): number[] {
    return this.sqlite
      .prepare(
        `SELECT codigo_interno FROM (
           SELECT codigo_interno, state, total, row_number() OVER (PARTITION BY codigo_interno ORDER BY period DESC, bill_number DESC) AS n
           FROM bills WHERE state <> 'anulada')
         WHERE n = 1 AND (${where}) ORDER BY codigo_interno`,
      )
      .pluck()
      .all() as number[];
  }

  /** Códigos internos that have paid at least once (so "Ver facturas anteriores" has bills) or never. */
  codesWithPayments(paid: boolean): number[] {
    const op = paid ? 'IN' : 'NOT IN';
    return this.sqlite
      .prepare(
        `SELECT codigo_interno FROM subscribers WHERE codigo_interno ${op} (SELECT codigo_interno FROM payments) ORDER BY codigo_interno`,
      )
      .pluck()
      .all() as number[];
  }

  /**
   * A subscriber connected last month on the central server, with one unpaid bill (its first,
   * already delivered, so the questions can be asked) copied from an existing subscriber's
   * bill of the previous period; waits until sync has brought both to this device.
   */
  async connectNewSubscriber(server: TransactionalSqlExecutor): Promise<number> {
    const code = this.unknownCode();
    await server.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO subscribers SELECT $1, codigo_ruta, 'Suscriptor Nuevo de Prueba', estrato, uso, address, neighborhood, municipality, meter_serial
         FROM subscribers ORDER BY codigo_interno LIMIT 1`,
        [code],
      );
      await tx.query(
        `INSERT INTO bills SELECT (SELECT max(bill_number) + 1 FROM bills), $1, period, issued_on, due_on, suspension_on, previous_reading,
           current_reading, consumption_m3, line_items, 0, total - previous_balance, 'vencida', NULL
         FROM bills WHERE state <> 'anulada' AND period < (SELECT max(period) FROM bills) ORDER BY period DESC, bill_number LIMIT 1`,
        [code],
      );
    });
    const arrived = this.sqlite.prepare('SELECT count(*) FROM bills WHERE codigo_interno = ?').pluck();
    const deadline = Date.now() + 10_000;
    while ((arrived.get(code) as number) === 0) {
      if (Date.now() > deadline) throw new Error(`fixture: the new subscriber ${code} did not reach the device`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return code;
  }

  /** A code that no subscriber has. */
  unknownCode(): number {
    const max = this.sqlite.prepare('SELECT max(codigo_interno) FROM subscribers').pluck().get() as number;
    return max + 7;
  }

  holderName(code: number): string {
    return this.sqlite
      .prepare('SELECT holder_name FROM subscribers WHERE codigo_interno = ?')
      .pluck()
      .get(code) as string;
  }

  /**
   * The bill the citizen has at home at the app's clock (what the questions are about): the
   * latest valid one issued at least the kiosk's delivery days (the default five) ago.
   */
  heldBill(code: number): FixtureBill {
    return new ReplicaFacts(this.sqlite).heldBill(code, new Date());
  }

  /** The current bill: the latest that is not annulled (what «Facturación» shows). */
  currentBill(code: number): FixtureBill {
    const row = this.sqlite
      .prepare(
        `SELECT ${billColumns} FROM bills WHERE codigo_interno = ? AND state <> 'anulada' ORDER BY period DESC, bill_number DESC LIMIT 1`,
      )
      .get(code) as FixtureBill | undefined;
    if (row === undefined) throw new Error(`fixture: code ${code} has no bill`);
    return row;
  }

  /** Payments newest first, at most 12, as the history shows them. */
  payments(code: number): { amount: number; period: string; channel: string; paidAt: string }[] {
    return this.sqlite
      .prepare(
        'SELECT amount, period, channel, paid_at AS paidAt FROM payments WHERE codigo_interno = ? ORDER BY paid_at DESC, id DESC LIMIT 12',
      )
      .all(code) as { amount: number; period: string; channel: string; paidAt: string }[];
  }

  /**
   * What «Ver facturas anteriores» offers, newest first: the bills after the last payment other
   * than the current one (a debtor's unpaid bills), then the five up to the last payment.
   */
  previousBills(code: number): FixtureBill[] {
    const last = this.sqlite
      .prepare('SELECT period FROM payments WHERE codigo_interno = ? ORDER BY paid_at DESC LIMIT 1')
      .pluck()
      .get(code) as string | undefined;
    const current = this.currentBill(code).billNumber;
    const all = this.sqlite
      .prepare(`SELECT ${billColumns} FROM bills WHERE codigo_interno = ? ORDER BY period DESC, bill_number DESC`)
      .all(code) as FixtureBill[];
    const unpaid = all.filter((b) => b.period > (last ?? '') && b.billNumber !== current);
    return last === undefined ? unpaid : [...unpaid, ...all.filter((b) => b.period <= last).slice(0, 5)];
  }

  /** Códigos that paid once and owe an overdue bill from before the current one. */
  debtors(): number[] {
    return this.codesWithPayments(true).filter((code) => this.previousBills(code).some((b) => b.state === 'vencida'));
  }
}
