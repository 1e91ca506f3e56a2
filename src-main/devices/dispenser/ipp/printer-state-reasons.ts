import type { DispenserCondition, DispenserStatus } from '../dispenser';
import { printerStates } from './ipp-vocabulary';

/** What Get-Printer-Attributes told us, before it is put in our words. */
export interface PrinterReport {
  /** printer-state: 3 idle, 4 processing, 5 stopped; null when missing. */
  readonly state: number | null;
  /** printer-state-reasons, `none` included when the printer says so. */
  readonly reasons: readonly string[];
  /** printer-state-message: free text (CUPS puts the backend's last ERROR/INFO line here). */
  readonly message: string | null;
  /** printer-is-accepting-jobs; null when missing. */
  readonly acceptingJobs: boolean | null;
}

/**
 * A printer-state-reasons keyword without its severity suffix (RFC 8011 §5.4.12:
 * `-error`, `-warning`, `-report`).
 */
export function reasonBase(reason: string): string {
  return reason.replace(/-(error|warning|report)$/, '');
}

/** Reasons that keep the dispenser from giving out a certificate, by what they mean for us. */
const paperOut = new Set(['media-empty', 'media-needed']);
const jammed = new Set(['media-jam', 'input-tray-missing', 'output-tray-missing']);
/**
 * A door or cover open: the device stops until a person closes it, which to the citizen is the
 * same as an unplugged dispenser («no responde; avise a un funcionario») — `jammed` would tell
 * them a sheet is stuck, which it is not. Staff see the reason in the detail.
 */
const outOfService = new Set(['door-open', 'cover-open', 'interlock-open', 'offline', 'shutdown']);
const paperLow = new Set(['media-low']);
/** Said by every printer in normal work; not worth a detail line. */
const routine = new Set(['none', 'paused', 'connecting-to-device', 'processing-to-stop-point']);

/**
 * The condition a set of reasons alone implies, worst first: paper, then a jam, then out of
 * service. `media-empty` is paper-out whatever its suffix: a dispenser has one tray, and a
 * `-warning` that it is empty still means the next certificate will not come out.
 */
export function conditionOfReasons(reasons: readonly string[]): Exclude<DispenserCondition, 'ready'> | null {
  const bases = reasons.map(reasonBase);
  if (bases.some((base) => paperOut.has(base))) return 'paper-out';
  if (bases.some((base) => jammed.has(base))) return 'jammed';
  // `offline-report` is how CUPS's backends say the device does not answer; other `-report`s are advice.
  if (
    reasons.some(
      (reason) => reason === 'offline-report' || (outOfService.has(reasonBase(reason)) && !reason.endsWith('-report')),
    )
  ) {
    return 'offline';
  }
  return null;
}

/**
 * The dispenser's status from the printer's report:
 * - a paper, jam or door reason decides, whatever printer-state says;
 * - a stopped printer (paused by staff, stopped by its error policy) or one refusing jobs is `offline`;
 * - otherwise `ready`, with `paperLow` when the printer warns of `media-low`.
 * Every reason that is not routine, and the printer's message, go into `detail` for staff.
 */
export function statusOfReport(report: PrinterReport): DispenserStatus {
  const paperLowNow = report.reasons.some((reason) => paperLow.has(reasonBase(reason)));
  const detail = detailOf(report);
  const fromReasons = conditionOfReasons(report.reasons);
  if (fromReasons !== null) return { condition: fromReasons, detail, paperLow: paperLowNow };
  if (report.state === printerStates.stopped) {
    return { condition: 'offline', detail, paperLow: paperLowNow };
  }
  if (report.acceptingJobs === false) {
    return { condition: 'offline', detail, paperLow: paperLowNow };
  }
  if (report.state === null)
    return { condition: 'unknown', detail: detail ?? 'no printer-state', paperLow: paperLowNow };
  return { condition: 'ready', detail, paperLow: paperLowNow };
}

function detailOf(report: PrinterReport): string | null {
  const parts: string[] = [];
  const told = report.reasons.filter((reason) => !routine.has(reasonBase(reason)));
  if (told.length > 0) parts.push(told.join(' '));
  if (report.state === printerStates.stopped) parts.push('printer stopped');
  if (report.acceptingJobs === false) parts.push('not accepting jobs');
  const message = report.message?.trim() ?? '';
  if (message !== '') parts.push(message);
  return parts.length === 0 ? null : parts.join('; ');
}
