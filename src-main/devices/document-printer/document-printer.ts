/**
 * The document printer behind an interface (STYLE §11): the print queue talks to this, never to
 * `lp` or Electron directly. Implementations: CUPS (`cups/cups-printer.ts`, Linux and macOS),
 * `UnavailablePrinter` (none configured, or a platform without a driver yet). Windows needs a
 * driver built on Electron's `webContents.print`; it plugs in through `ElectronPrinterFactory`
 * (see `create-document-printer.ts`) and does not exist yet.
 */

/** What the print system says about the printer, in our words. */
export const printerConditions = [
  'ready',
  'paused',
  'offline',
  'paper-end',
  'cover-open',
  'not-found',
  'not-configured',
  'unknown',
] as const;
export type PrinterCondition = (typeof printerConditions)[number];

export interface PrinterStatus {
  readonly condition: PrinterCondition;
  /** The print system's own words (a CUPS reason, e.g. "Paused"), for logs and staff; may be English. */
  readonly detail: string | null;
}

/** A document as the print system gets it: the bytes and a short title. */
export interface PrintDocument {
  /** Shown in the OS queue. May hold a código interno: never log it. */
  readonly title: string;
  readonly contentType: string;
  readonly content: Uint8Array;
}

/**
 * Where a submitted job is: still in the system's queue, finished, or no longer known (its
 * history was purged, or the system never had it).
 */
export type SystemJobState = 'active' | 'done' | 'unknown';

export interface DocumentPrinter {
  /** The configured printer (a CUPS queue name), or null when there is none. */
  readonly name: string | null;
  /** How messages on screen name it, when its configured name means nothing to a citizen (`tcp://…`). */
  readonly spokenName?: string;
  /** What staff do when it is offline, where «cable, red» does not fit (a Bluetooth printer). */
  readonly offlineRemedy?: string;
  /** Asks the print system now; never throws (a system that does not answer is `unknown`). */
  status(): Promise<PrinterStatus>;
  /** Hands the document over and returns the system's job id. Throws `PrintFailure`. */
  submit(document: PrintDocument): Promise<string>;
  /** Throws a transient `PrintFailure` when the print system does not answer. */
  jobState(systemJobId: string): Promise<SystemJobState>;
  /** Withdraws a job the system still holds, so it never prints later behind our back. Best effort. */
  cancel(systemJobId: string): Promise<void>;
}

/**
 * How a failure bears on retrying:
 * - `transient`: nothing reached the printer (e.g. the print scheduler is restarting); safe to send again.
 * - `permanent`: needs a person (paused, missing or unconfigured printer); retried only on request.
 * - `uncertain`: the document may have reached the printer; never sent again by itself.
 */
export type PrintFailureKind = 'transient' | 'permanent' | 'uncertain';

export class PrintFailure extends Error {
  override readonly name = 'PrintFailure';

  constructor(
    readonly kind: PrintFailureKind,
    /** Spanish, shown on screen as it is. */
    readonly userMessage: string,
    /** What the print system said, for the log (no titles, no personal data). */
    detail: string,
  ) {
    super(detail);
  }
}
