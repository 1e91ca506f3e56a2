import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { expect, it, onTestFinished } from 'vitest';
import { gatewayCheckoutState } from '../../../src-server/wallet/gateway/checkout-state';
import type { GatewayTransaction } from '../../../src-server/wallet/gateway/gateway-event';
import { integritySignature } from '../../../src-server/wallet/gateway/signatures';
import { GATEWAY_EVENTS_PATH } from '../../../src-server/wallet/gateway/webhook-route';
import { wompiGateway } from '../../../src-server/wallet/gateway/wompi-gateway';
import type { WalletConfig } from '../../../src-server/wallet/wallet-config';
import {
  countRows,
  openTestCheckout,
  signedEvent,
  testWalletConfig,
  walletBalance,
} from '../../support/gateway-fixtures';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer } from '../../support/server-harness';
import { until } from '../../support/sync-support';

/**
 * The Wompi adapter (docs/payment-gateway.md) against a local server that answers as Wompi's
 * API does: the web checkout link and its integrity signature, the poll's lookups (by
 * reference with the private key, by id without it), and an approval learnt by the poll that
 * the webhook later repeats.
 */
const keys = {
  publicKey: 'pub_test_VENTANILLA',
  privateKey: 'prv_test_VENTANILLA',
  eventsSecret: 'test_events_VENTANILLA',
  integritySecret: 'test_integrity_VENTANILLA',
};

interface FakeWompi {
  readonly url: string;
  /** Transactions it knows, by id. */
  readonly transactions: Map<string, GatewayTransaction>;
  /** `METHOD path auth?` of each request. */
  readonly requests: string[];
  /** Answers 500 to this many requests first. */
  failures: number;
}

async function fakeWompi(): Promise<FakeWompi> {
  const fake: Omit<FakeWompi, 'url'> & { url: string } = {
    url: '',
    transactions: new Map(),
    requests: [],
    failures: 0,
  };
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://wompi.test');
    const auth = request.headers.authorization;
    fake.requests.push(`${request.method} ${url.pathname}${url.search}${auth ? ` ${auth}` : ''}`);
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (fake.failures > 0) {
      fake.failures -= 1;
      return send(500, { error: { type: 'INTERNAL' } });
    }
    const byId = /^\/v1\/transactions\/([^/]+)$/.exec(url.pathname);
    if (byId !== null) {
      const transaction = fake.transactions.get(decodeURIComponent(byId[1] ?? ''));
      return transaction === undefined
        ? send(404, { error: { type: 'NOT_FOUND_ERROR', reason: 'La entidad solicitada no existe' } })
        : send(200, { data: { ...transaction, customer_email: 'ciudadano@example.com', payment_method_type: 'CARD' } });
    }
    if (url.pathname === '/v1/transactions') {
      if (auth !== `Bearer ${keys.privateKey}`)
        return send(401, { error: { type: 'INVALID_ACCESS_TOKEN', reason: 'Se esperaba una llave privada' } });
      const reference = url.searchParams.get('reference');
      return send(200, { data: [...fake.transactions.values()].filter((t) => t.reference === reference) });
    }
    return send(404, { error: { type: 'NOT_FOUND_ERROR' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return fake;
}

const wompiConfig = (apiUrl: string): WalletConfig => ({
  ...testWalletConfig(),
  gateway: { kind: 'wompi', ...keys, apiUrl },
});

it('builds Wompi’s web checkout link with the integrity signature', () => {
  const gateway = wompiGateway({ ...keys, apiUrl: 'https://sandbox.wompi.co/v1' }, pino({ level: 'silent' }));
  const checkout = gateway.createCheckout(
    { number: 100023, amount: 150_000 },
    { redirectUrl: 'https://kiosco.example/fin' },
  );
  expect(checkout.reference).toMatch(/^LIQ100023-[2-9A-HJ-NP-Z]{8}$/);
  expect(checkout.amountInCents).toBe(15_000_000);
  const url = new URL(checkout.checkoutUrl);
  expect(`${url.origin}${url.pathname}`).toBe('https://checkout.wompi.co/p/');
  expect(Object.fromEntries(url.searchParams)).toEqual({
    'public-key': keys.publicKey,
    currency: 'COP',
    'amount-in-cents': '15000000',
    reference: checkout.reference,
    'signature:integrity': integritySignature(
      { reference: checkout.reference, amountInCents: 15_000_000, currency: 'COP' },
      keys.integritySecret,
    ),
    'redirect-url': 'https://kiosco.example/fin',
  });
  expect(checkout.checkoutUrl).not.toContain(keys.privateKey);
  expect(gateway.createCheckout({ number: 100023, amount: 150_000 }, {}).reference).not.toBe(checkout.reference);
});

describeEachServerDatabase('Wompi adapter and poll', (variant) => {
  it(
    'the poll learns an approval from Wompi’s API (after it failed twice); the late webhook is a duplicate',
    { timeout: 90_000 },
    async () => {
      const wompi = await fakeWompi();
      const config = wompiConfig(wompi.url);
      const t = await startTestServer(variant, {
        logLevel: 'info',
        config: { wallet: config },
        serverOptions: { gateway: { pollIntervalMs: 100, pollMinAgeMs: 0 } },
      });
      const exec = t.server.database.exec;
      // With Wompi's keys the demo gateway is not served.
      expect((await t.request('/pasarela-demo/checkout')).status).toBe(404);

      wompi.failures = 2;
      const checkout = await openTestCheckout(exec, config, 45_000, '1040506070');
      expect(new URL(checkout.checkoutUrl).host).toBe('checkout.wompi.co');
      const approved: GatewayTransaction = {
        id: '1234-1610641025-49201',
        reference: checkout.reference,
        amount_in_cents: 4_500_000,
        currency: 'COP',
        status: 'APPROVED',
      };
      wompi.transactions.set(approved.id, approved);
      await until(
        'paid by the poll',
        () => gatewayCheckoutState(exec, checkout.reference),
        (s) => s?.liquidationState === 'pagada',
        30_000,
      );
      expect(
        wompi.requests.some(
          (r) => r === `GET /v1/transactions?reference=${checkout.reference} Bearer ${keys.privateKey}`,
        ),
      ).toBe(true);

      const late = await t.request(GATEWAY_EVENTS_PATH, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: signedEvent(approved, { secret: keys.eventsSecret }).body,
      });
      expect(late).toMatchObject({ status: 200, body: { outcome: 'duplicate' } });
      expect(await walletBalance(exec, '1040506070')).toBe(45_000);
      expect(await countRows(exec, 'liquidation_payments')).toBe(1);
      expect(t.logs.join('\n')).not.toContain(keys.privateKey);
    },
  );

  it('a pending transaction is then asked about by its id, without the private key', { timeout: 90_000 }, async () => {
    const wompi = await fakeWompi();
    const config = wompiConfig(wompi.url);
    const t = await startTestServer(variant, {
      logLevel: 'silent',
      config: { wallet: config },
      serverOptions: { gateway: { pollIntervalMs: 100, pollMinAgeMs: 0 } },
    });
    const exec = t.server.database.exec;
    const checkout = await openTestCheckout(exec, config, 12_000, '1040506071');
    const pending: GatewayTransaction = {
      id: 'tx-pse-77',
      reference: checkout.reference,
      amount_in_cents: 1_200_000,
      currency: 'COP',
      status: 'PENDING',
    };
    wompi.transactions.set(pending.id, pending);
    await until(
      'pending',
      () => gatewayCheckoutState(exec, checkout.reference),
      (s) => s?.status === 'PENDING',
      30_000,
    );
    wompi.transactions.set(pending.id, { ...pending, status: 'APPROVED' });
    await until(
      'paid',
      () => gatewayCheckoutState(exec, checkout.reference),
      (s) => s?.liquidationState === 'pagada',
      30_000,
    );
    expect(wompi.requests).toContain('GET /v1/transactions/tx-pse-77');
    expect(await walletBalance(exec, '1040506071')).toBe(12_000);
  });
});
