import { createHmac, randomBytes } from 'node:crypto';
import type { GatewayStatus } from '../../../../src-shared/wallet/liquidation';
import type { EventDelivery } from '../event-delivery';
import type { GatewayTransaction } from '../gateway-event';
import { sameHex } from '../signatures';

/** What the citizen chose on the demo checkout page. */
export type DemoDecision = 'aprobar' | 'rechazar' | 'pendiente';

const statusFor: Record<DemoDecision, GatewayStatus> = {
  aprobar: 'APPROVED',
  rechazar: 'DECLINED',
  pendiente: 'PENDING',
};

const MAX_TRANSACTIONS = 10_000;

export type DemoOutcome =
  | { readonly ok: true; readonly transaction: GatewayTransaction }
  | { readonly ok: false; readonly reason: 'already-paid' | 'not-pending' | 'unknown' };

/**
 * The demo gateway's own state: the transactions its checkout page made, in memory, as a
 * gateway would keep them (a restart forgets them; the liquidación then stays pendiente and
 * the citizen opens a new checkout). Each change is sent to the server's webhook as a signed
 * event through `delivery`.
 */
export class DemoGateway {
  private readonly transactions = new Map<string, GatewayTransaction>();
  /** Signs the per-checkout form tokens; made per start, never leaves this process. */
  private readonly formKey = randomBytes(32);

  constructor(private readonly delivery: EventDelivery) {}

  /** The CSRF token of a checkout page (or a pending transaction's page): only a page we served carries it. */
  formToken(subject: string): string {
    return createHmac('sha256', this.formKey).update(subject, 'utf8').digest('base64url');
  }

  checkFormToken(subject: string, token: string): boolean {
    return sameHex(this.formToken(subject), token);
  }

  /** A new transaction for a checkout, unless this reference is already paid (a second click, the back button). */
  pay(checkout: { reference: string; amountInCents: number; currency: string }, decision: DemoDecision): DemoOutcome {
    if (this.byReference(checkout.reference).some((t) => t.status === 'APPROVED'))
      return { ok: false, reason: 'already-paid' };
    const transaction: GatewayTransaction = {
      id: `demo-${Math.floor(Date.now() / 1000)}-${randomBytes(9).toString('base64url')}`,
      reference: checkout.reference,
      amount_in_cents: checkout.amountInCents,
      currency: checkout.currency,
      status: statusFor[decision],
    };
    // A demo left running for months keeps only its latest transactions (Map keeps insertion order).
    if (this.transactions.size >= MAX_TRANSACTIONS) {
      const oldest = this.transactions.keys().next().value;
      if (oldest !== undefined) this.transactions.delete(oldest);
    }
    this.transactions.set(transaction.id, transaction);
    void this.delivery.send(transaction);
    return { ok: true, transaction };
  }

  /** Settles a transaction left pending: approved or declined, once. */
  settle(transactionId: string, decision: Exclude<DemoDecision, 'pendiente'>): DemoOutcome {
    const current = this.transactions.get(transactionId);
    if (current === undefined) return { ok: false, reason: 'unknown' };
    if (current.status !== 'PENDING') return { ok: false, reason: 'not-pending' };
    if (decision === 'aprobar' && this.byReference(current.reference).some((t) => t.status === 'APPROVED'))
      return { ok: false, reason: 'already-paid' };
    const transaction = { ...current, status: statusFor[decision] };
    this.transactions.set(transaction.id, transaction);
    void this.delivery.send(transaction);
    return { ok: true, transaction };
  }

  get(transactionId: string): GatewayTransaction | undefined {
    return this.transactions.get(transactionId);
  }

  byReference(reference: string): GatewayTransaction[] {
    return [...this.transactions.values()].filter((t) => t.reference === reference);
  }

  stop(): Promise<void> {
    return this.delivery.stop();
  }
}
