import type { ScryptParams } from '../../../src-node/password-hash';
import type { ServerDatabase } from '../../db/open';
import { runInTransaction } from '../../db/transaction';
import { moduleLogger, type Logger } from '../../logger';
import { unmailedPayments } from './payment-support-facts';
import { prepareSupportMail, recordSupportMail } from './payment-support-mail';

export interface WalletMailerOptions {
  readonly database: ServerDatabase;
  readonly logger: Logger;
  /** Told after a commit that queued mail (the mail sender's wake). */
  readonly mailQueued: () => void;
  /** How often unmailed payments are looked for without a `wake()`. */
  readonly pollIntervalMs?: number;
  /** Payments looked at per query. */
  readonly batchSize?: number;
  /** Cheaper clave hashes for tests; OWASP's otherwise. */
  readonly hashParams?: ScryptParams;
  /** How long a payment whose mail failed to be made waits before it is tried again. */
  readonly failureRetryMs?: number;
  /**
   * Polls look only at payments recorded within this window (a transaction that made its payment
   * earlier may commit late); a full look runs at start and every `fullScanEveryMs`.
   */
  readonly recentWindowMs?: number;
  readonly fullScanEveryMs?: number;
  /** Called inside a payment's transaction once everything is written, before it commits: the fault tests die there. */
  readonly beforeCommit?: () => void | Promise<void>;
}

const DEFAULT_POLL_INTERVAL_MS = 2_000;
const DEFAULT_BATCH_SIZE = 10;
const DEFAULT_FAILURE_RETRY_MS = 5 * 60_000;
const DEFAULT_RECENT_WINDOW_MS = 60 * 60_000;
const DEFAULT_FULL_SCAN_EVERY_MS = 60 * 60_000;

/**
 * Mails the soporte del pago of every wallet payment, once, with the clave on the holder's first
 * (guide 001: «Tan pronto se confirme el pago … le enviaremos a su correo electrónico el soporte
 * del pago con una clave de acceso»). A payment without its wallet_support_mails row is still to
 * be mailed, so the table is the queue: nothing is kept in memory that a restart would lose, and
 * the money path (applyLiquidationPayment) never waits on a PDF or a password hash.
 *
 * Each pass: list a batch of unmailed payments; for each, prepare the mail outside any
 * transaction and record it in one (payment-support-mail.ts); a full batch means more may wait.
 * Several servers on one PostgreSQL may run it: the payment's row lock and the re-check in the
 * transaction mail each payment once. The clave is never logged.
 */
export class WalletMailer {
  private readonly log: Logger;
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly failureRetryMs: number;
  private state: 'idle' | 'running' | 'stopped' = 'idle';
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<void> | undefined;
  private wokenDuringPass = false;
  /** Payments whose mail could not be made, with when to try again: one bad row must not stop the rest. */
  private readonly failed = new Map<string, number>();
  /** When the last full look (every payment ever made) finished; null until the first. */
  private lastFullScan: number | null = null;

  constructor(private readonly options: WalletMailerOptions) {
    this.log = moduleLogger(options.logger, 'wallet-mail');
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.failureRetryMs = options.failureRetryMs ?? DEFAULT_FAILURE_RETRY_MS;
  }

  start(): void {
    if (this.state !== 'idle') return;
    this.state = 'running';
    this.schedule(0);
  }

  /** Look now: called after a commit that recorded a payment. Cheap, and a no-op once stopped. */
  wake(): void {
    if (this.state !== 'running') return;
    if (this.pass !== undefined) {
      this.wokenDuringPass = true;
      return;
    }
    this.schedule(0);
  }

  /** No new pass starts; the payment in hand is finished (or rolled back), the rest waits in the table. */
  async stop(): Promise<void> {
    this.state = 'stopped';
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.pass;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.runPass(), delayMs);
    this.timer.unref();
  }

  private runPass(): void {
    this.timer = undefined;
    if (this.state !== 'running' || this.pass !== undefined) return;
    this.wokenDuringPass = false;
    this.pass = this.drain()
      .catch((error: unknown) => {
        this.log.warn({ err: error }, 'No se pudieron revisar los pagos del prepago por enviar; se reintentará');
      })
      .finally(() => {
        this.pass = undefined;
        if (this.state === 'running') this.schedule(this.wokenDuringPass ? 0 : this.pollIntervalMs);
      });
  }

  private async drain(): Promise<void> {
    const exec = this.options.database.exec;
    const started = Date.now();
    const full =
      this.lastFullScan === null ||
      started - this.lastFullScan >= (this.options.fullScanEveryMs ?? DEFAULT_FULL_SCAN_EVERY_MS);
    const since = full ? null : new Date(started - (this.options.recentWindowMs ?? DEFAULT_RECENT_WINDOW_MS));
    while (this.state === 'running') {
      const now = Date.now();
      for (const [id, retryAt] of this.failed) if (retryAt <= now) this.failed.delete(id);
      const batch = await unmailedPayments(exec, { limit: this.batchSize, skip: [...this.failed.keys()], since });
      let queued = false;
      for (const paymentId of batch) {
        if (this.state !== 'running') break;
        try {
          queued = (await this.mailOne(paymentId)) || queued;
        } catch (error) {
          this.failed.set(paymentId, Date.now() + this.failureRetryMs);
          this.log.error({ err: error, paymentId }, 'No se pudo preparar el soporte de un pago del prepago');
        }
      }
      if (queued) this.options.mailQueued();
      if (batch.length < this.batchSize) {
        if (full) this.lastFullScan = started;
        return;
      }
    }
  }

  /** True when a mail was queued. */
  private async mailOne(paymentId: string): Promise<boolean> {
    const exec = this.options.database.exec;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const prepared = await prepareSupportMail(exec, paymentId, { hashParams: this.options.hashParams });
      if (prepared === null) return false;
      const outcome = await runInTransaction(exec, async (tx) => {
        const recorded = await recordSupportMail(tx, prepared);
        if (recorded.kind === 'recorded') await this.options.beforeCommit?.();
        return recorded;
      });
      if (outcome.kind === 'taken') return false;
      if (outcome.kind === 'recorded') {
        this.log.info(
          { paymentId, claveIssued: outcome.claveIssued, mailed: outcome.mailId !== null },
          outcome.claveIssued ? 'Soporte del pago y clave del prepago en cola' : 'Soporte del pago del prepago en cola',
        );
        return outcome.mailId !== null;
      }
    }
    throw new Error('the holder changed twice while its soporte mail was being prepared');
  }
}
