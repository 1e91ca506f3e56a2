import { z } from 'zod';
import type { Logger } from '../../../logger';
import { checkoutReference, type Checkout, type PaymentGateway, type TransactionLookup } from '../gateway-adapter';
import { GatewayTransaction } from '../gateway-event';
import { requestJson } from '../http-json';
import { integritySignature } from '../signatures';
import { DEMO_PATH, DEMO_PUBLIC_KEY } from './demo-paths';

export interface DemoAdapterSettings {
  readonly integritySecret: string;
  /** Where a citizen's phone reaches this server: the checkout link's host. */
  readonly publicBaseUrl: string;
  /** This server on loopback, for the poll's lookups; absent where only checkouts are made. */
  readonly selfUrl?: string;
  readonly pinnedCertificate?: string | Buffer;
}

const One = z.object({ data: GatewayTransaction });
const Many = z.object({ data: z.array(GatewayTransaction) });

/** The demo gateway seen from our side: the same calls as Wompi's, answered by this server's own demo routes. */
export function demoGatewayAdapter(settings: DemoAdapterSettings, log: Logger): PaymentGateway {
  const ask = async (path: string): Promise<TransactionLookup & { body?: unknown }> => {
    if (settings.selfUrl === undefined) return { found: false, reason: 'unreachable' };
    try {
      const answer = await requestJson({
        method: 'GET',
        url: `${settings.selfUrl}${DEMO_PATH}${path}`,
        timeoutMs: 10_000,
        pinnedCertificate: settings.pinnedCertificate,
      });
      if (answer.status === 404) return { found: false, reason: 'not-found' };
      if (answer.status !== 200) return { found: false, reason: 'unreachable' };
      return { found: true, transactions: [], body: answer.body };
    } catch (error) {
      log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'demo gateway unreachable');
      return { found: false, reason: 'unreachable' };
    }
  };
  return {
    kind: 'demo',
    createCheckout(subject, options): Checkout {
      const reference = checkoutReference(subject.number);
      const amountInCents = subject.amount * 100;
      const signature = integritySignature({ reference, amountInCents, currency: 'COP' }, settings.integritySecret);
      const url = new URL(`${settings.publicBaseUrl.replace(/\/+$/, '')}${DEMO_PATH}/checkout`);
      url.searchParams.set('public-key', DEMO_PUBLIC_KEY);
      url.searchParams.set('currency', 'COP');
      url.searchParams.set('amount-in-cents', String(amountInCents));
      url.searchParams.set('reference', reference);
      url.searchParams.set('signature:integrity', signature);
      if (options.redirectUrl !== undefined) url.searchParams.set('redirect-url', options.redirectUrl);
      return { reference, checkoutUrl: url.toString(), amountInCents, currency: 'COP', signature };
    },
    async getTransaction(transactionId) {
      const answer = await ask(`/transacciones/${encodeURIComponent(transactionId)}`);
      if (!answer.found) return answer;
      const parsed = One.safeParse(answer.body);
      return parsed.success
        ? { found: true, transactions: [parsed.data.data] }
        : { found: false, reason: 'unreachable' };
    },
    async findByReference(reference) {
      const answer = await ask(`/transacciones?reference=${encodeURIComponent(reference)}`);
      if (!answer.found) return answer;
      const parsed = Many.safeParse(answer.body);
      if (!parsed.success) return { found: false, reason: 'unreachable' };
      return parsed.data.data.length === 0
        ? { found: false, reason: 'not-found' }
        : { found: true, transactions: parsed.data.data };
    },
  };
}
