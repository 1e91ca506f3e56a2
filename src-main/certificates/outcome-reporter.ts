import type { DispenseOutcome } from '../../src-shared/certificates/certificate-delivery';
import type { Result } from '../../src-shared/api/result';
import type { RouteValue } from '../../src-shared/server-api/routes';
import { Sleeper } from '../devices/jobs/sleeper';
import type { Logger } from '../logger';
import type { PurchaseRecords, StoredPurchase } from './purchase-records';

/** Sends one outcome to the server (`certificates.dispensed`). */
export type SendOutcome = (report: {
  certificateId: string;
  outcome: DispenseOutcome;
  detail: string | null;
}) => Promise<Result<RouteValue<'certificates.dispensed'>>>;

/** Asks the server for a purchase this kiosk made under `purchaseKey` (`certificates.purchaseByKey`). */
export type LookupPurchase = (purchaseKey: string) => Promise<Result<RouteValue<'certificates.purchaseByKey'>>>;

/** A purchase still `asking` this long after it was made lost its answer (the kiosk gave up waiting). */
export const unansweredAfterMs = 5 * 60_000;

/** What a copy of a purchase that never got its answer says: it never reached the dispenser. */
export const unansweredDetail = 'La compra no recibió respuesta en el kiosco: la copia no se entregó.';

export interface OutcomeReporterOptions {
  /** First pause after a failed report; doubled each time, up to `maxDelayMs`. */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
}

/**
 * Tells the central server how each copy's dispensing ended (docs/certificates-kiosk.md): every
 * copy whose outcome is stored and not yet acknowledged is sent, oldest purchase first, until the
 * server answers. The outcome is committed before it is sent and marked reported only after the
 * answer, so a crash in between sends it once more after the restart — harmless, since the server
 * answers a repeated outcome with the first one's result. A refusal (a copy the server does not
 * know) is retried like a lost connection: money is held on the server until it is settled, and
 * staff see the kiosk's log.
 */
export class OutcomeReporter {
  private readonly sleeper = new Sleeper();
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private failures = 0;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;

  /** Purchases left `asking` by an earlier run: nobody is waiting for their answer any more. */
  private readonly leftAsking: Set<string>;

  constructor(
    private readonly records: PurchaseRecords,
    private readonly send: SendOutcome,
    private readonly log: Logger,
    options: OutcomeReporterOptions = {},
    private readonly lookup: LookupPurchase | null = null,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.baseDelayMs = options.baseDelayMs ?? 1_000;
    this.maxDelayMs = options.maxDelayMs ?? 60_000;
    this.leftAsking = new Set(
      records
        .all()
        .filter((p) => p.state === 'asking')
        .map((p) => p.purchaseKey),
    );
  }

  /** Something new to report: sends it now, or as soon as the round under way ends. */
  kick(): void {
    if (this.stopped) return;
    if (this.running !== null) {
      this.again = true;
      this.sleeper.wakeAll();
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when nothing is left to report (or the reporter stopped). */
  async idle(): Promise<void> {
    while (this.running !== null) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.sleeper.wakeAll();
    await this.running;
  }

  private async loop(): Promise<void> {
    for (;;) {
      this.again = false;
      const pending = this.pending();
      if (pending === 0) {
        this.failures = 0;
        if (!this.again) return;
        continue;
      }
      const sentAll = await this.round();
      if (this.stopped) return;
      if (sentAll) {
        this.failures = 0;
        continue;
      }
      this.failures += 1;
      const ceiling = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (this.failures - 1));
      await this.sleeper.sleep(Math.round(ceiling / 2 + (Math.random() * ceiling) / 2));
      if (this.stopped) return;
    }
  }

  private pending(): number {
    const all = this.records.all();
    return (
      all.flatMap((p) => p.copies).filter((c) => c.outcome !== null && !c.reported).length +
      all.filter((p) => this.unanswered(p)).length
    );
  }

  /** A purchase whose answer was lost: left by an earlier run, or given up on long ago. */
  private unanswered(purchase: StoredPurchase): boolean {
    if (purchase.state !== 'asking' || this.lookup === null) return false;
    return (
      this.leftAsking.has(purchase.purchaseKey) ||
      this.now().getTime() - Date.parse(purchase.createdAt) > unansweredAfterMs
    );
  }

  /**
   * Asks the server what became of a purchase whose answer was lost. Made: its copies never
   * reached the dispenser, so each still held is reported `failed` (the price goes back to the
   * wallet) by the round that follows. Never made: nothing was charged; the record goes.
   */
  private async resolveUnanswered(purchase: StoredPurchase): Promise<boolean> {
    if (this.lookup === null) return true;
    const found = await this.lookup(purchase.purchaseKey);
    if (!found.ok) {
      if (found.error.code !== 'not-found') return false;
      this.records.remove(purchase.purchaseKey);
      this.leftAsking.delete(purchase.purchaseKey);
      this.log.info({ purchaseKey: purchase.purchaseKey }, 'unanswered purchase was never made; record dropped');
      return true;
    }
    const bought = found.value;
    this.records.put({
      ...purchase,
      state: 'bought',
      receiptNumber: bought.receiptNumber,
      title: bought.title,
      businessName: bought.businessName,
      unitPrice: bought.unitPrice,
      total: bought.total,
      balance: bought.balance,
      // The citizen left long ago: no receipt now.
      receiptPrinted: true,
      copies: bought.copies.map((c) => ({
        certificateId: c.certificateId,
        copy: c.copy,
        verificationCode: c.verificationCode,
        jobId: null,
        outcome: 'failed' as const,
        detail: unansweredDetail,
        // A copy the server no longer holds (staff decided it) has nothing left to report.
        reported: c.state !== 'held',
        refunded: 0,
      })),
    });
    this.leftAsking.delete(purchase.purchaseKey);
    this.log.warn(
      { purchaseKey: purchase.purchaseKey, receiptNumber: bought.receiptNumber },
      'unanswered purchase found on the server; its copies are reported as not delivered',
    );
    return true;
  }

  /** One pass over what is unreported; false when some report did not get through. */
  private async round(): Promise<boolean> {
    let allSent = true;
    for (const purchase of this.records.all()) {
      if (this.stopped || !this.unanswered(purchase)) continue;
      if (!(await this.resolveUnanswered(purchase))) allSent = false;
    }
    for (const purchase of this.records.all()) {
      for (const copy of purchase.copies) {
        if (copy.outcome === null || copy.reported || this.stopped) continue;
        const answer = await this.send({
          certificateId: copy.certificateId,
          outcome: copy.outcome,
          detail: copy.detail,
        });
        if (!answer.ok) {
          allSent = false;
          this.log.warn(
            { certificateId: copy.certificateId, code: answer.error.code },
            'dispense outcome not acknowledged; will send again',
          );
          continue;
        }
        this.records.updateCopy(purchase.purchaseKey, copy.certificateId, {
          reported: true,
          refunded: answer.value.refunded,
        });
        this.log.info(
          { certificateId: copy.certificateId, outcome: copy.outcome, state: answer.value.state },
          'dispense outcome acknowledged',
        );
      }
    }
    return allSent;
  }
}
