import pino from 'pino';
import { expect, it, onTestFinished } from 'vitest';
import { DEFAULT_MAIL_FROM } from '../../../src-server/config';
import { openServerDatabase } from '../../../src-server/db/open';
import { startServer } from '../../../src-server/index';
import { createServerLogger } from '../../../src-server/logger';
import { gatewayCheckoutState } from '../../../src-server/wallet/gateway/checkout-state';
import { EventDelivery } from '../../../src-server/wallet/gateway/event-delivery';
import type { GatewayTransaction } from '../../../src-server/wallet/gateway/gateway-event';
import { GATEWAY_EVENTS_PATH } from '../../../src-server/wallet/gateway/webhook-route';
import { spawnChild } from '../../support/child-spawn';
import { freePort } from '../../support/free-port';
import {
  countRows,
  openTestCheckout,
  testGatewaySecrets,
  testWalletConfig,
  walletBalance,
} from '../../support/gateway-fixtures';
import { describeEachServerDatabase } from '../../support/postgres';
import { prepareDatabase } from '../../support/server-harness';

/**
 * `kill -9` of the central server after it committed a gateway event and before it answered:
 * the gateway never hears 200, so it sends the event again on its retry schedule (the test
 * plays Wompi with the demo gateway's own sender, fast). The restarted server answers
 * `duplicate`: the wallet is credited exactly once.
 */
describeEachServerDatabase('gateway faults: the server killed mid-webhook', (variant) => {
  it('applies the approval once although it committed, died, and got the retry', { timeout: 180_000 }, async () => {
    const { dir, databaseUrl } = await prepareDatabase(variant);
    onTestFinished(() => dir.remove());
    const port = await freePort();
    const config = {
      dataDir: dir.path,
      databaseUrl,
      host: '127.0.0.1',
      port,
      logLevel: 'silent',
      enrollmentCodeTtlHours: 24,
      smtpUrl: null,
      mailFrom: DEFAULT_MAIL_FROM,
      wallet: testWalletConfig(),
    };

    // Migrate and open the checkout with the server in this process, then stop it.
    const first = await startServer(config, { logger: createServerLogger('silent') });
    const checkout = await openTestCheckout(first.database.exec, config.wallet, 70_000, '1050607080');
    await first.stop();

    const dying = spawnChild('server-process', [
      dir.path,
      databaseUrl ?? 'pglite',
      String(port),
      'kill-after-gateway-commit',
    ]);
    onTestFinished(() => dying.kill9());
    await dying.firstLine;

    const approved: GatewayTransaction = {
      id: '1234-1764777600-70001',
      reference: checkout.reference,
      amount_in_cents: 7_000_000,
      currency: 'COP',
      status: 'APPROVED',
    };
    const gateway = new EventDelivery({
      webhookUrl: () => `http://127.0.0.1:${port}${GATEWAY_EVENTS_PATH}`,
      eventsSecret: testGatewaySecrets.eventsSecret,
      retryScheduleMs: [500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000],
      log: pino({ level: 'silent' }),
    });
    onTestFinished(() => gateway.stop());
    const delivered = gateway.send(approved);

    await new Promise<void>((resolve) => {
      if (dying.process.exitCode !== null || dying.process.signalCode !== null) resolve();
      else dying.process.once('exit', () => resolve());
    });
    expect(dying.process.signalCode).toBe('SIGKILL');

    // It had committed: the payment is there once, though nobody was told.
    const between = await openServerDatabase(
      { dataDir: dir.path, databaseUrl },
      { logger: createServerLogger('silent') },
    );
    expect(await countRows(between.exec, 'liquidation_payments')).toBe(1);
    await between.close();

    const healthy = spawnChild('server-process', [dir.path, databaseUrl ?? 'pglite', String(port)]);
    onTestFinished(() => healthy.kill9());
    await healthy.firstLine;
    const end = await delivered;
    expect(end.delivered).toBe(true);
    expect(end.attempts).toBeGreaterThanOrEqual(2);
    await healthy.stop();

    const database = await openServerDatabase(
      { dataDir: dir.path, databaseUrl },
      { logger: createServerLogger('silent') },
    );
    onTestFinished(() => database.close());
    expect(await countRows(database.exec, 'liquidation_payments')).toBe(1);
    expect(await countRows(database.exec, 'gateway_events')).toBe(1);
    expect(await countRows(database.exec, 'ledger_transfers')).toBe(1);
    expect(await walletBalance(database.exec, '1050607080')).toBe(70_000);
    expect(await gatewayCheckoutState(database.exec, checkout.reference)).toEqual({
      status: 'APPROVED',
      liquidationState: 'pagada',
    });
  });
});
