import type Database from 'better-sqlite3-multiple-ciphers';
import type { HeldBill } from './bill-answers';

export interface FactBill extends HeldBill {
  readonly period: string;
  readonly state: string;
}

const billColumns =
  'bill_number AS billNumber, period, total, current_reading AS currentReading, consumption_m3 AS consumptionM3, due_on AS dueOn, state';

/**
 * What the replica says, read with plain SQL written apart from the service's queries, so a
 * test compares the service against the data rather than against itself.
 */
export class ReplicaFacts {
  constructor(private readonly sqlite: Database.Database) {}

  /** Every código interno, ascending. */
  codes(): number[] {
    return this.sqlite
      .prepare('SELECT codigo_interno FROM subscribers ORDER BY codigo_interno')
      .pluck()
      .all() as number[];
  }

  /** Codes with at least one payment (`true`) or none (`false`). */
  codesWithPayments(paid: boolean): number[] {
    const op = paid ? 'IN' : 'NOT IN';
    const sql = `SELECT codigo_interno FROM subscribers WHERE codigo_interno ${op} (SELECT codigo_interno FROM payments) ORDER BY codigo_interno`;
    return this.sqlite.prepare(sql).pluck().all() as number[];
  }

  /** Codes with an annulled bill among their last payment's five. */
  codesWithAnnulledBill(): number[] {
    return this.sqlite
      .prepare("SELECT DISTINCT codigo_interno FROM bills WHERE state = 'anulada' ORDER BY 1")
      .pluck()
      .all() as number[];
  }

  unknownCode(): number {
    return (this.sqlite.prepare('SELECT max(codigo_interno) FROM subscribers').pluck().get() as number) + 7;
  }

  holderName(code: number): string {
    return this.sqlite
      .prepare('SELECT holder_name FROM subscribers WHERE codigo_interno = ?')
      .pluck()
      .get(code) as string;
  }

  /** All bills of a code, newest period first (reissues after their annulled bill). */
  bills(code: number): FactBill[] {
    return this.sqlite
      .prepare(`SELECT ${billColumns} FROM bills WHERE codigo_interno = ? ORDER BY period DESC, bill_number DESC`)
      .all(code) as FactBill[];
  }

  /** Where each subscriber is and what kind of service it has, as a neighbour would know. */
  subscriberRows(): { codigoInterno: number; codigoRuta: string; estrato: number; uso: string }[] {
    return this.sqlite
      .prepare(
        'SELECT codigo_interno AS codigoInterno, codigo_ruta AS codigoRuta, estrato, uso FROM subscribers ORDER BY codigo_interno',
      )
      .all() as { codigoInterno: number; codigoRuta: string; estrato: number; uso: string }[];
  }

  /**
   * The bill the citizen holds at `now`: the latest valid one issued at least `deliveryDays`
   * before Bogotá's date, with what its page prints besides the bill row (meter, average).
   */
  heldBill(code: number, now: Date, deliveryDays = 5): FactBill {
    const cutoff = new Date(now.getTime() - 5 * 3_600_000 - deliveryDays * 86_400_000).toISOString().slice(0, 10);
    const bill = this.sqlite
      .prepare(
        `SELECT ${billColumns}, previous_reading AS previousReading FROM bills
        WHERE codigo_interno = ? AND state <> 'anulada' AND issued_on <= ? ORDER BY period DESC, bill_number DESC LIMIT 1`,
      )
      .get(code, cutoff) as (FactBill & { previousReading: number }) | undefined;
    if (bill === undefined) throw new Error(`code ${code} has no delivered bill at ${cutoff}`);
    const [year, month] = bill.period.split('-').map(Number);
    const fiveBefore = new Date(Date.UTC(year ?? 0, (month ?? 1) - 6, 1)).toISOString().slice(0, 7);
    const earlier = this.sqlite
      .prepare(
        "SELECT period, consumption_m3 AS m3 FROM bills WHERE codigo_interno = ? AND state <> 'anulada' AND period < ? AND period >= ?",
      )
      .all(code, bill.period, fiveBefore) as { period: string; m3: number }[];
    const meterSerial = this.sqlite
      .prepare('SELECT meter_serial FROM subscribers WHERE codigo_interno = ?')
      .pluck()
      .get(code) as string;
    const averageM3 =
      earlier.length === 0 ? null : Math.round(earlier.reduce((sum, e) => sum + e.m3, 0) / earlier.length);
    const chartM3 = Object.fromEntries(earlier.map((e) => [e.period, e.m3]));
    return { ...bill, meterSerial, averageM3, chartM3 };
  }

  currentBill(code: number): FactBill {
    const bill = this.bills(code).find((b) => b.state !== 'anulada');
    if (bill === undefined) throw new Error(`code ${code} has no valid bill`);
    return bill;
  }

  payments(code: number): { amount: number; period: string; channel: string; paidAt: string }[] {
    return this.sqlite
      .prepare(
        'SELECT amount, period, channel, paid_at AS paidAt FROM payments WHERE codigo_interno = ? ORDER BY paid_at DESC',
      )
      .all(code) as { amount: number; period: string; channel: string; paidAt: string }[];
  }
}
