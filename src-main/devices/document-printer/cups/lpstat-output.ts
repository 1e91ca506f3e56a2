import type { PrinterCondition } from '../document-printer';

/**
 * Pure readers of the CUPS command-line tools' output in the C locale (the commands run with
 * LANG=C). The formats are those of CUPS 2.x `lpstat.c` and `lp.c`; the unit tests hold
 * samples captured from Debian 12's CUPS 2.4.
 */

export interface QueueReport {
  readonly condition: PrinterCondition;
  /** The reason text CUPS shows under a stopped printer ("Paused", or what `cupsdisable -r` said). */
  readonly detail: string | null;
}

/**
 * `lpstat -l -p QUEUE`:
 *
 *     printer ventanilla-pdf is idle.  enabled since Sun Nov 22 04:31:33 2026
 *     printer ventanilla-pdf now printing ventanilla-pdf-3.  enabled since …
 *     printer ventanilla-pdf disabled since Sun Nov 22 04:32:03 2026 -
 *     	Paused
 *     	…
 *     	Alerts: paused
 *
 * Returns null when the output is not a report on that queue.
 */
export function parseQueueReport(queue: string, stdout: string): QueueReport | null {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`printer ${queue} `));
  if (start < 0) return null;
  const head = lines[start] ?? '';
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('\t') && !line.startsWith(' ')) break;
    body.push(line.trim());
  }
  const rest = head.slice(`printer ${queue} `.length);
  const stopped = rest.startsWith('disabled since');
  if (
    !stopped &&
    !rest.startsWith('is idle') &&
    !rest.startsWith('now printing') &&
    !rest.startsWith('is holding new jobs')
  ) {
    return null;
  }
  // Under a stopped printer, or any printer with a state message, the first body line is that message.
  const first = body[0];
  const message = first !== undefined && !/^[A-Z][A-Za-z ]*:/.test(first) ? first : null;
  const alertsLine = body.find((line) => line.startsWith('Alerts:'));
  const reasons = alertsLine === undefined ? [] : alertsLine.slice('Alerts:'.length).trim().split(/\s+/);
  const fromReasons = conditionFromReasons(reasons);
  if (fromReasons !== null) return { condition: fromReasons, detail: message };
  if (stopped || rest.startsWith('is holding new jobs')) return { condition: 'paused', detail: message };
  return { condition: 'ready', detail: message };
}

/**
 * IPP printer-state-reasons (RFC 8011 §5.4.12) that stop a document from printing. A `-warning`
 * or `-report` suffix is advice (media-low-warning), except `offline-report`, which backends use
 * to say the device does not answer.
 */
export function conditionFromReasons(reasons: readonly string[]): PrinterCondition | null {
  const blocking = (reason: string): string | null => {
    if (reason === 'offline-report') return 'offline';
    if (reason.endsWith('-warning') || reason.endsWith('-report')) return null;
    return reason.replace(/-error$/, '');
  };
  const bases = reasons.map(blocking).filter((base): base is string => base !== null);
  if (bases.some((b) => b === 'media-empty' || b === 'media-needed')) return 'paper-end';
  if (bases.some((b) => b === 'door-open' || b === 'cover-open')) return 'cover-open';
  if (bases.some((b) => b === 'offline' || b === 'shutdown' || b === 'connecting-to-device')) return 'offline';
  return null;
}

/**
 * `lpstat -W not-completed -o QUEUE` (or `-W completed`): one job per line, its id first.
 *
 *     ventanilla-pdf-1        root              1024   Sun Nov 22 04:31:41 2026
 *     	Alerts: …            (only with -l)
 */
export function parseJobIds(stdout: string): Set<string> {
  const ids = new Set<string>();
  for (const line of stdout.split('\n')) {
    if (line === '' || line.startsWith('\t') || line.startsWith(' ')) continue;
    const id = line.split(/\s+/)[0];
    if (id !== undefined && id !== '') ids.add(id);
  }
  return ids;
}

/** `lp` prints `request id is QUEUE-N (1 file(s))`; returns `QUEUE-N`. */
export function parseRequestId(stdout: string): string | null {
  return /request id is (\S+) \(/.exec(stdout)?.[1] ?? null;
}

/** The queue a CUPS job id belongs to: `ventanilla-pdf-12` → `ventanilla-pdf`. */
export function queueOfJob(systemJobId: string): string | null {
  return /^(.+)-\d+$/.exec(systemJobId)?.[1] ?? null;
}

export type CupsComplaint = 'no-such-printer' | 'not-accepting' | 'scheduler-down' | 'other';

/**
 * What `lp` or `lpstat` complained about on standard error. CUPS's client tools say a queue
 * "does not exist" both when it does not and when the scheduler is down, so a
 * `no-such-printer` must be confirmed with `lpstat -r` (see `parseSchedulerRunning`).
 */
export function classifyComplaint(stderr: string): CupsComplaint {
  if (/scheduler is not running|unable to connect|connection refused|bad file descriptor/i.test(stderr)) {
    return 'scheduler-down';
  }
  if (/does not exist|invalid destination name|unknown destination/i.test(stderr)) return 'no-such-printer';
  if (/not accepting jobs/i.test(stderr)) return 'not-accepting';
  return 'other';
}

/** `lpstat -r`: `scheduler is running` or `scheduler is not running`. */
export function parseSchedulerRunning(stdout: string): boolean {
  return /^scheduler is running/m.test(stdout);
}
