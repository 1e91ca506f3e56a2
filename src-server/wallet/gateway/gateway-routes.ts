import type { FastifyInstance } from 'fastify';
import type { ServerDatabase } from '../../db/open';
import { moduleLogger, type Logger } from '../../logger';
import type { ServerTransport } from '../../transport';
import type { WalletConfig } from '../wallet-config';
import { DemoGateway } from './demo/demo-gateway';
import { demoGatewayRoutes } from './demo/demo-routes';
import { EventDelivery } from './event-delivery';
import type { GatewayOptions } from './gateway-options';
import { GATEWAY_EVENTS_PATH, gatewayWebhookRoute } from './webhook-route';

export interface GatewayRouteDeps {
  readonly database: ServerDatabase;
  readonly wallet: WalletConfig;
  readonly transport: ServerTransport | undefined;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly options?: GatewayOptions;
}

/**
 * The online gateway's HTTP side: the webhook always, and with the demo gateway (no Wompi
 * keys) its checkout pages and API, whose events go to this server's own webhook on loopback.
 */
export function gatewayRoutes(deps: GatewayRouteDeps): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    const { gateway } = deps.wallet;
    const options = deps.options ?? {};
    await app.register(
      gatewayWebhookRoute({
        database: deps.database,
        eventsSecret: gateway.eventsSecret,
        log: moduleLogger(deps.logger, 'gateway-webhook'),
        now: deps.now,
        options,
      }),
    );
    if (gateway.kind !== 'demo') return;
    const tls = deps.transport?.tls ?? null;
    const log = moduleLogger(deps.logger, 'gateway-demo');
    const delivery = new EventDelivery({
      webhookUrl: () => `${ownLoopbackUrl(app, tls !== null)}${GATEWAY_EVENTS_PATH}`,
      eventsSecret: gateway.eventsSecret,
      retryScheduleMs: options.retryScheduleMs,
      log,
      pinnedCertificate: tls?.cert,
    });
    const demo = new DemoGateway(delivery);
    app.addHook('onClose', async () => demo.stop());
    await app.register(demoGatewayRoutes({ gateway: demo, integritySecret: gateway.integritySecret, log }));
  };
}

/** This server as its own process reaches it: loopback and the port it listens on. */
export function ownLoopbackUrl(app: FastifyInstance, https: boolean): string {
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the server is not listening on a TCP port');
  const { address: bound, port } = address;
  // A wildcard bind is reachable on loopback too; a specific address is used as it is.
  let host = bound;
  if (bound === '0.0.0.0') host = '127.0.0.1';
  else if (bound === '::') host = '[::1]';
  else if (address.family === 'IPv6') host = `[${bound}]`;
  return `${https ? 'https' : 'http'}://${host}:${port}`;
}
