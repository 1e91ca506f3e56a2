import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import type { PasswordWorkOptions } from './accounts/password-work';
import { generateAdminToken, writeLocalAdminFile } from './admin/local-admin-file';
import { demoGatewaySecrets, type ServerConfig } from './config';
import { ensureDeployment } from './db/deployment';
import { migrateServerDatabase } from './db/migrate';
import { openServerDatabase, type ServerDatabase } from './db/open';
import { startPgliteMaintenance } from './db/pglite-maintenance';
import { buildServer } from './http/build-server';
import { trackConnections } from './http/connection-drain';
import { createServerLogger, moduleLogger, withServerRedaction, type Logger } from './logger';
import { MailSender } from './mail/mail-sender';
import { createMailTransport } from './mail/mail-transport';
import { latestSeq } from './sync/feed-reader';
import { FeedNotifier, type FeedNotifierOptions } from './sync/feed-notifier';
import { PgFeedListener } from './sync/pg-feed-listener';
import { assertListenAllowed, plainTransport } from './transport';
import type { SyncHooks } from './http/routes/sync';
import { defaultWalletConfig } from './wallet/wallet-config';
import { WalletMailer, type WalletMailerOptions } from './wallet/mailer/wallet-mailer';
import type { GatewayOptions } from './wallet/gateway/gateway-options';
import { GatewayPoller } from './wallet/gateway/gateway-poller';
import { paymentGateway } from './wallet/gateway/payment-gateway';
import { releasesDirOf } from './releases/release-store';

export type { ServerConfig } from './config';
export { loadServerConfig } from './config';
export type { ServerDatabase } from './db/open';
export { createEnrollmentCode, listDevices, revokeDevice } from './devices/admin';

export interface RunningServer {
  /** Loopback URL of this instance, e.g. `http://127.0.0.1:5181` (`https://` when it serves TLS). */
  readonly url: string;
  readonly port: number;
  readonly database: ServerDatabase;
  /** Call `wake()` after committing mail queued with enqueueMail, so it goes out at once. */
  readonly mail: { wake(): void };
  /** Call `wake()` after committing a wallet payment, so its soporte (and clave) is mailed at once; it also polls. */
  readonly walletMail: { wake(): void };
  /** The local mailbox to open, token included, in a demo without SMTP_URL; null otherwise. */
  readonly mailboxUrl: string | null;
  /** Stops accepting requests, lets in-flight ones finish, then closes the database. */
  stop(): Promise<void>;
}

/** Start-up as a table of contents (STYLE §12): database → migrations → identity → HTTP. */
export interface StartServerOptions {
  readonly logger?: Logger;
  /** Observers of the sync protocol's steps; the fault tests kill the process at one of them. */
  readonly syncHooks?: SyncHooks;
  /** The text of each new captcha, for browser tests that must type it; random otherwise. */
  readonly captchaText?: () => string;
  /** Cheaper scrypt and an observer of it, for tests of the account routes. */
  readonly passwordWork?: PasswordWorkOptions;
  /** The clock phone links expire by; tests move it. */
  readonly now?: () => Date;
  /** The wallet's soporte mailer: a faster poll for tests, or off for tests that watch a payment's rows before it. */
  readonly walletMailer?: {
    readonly enabled?: boolean;
    readonly pollIntervalMs?: WalletMailerOptions['pollIntervalMs'];
    readonly beforeCommit?: WalletMailerOptions['beforeCommit'];
  };
  /** The online gateway's retry schedule, poll timing and step observers; tests shorten them. */
  readonly gateway?: GatewayOptions;
  /** The long polls' notifier: its poll timing and an observer of its waiters (the multi-instance tests). */
  readonly feed?: FeedNotifierOptions;
  /**
   * Seconds after which «Equipos» reloads itself, read as each page is served; absent:
   * fleetRefreshSeconds (15). Browser tests shorten it while they watch a device change.
   */
  readonly fleetRefreshSeconds?: () => number;
}

export async function startServer(config: ServerConfig, opts: StartServerOptions = {}): Promise<RunningServer> {
  // Before anything opens: plain HTTP on a network interface is refused (transport.ts).
  assertListenAllowed(config.host, config.transport ?? plainTransport);
  const rootLogger = opts.logger ?? createServerLogger(config.logLevel);
  const logger = withServerRedaction(rootLogger);
  const log = moduleLogger(logger, 'startup');
  const database = await openServerDatabase(config, { logger });
  const feedNotifier = new FeedNotifier(() => latestSeq(database.exec), moduleLogger(logger, 'feed'), opts.feed);
  // On PostgreSQL other instances and `npm run admin` write too: their commits NOTIFY this
  // instance (migration 0021). PGlite has one writer, this process, and keeps the in-process path.
  const feedListener =
    database.kind === 'postgres' && config.databaseUrl !== null
      ? new PgFeedListener({
          databaseUrl: config.databaseUrl,
          notifier: feedNotifier,
          log: moduleLogger(logger, 'feed'),
        })
      : null;
  // SMTP credentials stay here: devices ask this server to send, they never relay mail themselves.
  const mailTransport = createMailTransport(config.smtpUrl, config.mailFrom);
  const mailSender = new MailSender({ database, transport: mailTransport, logger });
  const walletMailer = new WalletMailer({
    database,
    logger,
    mailQueued: () => mailSender.wake(),
    pollIntervalMs: opts.walletMailer?.pollIntervalMs,
    hashParams: opts.passwordWork?.params,
    beforeCommit: opts.walletMailer?.beforeCommit,
  });
  let app: FastifyInstance | undefined;
  try {
    const migrations = await migrateServerDatabase(database.exec);
    log.info({ applied: migrations.applied, total: migrations.total }, 'Migraciones del servidor central al día');
    // After the migrations: the notifying triggers exist from here on.
    feedListener?.start();
    const deploymentId = await ensureDeployment(database.exec);
    const walletSettings = config.wallet ?? defaultWalletConfig(demoGatewaySecrets());

    // Only an embedded PGlite needs the admin hand-off: PostgreSQL can be opened by the admin
    // command directly, however many server instances run.
    const adminToken = database.kind === 'pglite' ? generateAdminToken() : null;
    // Without SMTP, only a demo shows mail on a page: behind a token that lives as long as this start.
    const mailboxToken =
      mailTransport.kind === 'mailbox' && config.demoMailbox === true ? randomBytes(24).toString('base64url') : null;
    app = await buildServer({
      database,
      deploymentId,
      transport: config.transport ?? plainTransport,
      // buildServer applies the same redaction itself; handing it the root avoids doing it twice.
      logger: rootLogger,
      adminToken,
      enrollmentCodeTtlHours: config.enrollmentCodeTtlHours,
      feedNotifier,
      syncHooks: opts.syncHooks ?? {},
      mail: mailSender,
      mailbox: mailboxToken === null ? null : { token: mailboxToken },
      captchaText: opts.captchaText,
      passwordWork: opts.passwordWork,
      moneyRules: config.money,
      documents: config.documents,
      now: opts.now,
      wallet: walletSettings,
      certificates: config.certificates,
      ticketAttachments: config.ticketAttachments,
      tickets: config.tickets,
      gateway: opts.gateway,
      fleetRefreshSeconds: opts.fleetRefreshSeconds,
      metrics: config.metrics,
      releasesDir: config.releasesDir ?? releasesDirOf({}, config.dataDir),
    });
    // Fastify's own line, in the words of the rest of the server's log.
    await app.listen({
      host: config.host,
      port: config.port,
      listenTextResolver: (address) => `Servidor HTTP escuchando en ${address}`,
    });
    const connections = trackConnections(app.server);
    const port = listeningPort(app);
    const http = app;
    const url = `${config.transport?.tls ? 'https' : 'http'}://${loopbackHostFor(config.host)}:${port}`;
    const removeAdminFile =
      adminToken === null
        ? async () => undefined
        : await writeLocalAdminFile(config.dataDir, { url, token: adminToken, pid: process.pid });
    const maintenance = startPgliteMaintenance(database, moduleLogger(logger, 'maintenance'));
    const mailboxUrl = mailboxToken === null ? null : `${url}/mailbox?token=${mailboxToken}`;
    log.info({ url, database: database.kind, deploymentId, mail: mailTransport.kind }, 'Servidor central escuchando');
    if (mailTransport.kind === 'smtp' || mailboxUrl !== null) mailSender.start();
    // Soportes are queued whatever the transport: without SMTP they wait in the outbox like all mail.
    if (opts.walletMailer?.enabled !== false) walletMailer.start();
    // Checkouts whose event never came: asked about at the gateway (the demo's answers are this server's own).
    const gatewayPoller = new GatewayPoller({
      exec: database.exec,
      gateway: paymentGateway(
        walletSettings.gateway,
        { publicBaseUrl: url, selfUrl: url, pinnedCertificate: config.transport?.tls?.cert },
        moduleLogger(logger, 'gateway-poll'),
      ),
      log: moduleLogger(logger, 'gateway-poll'),
      intervalMs: opts.gateway?.pollIntervalMs,
      minAgeMs: opts.gateway?.pollMinAgeMs,
    });
    gatewayPoller.start();
    if (mailboxUrl !== null) {
      log.info(
        { mailbox: mailboxUrl },
        'Sin SMTP_URL (demostración): el correo queda en el buzón local; ábralo en esta dirección, desde este equipo',
      );
    } else if (mailTransport.kind === 'mailbox') {
      log.warn(
        'Sin SMTP_URL: el correo a los ciudadanos queda en cola y no sale hasta configurar SMTP_URL y reiniciar el servidor',
      );
    }

    let stopping: Promise<void> | undefined;
    return {
      url,
      port,
      database,
      mail: mailSender,
      walletMail: walletMailer,
      mailboxUrl,
      stop: () =>
        (stopping ??= (async () => {
          await removeAdminFile();
          // Long-polling pulls answer now instead of holding close() for up to 30 s.
          feedNotifier.stop();
          await feedListener?.stop();
          // An in-flight send finishes and is recorded; queued mail waits in the table.
          // A soporte in hand is committed or rolled back before the database closes.
          const walletMailStopped = walletMailer.stop();
          const mailStopped = mailSender.stop();
          await gatewayPoller.stop();
          await maintenance.stop();
          const closed = http.close();
          connections.endIdle();
          await closed;
          await walletMailStopped;
          await mailStopped;
          mailTransport.close();
          await database.close();
          log.info('Servidor central detenido');
        })()),
    };
  } catch (error) {
    // Never leave a socket, the PGlite lock or a pool behind a failed start (e.g. port in use).
    feedNotifier.stop();
    await feedListener?.stop();
    await walletMailer.stop();
    await mailSender.stop();
    mailTransport.close();
    await app?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
}

function listeningPort(app: FastifyInstance): number {
  const address = app.server.address();
  if (address === null || typeof address === 'string')
    throw new Error('the HTTP server is not listening on a TCP port');
  return address.port;
}

/** The URL other local processes use; a wildcard bind is reachable on loopback too. */
function loopbackHostFor(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
