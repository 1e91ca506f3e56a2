import { and, eq } from 'drizzle-orm';
import { auditLog, outbox } from '../../db/local/schema';
import type { ParkedEvent } from '../../src-shared/api/ops/sync';
import { err, ok, type Result } from '../../src-shared/api/result';
import { periodLabel } from '../../src-shared/domain/calendar-es';
import { formatCop } from '../../src-shared/domain/money';
import { moneyEventKinds } from '../../src-shared/sync/event-permissions';
import type { Store } from '../store/open-store';

/** A Spanish line a supervisor recognises; payload fields are read defensively (they are data). */
function summarize(type: string, payload: unknown): string {
  const p = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
  if (type === 'payment.taken' && typeof p['amount'] === 'number') {
    const period =
      typeof p['period'] === 'string' && /^\d{4}-\d{2}$/.test(p['period'])
        ? periodLabel(p['period']).toLowerCase()
        : String(p['period']);
    return `Pago de ${formatCop(p['amount'])} a la factura de ${period} del código interno ${String(p['codigoInterno'])}`;
  }
  if (type === 'payment.voided') return `Anulación de un pago (motivo: ${String(p['reason'])})`;
  if (type === 'cashier.wallet_recharge_taken' && typeof p['amount'] === 'number')
    return `Recarga de prepago de ${formatCop(p['amount'])} a la liquidación ${String(p['liquidationNumber'])} (recibo ${String(p['reference'])})`;
  if (type === 'cash_session.opened') return `Apertura de caja de ${String(p['cashier'])}`;
  if (type === 'cash_session.closed') return `Cierre de caja de ${String(p['cashier'])}`;
  if (type === 'kiosk.session_ended') return 'Fin de una sesión del kiosco (estadística)';
  return `Evento ${type}`;
}

/** The supervisor's view of parked events (STYLE §10): retry or discard, both audit-logged. */
export class ParkedEvents {
  constructor(private readonly store: Store) {}

  /** Parked money events (payments, voids, cash sessions): the Z report warns of them. */
  moneyCount(): number {
    const kinds = moneyEventKinds.map(() => '?').join(', ');
    const row = this.store.sqlite
      .prepare(`SELECT count(*) AS n FROM outbox WHERE state = 'parked' AND type IN (${kinds})`)
      .get(...moneyEventKinds) as { n: number };
    return row.n;
  }

  /**
   * A parked payment the counter still counts as taken: discarding its event would leave money
   * in the drawer that no record on the server explains. It must be voided on the device first.
   */
  private unvoidedPayment(eventId: string): boolean {
    const row = this.store.sqlite
      .prepare(
        `SELECT p.state FROM outbox o JOIN cashier_payments p ON p.id = json_extract(o.payload, '$.paymentId')
         WHERE o.id = ? AND o.type = 'payment.taken' AND o.state = 'parked'`,
      )
      .get(eventId) as { state: string } | undefined;
    return row?.state === 'valid';
  }

  private parkedRecharge(eventId: string): boolean {
    const row = this.store.sqlite
      .prepare(
        `SELECT 1 AS one FROM outbox WHERE id = ? AND type = 'cashier.wallet_recharge_taken' AND state = 'parked'`,
      )
      .get(eventId);
    return row !== undefined;
  }

  count(): number {
    const row = this.store.sqlite.prepare(`SELECT count(*) AS n FROM outbox WHERE state = 'parked'`).get() as {
      n: number;
    };
    return row.n;
  }

  list(): ParkedEvent[] {
    return this.store.db
      .select()
      .from(outbox)
      .where(eq(outbox.state, 'parked'))
      .orderBy(outbox.id)
      .limit(500)
      .all()
      .map((row) => ({
        id: row.id,
        type: row.type,
        summary: summarize(row.type, row.payload),
        createdAt: row.createdAt,
        attempts: row.attempts,
        reason: row.lastError,
      }));
  }

  /**
   * Back to `pending` keeps the event's id, so it goes out in its original place in the
   * device's order; the server decides again (it never recorded a rejected event as applied).
   */
  resolve(
    eventId: string,
    action: 'retry' | 'discard',
    supervisor: string,
    at: Date,
  ): Result<{ state: 'pending' | 'discarded' }> {
    const state = action === 'retry' ? 'pending' : 'discarded';
    // A recharge is never voided at the counter, so its money is always in the drawer: it is sent
    // again (or exported from a revoked device), never discarded (docs/counter-recharge.md).
    if (action === 'discard' && this.parkedRecharge(eventId)) {
      return err(
        'conflict',
        'Una recarga de prepago no se descarta: el dinero está en la caja. Reintente el envío, o avise a la oficina para que la revise con el motivo del rechazo.',
      );
    }
    if (action === 'discard' && this.unvoidedPayment(eventId)) {
      return err(
        'conflict',
        'Ese pago sigue vigente en esta caja: antes de descartarlo, anúlelo en la caja con un supervisor (así el dinero no queda sin registro).',
      );
    }
    const write = this.store.sqlite.transaction(() => {
      const changed = this.store.db
        .update(outbox)
        .set({ state, ...(action === 'retry' ? { lastError: null } : {}) })
        .where(and(eq(outbox.id, eventId), eq(outbox.state, 'parked')))
        .run();
      if (changed.changes === 0) return false;
      this.store.db
        .insert(auditLog)
        .values({ at: at.toISOString(), action: `sync.parked_${action}`, actor: supervisor, details: { eventId } })
        .run();
      return true;
    });
    if (!write.immediate()) return err('not-found', 'Ese evento ya no está detenido (otro supervisor lo resolvió).');
    if (action === 'retry') this.store.outboxWrites.notify();
    return ok({ state });
  }
}
