import path from 'node:path';
import { z } from 'zod';
import { loadCertificateConfig, type CertificateConfig } from './certificates/certificate-config';
import { loadTicketConfig, type TicketConfig } from './tickets/ticket-config';
import { loadDocumentConfig, type DocumentConfig } from './documents/document-config';
import type { ServerTransport } from './transport';
import { loadMoneyRules, type MoneyRules } from './sync/money-rules';
import { loadWalletConfig, type WalletConfig } from './wallet/wallet-config';
import { loadAttachmentConfig, type AttachmentConfig } from './tickets/attachments/attachment-limits';
import { randomBytes } from 'node:crypto';
import { DEFAULT_METRICS_HOST, type MetricsConfig } from './metrics/metrics-config';
import { releasesDirOf } from './releases/release-store';

/** Everything the central server needs, built once at start-up and passed down (STYLE §13). */
export interface ServerConfig {
  /** The server writes only under `<dataDir>/server/` (PGlite files, the local admin file). */
  dataDir: string;
  /** PostgreSQL connection string; null runs the embedded PGlite under the data dir. */
  databaseUrl: string | null;
  /** Interface to listen on. Loopback by default: exposing the server to the LAN is a decision. */
  host: string;
  /** 0 picks a free port (tests, the app's embedded server). */
  port: number;
  logLevel: string;
  /** How long an enrollment code can be exchanged after an admin creates it. */
  enrollmentCodeTtlHours: number;
  /**
   * `smtp://` or `smtps://` URL of the relay that sends citizens' mail, credentials included.
   * Only the central server holds it: devices ask the server to send. Null keeps mail queued,
   * or, in a demo (`demoMailbox`), in the server's local mailbox, so `npm start` needs no mail setup.
   */
  smtpUrl: string | null;
  /** The From of every mail, e.g. `Acueducto <no-responder@acueducto.example>`. */
  mailFrom: string;
  /**
   * TLS served by this server, or the TLS proxy in front of it; read from the environment by
   * loadServerTransport (transport.ts). Absent: plain HTTP, which only loopback may listen with.
   */
  transport?: ServerTransport;
  /**
   * A demo start (`npm start`'s embedded server, or VENTANILLA_DEMO_MAILBOX=1): without
   * SMTP_URL, mail goes to the local mailbox page, opened with a per-start token. Otherwise
   * mail without SMTP_URL waits in the queue, and there is no mailbox page.
   */
  demoMailbox?: boolean;
  /** Rules for money events from devices (sync/money-rules.ts); their defaults when absent. */
  money?: MoneyRules;
  /** Upload limit and phone links (documents/document-config.ts); their defaults when absent. */
  documents?: DocumentConfig;
  /** The prepaid wallet's amounts, expiry, banks and gateway (wallet/wallet-config.ts); the demo gateway's when absent. */
  wallet?: WalletConfig;
  /** The chamber, the certificate catalogue and the signing identity (certificates/certificate-config.ts). */
  certificates?: CertificateConfig;
  /** Ticket attachments' limits, types and folder (tickets/attachments/attachment-limits.ts). */
  ticketAttachments?: AttachmentConfig;
  /** Ticket categories and service levels, the support line and address (tickets/ticket-config.ts). */
  tickets?: TicketConfig;
  /**
   * Prometheus metrics on a listener of their own (metrics/metrics-config.ts), from
   * VENTANILLA_METRICS_PORT and VENTANILLA_METRICS_HOST; absent or null: no metrics served.
   */
  metrics?: MetricsConfig | null;
  /**
   * The release store the update feed serves from (VENTANILLA_RELEASES_DIR, default
   * `<dataDir>/server/releases`; releases/release-store.ts). Shared by every instance.
   */
  releasesDir?: string;
}

export class ServerConfigError extends Error {
  override readonly name = 'ServerConfigError';
}

export const DEFAULT_SERVER_PORT = 5181;
export const DEFAULT_ENROLLMENT_CODE_TTL_HOURS = 24;
export const DEFAULT_MAIL_FROM = 'Ventanilla <no-responder@ventanilla.local>';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const Port = z.coerce.number().int().min(0).max(65535);
const TtlHours = z.coerce
  .number()
  .int()
  .min(1)
  .max(24 * 30);

/**
 * The only place the server reads the environment:
 * VENTANILLA_DATA_DIR, DATABASE_URL, VENTANILLA_SERVER_HOST, VENTANILLA_SERVER_PORT,
 * VENTANILLA_ENROLLMENT_TTL_HOURS, LOG_LEVEL, SMTP_URL, MAIL_FROM, VENTANILLA_DEMO_MAILBOX,
 * and (through loadDocumentConfig) VENTANILLA_PUBLIC_URL, VENTANILLA_UPLOAD_MAX_BYTES,
 * VENTANILLA_PHONE_LINK_MINUTES; (through loadCertificateConfig) VENTANILLA_CHAMBER_*,
 * VENTANILLA_CERTIFICATE_CATALOGUE, VENTANILLA_CERT_SIGNING_P12 and _PASSPHRASE; (through
 * loadAttachmentConfig) VENTANILLA_TICKET_ATTACHMENT_*; (through loadTicketConfig) VENTANILLA_TICKET_CATEGORIES,
 * VENTANILLA_TICKET_LINK_DAYS, VENTANILLA_SUPPORT_PHONE, VENTANILLA_SUPPORT_EMAIL; (through
 * loadMetricsConfig) VENTANILLA_METRICS_PORT, VENTANILLA_METRICS_HOST; (through releasesDirOf)
 * VENTANILLA_RELEASES_DIR.
 */
export function loadServerConfig(env: Record<string, string | undefined>, defaults: { dataDir: string }): ServerConfig {
  const port = Port.safeParse(nonEmpty(env.VENTANILLA_SERVER_PORT) ?? String(DEFAULT_SERVER_PORT));
  if (!port.success) {
    throw new ServerConfigError(
      `VENTANILLA_SERVER_PORT debe ser un número de puerto (0–65535), no «${env.VENTANILLA_SERVER_PORT}».`,
    );
  }
  const ttl = TtlHours.safeParse(
    nonEmpty(env.VENTANILLA_ENROLLMENT_TTL_HOURS) ?? String(DEFAULT_ENROLLMENT_CODE_TTL_HOURS),
  );
  if (!ttl.success) {
    throw new ServerConfigError(
      `VENTANILLA_ENROLLMENT_TTL_HOURS debe ser un número entero de horas entre 1 y 720, no «${env.VENTANILLA_ENROLLMENT_TTL_HOURS}».`,
    );
  }
  const logLevel = (nonEmpty(env.LOG_LEVEL) ?? 'info').toLowerCase();
  if (!(logLevels as readonly string[]).includes(logLevel)) {
    throw new ServerConfigError(`LOG_LEVEL debe ser uno de ${logLevels.join(', ')}, no «${env.LOG_LEVEL}».`);
  }
  const databaseUrl = nonEmpty(env.DATABASE_URL) ?? null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    // Never echo the value: a connection string usually carries a password.
    throw new ServerConfigError('DATABASE_URL debe empezar por postgres:// o postgresql://.');
  }
  return {
    dataDir: path.resolve(nonEmpty(env.VENTANILLA_DATA_DIR) ?? defaults.dataDir),
    databaseUrl,
    host: nonEmpty(env.VENTANILLA_SERVER_HOST) ?? '127.0.0.1',
    port: port.data,
    logLevel,
    enrollmentCodeTtlHours: ttl.data,
    ...loadMailConfig(env),
    demoMailbox: demoMailbox(env.VENTANILLA_DEMO_MAILBOX),
    money: loadMoneyRules(env),
    documents: documentConfig(env),
    wallet: walletConfig(env),
    certificates: certificateConfig(env, path.resolve(nonEmpty(env.VENTANILLA_DATA_DIR) ?? defaults.dataDir)),
    ticketAttachments: attachmentConfig(env, path.resolve(nonEmpty(env.VENTANILLA_DATA_DIR) ?? defaults.dataDir)),
    tickets: ticketConfig(env),
    metrics: loadMetricsConfig(env, port.data),
    releasesDir: releasesDirOf(env, path.resolve(nonEmpty(env.VENTANILLA_DATA_DIR) ?? defaults.dataDir)),
  };
}

/**
 * The metrics listener: off unless VENTANILLA_METRICS_PORT is set; on loopback unless
 * VENTANILLA_METRICS_HOST says otherwise (a Prometheus on another machine).
 */
export function loadMetricsConfig(env: Record<string, string | undefined>, serverPort: number): MetricsConfig | null {
  const value = nonEmpty(env.VENTANILLA_METRICS_PORT);
  if (value === undefined) return null;
  const port = Port.safeParse(value);
  if (!port.success) {
    throw new ServerConfigError(
      `VENTANILLA_METRICS_PORT debe ser un número de puerto (0–65535), no «${env.VENTANILLA_METRICS_PORT}».`,
    );
  }
  if (port.data !== 0 && port.data === serverPort) {
    throw new ServerConfigError(
      `VENTANILLA_METRICS_PORT (${port.data}) debe ser distinto del puerto del servidor: las métricas van en un puerto aparte.`,
    );
  }
  return { host: nonEmpty(env.VENTANILLA_METRICS_HOST) ?? DEFAULT_METRICS_HOST, port: port.data };
}

function ticketConfig(env: Record<string, string | undefined>): TicketConfig {
  const tickets = loadTicketConfig(env);
  if ('problem' in tickets) throw new ServerConfigError(tickets.problem);
  return tickets;
}

function attachmentConfig(env: Record<string, string | undefined>, dataDir: string): AttachmentConfig {
  const attachments = loadAttachmentConfig(env, dataDir);
  if ('problem' in attachments) throw new ServerConfigError(attachments.problem);
  return attachments;
}

function certificateConfig(env: Record<string, string | undefined>, dataDir: string): CertificateConfig {
  const certificates = loadCertificateConfig(env, dataDir);
  if ('problem' in certificates) throw new ServerConfigError(certificates.problem);
  return certificates;
}

function walletConfig(env: Record<string, string | undefined>): WalletConfig {
  const wallet = loadWalletConfig(env, demoGatewaySecrets());
  if ('problem' in wallet) throw new ServerConfigError(wallet.problem);
  return wallet;
}

/** The demo gateway's secrets: made per start, so nothing outside this process can sign its events. */
export function demoGatewaySecrets(): { eventsSecret: string; integritySecret: string } {
  return {
    eventsSecret: `demo_events_${randomBytes(24).toString('base64url')}`,
    integritySecret: `demo_integrity_${randomBytes(24).toString('base64url')}`,
  };
}

function documentConfig(env: Record<string, string | undefined>): DocumentConfig {
  const documents = loadDocumentConfig(env);
  if ('problem' in documents) throw new ServerConfigError(documents.problem);
  return documents;
}

/**
 * SMTP_URL and MAIL_FROM alone, for the app's embedded server (scripts/stack.ts), whose other
 * settings come from the device's config.
 */
export function loadMailConfig(env: Record<string, string | undefined>): Pick<ServerConfig, 'smtpUrl' | 'mailFrom'> {
  const smtpUrl = nonEmpty(env.SMTP_URL) ?? null;
  // Never echo the value: it carries the relay's user and password.
  if (
    smtpUrl !== null &&
    (!/^smtps?:\/\//i.test(smtpUrl) || !URL.canParse(smtpUrl) || new URL(smtpUrl).hostname === '')
  ) {
    throw new ServerConfigError('SMTP_URL debe ser una URL smtp:// o smtps:// con el nombre del servidor de correo.');
  }
  const mailFrom = nonEmpty(env.MAIL_FROM) ?? DEFAULT_MAIL_FROM;
  if (!/^(?:[^<>@]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/.test(mailFrom)) {
    throw new ServerConfigError(
      `MAIL_FROM debe ser una dirección de correo, p. ej. «Acueducto <no-responder@acueducto.example>», no «${mailFrom}».`,
    );
  }
  return { smtpUrl, mailFrom };
}

function demoMailbox(value: string | undefined): boolean {
  const flag = (nonEmpty(value) ?? '0').toLowerCase();
  if (flag === '1' || flag === 'true') return true;
  if (flag === '0' || flag === 'false') return false;
  throw new ServerConfigError(`VENTANILLA_DEMO_MAILBOX debe ser 1 (buzón local de demostración) o 0, no «${value}».`);
}

/** Where the embedded PGlite keeps its files. */
export function pgliteDataDir(dataDir: string): string {
  return path.join(dataDir, 'server', 'pglite');
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
