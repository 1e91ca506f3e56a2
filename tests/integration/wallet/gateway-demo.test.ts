import { expect, it } from 'vitest';
import { gatewayCheckoutState } from '../../../src-server/wallet/gateway/checkout-state';
import { integritySignature } from '../../../src-server/wallet/gateway/signatures';
import { GATEWAY_EVENTS_PATH } from '../../../src-server/wallet/gateway/webhook-route';
import {
  countRows,
  openTestCheckout,
  signedEvent,
  testWalletConfig,
  walletBalance,
} from '../../support/gateway-fixtures';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer, type TestServer } from '../../support/server-harness';
import { until } from '../../support/sync-support';

/**
 * The demo gateway (docs/payment-gateway.md): the central server's own checkout page, whose
 * choices become signed events to its own webhook — the real code path without real money —
 * and the poll that finds an approval whose event never arrived.
 */
async function server(variant: Parameters<typeof startTestServer>[0], gateway = {}) {
  const config = testWalletConfig();
  const t = await startTestServer(variant, {
    logLevel: 'info',
    config: { wallet: config },
    serverOptions: { gateway: { retryScheduleMs: [200, 400], ...gateway } },
  });
  return { t, exec: t.server.database.exec, config };
}

const unescape = (value: string): string =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The hidden fields of the page's first form, as a browser would post them. */
function formFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    fields[match[1] ?? ''] = unescape(match[2] ?? '');
  return fields;
}

async function postForm(
  t: TestServer,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return t.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

async function openPage(t: TestServer, checkoutUrl: string): Promise<string> {
  const url = new URL(checkoutUrl);
  const page = await t.request(`${url.pathname}${url.search}`);
  expect(page.status).toBe(200);
  return String(page.body);
}

describeEachServerDatabase('demo gateway', (variant) => {
  it(
    'shows a labelled checkout page without script; «Aprobar pago» credits the wallet once',
    { timeout: 90_000 },
    async () => {
      const { t, exec, config } = await server(variant);
      const checkout = await openTestCheckout(exec, config, 50_000, '1030405060', t.server.url);
      expect(checkout.checkoutUrl.startsWith(`${t.server.url}/pasarela-demo/checkout?`)).toBe(true);
      const url = new URL(checkout.checkoutUrl);
      const page = await t.request(`${url.pathname}${url.search}`);
      expect(page.status).toBe(200);
      const policy = page.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("default-src 'none'");
      expect(policy).toContain("form-action 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain('unsafe-inline');
      const html = String(page.body);
      expect(html).toContain('Pasarela de demostración — no se cobra dinero real');
      expect(html).toContain(checkout.reference);
      expect(html).toMatch(/\$\s50\.000/);
      for (const button of ['Aprobar pago', 'Rechazar pago', 'Dejar pendiente']) expect(html).toContain(button);
      expect(html).not.toMatch(/<script|\son\w+=/i);

      const paid = await postForm(t, '/pasarela-demo/pagar', { ...formFields(html), decision: 'aprobar' });
      expect(paid.status).toBe(200);
      expect(String(paid.body)).toContain('Pago aprobado');
      await until(
        'the liquidación paid',
        () => gatewayCheckoutState(exec, checkout.reference),
        (s) => s?.liquidationState === 'pagada',
        20_000,
      );
      expect(await gatewayCheckoutState(exec, checkout.reference)).toEqual({
        status: 'APPROVED',
        liquidationState: 'pagada',
      });
      expect(await walletBalance(exec, '1030405060')).toBe(50_000);

      // The back button and a second click: no second charge.
      const again = await postForm(t, '/pasarela-demo/pagar', { ...formFields(html), decision: 'aprobar' });
      expect(again.status).toBe(409);
      expect(String(again.body)).toContain('ya fue pagada');
      expect(await countRows(exec, 'liquidation_payments')).toBe(1);
    },
  );

  it(
    '«Dejar pendiente» then settling it; «Rechazar pago» leaves the liquidación pendiente',
    { timeout: 90_000 },
    async () => {
      const { t, exec, config } = await server(variant);
      const first = await openTestCheckout(exec, config, 25_000, '1030405061', t.server.url);
      const pending = await postForm(t, '/pasarela-demo/pagar', {
        ...formFields(await openPage(t, first.checkoutUrl)),
        decision: 'pendiente',
      });
      expect(String(pending.body)).toContain('Pago pendiente');
      await until(
        'pending',
        () => gatewayCheckoutState(exec, first.reference),
        (s) => s?.status === 'PENDING',
        20_000,
      );
      const action = /action="([^"]+\/decision)"/.exec(String(pending.body))?.[1] ?? '';
      const settled = await postForm(t, unescape(action), { ...formFields(String(pending.body)), decision: 'aprobar' });
      expect(String(settled.body)).toContain('Pago aprobado');
      await until(
        'paid',
        () => gatewayCheckoutState(exec, first.reference),
        (s) => s?.liquidationState === 'pagada',
        20_000,
      );

      const second = await openTestCheckout(exec, config, 25_000, '1030405062', t.server.url);
      const declined = await postForm(t, '/pasarela-demo/pagar', {
        ...formFields(await openPage(t, second.checkoutUrl)),
        decision: 'rechazar',
      });
      expect(String(declined.body)).toContain('Pago rechazado');
      await until(
        'declined',
        () => gatewayCheckoutState(exec, second.reference),
        (s) => s?.status === 'DECLINED',
        20_000,
      );
      expect(await gatewayCheckoutState(exec, second.reference)).toEqual({
        status: 'DECLINED',
        liquidationState: 'pendiente',
      });
      expect(await walletBalance(exec, '1030405061')).toBe(25_000);
      expect(await walletBalance(exec, '1030405062')).toBe(0);
    },
  );

  it(
    'refuses a changed amount in the link, a form without our token, and a cross-site post',
    { timeout: 90_000 },
    async () => {
      const { t, exec, config } = await server(variant);
      const checkout = await openTestCheckout(exec, config, 40_000, '1030405063', t.server.url);
      const url = new URL(checkout.checkoutUrl);
      url.searchParams.set('amount-in-cents', '100000');
      const changed = await t.request(`${url.pathname}${url.search}`);
      expect(changed.status).toBe(400);
      expect(String(changed.body)).toContain('Este enlace de pago no es válido');

      const fields = formFields(await openPage(t, checkout.checkoutUrl));
      const withoutToken = await postForm(t, '/pasarela-demo/pagar', { ...fields, token: 'x', decision: 'aprobar' });
      expect(withoutToken.status).toBe(403);
      const cheaper = await postForm(t, '/pasarela-demo/pagar', {
        ...fields,
        'amount-in-cents': '100',
        decision: 'aprobar',
      });
      expect(cheaper.status).toBe(403);
      const crossSite = await postForm(
        t,
        '/pasarela-demo/pagar',
        { ...fields, decision: 'aprobar' },
        {
          'sec-fetch-site': 'cross-site',
          origin: 'https://evil.example',
        },
      );
      expect(crossSite.status).toBe(403);
      const otherOrigin = await postForm(
        t,
        '/pasarela-demo/pagar',
        { ...fields, decision: 'aprobar' },
        {
          origin: 'https://evil.example',
        },
      );
      expect(otherOrigin.status).toBe(403);
      expect(await gatewayCheckoutState(exec, checkout.reference)).toEqual({
        status: 'CREATED',
        liquidationState: 'pendiente',
      });
      expect(await countRows(exec, 'gateway_events')).toBe(0);
    },
  );

  it(
    'escapes what the link carries: a signed reference with markup is shown as text',
    { timeout: 90_000 },
    async () => {
      const { t, config } = await server(variant);
      const reference = '<img src=x onerror=alert(1)>';
      const query = new URLSearchParams({
        'public-key': 'pub_demo_ventanilla',
        currency: 'COP',
        'amount-in-cents': '1000000',
        reference,
        'signature:integrity': integritySignature(
          { reference, amountInCents: 1_000_000, currency: 'COP' },
          config.gateway.integritySecret,
        ),
        'redirect-url': 'javascript:alert(1)',
      });
      const page = await t.request(`/pasarela-demo/checkout?${query.toString()}`);
      expect(page.status).toBe(200);
      expect(String(page.body)).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(String(page.body)).not.toContain('<img');
      expect(String(page.body)).not.toContain('javascript:');
    },
  );

  it('the poll credits an approval whose event the webhook never accepted, once', { timeout: 90_000 }, async () => {
    const { t, exec, config } = await server(variant, { retryScheduleMs: [], pollIntervalMs: 150, pollMinAgeMs: 0 });
    // Loopback's refused events reach the limit: the webhook now answers the demo's events 429.
    const forged = signedEvent(
      { id: 'f', reference: 'LIQ1-AAAAAAAA', amount_in_cents: 100, currency: 'COP', status: 'APPROVED' },
      { secret: 'guess' },
    );
    for (let i = 0; i < 30; i += 1)
      await t.request(GATEWAY_EVENTS_PATH, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: forged.body,
      });
    const checkout = await openTestCheckout(exec, config, 35_000, '1030405064', t.server.url);
    const paid = await postForm(t, '/pasarela-demo/pagar', {
      ...formFields(await openPage(t, checkout.checkoutUrl)),
      decision: 'aprobar',
    });
    expect(paid.status).toBe(200);
    await until(
      'paid by the poll',
      () => gatewayCheckoutState(exec, checkout.reference),
      (s) => s?.liquidationState === 'pagada',
      30_000,
    );
    const { rows } = await exec.query<{ source: string; outcome: string }>(
      'SELECT source, outcome FROM gateway_events',
    );
    expect(rows).toEqual([{ source: 'poll', outcome: 'applied' }]);
    expect(await walletBalance(exec, '1030405064')).toBe(35_000);
    expect(t.logs.join('\n')).toContain('webhook refused a gateway event');
  });
});
