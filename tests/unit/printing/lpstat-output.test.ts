import { describe, expect, it } from 'vitest';
import {
  classifyComplaint,
  conditionFromReasons,
  parseJobIds,
  parseQueueReport,
  parseRequestId,
  parseSchedulerRunning,
  queueOfJob,
} from '../../../src-main/devices/document-printer/cups/lpstat-output';

// Captured from Debian 12's CUPS 2.4.2 with LANG=C (`lpstat -l -p ventanilla-pdf` and friends).
const longTail = [
  '\tForm mounted:',
  '\tContent types: any',
  '\tPrinter types: unknown',
  '\tDescription: ventanilla-pdf',
  '\tAlerts: ALERTS',
  '\tLocation: ',
  '\tConnection: direct',
  '\tInterface: /etc/cups/ppd/ventanilla-pdf.ppd',
  '\tOn fault: no alert',
  '\tAfter fault: continue',
  '\tUsers allowed:',
  '\t\t(all)',
].join('\n');

const idle = `printer ventanilla-pdf is idle.  enabled since Sun Nov 22 04:33:21 2026\n${longTail.replace('ALERTS', 'none')}\n`;
const printing = `printer ventanilla-pdf now printing ventanilla-pdf-7.  enabled since Sun Nov 22 04:40:02 2026\n${longTail.replace('ALERTS', 'none')}\n`;
const paused = `printer ventanilla-pdf disabled since Sun Nov 22 04:32:03 2026 -\n\tPaused\n${longTail.replace('ALERTS', 'paused')}\n`;
const pausedWithReason = `printer ventanilla-pdf disabled since Sun Nov 22 04:32:03 2026 -\n\tSin papel en la bandeja 2\n${longTail.replace('ALERTS', 'paused')}\n`;

describe('lpstat -l -p QUEUE', () => {
  it('reads an idle or printing queue as ready', () => {
    expect(parseQueueReport('ventanilla-pdf', idle)).toEqual({ condition: 'ready', detail: null });
    expect(parseQueueReport('ventanilla-pdf', printing)).toEqual({ condition: 'ready', detail: null });
  });

  it('reads a disabled queue as paused, with the reason CUPS shows', () => {
    expect(parseQueueReport('ventanilla-pdf', paused)).toEqual({ condition: 'paused', detail: 'Paused' });
    expect(parseQueueReport('ventanilla-pdf', pausedWithReason)).toEqual({
      condition: 'paused',
      detail: 'Sin papel en la bandeja 2',
    });
  });

  it('prefers what the printer reports (paper, cover, offline) over the queue state', () => {
    const noPaper = idle.replace('Alerts: none', 'Alerts: media-empty-error');
    const cover = printing.replace('Alerts: none', 'Alerts: cover-open');
    const offline = idle.replace('Alerts: none', 'Alerts: offline-report');
    const stoppedNoPaper = paused.replace('Alerts: paused', 'Alerts: paused media-needed');
    expect(parseQueueReport('ventanilla-pdf', noPaper)?.condition).toBe('paper-end');
    expect(parseQueueReport('ventanilla-pdf', cover)?.condition).toBe('cover-open');
    expect(parseQueueReport('ventanilla-pdf', offline)?.condition).toBe('offline');
    expect(parseQueueReport('ventanilla-pdf', stoppedNoPaper)?.condition).toBe('paper-end');
  });

  it('ignores warnings that do not stop a document', () => {
    expect(
      parseQueueReport('ventanilla-pdf', idle.replace('Alerts: none', 'Alerts: media-low-warning toner-low-report'))
        ?.condition,
    ).toBe('ready');
    expect(conditionFromReasons(['none'])).toBeNull();
  });

  it('reads a queue that holds new jobs as paused', () => {
    const holding = 'printer ventanilla-pdf is holding new jobs.  enabled since Sun Nov 22 04:33:21 2026\n';
    expect(parseQueueReport('ventanilla-pdf', holding)?.condition).toBe('paused');
  });

  it('does not take another queue, or a prefix of the name, for this one', () => {
    expect(parseQueueReport('ventanilla', idle)).toBeNull();
    expect(parseQueueReport('ventanilla-pdf', '')).toBeNull();
    expect(parseQueueReport('ventanilla-pdf', 'something else entirely\n')).toBeNull();
  });
});

describe('lpstat -W … -o QUEUE', () => {
  it('lists the job ids, with or without -l detail lines', () => {
    const out = [
      'ventanilla-pdf-1        root              1024   Sun Nov 22 04:31:41 2026',
      '\tStatus: /var/spool/cups/tmp/0521d6b0786ef: Attempting to reconstruct cross-reference table',
      '\tAlerts: processing-to-stop-point',
      '\tqueued for ventanilla-pdf',
      'ventanilla-pdf-12       root              3639   Sun Nov 22 04:33:40 2026',
      '',
    ].join('\n');
    expect([...parseJobIds(out)]).toEqual(['ventanilla-pdf-1', 'ventanilla-pdf-12']);
    expect(parseJobIds('').size).toBe(0);
  });

  it('finds the queue of a job id, even when the queue name has dashes', () => {
    expect(queueOfJob('ventanilla-pdf-12')).toBe('ventanilla-pdf');
    expect(queueOfJob('nodigits')).toBeNull();
  });
});

describe('lp and lpstat messages', () => {
  it('reads the request id lp prints', () => {
    expect(parseRequestId('request id is ventanilla-pdf-3 (0 file(s))\n')).toBe('ventanilla-pdf-3');
    expect(parseRequestId('request id is ventanilla-pdf-4 (1 file(s))\n')).toBe('ventanilla-pdf-4');
    expect(parseRequestId('')).toBeNull();
  });

  it('tells a missing queue, a queue refusing jobs and a stopped scheduler apart', () => {
    expect(classifyComplaint('lp: Error - The printer or class does not exist.\n')).toBe('no-such-printer');
    expect(classifyComplaint('lpstat: Invalid destination name in list "nope".\n')).toBe('no-such-printer');
    expect(classifyComplaint('lp: Error - Destination "ventanilla-pdf" is not accepting jobs.\n')).toBe(
      'not-accepting',
    );
    expect(classifyComplaint('lpstat: Scheduler is not running.\n')).toBe('scheduler-down');
    expect(classifyComplaint('lp: Unable to connect to server: Connection refused\n')).toBe('scheduler-down');
    expect(classifyComplaint('lp: something new\n')).toBe('other');
  });

  it('reads lpstat -r', () => {
    expect(parseSchedulerRunning('scheduler is running\n')).toBe(true);
    expect(parseSchedulerRunning('scheduler is not running\n')).toBe(false);
  });
});
