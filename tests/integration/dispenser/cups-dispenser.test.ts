import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { existsSync, rmSync } from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRootLogger } from '../../../src-main/logger';
import { JobRunner } from '../../../src-main/devices/jobs/job-runner';
import type { JobState } from '../../../src-main/devices/jobs/job-state';
import { readMigrations } from '../../../src-main/store/migrations';
import { openStore } from '../../../src-main/store/open-store';
import { SqliteJobTable, type NewTestJob, type TestJob } from '../../support/sqlite-job-table';
import { DispenseAttempts, type DispenseJob } from '../../../src-main/devices/dispenser/dispense-work';
import { dispenserConditionMessage, dispenserMessages } from '../../../src-main/devices/dispenser/dispenser-messages';
import type { CupsDispenser } from '../../../src-main/devices/dispenser/ipp/cups-dispenser';
import {
  createCupsDispenser,
  type CupsDispenserConfig,
} from '../../../src-main/devices/dispenser/ipp/create-cups-dispenser';
import { cupsPdfOutputs, describeWithCups } from '../../support/cups';
import { admin, installTestBackend, type BackendBehaviour, type TestBackend } from '../../support/cups-test-backend';
import { tempDir } from '../../support/temp-dir';

/**
 * The certificate dispenser against the real CUPS scheduler, over IPP: the cups-pdf queue of
 * .ci/cups.sh for a certificate that comes out, and queues of this run on a test backend
 * (tests/support/cups-test-backend.ts) for a device that fails, runs out of paper, jams or has
 * its door open, and a queue that holds every job. What is asserted is what the delivery rule
 * acts on: dispensed → settle, stopped → refund, no-answer → a person looks.
 */
const log = createRootLogger('silent');
/** Generous where CUPS must run a filter (ghostscript for cups-pdf) on a busy 2-core machine. */
const patient = { pollMs: 100, answerTimeoutMs: 25_000, requestTimeoutMs: 10_000 } as const;

async function certificatePdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([612, 792]).drawText(text, { x: 72, y: 700, size: 20, font });
  return doc.save();
}

/** A dispense job as the runner would hand it to the work, mid-attempt. */
const dispenseJob = async (id: string, title: string): Promise<DispenseJob> => ({
  id,
  state: 'running',
  attempts: 1,
  lastError: null,
  deviceRef: null,
  title,
  contentType: 'application/pdf',
  content: await certificatePdf(title),
});

/** The driver cups-pdf's Debian package installs, or the copy CUPS keeps of the CI queue's. */
function cupsPdfPpd(ciQueue: string): string {
  const candidates = ['/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd', `/etc/cups/ppd/${ciQueue}.ppd`];
  const found = candidates.find((file) => existsSync(file));
  if (found === undefined) throw new Error(`no cups-pdf PPD in ${candidates.join(' or ')}`);
  return found;
}

const lpstat = (...args: string[]): string =>
  execFileSync('lpstat', args, { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C' } });

/** Job lines CUPS has for a queue, finished or not (`lpstat -W all -o`). */
const jobsOn = (queue: string): string[] =>
  lpstat('-W', 'all', '-o', queue)
    .split('\n')
    .filter((line) => line.startsWith(`${queue}-`));

describeWithCups('certificate dispenser on CUPS over IPP', (ciQueue) => {
  const run = randomBytes(3).toString('hex');
  const queueName = (what: string): string => `ventanilla-disp-${run}-${what}`;
  const pdfQueue = queueName('pdf');
  let scratch: ReturnType<typeof tempDir>;
  let backend: TestBackend;
  const titles: string[] = [];
  const title = (): string => {
    const made = `certificado${randomBytes(6).toString('hex')}`;
    titles.push(made);
    return made;
  };
  const dispenser = (target: string, timing: Omit<CupsDispenserConfig, 'target'> = patient): CupsDispenser =>
    createCupsDispenser({ target, ...timing }, log);
  let queues = 0;
  const queueFor = (behaviour: BackendBehaviour, options: readonly string[] = []): string => {
    queues += 1;
    const name = queueName(`${behaviour}-${String(queues)}`);
    backend.addQueue(name, behaviour, options);
    return name;
  };

  beforeAll(() => {
    scratch = tempDir('dispenser-cups');
    try {
      backend = installTestBackend(scratch.path);
    } catch (error) {
      throw new Error(
        `The dispenser tests install a CUPS backend under /usr/lib/cups/backend and make queues with lpadmin: run them as root or with passwordless sudo (${String(error)})`,
      );
    }
    // A cups-pdf queue of this run, like the one .ci/cups.sh made (its driver is the same PPD):
    // the printing tests pause theirs while other test files run beside this one.
    admin('lpadmin', '-p', pdfQueue, '-E', '-v', 'cups-pdf:/', '-P', cupsPdfPpd(ciQueue));
  });
  afterAll(() => {
    for (const file of titles.splice(0).flatMap(cupsPdfOutputs)) rmSync(file, { force: true });
    try {
      admin('lpadmin', '-x', pdfQueue);
      backend.remove();
    } finally {
      scratch.remove();
    }
  });

  it('the cups-pdf queue: ready, the certificate is dispensed, and its PDF comes out with the text in it', async () => {
    const cups = dispenser(pdfQueue);
    expect(await cups.status()).toMatchObject({ condition: 'ready', paperLow: false });
    const name = title();
    const started = Date.now();
    const result = await cups.dispense({
      title: name,
      contentType: 'application/pdf',
      content: await certificatePdf(`Certificado de existencia ${name}`),
    });
    expect(result).toEqual({ kind: 'dispensed' });
    expect(Date.now() - started).toBeLessThan(patient.answerTimeoutMs);

    // What the citizen takes from the tray: one PDF, with the certificate's text.
    const outputs = cupsPdfOutputs(name);
    expect(outputs).toHaveLength(1);
    expect(execFileSync('pdftotext', [outputs[0] ?? '', '-'], { encoding: 'utf8' })).toContain(
      `Certificado de existencia ${name}`,
    );
  });

  it('a device that fails: the job ends aborted and the dispense is stopped — the refund path — with CUPS’s words for staff', async () => {
    const queue = queueFor('fail');
    const cups = dispenser(queue);
    expect(await cups.status()).toMatchObject({ condition: 'ready' });
    const result = await cups.dispense({
      title: title(),
      contentType: 'application/pdf',
      content: await certificatePdf('x'),
    });
    expect(result).toMatchObject({ kind: 'stopped', condition: 'unknown' });
    if (result.kind !== 'stopped') throw new Error('not stopped');
    expect(result.detail).toMatch(/^job \d+ aborted/);
    expect(result.detail).toContain('el dispositivo de prueba falló');

    // Through the dispenser's work on the job runner: failed, with the Spanish sentence the kiosk shows.
    const job = await dispenseJob('cert-1', title());
    expect(await new DispenseAttempts(cups, log).attempt(job)).toEqual({
      kind: 'failed',
      message: dispenserMessages.stopped,
    });
  });

  it.each([
    ['empty', 'paper-out', 'media-empty-error'],
    ['jam', 'jammed', 'media-jam-error'],
    ['door', 'offline', 'door-open-error'],
  ] as const)(
    'a device that reports %s mid-job: stopped as %s, the status says so after, and the next sale is refused before anything reaches CUPS',
    async (behaviour, condition, reason) => {
      const queue = queueFor(behaviour);
      const cups = dispenser(queue);
      const result = await cups.dispense({
        title: title(),
        contentType: 'application/pdf',
        content: await certificatePdf('x'),
      });
      expect(result).toMatchObject({ kind: 'stopped', condition });

      const status = await cups.status();
      expect(status.condition).toBe(condition);
      expect(status.detail).toContain(reason);
      const message = dispenserConditionMessage(status.condition);
      expect(message).not.toBeNull();

      const jobsBefore = jobsOn(queue).length;
      const job = await dispenseJob('cert-2', title());
      expect(await new DispenseAttempts(cups, log).attempt(job)).toEqual({ kind: 'failed', message });
      expect(await cups.dispense(job)).toMatchObject({ kind: 'stopped', condition });
      expect(jobsOn(queue)).toHaveLength(jobsBefore);
    },
  );

  it('a device that warns media-low: the certificate is dispensed and the status stays ready with paperLow', async () => {
    const queue = queueFor('low');
    const cups = dispenser(queue);
    expect(await cups.status()).toMatchObject({ condition: 'ready', paperLow: false });
    expect(
      await cups.dispense({ title: title(), contentType: 'application/pdf', content: await certificatePdf('x') }),
    ).toEqual({ kind: 'dispensed' });
    expect(await cups.status()).toEqual({ condition: 'ready', detail: 'media-low-report', paperLow: true });
  });

  it('a queue that holds every job: no-answer after the configured time, the job left held in CUPS (never canceled by itself); staff may cancel it', async () => {
    const queue = queueFor('ok', ['-o', 'job-hold-until-default=indefinite']);
    const answerTimeoutMs = 1_500;
    const cups = dispenser(queue, { pollMs: 100, answerTimeoutMs, requestTimeoutMs: 10_000 });
    const started = Date.now();
    const result = await cups.dispense({
      title: title(),
      contentType: 'application/pdf',
      content: await certificatePdf('x'),
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(answerTimeoutMs);
    expect(result).toMatchObject({ kind: 'no-answer' });
    if (result.kind !== 'no-answer') throw new Error('answered');
    expect(result.detail).toMatch(
      /^CUPS job \d+ did not end within 1.5 s \(job \d+ pending-held; reasons: job-hold-until-specified\); it was left in the queue, not canceled$/,
    );
    const jobId = Number(/^CUPS job (\d+)/.exec(result.detail)?.[1]);

    // Still there, held, for staff to release or cancel.
    expect(lpstat('-W', 'not-completed', '-o', queue)).toContain(`${queue}-${String(jobId)}`);
    // Through the dispenser's work: unknown, with the sentence that sends a person to the tray.
    const job = await dispenseJob('cert-3', title());
    expect(await new DispenseAttempts(cups, log).attempt(job)).toEqual({
      kind: 'unknown',
      message: dispenserMessages.noAnswer,
    });

    expect(await cups.cancelJob(jobId)).toEqual({ canceled: true, detail: 'canceled' });
    expect(await cups.followJob(jobId)).toMatchObject({ kind: 'stopped', detail: expect.stringMatching(/canceled/) });
    expect(lpstat('-W', 'not-completed', '-o', queue)).not.toContain(`${queue}-${String(jobId)} `);
  });

  it('a paused queue and one refusing jobs are offline, and nothing is handed to them', async () => {
    const queue = queueFor('ok');
    const cups = dispenser(queue);
    admin('cupsdisable', '-r', 'Mantenimiento', queue);
    expect(await cups.status()).toMatchObject({
      condition: 'offline',
      detail: expect.stringContaining('Mantenimiento'),
    });
    const paused = await cups.dispense({
      title: title(),
      contentType: 'application/pdf',
      content: await certificatePdf('x'),
    });
    expect(paused).toMatchObject({ kind: 'stopped', condition: 'offline' });

    admin('cupsenable', queue);
    admin('cupsreject', queue);
    expect(await cups.status()).toMatchObject({
      condition: 'offline',
      detail: expect.stringContaining('not accepting jobs'),
    });
    expect(
      await cups.dispense({ title: title(), contentType: 'application/pdf', content: await certificatePdf('x') }),
    ).toMatchObject({ kind: 'stopped', condition: 'offline' });
    expect(jobsOn(queue)).toHaveLength(0);

    admin('cupsaccept', queue);
    expect(await cups.status()).toMatchObject({ condition: 'ready' });
  });

  it('a queue that does not exist, a scheduler that does not answer, a target that is no queue: offline, stopped before anything is sent', async () => {
    const missing = dispenser(queueName('no-existe'));
    expect(await missing.status()).toMatchObject({
      condition: 'offline',
      detail: expect.stringMatching(/client-error-not-found/),
    });
    expect(
      await missing.dispense({ title: 'x', contentType: 'application/pdf', content: await certificatePdf('x') }),
    ).toMatchObject({
      kind: 'stopped',
      condition: 'offline',
    });

    // A port nobody listens on: the scheduler is down.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
      });
    });
    const down = dispenser(`ipp://127.0.0.1:${String(port)}/printers/${pdfQueue}`);
    expect(await down.status()).toMatchObject({ condition: 'offline', detail: expect.stringMatching(/ECONNREFUSED/) });
    expect(
      await down.dispense({ title: 'x', contentType: 'application/pdf', content: await certificatePdf('x') }),
    ).toMatchObject({
      kind: 'stopped',
      condition: 'offline',
    });

    const nonsense = dispenser('dos palabras');
    expect(await nonsense.status()).toMatchObject({
      condition: 'offline',
      detail: expect.stringMatching(/not an IPP printer URI/),
    });
  });

  it('only a PDF is dispensed: anything else is stopped before it reaches the queue', async () => {
    const cups = dispenser(pdfQueue);
    const before = jobsOn(pdfQueue).length;
    expect(
      await cups.dispense({ title: title(), contentType: 'text/plain', content: new Uint8Array([0x41]) }),
    ).toMatchObject({
      kind: 'stopped',
      detail: 'not a PDF: text/plain',
    });
    expect(jobsOn(pdfQueue)).toHaveLength(before);
  });

  it.each([
    ['ok', 'done', null],
    ['fail', 'failed', dispenserMessages.stopped],
  ] as const)(
    'after a kill mid-dispense, the job CUPS already had is followed by its id (device %s → %s): one job in CUPS, never sent twice',
    async (behaviour, expected, lastError) => {
      const queue = queueFor(behaviour, ['-o', 'job-hold-until-default=indefinite']);
      const dir = tempDir('dispenser-restart');
      const store = openStore({ dir: dir.path, migrations: readMigrations(path.resolve('db/local/migrations')) });
      try {
        const table = new SqliteJobTable(store);
        // The run that died: the certificate was handed over and CUPS named the job, which the
        // work persisted as the job's device reference; then the app was killed, the job running.
        const name = title();
        const job = table.insert({ title: name, contentType: 'application/pdf', content: await certificatePdf(name) });
        let deviceRef: string | null = null;
        const first = await dispenser(queue, { pollMs: 100, answerTimeoutMs: 200 }).dispense(job, {
          onHandedOver: (ref) => {
            deviceRef = ref;
          },
        });
        expect(first).toMatchObject({ kind: 'no-answer' });
        if (deviceRef === null) throw new Error('the dispenser never named the job');
        expect(table.move(job.id, 'queued', { to: 'running', countAttempt: true })).toBe(true);
        table.setDeviceRef(job.id, deviceRef);

        // While the app was down, staff released the held job at the printer.
        admin('lp', '-i', `${queue}-${String(deviceRef)}`, '-H', 'resume');

        const settled: { state: JobState; lastError: string | null }[] = [];
        const runner = new JobRunner<TestJob, NewTestJob>({
          table,
          work: new DispenseAttempts(dispenser(queue), log),
          messages: { notSent: dispenserMessages.notSent, interrupted: dispenserMessages.interrupted },
          log,
          onSettled: (done) => settled.push({ state: done.state, lastError: done.lastError }),
        });
        runner.start();
        try {
          const deadline = Date.now() + patient.answerTimeoutMs;
          while (table.mustGet(job.id).state === 'running' && Date.now() < deadline) {
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        } finally {
          await runner.stop();
        }
        expect(table.mustGet(job.id)).toMatchObject({ state: expected, attempts: 1, lastError });
        expect(settled).toEqual([{ state: expected, lastError }]);
        expect(jobsOn(queue)).toHaveLength(1);
      } finally {
        store.close();
        dir.remove();
      }
    },
  );

  it('an app that quits while CUPS holds the certificate stops at once and leaves the job running; the next start follows it to done', async () => {
    const queue = queueFor('ok', ['-o', 'job-hold-until-default=indefinite']);
    const dir = tempDir('dispenser-quit');
    const store = openStore({ dir: dir.path, migrations: readMigrations(path.resolve('db/local/migrations')) });
    const messages = { notSent: dispenserMessages.notSent, interrupted: dispenserMessages.interrupted };
    const runners: JobRunner<TestJob, NewTestJob>[] = [];
    const startRunner = (table: SqliteJobTable): JobRunner<TestJob, NewTestJob> => {
      const runner = new JobRunner<TestJob, NewTestJob>({
        table,
        work: new DispenseAttempts(dispenser(queue), log),
        messages,
        log,
      });
      runners.push(runner);
      runner.start();
      return runner;
    };
    const waitFor = async (check: () => boolean, what: string): Promise<void> => {
      const deadline = Date.now() + patient.answerTimeoutMs;
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`still waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    try {
      const table = new SqliteJobTable(store);
      const first = startRunner(table);
      const name = title();
      const id = first.enqueue({ title: name, contentType: 'application/pdf', content: await certificatePdf(name) }).id;
      await waitFor(() => table.mustGet(id).deviceRef !== null, 'CUPS to name the job');

      // Quitting does not wait out the dispenser's answer time (25 s here): the job is the device's now.
      const quitting = Date.now();
      await first.stop();
      expect(Date.now() - quitting).toBeLessThan(5_000);
      const left = table.mustGet(id);
      expect(left).toMatchObject({ state: 'running', attempts: 1 });

      admin('lp', '-i', `${queue}-${String(left.deviceRef)}`, '-H', 'resume');
      startRunner(table);
      await waitFor(() => table.mustGet(id).state !== 'running', 'the job to end');
      expect(table.mustGet(id)).toMatchObject({ state: 'done', attempts: 1, lastError: null });
      expect(jobsOn(queue)).toHaveLength(1);
    } finally {
      await Promise.all(runners.map((runner) => runner.stop()));
      store.close();
      dir.remove();
    }
  });

  it('a device reference that is no CUPS job id is no-answer, never a guess; a job CUPS never had is no-answer too', async () => {
    const cups = dispenser(pdfQueue);
    for (const bad of ['', 'abc', '0', '-3', '12a', '2147483648', `${pdfQueue}-12`]) {
      expect(await cups.follow(bad), bad).toMatchObject({
        kind: 'no-answer',
        detail: expect.stringMatching(/^not a CUPS job id/),
      });
    }
    expect(await cups.follow('2147483647')).toEqual({
      kind: 'no-answer',
      detail: 'CUPS no longer knows job 2147483647',
    });
  });
});
