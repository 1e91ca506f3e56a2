import { setTimeout as sleep } from 'node:timers/promises';
import { moduleLogger, type Logger } from '../../../logger';
import type { DispenseDocument, DispenseHooks, DispenseResult, Dispenser, DispenserStatus } from '../dispenser';
import { exchangeIpp, httpUrlOf, type IppExchange } from './ipp-client';
import { groupTags, ippValue, type IppRequestValue, type IppResponse, type RequestAttribute } from './ipp-encoding';
import {
  booleanOf,
  findAttribute,
  integerOf,
  ippOperations,
  isSuccessful,
  jobStateName,
  jobStates,
  statusCodes,
  statusMessageOf,
  statusName,
  stringsOf,
} from './ipp-vocabulary';
import { conditionOfReasons, statusOfReport } from './printer-state-reasons';

export interface CupsDispenserOptions {
  /** The queue's IPP URI: `ipp://127.0.0.1:631/printers/<queue>` for a queue on this machine. */
  readonly printerUri: string;
  readonly log: Logger;
  /**
   * requesting-user-name: whose job it is in CUPS, as `lp` would say (the OS user running the
   * app). cups-pdf writes each job to its owner's folder.
   */
  readonly userName: string;
  /** Limit for one status question or one poll. */
  readonly requestTimeoutMs?: number;
  /** Limit for Print-Job, which carries the whole PDF. */
  readonly submitTimeoutMs?: number;
  /** Pause between two questions about a job. */
  readonly pollMs?: number;
  /**
   * From the job's hand-over to its end (completed, aborted, canceled). Past it the dispense is
   * `no-answer`: the job is left in CUPS, never canceled behind staff's back.
   */
  readonly answerTimeoutMs?: number;
}

/** The only document a dispenser takes: the certificate's PDF, filtered by the queue's driver. */
const PDF = 'application/pdf';

const printerAttributes = [
  'printer-state',
  'printer-state-reasons',
  'printer-state-message',
  'printer-is-accepting-jobs',
];
const jobAttributes = [
  'job-state',
  'job-state-reasons',
  'job-state-message',
  'job-printer-state-message',
  'job-printer-state-reasons',
];

/**
 * The certificate dispenser as a CUPS queue, spoken to over IPP/1.1 (RFC 8011) with our own
 * encoder (`ipp-encoding.ts`): Get-Printer-Attributes for its state, Print-Job to hand over a
 * certificate, Get-Job-Attributes until the job ends. The delivery rule is the job's end:
 * - completed → `dispensed` (completed with errors → `no-answer`: the sheet may be marred);
 * - aborted or canceled, or Print-Job refused or never sent → `stopped` (the feature refunds);
 * - no end within `answerTimeoutMs` (a held job, a printer that went quiet), or CUPS silent
 *   after taking the PDF → `no-answer` (staff look in the tray).
 * A job is never canceled here; `cancelJob` is for staff resolving one in doubt.
 */
export class CupsDispenser implements Dispenser {
  readonly name: string;
  private readonly url: URL | null;
  private readonly log: Logger;
  private readonly requestTimeoutMs: number;
  private readonly submitTimeoutMs: number;
  private readonly pollMs: number;
  private readonly answerTimeoutMs: number;
  private requestId = 0;

  constructor(private readonly options: CupsDispenserOptions) {
    this.name = options.printerUri;
    this.url = httpUrlOf(options.printerUri);
    this.log = moduleLogger(options.log, 'cups-dispenser');
    this.requestTimeoutMs = options.requestTimeoutMs ?? 5_000;
    this.submitTimeoutMs = options.submitTimeoutMs ?? 30_000;
    this.pollMs = options.pollMs ?? 500;
    this.answerTimeoutMs = options.answerTimeoutMs ?? 120_000;
  }

  async status(): Promise<DispenserStatus> {
    try {
      const answer = await this.ask(ippOperations.getPrinterAttributes, [
        { name: 'requested-attributes', values: printerAttributes.map(ippValue.keyword) },
      ]);
      if (answer.kind !== 'answer') return { condition: 'offline', detail: `CUPS did not answer: ${answer.detail}` };
      const response = answer.response;
      if (!isSuccessful(response.statusCode)) return { condition: 'offline', detail: refusal(response) };
      return statusOfReport({
        state: integerOf(findAttribute(response, groupTags.printer, 'printer-state')),
        reasons: stringsOf(findAttribute(response, groupTags.printer, 'printer-state-reasons')),
        message: stringsOf(findAttribute(response, groupTags.printer, 'printer-state-message'))[0] ?? null,
        acceptingJobs: booleanOf(findAttribute(response, groupTags.printer, 'printer-is-accepting-jobs')),
      });
    } catch (error) {
      this.log.error({ err: error }, 'dispenser status failed');
      return { condition: 'offline', detail: 'internal error asking the dispenser' };
    }
  }

  async dispense(document: DispenseDocument, hooks: DispenseHooks = {}): Promise<DispenseResult> {
    let jobId: number | null = null;
    try {
      if (document.contentType !== PDF) {
        return { kind: 'stopped', condition: 'unknown', detail: `not a PDF: ${document.contentType}` };
      }
      const before = await this.status();
      if (before.condition !== 'ready' && before.condition !== 'unknown') {
        return { kind: 'stopped', condition: before.condition, detail: before.detail };
      }
      const submitted = await this.submit(document);
      if (submitted.kind !== 'job') return submitted.result;
      jobId = submitted.jobId;
      this.log.info({ jobId }, 'certificate handed to CUPS');
      hooks.onHandedOver?.(String(jobId));
      return await this.followJob(jobId, hooks);
    } catch (error) {
      this.log.error({ err: error, jobId }, 'dispense failed');
      if (jobId === null)
        return { kind: 'stopped', condition: 'unknown', detail: 'internal error before the hand-over' };
      return { kind: 'no-answer', detail: `internal error while following CUPS job ${String(jobId)}` };
    }
  }

  /** `Dispenser.follow`: the reference is the CUPS job id `dispense` gave `onHandedOver`. */
  async follow(deviceRef: string, hooks: Pick<DispenseHooks, 'stopping' | 'pause'> = {}): Promise<DispenseResult> {
    // IPP job ids are positive 32-bit integers (RFC 8011 §5.3.2).
    if (!/^[1-9]\d{0,9}$/.test(deviceRef) || Number(deviceRef) > 0x7fffffff) {
      return { kind: 'no-answer', detail: `not a CUPS job id: ${deviceRef.slice(0, 40)}` };
    }
    try {
      return await this.followJob(Number(deviceRef), hooks);
    } catch (error) {
      this.log.error({ err: error, deviceRef }, 'following a job failed');
      return { kind: 'no-answer', detail: `internal error while following CUPS job ${deviceRef}` };
    }
  }

  /**
   * Follows a job CUPS already has until it ends or `answerTimeoutMs` passes (from now), so a job
   * handed over before a restart is followed again by its id instead of being sent twice.
   */
  async followJob(jobId: number, hooks: Pick<DispenseHooks, 'stopping' | 'pause'> = {}): Promise<DispenseResult> {
    const pause = hooks.pause ?? ((ms: number) => sleep(ms));
    const deadline = Date.now() + this.answerTimeoutMs;
    // What CUPS last said about the job, and the trouble since, if any: staff need both.
    let heard: string | null = null;
    let trouble: string | null = null;
    for (;;) {
      // Each question gets its full limit, so the deadline may be overrun by one request's time.
      const answer = await this.ask(ippOperations.getJobAttributes, [
        { name: 'job-id', values: [ippValue.integer(jobId)] },
        { name: 'requested-attributes', values: jobAttributes.map(ippValue.keyword) },
      ]);
      if (answer.kind === 'answer') {
        const ended = this.jobEnding(jobId, answer.response);
        if (ended.kind === 'ended') return ended.result;
        heard = ended.detail;
        trouble = null;
      } else {
        trouble = `CUPS did not answer: ${answer.detail}`;
      }
      if (hooks.stopping?.() === true) {
        return {
          kind: 'no-answer',
          detail: `stopped following CUPS job ${String(jobId)}: the app is stopping (${heard ?? 'no word on the job'})`,
        };
      }
      const left = deadline - Date.now();
      if (left <= 0) break;
      // The last question is asked at the deadline itself, so a job that ends just in time counts.
      await pause(Math.min(this.pollMs, left));
    }
    const seconds = (this.answerTimeoutMs / 1000).toFixed(this.answerTimeoutMs % 1000 === 0 ? 0 : 1);
    const last = [heard ?? 'no word on the job', trouble]
      .filter((part): part is string => part !== null)
      .join('; then ');
    this.log.warn({ jobId, last }, 'no end to the dispense job in time');
    return {
      kind: 'no-answer',
      detail: `CUPS job ${String(jobId)} did not end within ${seconds} s (${last}); it was left in the queue, not canceled`,
    };
  }

  /** Cancel-Job, for staff resolving a job left in doubt. True when CUPS canceled it (or it had already ended). */
  async cancelJob(jobId: number): Promise<{ readonly canceled: boolean; readonly detail: string }> {
    const answer = await this.ask(ippOperations.cancelJob, [{ name: 'job-id', values: [ippValue.integer(jobId)] }]);
    if (answer.kind !== 'answer') return { canceled: false, detail: `CUPS did not answer: ${answer.detail}` };
    if (isSuccessful(answer.response.statusCode)) return { canceled: true, detail: 'canceled' };
    return { canceled: false, detail: refusal(answer.response) };
  }

  private async submit(
    document: DispenseDocument,
  ): Promise<{ kind: 'job'; jobId: number } | { kind: 'done'; result: DispenseResult }> {
    const answer = await this.ask(
      ippOperations.printJob,
      [
        { name: 'job-name', values: [ippValue.name(cleanTitle(document.title))] },
        { name: 'document-format', values: [ippValue.mimeMediaType(PDF)] },
      ],
      this.submitTimeoutMs,
      document.content,
    );
    switch (answer.kind) {
      case 'unreachable':
        return done({ kind: 'stopped', condition: 'offline', detail: `Print-Job not sent: ${answer.detail}` });
      case 'refused':
        return done({ kind: 'stopped', condition: 'unknown', detail: `Print-Job refused: ${answer.detail}` });
      case 'lost':
        // It may have reached the scheduler: the certificate could still come out.
        return done({ kind: 'no-answer', detail: `Print-Job sent, no answer: ${answer.detail}` });
      case 'answer':
        break;
    }
    const response = answer.response;
    if (!isSuccessful(response.statusCode)) {
      const notThere =
        response.statusCode === statusCodes.notFound || response.statusCode === statusCodes.notAcceptingJobs;
      return done({ kind: 'stopped', condition: notThere ? 'offline' : 'unknown', detail: refusal(response) });
    }
    const jobId = integerOf(findAttribute(response, groupTags.job, 'job-id'));
    if (jobId === null) return done({ kind: 'no-answer', detail: 'Print-Job accepted without a job-id' });
    return { kind: 'job', jobId };
  }

  private jobEnding(
    jobId: number,
    response: IppResponse,
  ): { kind: 'ended'; result: DispenseResult } | { kind: 'waiting'; detail: string } {
    if (response.statusCode === statusCodes.notFound) {
      // Its history is gone (purged, or a scheduler started afresh): nobody can say any more.
      return ended({ kind: 'no-answer', detail: `CUPS no longer knows job ${String(jobId)}` });
    }
    if (!isSuccessful(response.statusCode)) return { kind: 'waiting', detail: refusal(response) };
    const state = integerOf(findAttribute(response, groupTags.job, 'job-state'));
    const reasons = stringsOf(findAttribute(response, groupTags.job, 'job-state-reasons'));
    const printerReasons = stringsOf(findAttribute(response, groupTags.job, 'job-printer-state-reasons'));
    const message = stringsOf(findAttribute(response, groupTags.job, 'job-printer-state-message'))[0]?.trim() ?? '';
    const said = [
      `job ${String(jobId)} ${state === null ? 'without job-state' : jobStateName(state)}`,
      reasons.length > 0 ? `reasons: ${reasons.join(' ')}` : null,
      printerReasons.some((r) => r !== 'none') ? `printer: ${printerReasons.join(' ')}` : null,
      message !== '' ? message : null,
    ]
      .filter((part): part is string => part !== null)
      .join('; ');
    if (state === jobStates.completed) {
      // RFC 8011 §5.3.8: the job ended, but the device reported errors on the way — the sheet in
      // the tray may be marred or missing. Neither a settle nor a refund by itself: a person looks.
      if (reasons.includes('job-completed-with-errors')) return ended({ kind: 'no-answer', detail: said });
      return ended({ kind: 'dispensed' });
    }
    if (state === jobStates.aborted || state === jobStates.canceled) {
      return ended({ kind: 'stopped', condition: conditionOfReasons(printerReasons) ?? 'unknown', detail: said });
    }
    return { kind: 'waiting', detail: said };
  }

  /** One exchange with the queue; the operation attributes every request starts with come first (RFC 8011 §4.1.4). */
  private async ask(
    operation: number,
    attributes: readonly RequestAttribute[],
    timeoutMs = this.requestTimeoutMs,
    data?: Uint8Array,
  ): Promise<IppExchange> {
    if (this.url === null) return { kind: 'unreachable', detail: `not an IPP printer URI: ${this.options.printerUri}` };
    this.requestId = (this.requestId % 0x7fffffff) + 1;
    const first: { name: string; values: IppRequestValue[] }[] = [
      { name: 'attributes-charset', values: [ippValue.charset('utf-8')] },
      { name: 'attributes-natural-language', values: [ippValue.naturalLanguage('es-co')] },
      { name: 'printer-uri', values: [ippValue.uri(this.options.printerUri)] },
      { name: 'requesting-user-name', values: [ippValue.name(this.options.userName)] },
    ];
    return exchangeIpp(
      this.url,
      {
        operation,
        requestId: this.requestId,
        groups: [{ tag: groupTags.operation, attributes: [...first, ...attributes] }],
        ...(data === undefined ? {} : { data }),
      },
      timeoutMs,
    );
  }
}

const done = (result: DispenseResult): { kind: 'done'; result: DispenseResult } => ({ kind: 'done', result });
const ended = (result: DispenseResult): { kind: 'ended'; result: DispenseResult } => ({ kind: 'ended', result });

function refusal(response: IppResponse): string {
  const message = statusMessageOf(response);
  return `${statusName(response.statusCode)}${message === null ? '' : `: ${message}`}`;
}

/** A job name is one line in the queue: no control characters, and short (IPP names stop at 255 bytes). */
function cleanTitle(title: string): string {
  const clean = title
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .trim()
    .slice(0, 120);
  return clean === '' ? 'Certificado' : clean;
}
