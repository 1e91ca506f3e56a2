import { randomBytes } from 'node:crypto';
import type { GatewayTransaction } from './gateway-event';

/** The liquidación a checkout is opened for. */
export interface CheckoutSubject {
  /** «Liquidación Nro.»; the reference starts with it. */
  readonly number: number;
  /** Whole pesos. */
  readonly amount: number;
}

/** A checkout at the gateway: where the citizen pays, and what was signed for it. */
export interface Checkout {
  /** Ours, one per attempt (`LIQ100023-7QX2M4KD`): the gateway sends it back in every event. */
  readonly reference: string;
  readonly checkoutUrl: string;
  readonly amountInCents: number;
  readonly currency: 'COP';
  /** The integrity signature of reference, amount and currency. */
  readonly signature: string;
}

/** What the gateway answered when asked about a transaction; `unreachable` is retried at the next poll. */
export type TransactionLookup =
  | { readonly found: true; readonly transactions: readonly GatewayTransaction[] }
  | { readonly found: false; readonly reason: 'not-found' | 'unreachable' };

/**
 * An online payment gateway shaped like Wompi (docs/payment-gateway.md): a web checkout
 * opened by URL with an integrity signature, and an API to ask about transactions, which the
 * poller uses when an event never came.
 */
export interface PaymentGateway {
  readonly kind: 'demo' | 'wompi';
  /** Builds the checkout (nothing is stored: startCheckout records it). */
  createCheckout(subject: CheckoutSubject, options: { readonly redirectUrl?: string }): Checkout;
  /** One transaction by the gateway's id. */
  getTransaction(transactionId: string): Promise<TransactionLookup>;
  /** The transactions made for one of our references (a checkout whose transaction id we never learnt). */
  findByReference(reference: string): Promise<TransactionLookup>;
}

const referenceAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** `LIQ<number>-<8 random characters>`: a new one per attempt, so a second checkout never collides with the first. */
export function checkoutReference(liquidationNumber: number): string {
  const bytes = randomBytes(8);
  let suffix = '';
  for (const byte of bytes) suffix += referenceAlphabet[byte % referenceAlphabet.length];
  return `LIQ${liquidationNumber}-${suffix}`;
}
