import type { DocumentPrinter, PrintDocument, PrinterStatus, SystemJobState } from '../document-printer';
import { PrintFailure } from '../document-printer';
import { conditionMessage, printMessages } from '../../printing/print-messages';
import { runCommand, type CommandOutcome } from '../run-command';
import {
  classifyComplaint,
  parseJobIds,
  parseQueueReport,
  parseRequestId,
  parseSchedulerRunning,
  queueOfJob,
} from './lpstat-output';

export interface CupsPrinterOptions {
  /** Limit for `lpstat` and `cancel`, which answer from the scheduler's memory. */
  readonly queryTimeoutMs?: number;
  /** Limit for `lp`, which also copies the document to the spool. */
  readonly submitTimeoutMs?: number;
}

/**
 * What a CUPS queue is given: the PDFs made with pdf-lib, filtered for the printer; and ESC/POS
 * bytes for a receipt printer on an OS queue (`printer:QUEUE`), passed through untouched
 * (`-o raw`), so the queue's driver never reinterprets them.
 */
const PRINTABLE_TYPES: ReadonlyMap<string, readonly string[]> = new Map([
  ['application/pdf', []],
  ['application/vnd.escpos', ['-o', 'raw']],
]);

/**
 * A CUPS queue through the client tools every CUPS install has (`lp`, `lpstat`, `cancel`; Debian's
 * `cups-client`, built into macOS), so no IPP library and no native addon. Every command runs in
 * the C locale with a time limit.
 */
export class CupsPrinter implements DocumentPrinter {
  private readonly queryTimeoutMs: number;
  private readonly submitTimeoutMs: number;

  constructor(
    readonly name: string,
    options: CupsPrinterOptions = {},
  ) {
    this.queryTimeoutMs = options.queryTimeoutMs ?? 5_000;
    this.submitTimeoutMs = options.submitTimeoutMs ?? 20_000;
  }

  async status(): Promise<PrinterStatus> {
    const out = await this.query(['-l', '-p', this.name]);
    const report = out.code === 0 ? parseQueueReport(this.name, out.stdout) : null;
    if (report !== null) return report;
    if (out.code !== 0 && classifyComplaint(out.stderr) === 'no-such-printer' && (await this.schedulerRunning())) {
      return { condition: 'not-found', detail: null };
    }
    return { condition: 'unknown', detail: describe(out) };
  }

  async submit(document: PrintDocument): Promise<string> {
    const options = PRINTABLE_TYPES.get(document.contentType);
    if (options === undefined) {
      throw new PrintFailure('permanent', printMessages.unsupportedContent, `content type ${document.contentType}`);
    }
    const out = await runCommand('lp', ['-d', this.name, ...options, '-t', cleanTitle(document.title), '-'], {
      timeoutMs: this.submitTimeoutMs,
      input: document.content,
    });
    if (out.startError !== null) {
      throw new PrintFailure('permanent', printMessages.schedulerDown, `lp could not start: ${out.startError}`);
    }
    if (out.timedOut) {
      // lp may have handed the document to the scheduler before it stalled: sending it again
      // could print it twice.
      throw new PrintFailure('uncertain', printMessages.unconfirmed, 'lp timed out');
    }
    const id = out.code === 0 ? parseRequestId(out.stdout) : null;
    if (id !== null) return id;
    throw await this.lpFailure(out);
  }

  async jobState(systemJobId: string): Promise<SystemJobState> {
    const queue = queueOfJob(systemJobId) ?? this.name;
    const active = await this.query(['-W', 'not-completed', '-o', queue]);
    if (active.code !== 0) throw await this.queryFailure(active);
    if (parseJobIds(active.stdout).has(systemJobId)) return 'active';
    // Completed, cancelled and aborted jobs are all "completed" to lpstat; CUPS's client tools
    // cannot tell them apart, and only a person cancels a job on a kiosk's queue.
    const finished = await this.query(['-W', 'completed', '-o', queue]);
    if (finished.code !== 0) throw await this.queryFailure(finished);
    return parseJobIds(finished.stdout).has(systemJobId) ? 'done' : 'unknown';
  }

  async cancel(systemJobId: string): Promise<void> {
    await runCommand('cancel', [systemJobId], { timeoutMs: this.queryTimeoutMs });
  }

  private query(args: readonly string[]): Promise<CommandOutcome> {
    return runCommand('lpstat', args, { timeoutMs: this.queryTimeoutMs });
  }

  private async schedulerRunning(): Promise<boolean> {
    const out = await this.query(['-r']);
    return out.code === 0 && parseSchedulerRunning(out.stdout);
  }

  private async lpFailure(out: CommandOutcome): Promise<PrintFailure> {
    const complaint = classifyComplaint(out.stderr);
    const detail = `lp: ${describe(out)}`;
    if (complaint === 'not-accepting') return new PrintFailure('permanent', printMessages.notAccepting, detail);
    if (complaint === 'no-such-printer' && (await this.schedulerRunning())) {
      return new PrintFailure('permanent', conditionMessage('not-found', this.name) ?? printMessages.internal, detail);
    }
    if (complaint === 'no-such-printer' || complaint === 'scheduler-down') {
      return new PrintFailure('transient', printMessages.schedulerDown, detail);
    }
    // An answer we do not understand: the job may or may not exist, so it is not sent again by itself.
    return new PrintFailure('uncertain', printMessages.unconfirmed, detail);
  }

  private async queryFailure(out: CommandOutcome): Promise<PrintFailure> {
    const detail = `lpstat: ${describe(out)}`;
    if (classifyComplaint(out.stderr) === 'no-such-printer' && (await this.schedulerRunning())) {
      return new PrintFailure('permanent', conditionMessage('not-found', this.name) ?? printMessages.internal, detail);
    }
    return new PrintFailure('transient', printMessages.schedulerDown, detail);
  }
}

/** A title is one line in the OS queue: no control characters, and short. */
function cleanTitle(title: string): string {
  const clean = title
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .trim()
    .slice(0, 120);
  return clean === '' ? 'Documento' : clean;
}

function describe(out: CommandOutcome): string {
  if (out.startError !== null) return `could not start (${out.startError})`;
  if (out.timedOut) return 'timed out';
  const said = out.stderr.trim().split('\n')[0] ?? '';
  return `exit ${String(out.code)}${said === '' ? '' : `: ${said}`}`;
}
