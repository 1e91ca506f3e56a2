import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { createServer as createHttpsServer } from 'node:https';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerFactory,
} from 'fastify';
import { PasswordWork, type PasswordWorkOptions } from '../accounts/password-work';
import { updateFeedRoutes } from '../releases/update-feed-routes';
import { DEFAULT_ENROLLMENT_CODE_TTL_HOURS } from '../config';
import type { ServerDatabase } from '../db/open';
import { defaultDocumentConfig, type DocumentConfig } from '../documents/document-config';
import { defaultPhoneDocumentLimits, PhoneDocuments } from '../documents/phone-documents';
import { moduleLogger, withServerRedaction, type Logger } from '../logger';
import type { MetricsConfig } from '../metrics/metrics-config';
import { installMetrics } from '../metrics/server-metrics';
import { consoleRoutes } from '../console/console-routes';
import {
  defaultAttachmentDir,
  defaultAttachmentLimits,
  TicketAttachments,
  type AttachmentConfig,
} from '../tickets/attachments';
import { defaultTicketConfig, type TicketConfig } from '../tickets/ticket-config';
import type { TicketContext } from '../tickets/ticket-context';
import { startTicketSweeper } from '../tickets/ticket-sweeper';
import { importBankFile } from '../wallet/bank-files/import-bank-file';
import { createSubscriberCounter } from '../subscribers/subscriber-count';
import { installErrorHandling } from './errors';
import { accountRoutes } from './routes/accounts';
import { adminRoutes } from './routes/admin';
import { deviceRoutes } from './routes/device';
import { enrollRoutes } from './routes/enroll';
import { healthRoutes } from './routes/health';
import { kioskStaffRoutes } from './routes/kiosk-staff';
import { mailboxRoutes } from './routes/mailbox';
import { phoneLinkRoutes } from './routes/phone-links';
import { diagnosticRoutesPlugin } from './routes/diagnostics';
import { snapshotRoutes } from './routes/sync-snapshot';
import { syncRoutes, type SyncHooks } from './routes/sync';
import { walletRoutes } from './routes/wallet';
import { certificateApiRoutes } from './routes/certificates';
import { ticketDeviceRoutes } from './routes/tickets';
import { supportPages } from '../tickets/web/support-routes';
import { verificationRoutes } from './routes/verification';
import { certificateSigner } from '../certificates/certificate-signer';
import { resolveUnknownCertificate } from '../certificates/certificate-outcome';
import { registryLookup } from '../certificates/registry-lookup';
import { loadCertificateConfig, type CertificateConfig } from '../certificates/certificate-config';
import { walletClavePage } from './routes/wallet-clave-page';
import type { FeedNotifier } from '../sync/feed-notifier';
import type { ServerTransport } from '../transport';
import type { MoneyRules } from '../sync/money-rules';
import { defaultWalletConfig, type WalletConfig } from '../wallet/wallet-config';
import { gatewayRoutes } from '../wallet/gateway/gateway-routes';
import type { GatewayOptions } from '../wallet/gateway/gateway-options';

export interface ServerDeps {
  readonly database: ServerDatabase;
  readonly deploymentId: string;
  /** TLS to serve, and the proxy whose X-Forwarded-* headers to believe; absent: plain HTTP, no proxy. */
  readonly transport?: ServerTransport;
  readonly logger: Logger;
  /** Secret of the loopback admin routes; without it those routes do not exist. */
  readonly adminToken?: string | null;
  readonly enrollmentCodeTtlHours?: number;
  /** How long `hello` may reuse the subscriber count (see subscriber-count.ts). */
  readonly subscriberCountTtlMs?: number;
  /** Wakes long-polling pulls; the caller owns it and stops it before closing the database. */
  readonly feedNotifier: FeedNotifier;
  readonly syncHooks?: SyncHooks;
  /** Call `wake()` after committing a transaction that queued mail (enqueueMail): it goes out now, not at the next poll. */
  readonly mail: { wake(): void };
  /**
   * Serve the local mailbox pages (a demo without SMTP_URL: mail stays here), to loopback
   * requests naming this server's address and carrying this per-start token. Absent: no pages.
   */
  readonly mailbox?: { readonly token: string } | null;
  /** The text of each new captcha; only tests that must read it set this. */
  readonly captchaText?: () => string;
  /** Limits, cost and an observer of the account routes' scrypt work; tests lower the cost. */
  readonly passwordWork?: PasswordWorkOptions;
  /** Rules for money events pushed by devices (defaults when absent). */
  readonly moneyRules?: MoneyRules;
  /** Upload limit and phone links (documents/document-config.ts); defaults when absent. */
  readonly documents?: DocumentConfig;
  /** The clock of phone links' expiry; tests move it. */
  readonly now?: () => Date;
  /** The prepaid wallet's settings (wallet/wallet-config.ts); the demo gateway's defaults when absent. */
  readonly wallet?: WalletConfig;
  /** The chamber, catalogue and signing identity of certificates; the demo's (signing under a temp dir) when absent. */
  readonly certificates?: CertificateConfig;
  /** The online gateway's timings and step observers (wallet/gateway/gateway-options.ts); defaults when absent. */
  readonly gateway?: GatewayOptions;
  /** Where ticket attachments live and their limits; under a temp dir when absent (tests of other routes). */
  readonly ticketAttachments?: AttachmentConfig;
  /** Ticket categories, service levels, support line and address; the defaults when absent. */
  readonly tickets?: TicketConfig;
  /** Where to serve Prometheus metrics once the app listens (metrics/metrics-config.ts); absent or null: none. */
  readonly metrics?: MetricsConfig | null;
  /** The release store the update feed serves (releases/release-store.ts); absent: a folder under the temp dir, empty. */
  readonly releasesDir?: string;
  /** Seconds after which «Equipos» reloads itself, read per page; absent: fleetRefreshSeconds (15). */
  readonly fleetRefreshSeconds?: () => number;
}

/** With a certificate the app is served over HTTPS; Fastify keeps the plain server's type. */
function httpsFactory(tls: ServerTransport['tls']): { serverFactory?: FastifyServerFactory } {
  if (tls === null) return {};
  return { serverFactory: (handler) => createHttpsServer({ cert: tls.cert, key: tls.key }, handler) };
}

/** The HTTP app, not yet listening: tests use `inject()` or `listen()` on it. */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const logger = withServerRedaction(deps.logger);
  // Widened to Fastify's logger interface so the app has the plain `FastifyInstance` type.
  const fastifyLogger: FastifyBaseLogger = logger;
  const app = Fastify({
    loggerInstance: fastifyLogger,
    // Enrollment and hello bodies are tiny; later sync routes raise this per route.
    bodyLimit: 256 * 1024,
    // Behind a load balancer the connection may be kept open long; bound what one request may take.
    requestTimeout: 60_000,
    // Devices say hello every few seconds; a line per request would bury everything else.
    // Requests are logged at debug level instead, without query strings or bodies.
    logController: new LogController({ disableRequestLogging: true }),
    // X-Forwarded-For/-Proto only from the TLS proxy's own addresses; without one, from nobody,
    // so `request.ip` is the socket's peer (the loopback-only pages depend on it).
    trustProxy: deps.transport?.trustedProxies ? [...deps.transport.trustedProxies] : false,
    // Behind a load balancer its X-Request-Id names the request in both logs; otherwise one is made.
    requestIdHeader: false,
    genReqId: (request) => incomingRequestId(request.headers[REQUEST_ID_HEADER]) ?? randomUUID(),
    ...httpsFactory(deps.transport?.tls ?? null),
  });
  // close() reaps only the connections idle at that moment: a long-polling pull answered after
  // it would keep its keep-alive socket, and close() with it, for keepAliveTimeout (72 s).
  // Responses sent while closing therefore end their connection.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    reply.header(REQUEST_ID_HEADER, request.id);
    return payload;
  });
  const httpLog = moduleLogger(logger, 'http');
  app.addHook('onResponse', async (request, reply) => {
    httpLog.debug(
      {
        reqId: request.id,
        method: request.method,
        route: request.routeOptions.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });
  installErrorHandling(app, httpLog);

  const { database, deploymentId } = deps;
  installMetrics(app, database, deps.metrics ?? null, moduleLogger(logger, 'metrics'));
  healthRoutes(app, database, moduleLogger(logger, 'health'));
  enrollRoutes(app, database, deploymentId, moduleLogger(logger, 'enroll'));
  const subscriberCount = createSubscriberCounter(database, { ttlMs: deps.subscriberCountTtlMs });
  await app.register(deviceRoutes(database, deploymentId, subscriberCount, moduleLogger(logger, 'device-report')));
  await app.register(
    syncRoutes(
      database,
      deploymentId,
      deps.feedNotifier,
      moduleLogger(logger, 'sync'),
      deps.syncHooks ?? {},
      deps.moneyRules,
    ),
  );
  await app.register(snapshotRoutes(database, deploymentId, moduleLogger(logger, 'snapshot')));
  await app.register(
    updateFeedRoutes({
      database,
      releasesDir: deps.releasesDir ?? path.join(os.tmpdir(), 'ventanilla-no-releases'),
      log: moduleLogger(logger, 'updates'),
    }),
  );
  if (deps.adminToken) {
    const ttl = deps.enrollmentCodeTtlHours ?? DEFAULT_ENROLLMENT_CODE_TTL_HOURS;
    await app.register(
      adminRoutes(
        database,
        deps.adminToken,
        ttl,
        moduleLogger(logger, 'admin'),
        {
          rules: deps.moneyRules,
          changed: () => deps.feedNotifier.changed(),
          routesChanged: () => deps.feedNotifier.wakeAll(),
        },
        { serviceCodes: deps.wallet === undefined ? undefined : [deps.wallet.recaudoGln] },
      ),
    );
  }
  const passwords = new PasswordWork(deps.passwordWork);
  await app.register(
    accountRoutes({
      database,
      mail: deps.mail,
      log: moduleLogger(logger, 'accounts'),
      now: () => new Date(),
      passwords,
      captchaText: deps.captchaText,
    }),
  );
  await app.register(
    kioskStaffRoutes({ database, passwords, now: () => new Date(), log: moduleLogger(logger, 'kiosk-staff') }),
  );
  if (deps.mailbox) await app.register(mailboxRoutes(database, deps.mailbox.token));
  const documents = deps.documents ?? defaultDocumentConfig;
  const now = deps.now ?? (() => new Date());
  const phoneDocuments = new PhoneDocuments(
    database.exec,
    { ...defaultPhoneDocumentLimits, ttlMs: documents.phoneLinkMinutes * 60_000 },
    now,
    moduleLogger(logger, 'phone-links'),
  );
  app.addHook('onClose', async () => phoneDocuments.stop());
  await app.register(
    phoneLinkRoutes({
      database,
      documents: phoneDocuments,
      config: documents,
      log: moduleLogger(logger, 'phone-links'),
      now,
    }),
  );
  await app.register(diagnosticRoutesPlugin({ database, log: moduleLogger(logger, 'diagnostics'), now }));
  // Without a wallet config (tests of other routes), a demo gateway whose secrets nobody holds.
  const wallet = deps.wallet ?? defaultWalletConfig({ eventsSecret: randomSecret(), integritySecret: randomSecret() });
  const walletContext = {
    database,
    config: wallet,
    mail: deps.mail,
    log: moduleLogger(logger, 'wallet'),
    now,
    passwords,
  };
  await app.register(walletRoutes({ ...walletContext, publicUrl: documents.publicUrl }));
  await app.register(walletClavePage(walletContext));
  const certificates = deps.certificates ?? demoCertificates();
  const certificateContext = {
    ...walletContext,
    log: moduleLogger(logger, 'certificates'),
    certificates,
    signer: certificateSigner(certificates.signing, moduleLogger(logger, 'certificates')),
    registry: registryLookup,
  };
  await app.register(certificateApiRoutes({ ...certificateContext, publicUrl: documents.publicUrl }));
  await app.register(verificationRoutes({ database, certificates, now }));
  await app.register(
    gatewayRoutes({
      database,
      wallet,
      transport: deps.transport,
      logger,
      now,
      options: deps.gateway,
    }),
  );
  // Support tickets: the citizens' pages, the kiosk's routes and the agents' console share one context.
  const ticketContext: TicketContext = {
    database,
    config: deps.tickets ?? defaultTicketConfig,
    attachments: new TicketAttachments(
      deps.ticketAttachments ?? { ...defaultAttachmentLimits, dir: defaultAttachmentDir(os.tmpdir()) },
      logger,
    ),
    mail: deps.mail,
    log: moduleLogger(logger, 'tickets'),
    now,
    // Each request puts its own public address here when VENTANILLA_PUBLIC_URL is not set.
    publicBaseUrl: documents.publicUrl ?? '',
  };
  // Expired links, drafts never confirmed, files no row names: swept hourly (ticket-sweeper.ts).
  const ticketSweeper = startTicketSweeper(database.exec, ticketContext.attachments.store, ticketContext.log);
  app.addHook('onClose', () => ticketSweeper.stop());
  // The kiosk's ticket routes and the citizens' /soporte pages are registered here with ticketContext.
  await app.register(ticketDeviceRoutes(ticketContext));
  await app.register(supportPages({ tickets: ticketContext, publicUrl: documents.publicUrl }));
  await app.register(
    consoleRoutes({
      tickets: ticketContext,
      database,
      passwords,
      log: moduleLogger(logger, 'staff-console'),
      now,
      // Only files of the wallet's own convenio (its GLN) credit wallets.
      importBankFile: (exec, input) => importBankFile(exec, { ...input, serviceCodes: [wallet.recaudoGln] }),
      resolveCertificate: (id, to, staff) => resolveUnknownCertificate(certificateContext, id, to, staff),
      routesChanged: () => deps.feedNotifier.wakeAll(),
      fleetRefreshSeconds: deps.fleetRefreshSeconds,
    }),
  );
  return app;
}

const REQUEST_ID_HEADER = 'x-request-id';

/** An id a balancer sent, if it is one a log line can carry as is (no spaces, quotes or newlines). */
function incomingRequestId(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && /^[A-Za-z0-9._:@/+=-]{1,128}$/.test(value) ? value : undefined;
}

const randomSecret = (): string => randomBytes(24).toString('base64url');

/** Certificates for a server built without their settings (tests of other routes): the demo chamber, signing under a temp dir. */
function demoCertificates(): CertificateConfig {
  const config = loadCertificateConfig({}, path.join(os.tmpdir(), 'ventanilla-demo-certificates'));
  if ('problem' in config) throw new Error(config.problem);
  return config;
}
