import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { printJobs } from '../../../db/local/schema';
import type { PrintJobView } from '../../../src-shared/api/ops/print';
import { createRootLogger } from '../../../src-main/logger';
import { PrintFailure } from '../../../src-main/devices/document-printer/document-printer';
import { printMessages } from '../../../src-main/devices/printing/print-messages';
import { PrintQueue, type PrintQueueOptions } from '../../../src-main/devices/printing/print-queue';
import { PrinterStatusCache } from '../../../src-main/devices/printing/printer-status-cache';
import { readMigrations } from '../../../src-main/store/migrations';
import { openStore, type Store } from '../../../src-main/store/open-store';
import { ScriptedPrinter, permanent, transient } from '../../support/scripted-printer';
import { tempDir } from '../../support/temp-dir';

const fast: PrintQueueOptions = { maxAttempts: 3, retryBaseMs: 10, retryMaxMs: 40, pollMs: 5, followTimeoutMs: 2_000 };
const pdf = Buffer.from('%PDF-1.4\n% prueba\n');
const request = { kind: 'bill', title: 'Factura 123456', contentType: 'application/pdf', content: pdf };

let dir: ReturnType<typeof tempDir>;
let store: Store;
let printer: ScriptedPrinter;
const queues: PrintQueue[] = [];

function startQueue(options: PrintQueueOptions = fast): PrintQueue {
  const queue = new PrintQueue({
    store,
    printer,
    contentTypes: ['application/pdf'],
    status: new PrinterStatusCache(printer, 0),
    log: createRootLogger('silent'),
    options,
  });
  queues.push(queue);
  queue.start();
  return queue;
}

async function until(
  queue: PrintQueue,
  jobId: string,
  done: (job: PrintJobView) => boolean,
  ms = 3_000,
): Promise<PrintJobView> {
  const deadline = Date.now() + ms;
  for (;;) {
    const job = queue.get(jobId);
    if (!job.ok) throw new Error(job.error.message);
    if (done(job.value)) return job.value;
    if (Date.now() > deadline) throw new Error(`job stayed ${job.value.state}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
const finished = (job: PrintJobView): boolean =>
  job.state === 'done' || job.state === 'failed' || job.state === 'unknown';

/** Writes a job as a previous run would have left it. */
function leftBehind(id: string, state: 'queued' | 'printing', systemJobId: string | null): void {
  const at = '2026-11-22T10:00:00.000Z';
  store.db
    .insert(printJobs)
    .values({
      id,
      kind: 'bill',
      title: 'Factura 1',
      contentType: 'application/pdf',
      content: pdf,
      state,
      attempts: state === 'printing' ? 1 : 0,
      systemJobId,
      createdAt: at,
      updatedAt: at,
    })
    .run();
}

beforeEach(() => {
  dir = tempDir('print-queue');
  store = openStore({ dir: dir.path, migrations: readMigrations(path.resolve('db/local/migrations')) });
  printer = new ScriptedPrinter();
});
afterEach(async () => {
  await Promise.all(queues.splice(0).map((q) => q.stop()));
  store.close();
  dir.remove();
});

describe('print queue: queued → printing → done | failed', () => {
  it('commits the bytes before the printer sees them, and ends done', async () => {
    const queue = startQueue();
    const seenWhileSubmitting: string[] = [];
    printer.onSubmit = () => {
      const row = store.db.select().from(printJobs).get();
      seenWhileSubmitting.push(`${row?.state}:${row?.content.equals(pdf)}`);
    };
    const job = queue.enqueue(request);
    expect(job.state).toBe('queued');
    const done = await until(queue, job.id, finished);
    expect(done).toMatchObject({ state: 'done', attempts: 1, lastError: null, kind: 'bill' });
    expect(seenWhileSubmitting).toEqual(['printing:true']);
    expect(printer.received.size).toBe(1);
    expect(store.db.select().from(printJobs).get()?.systemJobId).toBe('prueba-1');
  });

  it('stays printing while the print system has the job', async () => {
    printer.holdJobs = true;
    const queue = startQueue();
    const job = queue.enqueue(request);
    const printing = await until(queue, job.id, () => printer.received.size === 1);
    expect(printing.state).toBe('printing');
    printer.finish('prueba-1');
    expect((await until(queue, job.id, finished)).state).toBe('done');
  });

  it('sends again after transient failures, within the bound', async () => {
    printer.submitScript.push(transient(), transient());
    const queue = startQueue();
    const job = await until(queue, queue.enqueue(request).id, finished);
    expect(job).toMatchObject({ state: 'done', attempts: 3, lastError: null });
    expect(printer.received.size).toBe(1);
  });

  it('fails after the bound of transient failures and is never sent again by itself', async () => {
    printer.submitScript.push(transient(), transient(), transient(), transient());
    const queue = startQueue();
    const job = await until(queue, queue.enqueue(request).id, finished);
    expect(job).toMatchObject({
      state: 'failed',
      attempts: 3,
      lastError: 'El sistema de impresión del equipo no responde.',
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(queue.get(job.id)).toMatchObject({ ok: true, value: { state: 'failed', attempts: 3 } });
    expect(printer.submitScript).toHaveLength(1);
  });

  it('tells staff at a counter how to fix the printer, and a citizen at a kiosk to call staff', async () => {
    printer.condition = 'paper-end';
    const staff = startQueue({ ...fast, reader: () => 'staff' });
    expect((await until(staff, staff.enqueue(request).id, finished)).lastError).toBe(
      'La impresora «prueba» no tiene papel; cambie el rollo de papel y vuelva a intentarlo.',
    );
    await staff.stop();
    const citizen = startQueue({ ...fast, reader: () => 'citizen' });
    expect((await until(citizen, citizen.enqueue(request).id, finished)).lastError).toBe(
      'La impresora «prueba» no tiene papel; avise a un funcionario y vuelva a intentarlo.',
    );
  });

  it('fails at once, without sending, when the printer is paused; retry after it is resumed prints it', async () => {
    printer.condition = 'paused';
    const queue = startQueue();
    const failed = await until(queue, queue.enqueue(request).id, finished);
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toBe('La impresora «prueba» está en pausa; avise a un funcionario y vuelva a intentarlo.');
    expect(printer.received.size).toBe(0);

    printer.condition = 'ready';
    const retried = queue.retry(failed.id);
    expect(retried).toMatchObject({ ok: true, value: { state: 'queued', lastError: null } });
    expect(await until(queue, failed.id, finished)).toMatchObject({ state: 'done', attempts: 2 });
    expect(printer.received.size).toBe(1);
  });

  it('does not resend a document that may have reached the printer', async () => {
    printer.submitScript.push(new PrintFailure('uncertain', printMessages.unconfirmed, 'lp timed out'));
    const queue = startQueue();
    const job = await until(queue, queue.enqueue(request).id, finished);
    // Unknown, not failed: it may be on the paper, so only a person sends it again.
    expect(job).toMatchObject({ state: 'unknown', attempts: 1, lastError: printMessages.unconfirmed });
    expect(queue.retry(job.id)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(printer.received.size).toBe(0);
  });

  it('a person resolves a job that may have printed: it came out, or it is sent again once', async () => {
    printer.submitScript.push(new PrintFailure('uncertain', printMessages.unconfirmed, 'lp timed out'));
    printer.submitScript.push(new PrintFailure('uncertain', printMessages.unconfirmed, 'lp timed out'));
    const queue = startQueue();
    const first = await until(queue, queue.enqueue(request).id, finished);
    const second = await until(queue, queue.enqueue(request).id, finished);
    expect([first.state, second.state]).toEqual(['unknown', 'unknown']);

    // «Sí, ya salió»: done, nothing sent.
    expect(queue.resolve(first.id, 'done')).toMatchObject({ ok: true, value: { state: 'done', lastError: null } });
    // «No salió: imprimir de nuevo»: the same job, sent again.
    expect(queue.resolve(second.id, 'again')).toMatchObject({ ok: true, value: { state: 'queued' } });
    expect(await until(queue, second.id, (j) => j.state === 'done')).toMatchObject({ attempts: 2 });
    expect(printer.received.size).toBe(1);
    // Nothing to resolve on a job that is not unknown any more.
    expect(queue.resolve(first.id, 'again')).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('fails a permanent failure with its message', async () => {
    printer.submitScript.push(permanent(printMessages.notConfigured));
    const queue = startQueue();
    expect(await until(queue, queue.enqueue(request).id, finished)).toMatchObject({
      state: 'failed',
      lastError: printMessages.notConfigured,
    });
  });

  it('cancels a job the paused printer holds, so it cannot print later behind a retry', async () => {
    printer.holdJobs = true;
    const queue = startQueue();
    const job = queue.enqueue(request);
    await until(queue, job.id, () => printer.received.size === 1);
    printer.condition = 'paused';
    const failed = await until(queue, job.id, finished);
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toContain('está en pausa');
    expect(printer.cancelled).toEqual(['prueba-1']);
  });

  it('cancels and fails a job the printer does not finish in time', async () => {
    printer.holdJobs = true;
    const queue = startQueue({ ...fast, followTimeoutMs: 50 });
    const failed = await until(queue, queue.enqueue(request).id, finished);
    expect(failed).toMatchObject({ state: 'failed', lastError: printMessages.timedOut });
    expect(printer.cancelled).toEqual(['prueba-1']);
  });

  it('prints jobs one at a time, in the order they were queued', async () => {
    const queue = startQueue();
    const ids = [1, 2, 3].map((n) => queue.enqueue({ ...request, title: `Factura ${n}` }).id);
    for (const id of ids) await until(queue, id, finished);
    expect([...printer.received.values()].map((d) => d.title)).toEqual(['Factura 1', 'Factura 2', 'Factura 3']);
  });
});

describe('print queue: retry, reprint, get', () => {
  it('retries only failed jobs and answers not-found for an unknown id', async () => {
    const queue = startQueue();
    const done = await until(queue, queue.enqueue(request).id, finished);
    expect(queue.retry(done.id)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(queue.retry('no-existe')).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'No existe ese trabajo de impresión.' },
    });
    expect(queue.get('no-existe')).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('reprints a job as a new one with the same bytes and copy_of set', async () => {
    const queue = startQueue();
    const first = await until(queue, queue.enqueue(request).id, finished);
    const copy = queue.reprint(first.id);
    if (!copy.ok) throw new Error(copy.error.message);
    expect(copy.value.id).not.toBe(first.id);
    expect(await until(queue, copy.value.id, finished)).toMatchObject({ state: 'done', attempts: 1 });
    const row = store.sqlite.prepare('select copy_of, content from print_jobs where id = ?').get(copy.value.id) as {
      copy_of: string;
      content: Buffer;
    };
    expect(row.copy_of).toBe(first.id);
    expect(row.content.equals(pdf)).toBe(true);
    expect(printer.received.size).toBe(2);
  });
});

describe('print queue: after a crash or a stop', () => {
  it('settles what the last run left, asking the print system and never sending again', async () => {
    leftBehind('01900000-0000-7000-8000-00000000000a', 'queued', null);
    leftBehind('01900000-0000-7000-8000-00000000000b', 'printing', null);
    leftBehind('01900000-0000-7000-8000-00000000000c', 'printing', 'prueba-90');
    leftBehind('01900000-0000-7000-8000-00000000000d', 'printing', 'prueba-91');
    leftBehind('01900000-0000-7000-8000-00000000000e', 'printing', 'prueba-92');
    printer.knowJob('prueba-90', 'done');
    printer.knowJob('prueba-91', 'active');
    const queue = startQueue();
    const state = (id: string) => until(queue, `01900000-0000-7000-8000-00000000000${id}`, finished);
    expect(await state('a')).toMatchObject({ state: 'failed', lastError: printMessages.notSentBeforeClose });
    expect(await state('b')).toMatchObject({ state: 'unknown', lastError: printMessages.interrupted });
    expect(await state('c')).toMatchObject({ state: 'done' });
    // One job at a time: d is followed in the print system, e waits behind it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(queue.get('01900000-0000-7000-8000-00000000000d')).toMatchObject({ ok: true, value: { state: 'printing' } });
    printer.finish('prueba-91');
    expect(await state('d')).toMatchObject({ state: 'done', attempts: 1 });
    expect(await state('e')).toMatchObject({ state: 'unknown', lastError: printMessages.interrupted });
    expect(printer.received.size).toBe(0);
  });

  it('a job the print system no longer answers about after a restart is unknown, for a person to resolve', async () => {
    leftBehind('01900000-0000-7000-8000-00000000000f', 'printing', 'prueba-93');
    printer.jobStateFailure = transient();
    const queue = startQueue();
    expect(await until(queue, '01900000-0000-7000-8000-00000000000f', finished)).toMatchObject({
      state: 'unknown',
      lastError: printMessages.unconfirmed,
    });
  });

  it('stop() leaves a job in the print system as printing, and the next start finishes it without a second copy', async () => {
    printer.holdJobs = true;
    const first = startQueue();
    const job = first.enqueue(request);
    await until(first, job.id, () => printer.received.size === 1);
    const waiting = first.enqueue({ ...request, title: 'Factura 2' });
    await first.stop();
    expect(first.get(job.id)).toMatchObject({ ok: true, value: { state: 'printing' } });
    expect(first.get(waiting.id)).toMatchObject({
      ok: true,
      value: { state: 'failed', lastError: printMessages.notSentBeforeClose },
    });

    printer.finish('prueba-1');
    const second = startQueue();
    expect(await until(second, job.id, finished)).toMatchObject({ state: 'done', attempts: 1 });
    expect(printer.received.size).toBe(1);
  });

  it('stop() during the pause before a resend fails the job with a message instead of losing it', async () => {
    printer.submitScript.push(transient());
    const queue = startQueue({ ...fast, retryBaseMs: 60_000, retryMaxMs: 60_000 });
    const job = queue.enqueue(request);
    await until(queue, job.id, (j) => j.state === 'queued' && j.attempts === 1);
    await queue.stop();
    expect(queue.get(job.id)).toMatchObject({
      ok: true,
      value: { state: 'failed', lastError: printMessages.notSentBeforeClose },
    });
  });
});
