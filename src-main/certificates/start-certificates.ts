import { certificateReceipt } from '../../src-shared/certificates/certificate-receipt';
import type { Slice } from '../api/slice';
import type { ConfigFile } from '../config/config-file';
import type { DeviceMeta } from '../device/device-meta';
import type { Dispenser } from '../devices/dispenser/dispenser';
import { DispenseAttempts } from '../devices/dispenser/dispense-work';
import { dispenserMessages } from '../devices/dispenser/dispenser-messages';
import { JobRunner } from '../devices/jobs/job-runner';
import { PrintJobRecords, type NewPrintJob, type PrintJob } from '../devices/printing/print-job-records';
import { printReceipt } from '../devices/receipt-printer/print-receipt';
import type { ReceiptPrinting } from '../devices/receipt-printer/receipt-printing';
import type { Logger } from '../logger';
import type { ServerClient } from '../server-link/server-client';
import type { Store } from '../store/open-store';
import { certificateMessages } from './certificate-messages';
import { sendCertificateRoute } from './certificate-route';
import { CertificateService } from './certificate-service';
import { configuredDispenser } from './configured-dispenser';
import { DispenserStatusCache } from './dispenser-status-cache';
import { OutcomeReporter, type OutcomeReporterOptions } from './outcome-reporter';
import { PurchaseRecords } from './purchase-records';

export interface CertificatesDeps {
  readonly store: Store;
  readonly meta: DeviceMeta;
  readonly client: ServerClient;
  readonly config: ConfigFile['dispenser'];
  /** The kiosk's receipt printer: the purchase's receipt comes out there. */
  readonly receipts: ReceiptPrinting;
  readonly log: Logger;
  /** A dispenser built elsewhere (tests hold the simulator); the config's otherwise. */
  readonly dispenser?: Dispenser | undefined;
  readonly reporter?: OutcomeReporterOptions | undefined;
  /** How long the strip's cached dispenser status is reused (DispenserStatusCache's default when absent). */
  readonly statusTtlMs?: number | undefined;
  readonly now?: () => Date;
}

export interface Certificates {
  readonly dispenser: Dispenser;
  /** The dispenser's status for the status strip, cached. */
  readonly stripStatus: DispenserStatusCache;
  /** Resolves once no copy is at the dispenser and every outcome was acknowledged (tests, shutdown). */
  idle(): Promise<void>;
}

/**
 * «Certificados» at the kiosk (docs/certificates-kiosk.md): the service, the dispenser's persisted
 * runner over print_jobs, and the reporter of each copy's outcome. On start, what the last run
 * left is settled first — a copy never dispensed is refunded, one the dispenser may have given
 * out is `unknown` — and every unreported outcome is sent again.
 */
export function startCertificates(deps: CertificatesDeps): Slice & Certificates {
  const { log, store } = deps;
  const now = deps.now ?? (() => new Date());
  const dispenser = deps.dispenser ?? configuredDispenser(deps.config, log);
  const records = new PurchaseRecords(store);
  const reporter = new OutcomeReporter(
    records,
    (report) =>
      sendCertificateRoute(deps.client, deps.meta, log, 'certificates.dispensed', report, (token) => ({ token })),
    log,
    deps.reporter,
    (purchaseKey) =>
      sendCertificateRoute(deps.client, deps.meta, log, 'certificates.purchaseByKey', { purchaseKey }, (token) => ({
        token,
      })),
    now,
  );
  let service: CertificateService | null = null;
  const stripStatus = new DispenserStatusCache(dispenser, deps.statusTtlMs);
  const runner = new JobRunner<PrintJob, NewPrintJob>({
    table: new PrintJobRecords(store, now, ['application/pdf'], dispenser.name, 'dispenser'),
    work: new DispenseAttempts(dispenser, log),
    messages: { notSent: certificateMessages.notSent, interrupted: dispenserMessages.interrupted },
    log,
    options: { leftQueued: 'drop', maxAttempts: 1 },
    onSettled: (job) => {
      // A jam or an empty tray shows on the strip at once, not after the cache's time.
      stripStatus.forget();
      service?.onJobSettled(job);
    },
  });
  service = new CertificateService({
    client: deps.client,
    meta: deps.meta,
    records,
    runner,
    dispenser,
    reporter,
    log,
    now,
    onFinished: (purchase) => {
      if (!deps.receipts.configured) return;
      void printReceipt(
        deps.receipts,
        'certificate-receipt',
        `Recibo de certificados ${purchase.receiptNumber}`,
        certificateReceipt(purchase, now().toISOString()),
        log,
      );
    },
  });
  const certificates = service;
  certificates.start();
  return {
    name: 'certificates',
    dispenser,
    stripStatus,
    async idle() {
      await runner.idle();
      await reporter.idle();
    },
    handlers: {
      'certificates.search': (input) => certificates.search(input),
      'certificates.preview': (input) => certificates.preview(input),
      'certificates.purchase': (input) => certificates.purchase(input),
      'certificates.progress': (input) => Promise.resolve(certificates.progress(input.purchaseKey)),
      'certificates.redispense': (input) => certificates.redispense(input.code),
    },
    stop: async () => {
      await runner.stop();
      await reporter.stop();
    },
  };
}
