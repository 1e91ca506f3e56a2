import { expect, it } from 'vitest';
import { ledgerTotal } from '../../../src-server/ledger/kardex';
import { gatewayCheckoutState } from '../../../src-server/wallet/gateway/checkout-state';
import type { GatewayTransaction } from '../../../src-server/wallet/gateway/gateway-event';
import { GATEWAY_EVENTS_PATH } from '../../../src-server/wallet/gateway/webhook-route';
import {
  countRows,
  openTestCheckout,
  signedEvent,
  testGatewaySecrets,
  testWalletConfig,
  walletBalance,
} from '../../support/gateway-fixtures';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer, type TestServer } from '../../support/server-harness';

/**
 * The gateway's webhook (issue 13, item 4; docs/payment-gateway.md): a signed
 * `transaction.updated` credits the liquidación's wallet exactly once, however often and in
 * whatever order the gateway sends; forged, stale and mismatched events credit nothing.
 */
async function server(variant: Parameters<typeof startTestServer>[0]) {
  const config = testWalletConfig();
  const t = await startTestServer(variant, { logLevel: 'info', config: { wallet: config } });
  return { t, exec: t.server.database.exec, config };
}

async function post(t: TestServer, event: { body: string; checksum: string }, checksumHeader?: string) {
  return t.request(GATEWAY_EVENTS_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-event-checksum': checksumHeader ?? event.checksum },
    body: event.body,
  });
}

const transactionFor = (
  checkout: { reference: string },
  amount: number,
  status: GatewayTransaction['status'],
  id = `1234-${Date.now()}-${Math.floor(Math.random() * 1e5)}`,
): GatewayTransaction => ({
  id,
  reference: checkout.reference,
  amount_in_cents: amount * 100,
  currency: 'COP',
  status,
});

describeEachServerDatabase('gateway webhook', (variant) => {
  it(
    'credits an approval once, however many times it is delivered (3 replays, then 5 at once)',
    { timeout: 90_000 },
    async () => {
      const { t, exec, config } = await server(variant);
      const checkout = await openTestCheckout(exec, config, 50_000, '1020304050');
      expect(await gatewayCheckoutState(exec, checkout.reference)).toEqual({
        status: 'CREATED',
        liquidationState: 'pendiente',
      });
      const approved = transactionFor(checkout, 50_000, 'APPROVED');

      const first = await post(t, signedEvent(approved));
      expect(first).toMatchObject({ status: 200, body: { ok: true, outcome: 'applied' } });
      for (let i = 0; i < 3; i += 1)
        expect(await post(t, signedEvent(approved))).toMatchObject({ status: 200, body: { outcome: 'duplicate' } });
      const together = await Promise.all(Array.from({ length: 5 }, () => post(t, signedEvent(approved))));
      expect(together.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);

      expect(await walletBalance(exec, '1020304050')).toBe(50_000);
      expect(await countRows(exec, 'liquidation_payments', 'liquidation_id = $1', [checkout.liquidationId])).toBe(1);
      expect(await countRows(exec, 'gateway_events')).toBe(1);
      expect(await gatewayCheckoutState(exec, checkout.reference)).toEqual({
        status: 'APPROVED',
        liquidationState: 'pagada',
      });
      expect(await ledgerTotal(exec)).toBe(0);
    },
  );

  it(
    'never moves a final status back: PENDING after APPROVED, DECLINED after APPROVED',
    { timeout: 90_000 },
    async () => {
      const { t, exec, config } = await server(variant);
      const checkout = await openTestCheckout(exec, config, 20_000, '1020304051');
      const id = 'tx-reorder-1';
      expect((await post(t, signedEvent(transactionFor(checkout, 20_000, 'APPROVED', id)))).body).toMatchObject({
        outcome: 'applied',
      });
      expect((await post(t, signedEvent(transactionFor(checkout, 20_000, 'PENDING', id)))).body).toMatchObject({
        outcome: 'status-only',
      });
      expect((await post(t, signedEvent(transactionFor(checkout, 20_000, 'DECLINED', id)))).status).toBe(200);
      expect(await gatewayCheckoutState(exec, checkout.reference)).toEqual({
        status: 'APPROVED',
        liquidationState: 'pagada',
      });
      expect(await walletBalance(exec, '1020304051')).toBe(20_000);
    },
  );

  it(
    'PENDING then DECLINED moves forward; an approval after the decline (a second attempt) is credited once',
    { timeout: 90_000 },
    async () => {
      const { t, exec, config } = await server(variant);
      const checkout = await openTestCheckout(exec, config, 30_000, '1020304052');
      await post(t, signedEvent(transactionFor(checkout, 30_000, 'PENDING', 'tx-a')));
      expect((await gatewayCheckoutState(exec, checkout.reference))?.status).toBe('PENDING');
      await post(t, signedEvent(transactionFor(checkout, 30_000, 'DECLINED', 'tx-a')));
      // The pending one arriving late again changes nothing.
      await post(t, signedEvent(transactionFor(checkout, 30_000, 'PENDING', 'tx-a')));
      expect(await gatewayCheckoutState(exec, checkout.reference)).toEqual({
        status: 'DECLINED',
        liquidationState: 'pendiente',
      });
      expect(await walletBalance(exec, '1020304052')).toBe(0);

      const retried = transactionFor(checkout, 30_000, 'APPROVED', 'tx-b');
      expect((await post(t, signedEvent(retried))).body).toMatchObject({ outcome: 'applied' });
      expect((await post(t, signedEvent(retried))).body).toMatchObject({ outcome: 'duplicate' });
      expect(await gatewayCheckoutState(exec, checkout.reference)).toEqual({
        status: 'APPROVED',
        liquidationState: 'pagada',
      });
      expect(await walletBalance(exec, '1020304052')).toBe(30_000);
    },
  );

  it(
    'refuses a bad checksum, a header that disagrees and a stale event: 401, nothing written, no secret logged',
    { timeout: 90_000 },
    async () => {
      const { t, exec, config } = await server(variant);
      const checkout = await openTestCheckout(exec, config, 40_000, '1020304053');
      const approved = transactionFor(checkout, 40_000, 'APPROVED');

      const forged = signedEvent(approved, { secret: 'guessed_secret' });
      expect(await post(t, forged)).toMatchObject({ status: 401, body: { ok: false } });
      // The body's checksum is right but the header names another.
      const genuine = signedEvent(approved);
      expect((await post(t, genuine, forged.checksum)).status).toBe(401);
      // A genuine event recorded ten minutes ago and replayed now.
      const stale = signedEvent(approved, { at: new Date(Date.now() - 10 * 60_000) });
      expect((await post(t, stale)).status).toBe(401);
      // An amount changed after signing.
      const tampered = genuine.body.replace('"amount_in_cents":4000000', '"amount_in_cents":9000000');
      expect(tampered).not.toBe(genuine.body);
      expect((await post(t, { body: tampered, checksum: genuine.checksum })).status).toBe(401);
      expect((await post(t, { body: '{"event":"transaction.updated"}', checksum: 'x' })).status).toBe(400);

      expect(await countRows(exec, 'gateway_events')).toBe(0);
      expect(await countRows(exec, 'liquidation_payments')).toBe(0);
      expect(await walletBalance(exec, '1020304053')).toBe(0);
      const logs = t.logs.join('\n');
      expect(logs).toContain('gateway event refused');
      expect(logs).not.toContain(testGatewaySecrets.eventsSecret);
      expect(logs).not.toContain('ciudadano@example.com');
    },
  );

  it(
    'parks a wrong amount, a wrong currency and an unknown reference for staff, credits nothing, and answers 200',
    { timeout: 90_000 },
    async () => {
      const { t, exec, config } = await server(variant);
      const checkout = await openTestCheckout(exec, config, 60_000, '1020304054');

      const short = transactionFor(checkout, 6_000, 'APPROVED', 'tx-short');
      expect(await post(t, signedEvent(short))).toMatchObject({ status: 200, body: { outcome: 'mismatch' } });
      const dollars: GatewayTransaction = {
        ...transactionFor(checkout, 60_000, 'APPROVED', 'tx-usd'),
        currency: 'USD',
      };
      expect(await post(t, signedEvent(dollars))).toMatchObject({ status: 200, body: { outcome: 'mismatch' } });
      const stranger: GatewayTransaction = {
        ...transactionFor(checkout, 60_000, 'APPROVED', 'tx-x'),
        reference: 'FAC-000123',
      };
      expect(await post(t, signedEvent(stranger))).toMatchObject({
        status: 200,
        body: { outcome: 'unknown-reference' },
      });
      // The gateway retrying them changes nothing more.
      expect((await post(t, signedEvent(short))).body).toMatchObject({ outcome: 'duplicate' });
      expect((await post(t, signedEvent(stranger))).body).toMatchObject({ outcome: 'duplicate' });

      expect(await walletBalance(exec, '1020304054')).toBe(0);
      expect(await countRows(exec, 'liquidation_payments')).toBe(0);
      expect(await gatewayCheckoutState(exec, checkout.reference)).toEqual({
        status: 'CREATED',
        liquidationState: 'pendiente',
      });
      const { rows } = await exec.query<{
        source_key: string;
        liquidation_id: string | null;
        details: { reason: string };
      }>(
        `SELECT source_key, liquidation_id, details FROM wallet_reviews WHERE kind = 'gateway-mismatch' ORDER BY source_key`,
      );
      expect(rows.map((r) => [r.source_key, r.liquidation_id, r.details.reason])).toEqual([
        ['gateway:tx-short', checkout.liquidationId, 'amount'],
        ['gateway:tx-usd', checkout.liquidationId, 'currency'],
        ['gateway:tx-x', null, 'unknown-reference'],
      ]);
    },
  );

  it('throttles an address that keeps sending refused events, before reading them', { timeout: 90_000 }, async () => {
    const { t, exec, config } = await server(variant);
    const checkout = await openTestCheckout(exec, config, 15_000, '1020304055');
    const forged = signedEvent(transactionFor(checkout, 15_000, 'APPROVED'), { secret: 'guess' });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) statuses.push((await post(t, forged)).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});
