import { z } from 'zod';
import type { Logger } from '../../logger';
import { checkoutReference, type Checkout, type PaymentGateway, type TransactionLookup } from './gateway-adapter';
import { GatewayTransaction } from './gateway-event';
import { requestJson, type JsonAnswer } from './http-json';
import { integritySignature } from './signatures';

export interface WompiSettings {
  readonly publicKey: string;
  readonly privateKey: string;
  readonly integritySecret: string;
  /** `https://sandbox.wompi.co/v1` or `https://production.wompi.co/v1`, without a trailing slash. */
  readonly apiUrl: string;
  /** Wompi's web checkout; tests point it elsewhere. */
  readonly checkoutBaseUrl?: string;
  readonly timeoutMs?: number;
}

export const WOMPI_CHECKOUT_URL = 'https://checkout.wompi.co/p/';

const OneTransaction = z.object({ data: GatewayTransaction });
const ManyTransactions = z.object({ data: z.array(z.unknown()) });

/**
 * Wompi (docs/payment-gateway.md): the web checkout opened by URL with the integrity
 * signature, and its API for the poll — a transaction by id (public), and the transactions
 * of a reference (which needs the private key). The private key travels only to the API URL.
 */
export function wompiGateway(settings: WompiSettings, log: Logger): PaymentGateway {
  const timeoutMs = settings.timeoutMs ?? 10_000;
  const ask = async (path: string, auth: boolean): Promise<JsonAnswer | null> => {
    try {
      return await requestJson({
        method: 'GET',
        url: `${settings.apiUrl}${path}`,
        headers: auth ? { authorization: `Bearer ${settings.privateKey}` } : {},
        timeoutMs,
      });
    } catch (error) {
      log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'Wompi API unreachable');
      return null;
    }
  };
  return {
    kind: 'wompi',
    createCheckout(subject, options): Checkout {
      const reference = checkoutReference(subject.number);
      const amountInCents = subject.amount * 100;
      const signature = integritySignature({ reference, amountInCents, currency: 'COP' }, settings.integritySecret);
      const url = new URL(settings.checkoutBaseUrl ?? WOMPI_CHECKOUT_URL);
      url.searchParams.set('public-key', settings.publicKey);
      url.searchParams.set('currency', 'COP');
      url.searchParams.set('amount-in-cents', String(amountInCents));
      url.searchParams.set('reference', reference);
      url.searchParams.set('signature:integrity', signature);
      if (options.redirectUrl !== undefined) url.searchParams.set('redirect-url', options.redirectUrl);
      return { reference, checkoutUrl: url.toString(), amountInCents, currency: 'COP', signature };
    },
    async getTransaction(transactionId): Promise<TransactionLookup> {
      const answer = await ask(`/transactions/${encodeURIComponent(transactionId)}`, false);
      if (answer === null || answer.status >= 500) return { found: false, reason: 'unreachable' };
      if (answer.status === 404) return { found: false, reason: 'not-found' };
      const parsed = OneTransaction.safeParse(answer.body);
      if (answer.status !== 200 || !parsed.success) {
        log.warn({ status: answer.status }, 'Wompi answered a transaction lookup in an unexpected shape');
        return { found: false, reason: 'unreachable' };
      }
      return { found: true, transactions: [parsed.data.data] };
    },
    async findByReference(reference): Promise<TransactionLookup> {
      const answer = await ask(`/transactions?reference=${encodeURIComponent(reference)}`, true);
      if (answer === null || answer.status >= 500) return { found: false, reason: 'unreachable' };
      const parsed = ManyTransactions.safeParse(answer.body);
      if (answer.status !== 200 || !parsed.success) {
        log.warn({ status: answer.status }, 'Wompi answered a reference lookup in an unexpected shape');
        return { found: false, reason: 'unreachable' };
      }
      // Transactions of other shapes (fields Wompi may add or omit) are skipped, not fatal.
      const transactions = parsed.data.data.flatMap((item) => {
        const one = GatewayTransaction.safeParse(item);
        return one.success && one.data.reference === reference ? [one.data] : [];
      });
      return transactions.length === 0 ? { found: false, reason: 'not-found' } : { found: true, transactions };
    },
  };
}
