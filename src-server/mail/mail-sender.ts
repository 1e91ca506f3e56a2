import type { ServerDatabase } from '../db/open';
import { moduleLogger, type Logger } from '../logger';
import { DEFAULT_MAIL_BACKOFF, retryDelayMs, type BackoffPolicy } from './mail-backoff';
import { asDeliveryError } from './mail-delivery-error';
import {
  claimDueMail,
  recordDelivered,
  recordFailed,
  recordRetry,
  releaseClaim,
  type ClaimedMail,
} from './mail-outbox';
import type { MailTransport } from './mail-transport';

export interface MailSenderOptions {
  readonly database: ServerDatabase;
  readonly transport: MailTransport;
  readonly logger: Logger;
  readonly now?: () => Date;
  /** How often due mail is looked for without a `wake()`: retries and other instances' mail. */
  readonly pollIntervalMs?: number;
  readonly backoff?: BackoffPolicy;
  /** Rows claimed per query; small, so a stopping sender gives few back. */
  readonly batchSize?: number;
  /** How long a claimed row stays hidden from other senders; longer than any one send. */
  readonly leaseMs?: number;
  /** For the backoff's jitter. */
  readonly random?: () => number;
}

const DEFAULT_POLL_INTERVAL_MS = 2_000;
const DEFAULT_BATCH_SIZE = 5;
// A send is bounded by the transport's timeouts (10 s to connect, 30 s of silence).
const DEFAULT_LEASE_MS = 5 * 60_000;

/**
 * Delivers the mail outbox. Each pass:
 * 1. Claim a small batch of due rows (mail-outbox.ts: row locks skipped, lease pushed forward),
 *    so several server instances on one PostgreSQL never send the same row at once.
 * 2. Send them one by one. Accepted: `sent` (or `mailbox`). Refused for good: `failed`.
 *    Transient failure: due again after a backoff, and the rest of the batch is given back
 *    untried, because an outage would fail them the same way.
 * 3. A full batch means more may be due: claim again; otherwise wait for `wake()` or the poll.
 *
 * Nothing is kept in memory that the table does not hold: a restart or an outage loses no mail.
 */
export class MailSender {
  private readonly log: Logger;
  private readonly now: () => Date;
  private readonly pollIntervalMs: number;
  private readonly backoff: BackoffPolicy;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly random: () => number;
  private state: 'idle' | 'running' | 'stopped' = 'idle';
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<void> | undefined;
  /** A wake() arrived during a pass: its mail may have been committed after our claim. */
  private wokenDuringPass = false;

  constructor(private readonly options: MailSenderOptions) {
    this.log = moduleLogger(options.logger, 'mail');
    this.now = options.now ?? (() => new Date());
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    this.backoff = options.backoff ?? DEFAULT_MAIL_BACKOFF;
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.random = options.random ?? Math.random;
  }

  start(): void {
    if (this.state !== 'idle') return;
    this.state = 'running';
    this.schedule(0);
  }

  /** Send now: called after a commit that queued mail. Cheap, and a no-op once stopped. */
  wake(): void {
    if (this.state !== 'running') return;
    if (this.pass !== undefined) {
      this.wokenDuringPass = true;
      return;
    }
    this.schedule(0);
  }

  /** No new pass starts; an in-flight send finishes and is recorded, the rest is given back. */
  async stop(): Promise<void> {
    this.state = 'stopped';
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.pass;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.runPass(), delayMs);
    // Pending mail is in the table; a timer alone must not keep a process alive.
    this.timer.unref();
  }

  private runPass(): void {
    this.timer = undefined;
    if (this.state !== 'running' || this.pass !== undefined) return;
    this.wokenDuringPass = false;
    this.pass = this.drain()
      .catch((error: unknown) => {
        // The database is away (restarting, failing over): the rows wait in it for the next pass.
        this.log.warn({ err: error }, 'No se pudo leer la cola de correo; se reintentará');
      })
      .finally(() => {
        this.pass = undefined;
        if (this.state === 'running') this.schedule(this.wokenDuringPass ? 0 : this.pollIntervalMs);
      });
  }

  private async drain(): Promise<void> {
    const exec = this.options.database.exec;
    while (this.state === 'running') {
      const now = this.now();
      const claimed = await claimDueMail(exec, {
        now,
        leaseUntil: new Date(now.getTime() + this.leaseMs),
        limit: this.batchSize,
      });
      for (const [index, mail] of claimed.entries()) {
        const outcome = this.state === 'running' ? await this.deliver(mail) : 'stopping';
        if (outcome !== 'next') {
          // Stopping, or the relay failed: what is left goes back to the queue as it was.
          const rest = claimed.slice(outcome === 'stopping' ? index : index + 1);
          for (const other of rest) await releaseClaim(exec, other.id, this.now());
          return;
        }
      }
      if (claimed.length < this.batchSize) return;
    }
  }

  /** Sends one claimed row and records the outcome; 'relay-failed' when it must be retried. */
  private async deliver(mail: ClaimedMail): Promise<'next' | 'relay-failed'> {
    const exec = this.options.database.exec;
    const { transport } = this.options;
    const attempt = mail.attempts + 1;
    const context = { mailId: mail.id, template: mail.template, attempt };
    try {
      await transport.send({
        id: mail.id,
        to: mail.recipient,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        attachments: mail.attachments,
      });
    } catch (thrown) {
      const failure = asDeliveryError(thrown);
      if (failure.permanent) {
        await recordFailed(exec, mail.id, failure.reason);
        this.log.error(
          { ...context, reason: failure.reason },
          'El servidor SMTP rechazó el correo de forma definitiva',
        );
        return 'next';
      }
      const delayMs = retryDelayMs(attempt, this.backoff, this.random);
      await recordRetry(exec, mail.id, {
        nextAttemptAt: new Date(this.now().getTime() + delayMs),
        error: failure.reason,
      });
      this.log.warn(
        { ...context, retryInMs: delayMs, reason: failure.reason },
        'No se pudo enviar el correo; se reintentará',
      );
      return 'relay-failed';
    }
    if (transport.kind === 'mailbox') {
      await recordDelivered(exec, mail.id, 'mailbox', this.now());
      this.log.info(context, 'Correo guardado en el buzón local del servidor (sin SMTP_URL): véalo en /mailbox');
    } else {
      await recordDelivered(exec, mail.id, 'sent', this.now());
      this.log.info(context, 'Correo enviado');
    }
    return 'next';
  }
}
