import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { expect, it, onTestFinished } from 'vitest';
import { gatewayCheckoutState } from '../../../src-server/wallet/gateway/checkout-state';
import { openTestCheckout, testWalletConfig, walletBalance } from '../../support/gateway-fixtures';
import { startTestServer } from '../../support/server-harness';
import { until } from '../../support/sync-support';
import { makeServerCertificate, makeTestCa } from '../../support/test-certificates';
import { tempDir } from '../../support/temp-dir';

/**
 * A server that serves HTTPS with a certificate for its public name (not for 127.0.0.1):
 * the demo gateway still delivers its events to its own webhook over loopback, trusting
 * exactly that certificate, and the poll's lookups go the same way.
 */
function httpsCall(url: string, ca: Buffer, form?: Record<string, string>): Promise<{ status: number; body: string }> {
  const body = form === undefined ? undefined : new URLSearchParams(form).toString();
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: body === undefined ? 'GET' : 'POST',
        ca,
        servername: 'ventanilla.example',
        headers: body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const hiddenFields = (html: string): Record<string, string> =>
  Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1] ?? '', m[2] ?? '']),
  );

it(
  'the demo gateway reaches its own HTTPS webhook on loopback, pinned to the server’s certificate',
  { timeout: 90_000 },
  async () => {
    const dir = tempDir('gateway-tls');
    onTestFinished(() => dir.remove());
    const ca = makeTestCa(dir.path, 'pasarela');
    const certificate = makeServerCertificate(dir.path, ca, 'ventanilla', 'DNS:ventanilla.example');
    const config = testWalletConfig();
    const t = await startTestServer(
      { kind: 'pglite', freshDatabaseUrl: async () => null },
      {
        config: {
          wallet: config,
          transport: { tls: { cert: certificate.cert, key: certificate.key }, trustedProxies: null },
        },
        serverOptions: { gateway: { retryScheduleMs: [] } },
      },
    );
    expect(t.server.url.startsWith('https://127.0.0.1:')).toBe(true);
    const exec = t.server.database.exec;
    const checkout = await openTestCheckout(exec, config, 90_000, '1070809010', t.server.url);
    const caPem = readFileSync(ca.certFile);

    const page = await httpsCall(checkout.checkoutUrl, caPem);
    expect(page.status).toBe(200);
    const paid = await httpsCall(`${t.server.url}/pasarela-demo/pagar`, caPem, {
      ...hiddenFields(page.body),
      decision: 'aprobar',
    });
    expect(paid.body).toContain('Pago aprobado');
    await until(
      'paid',
      () => gatewayCheckoutState(exec, checkout.reference),
      (s) => s?.liquidationState === 'pagada',
      20_000,
    );
    expect(await walletBalance(exec, '1070809010')).toBe(90_000);
    const { rows } = await exec.query<{ source: string }>('SELECT source FROM gateway_events');
    expect(rows).toEqual([{ source: 'webhook' }]);
  },
);
