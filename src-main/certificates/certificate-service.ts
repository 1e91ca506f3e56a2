import { randomUUID } from 'node:crypto';
import type { KioskPurchaseView, KioskRedispenseView } from '../../src-shared/api/ops/certificates';
import type { OpOutput, OpParsedInput } from '../../src-shared/api/contract';
import type { DocumentFile } from '../../src-shared/api/document';
import { err, ok, type Result } from '../../src-shared/api/result';
import type { DispenseOutcome } from '../../src-shared/certificates/certificate-delivery';
import type { RouteInput, RouteValue } from '../../src-shared/server-api/routes';
import type { DeviceMeta } from '../device/device-meta';
import type { Dispenser } from '../devices/dispenser/dispenser';
import { dispenserConditionMessage, dispenserMessages } from '../devices/dispenser/dispenser-messages';
import type { JobRunner } from '../devices/jobs/job-runner';
import type { JobState } from '../devices/jobs/job-state';
import { dispenserJobKind, type NewPrintJob, type PrintJob } from '../devices/printing/print-job-records';
import type { Logger } from '../logger';
import type { ServerClient } from '../server-link/server-client';
import { storeWriteFailure } from '../store/store-write-failure';
import { certificateMessages } from './certificate-messages';
import { sendCertificateRoute, type CertificateRoute } from './certificate-route';
import type { OutcomeReporter } from './outcome-reporter';
import { asking, boughtPurchase, findCopy, forgotten } from './kept-purchases';
import type { PurchaseRecords, StoredCopy } from './purchase-records';
import { purchaseView } from './purchase-view';

export interface CertificateServiceDeps {
  readonly client: ServerClient;
  readonly meta: DeviceMeta;
  readonly records: PurchaseRecords;
  readonly runner: JobRunner<PrintJob, NewPrintJob>;
  readonly dispenser: Dispenser;
  readonly reporter: OutcomeReporter;
  /** Told when every copy of a purchase made in this run has come out or failed: the receipt. */
  readonly onFinished: (purchase: KioskPurchaseView) => void;
  readonly log: Logger;
  readonly now: () => Date;
}

/** How a settled dispense job is reported to the server. */
const outcomeOfJob: Partial<Record<JobState, DispenseOutcome>> = {
  done: 'completed',
  failed: 'failed',
  unknown: 'unknown',
};

/** Days a purchase settled on both sides stays on the kiosk, for staff looking into a complaint. */
const keepDays = 30;

/** Asks of one purchase while its citizen waits: the same key each time, so never two purchases. */
const sendAttempts = 3;

/**
 * «Certificados» at the kiosk (docs/certificates-kiosk.md). Search and preview are relayed to the
 * central server. A purchase:
 *
 * 1. asks the dispenser first — paper out, jammed or offline refuses before anything is charged;
 * 2. makes a purchase key and commits the purchase (no identification, no clave) before asking;
 * 3. asks the server, which holds the price on the wallet and returns every signed copy; a lost
 *    answer is asked again with the same key, never bought twice;
 * 4. commits each copy's PDF as a dispense job (print_jobs) and its certificate id beside it,
 *    then the dispenser's runner gives them out one at a time;
 * 5. each job's end is committed as the copy's outcome, then reported to the server until it
 *    acknowledges (outcome-reporter.ts): dispensed → completed, stopped → failed (refunded),
 *    no answer → unknown (staff decide).
 */
export class CertificateService {
  /** While the last run's leftovers are settled: their citizens are gone, no receipt prints. */
  private settlingLeftovers = false;

  /** Verification codes being asked again right now (redispense). */
  private readonly redispensing = new Set<string>();

  constructor(private readonly deps: CertificateServiceDeps) {}

  /** Starts the dispenser's runner after settling what the last run left, then reports. */
  start(): void {
    this.settlingLeftovers = true;
    try {
      this.deps.runner.start();
      this.settleLeftovers();
    } finally {
      this.settlingLeftovers = false;
    }
    this.deps.reporter.kick();
  }

  search(input: OpParsedInput<'certificates.search'>): Promise<Result<OpOutput<'certificates.search'>>> {
    return this.send('certificates.search', input);
  }

  async preview(input: OpParsedInput<'certificates.preview'>): Promise<Result<DocumentFile>> {
    const answer = await this.send('certificates.preview', input);
    if (!answer.ok) return answer;
    return ok({
      fileName: answer.value.fileName,
      contentType: answer.value.contentType,
      bytes: new Uint8Array(Buffer.from(answer.value.base64, 'base64')),
    });
  }

  async purchase(input: OpParsedInput<'certificates.purchase'>): Promise<Result<KioskPurchaseView>> {
    const { records, log } = this.deps;
    if (this.deps.meta.get('deviceToken') === null) return err('not-enrolled', certificateMessages.notEnrolled);
    // 1. Nothing is charged for copies the dispenser cannot give out.
    const blocked = await this.dispenserRefusal('purchase');
    if (blocked !== null) return blocked;
    // 2. The purchase is on the device before the server hears of it.
    const purchaseKey = randomUUID();
    try {
      records.put(asking(purchaseKey, input, this.deps.now()));
    } catch (error) {
      log.error({ err: error, diskFull: storeWriteFailure(error) !== null }, 'purchase not stored; not asked');
      return err('internal', certificateMessages.notStored);
    }
    // 3. A lost answer is asked again with the same key: the server answers the first purchase.
    let answer = await this.send('certificates.purchase', { ...input, purchaseKey });
    for (let attempt = 1; attempt < sendAttempts && !answer.ok && answer.error.code === 'offline'; attempt += 1) {
      answer = await this.send('certificates.purchase', { ...input, purchaseKey });
    }
    if (!answer.ok) {
      if (answer.error.code === 'offline') {
        // The server may have held the price: the record stays for staff (docs/certificates-kiosk.md).
        log.warn({ purchaseKey }, 'purchase unanswered; kept for staff');
        return err('offline', certificateMessages.unanswered);
      }
      records.remove(purchaseKey);
      return answer;
    }
    // 4. Each copy committed with its PDF, then dispensed in order.
    const bought = answer.value;
    const purchase = boughtPurchase(purchaseKey, input, bought, this.deps.now());
    records.put(purchase);
    log.info({ purchaseKey, receiptNumber: bought.receiptNumber, copies: bought.copies.length }, 'purchase held');
    for (const copy of bought.copies) {
      try {
        const job = this.deps.runner.enqueue({
          kind: dispenserJobKind,
          title: `${bought.title}, copia ${copy.copy} de ${bought.copies.length}`,
          contentType: 'application/pdf',
          content: Buffer.from(copy.pdfBase64, 'base64'),
        });
        // Before the runner's first await: the copy knows its job before the dispenser sees it.
        records.updateCopy(purchaseKey, copy.certificateId, { jobId: job.id });
      } catch (error) {
        log.error({ err: error, purchaseKey, copy: copy.copy }, 'copy not stored; reported as not dispensed');
        this.settleCopy(purchaseKey, copy.certificateId, 'failed', certificateMessages.notStored);
      }
    }
    return this.progress(purchaseKey);
  }

  /**
   * «Volver a entregar un certificado»: a copy this kiosk sold whose delivery is unknown, dispensed
   * again by its verification code without a new charge (docs/certificates-kiosk.md):
   *
   * 1. the dispenser is asked first, as for a purchase;
   * 2. a copy this kiosk still follows is refused here when it is at the dispenser or already
   *    came out or failed (the server may not have heard yet, and would hand it out again);
   * 3. the server gives the copy back only if it is `unknown` and this kiosk sold it;
   * 4. its PDF becomes a new dispense job, and the copy (in the purchase the kiosk keeps, or in
   *    one made for it when the kiosk forgot it) follows that job with no outcome, so that
   *    onJobSettled settles it and the reporter tells the server once more: completed settles
   *    the price, failed refunds it.
   */
  async redispense(code: string): Promise<Result<KioskRedispenseView>> {
    const { records, log } = this.deps;
    if (this.deps.meta.get('deviceToken') === null) return err('not-enrolled', certificateMessages.notEnrolled);
    const blocked = await this.dispenserRefusal('redispense');
    if (blocked !== null) return blocked;
    // Two taps, or two people with one receipt: only one of them asks.
    if (this.redispensing.has(code)) return err('conflict', certificateMessages.redispenseUnderWay);
    const local = findCopy(records.all(), (c) => c.verificationCode === code);
    const refusal = local === null ? null : localRefusal(local.copy);
    if (refusal !== null) {
      log.info({ certificateId: local?.copy.certificateId }, 'redispense refused: the kiosk still follows that copy');
      return err('conflict', refusal);
    }
    this.redispensing.add(code);
    try {
      const answer = await this.send('certificates.redispense', { verificationCode: code });
      if (!answer.ok) {
        log.info({ error: answer.error.code }, 'redispense refused by the server');
        return answer.error.code === 'offline' ? err('offline', certificateMessages.redispenseOffline) : answer;
      }
      const given = answer.value;
      const kept = findCopy(records.all(), (c) => c.certificateId === given.certificateId);
      const purchaseKey = kept?.purchase.purchaseKey ?? randomUUID();
      try {
        if (kept === null) records.put(forgotten(purchaseKey, given, this.deps.now()));
        const job = this.deps.runner.enqueue({
          kind: dispenserJobKind,
          title: `${given.title}, copia ${given.copy} (entrega de nuevo)`,
          contentType: 'application/pdf',
          content: Buffer.from(given.pdfBase64, 'base64'),
        });
        // Before the runner's first await, as for a purchase: the copy follows its new job.
        records.updateCopy(purchaseKey, given.certificateId, {
          jobId: job.id,
          outcome: null,
          detail: null,
          reported: false,
        });
      } catch (error) {
        // Nothing reached the dispenser and the server still holds the copy `unknown`: it can be asked again.
        log.error({ err: error, certificateId: given.certificateId }, 'redispense not stored; not dispensed');
        return err('internal', certificateMessages.redispenseNotStored);
      }
      log.info(
        { certificateId: given.certificateId, purchaseKey, kept: kept !== null },
        'unconfirmed copy queued to dispense again',
      );
      const progress = this.progress(purchaseKey);
      return progress.ok ? ok({ purchase: progress.value, verificationCode: given.verificationCode }) : progress;
    } finally {
      this.redispensing.delete(code);
    }
  }

  /** The purchase as the screen follows it. */
  progress(purchaseKey: string): Result<KioskPurchaseView> {
    const purchase = this.deps.records.get(purchaseKey);
    if (purchase?.state !== 'bought') return err('not-found', certificateMessages.notFound);
    return ok(purchaseView(purchase, this.deps.runner));
  }

  /** The runner settled a job: if it is a copy, its outcome is committed, then reported. */
  onJobSettled(job: PrintJob): void {
    const found = this.deps.records.byJob(job.id);
    const outcome = outcomeOfJob[job.state];
    if (found === null || outcome === undefined) return;
    const before = found.copy.outcome;
    // An `unknown` copy a person later resolved (it came out, or it was dispensed again) is
    // reported anew; the server lets the kiosk move an unknown copy once more.
    if (before !== null && !(before === 'unknown' && outcome !== 'unknown')) return;
    if (before !== null)
      this.deps.records.updateCopy(found.purchase.purchaseKey, found.copy.certificateId, { reported: false });
    this.settleCopy(found.purchase.purchaseKey, found.copy.certificateId, outcome, job.lastError);
  }

  /**
   * What the last run left: a copy never queued (the app stopped between the server's answer
   * and its job) did not come out; a copy whose job ended without its outcome committed gets it.
   * Purchases finished before this run print no receipt now: their citizen is gone.
   */
  private settleLeftovers(): void {
    const forgetBefore = this.deps.now().getTime() - keepDays * 24 * 60 * 60 * 1000;
    for (const purchase of this.deps.records.all()) {
      if (
        purchase.state === 'bought' &&
        purchase.copies.every((c) => c.reported) &&
        Date.parse(purchase.createdAt) < forgetBefore
      ) {
        // Settled on both sides long ago: the server keeps the purchase; the kiosk lets it go.
        this.deps.records.remove(purchase.purchaseKey);
        continue;
      }
      if (purchase.state !== 'bought') continue;
      for (const copy of purchase.copies) {
        if (copy.outcome !== null) continue;
        const job = copy.jobId === null ? null : this.deps.runner.get(copy.jobId);
        if (job === null)
          this.settleCopy(purchase.purchaseKey, copy.certificateId, 'failed', certificateMessages.notSent);
        else this.onJobSettled(job);
      }
    }
  }

  private settleCopy(
    purchaseKey: string,
    certificateId: string,
    outcome: DispenseOutcome,
    detail: string | null,
  ): void {
    const purchase = this.deps.records.updateCopy(purchaseKey, certificateId, {
      outcome,
      detail: detail?.slice(0, 500) ?? null,
    });
    this.deps.log.info({ purchaseKey, certificateId, outcome }, 'copy settled');
    this.deps.reporter.kick();
    if (purchase === null || purchase.receiptPrinted || !purchase.copies.every((c) => c.outcome !== null)) return;
    this.deps.records.put({ ...purchase, receiptPrinted: true });
    if (!this.settlingLeftovers) this.deps.onFinished(purchaseView(purchase, this.deps.runner));
  }

  /**
   * The dispenser is asked before anything else: out of paper, jammed or offline refuses, and so
   * does paper running low (a purchase that runs out midway is a refund at best).
   */
  private async dispenserRefusal(what: 'purchase' | 'redispense'): Promise<Result<never> | null> {
    const status = await this.deps.dispenser.status();
    const blocked =
      dispenserConditionMessage(status.condition) ?? (status.paperLow === true ? dispenserMessages.paperLow : null);
    if (blocked === null) return null;
    this.deps.log.warn({ condition: status.condition }, `${what} refused: the dispenser cannot dispense`);
    return err('printer-offline', blocked);
  }

  /** One route with this device's token; without the server, the citizen is told plainly. */
  private async send<K extends CertificateRoute>(route: K, input: RouteInput<K>): Promise<Result<RouteValue<K>>> {
    return sendCertificateRoute(this.deps.client, this.deps.meta, this.deps.log, route, input, (token) => ({ token }));
  }
}

/**
 * Why a copy the kiosk still follows may not be dispensed again: it is waiting or at the
 * dispenser, or the dispenser said how it ended. Only an `unknown` one goes on to the server.
 */
function localRefusal(copy: StoredCopy): string | null {
  switch (copy.outcome) {
    case null:
      return certificateMessages.redispenseUnderWay;
    case 'completed':
      return certificateMessages.redispenseDelivered;
    case 'failed':
      return certificateMessages.redispenseNotOut;
    case 'unknown':
      return null;
  }
}
