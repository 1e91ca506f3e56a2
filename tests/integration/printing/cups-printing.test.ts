import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { printJobs } from '../../../db/local/schema';
import type { PrintJobView } from '../../../src-shared/api/ops/print';
import { createRootLogger } from '../../../src-main/logger';
import { runCommand } from '../../../src-main/devices/document-printer/run-command';
import {
  startDocumentPrinting,
  type DocumentPrinting,
} from '../../../src-main/devices/document-printer/document-printing';
import { readMigrations } from '../../../src-main/store/migrations';
import { openStore, type Store } from '../../../src-main/store/open-store';
import { cupsPdfOutputs, describeWithCups } from '../../support/cups';
import { startTestCore, testConfig } from '../../support/test-app';
import { tempDir } from '../../support/temp-dir';
import { printMessages } from '../../../src-main/devices/printing/print-messages';

const cups = (command: string, ...args: string[]): string =>
  execFileSync(command, args, { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });

async function billPdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([612, 792]).drawText(text, { x: 72, y: 700, size: 20, font });
  return Buffer.from(await doc.save());
}

/** Titles used; cups-pdf names its files after them, so each test finds (and removes) its own output. */
const tokens: string[] = [];
const token = (): string => {
  const title = `prueba${randomBytes(6).toString('hex')}`;
  tokens.push(title);
  return title;
};

describeWithCups('document printing through CUPS', (queue) => {
  let dir: ReturnType<typeof tempDir>;
  let store: Store;
  const started: DocumentPrinting[] = [];

  function start(printerName = queue): DocumentPrinting {
    const printing = startDocumentPrinting({
      store,
      printerName,
      platform: 'linux',
      log: createRootLogger('silent'),
      statusTtlMs: 0,
      queue: { pollMs: 100, followTimeoutMs: 20_000, retryBaseMs: 200, retryMaxMs: 400 },
    });
    started.push(printing);
    return printing;
  }

  /** Every state the job shows, polled often, until it is done or failed. */
  async function watch(printing: DocumentPrinting, jobId: string): Promise<{ seen: string[]; last: PrintJobView }> {
    const seen: string[] = [];
    const deadline = Date.now() + 25_000;
    for (;;) {
      const job = printing.queue.get(jobId);
      if (!job.ok) throw new Error(job.error.message);
      if (seen.at(-1) !== job.value.state) seen.push(job.value.state);
      if (job.value.state === 'done' || job.value.state === 'failed' || job.value.state === 'unknown')
        return { seen, last: job.value };
      if (Date.now() > deadline) throw new Error(`job still ${job.value.state}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  beforeAll(() => {
    // The queue must start each run enabled; an earlier run that stopped halfway may have paused it.
    cups('cupsenable', queue);
    cups('cupsaccept', queue);
  });
  beforeEach(() => {
    dir = tempDir('cups');
    store = openStore({ dir: dir.path, migrations: readMigrations(path.resolve('db/local/migrations')) });
  });
  afterEach(async () => {
    await Promise.all(started.splice(0).map((p) => p.queue.stop()));
    cups('cupsenable', queue);
    for (const file of tokens.splice(0).flatMap(cupsPdfOutputs)) rmSync(file, { force: true });
    store.close();
    dir.remove();
  });

  it('prints a real PDF: queued → printing → done, and cups-pdf writes the document', async () => {
    const printing = start();
    expect(await printing.status.refresh()).toMatchObject({ condition: 'ready' });
    const title = token();
    const job = printing.queue.enqueue({
      kind: 'bill',
      title,
      contentType: 'application/pdf',
      content: await billPdf(`Factura ${title}`),
    });
    expect(job.state).toBe('queued');
    const { seen, last } = await watch(printing, job.id);
    expect(seen).toEqual(['printing', 'done']);
    expect(last).toMatchObject({ attempts: 1, lastError: null });
    expect(store.db.select().from(printJobs).get()?.systemJobId).toMatch(new RegExp(`^${queue}-\\d+$`));

    const outputs = cupsPdfOutputs(title);
    expect(outputs).toHaveLength(1);
    const text = execFileSync('pdftotext', [outputs[0] ?? '', '-'], { encoding: 'utf8' });
    expect(text).toContain(`Factura ${title}`);
  });

  it('a paused queue fails the job with a clear message; it stays failed and prints on retry after cupsenable', async () => {
    cups('cupsdisable', queue);
    const printing = start();
    expect(await printing.status.refresh()).toMatchObject({ condition: 'paused' });
    const title = token();
    const job = printing.queue.enqueue({
      kind: 'bill',
      title,
      contentType: 'application/pdf',
      content: await billPdf(title),
    });
    const { last } = await watch(printing, job.id);
    expect(last.state).toBe('failed');
    expect(last.lastError).toBe(`La impresora «${queue}» está en pausa; avise a un funcionario y vuelva a intentarlo.`);

    // Nothing was handed to CUPS, and nothing sends it again by itself.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(printing.queue.get(job.id)).toMatchObject({ ok: true, value: { state: 'failed', attempts: 1 } });
    expect(store.db.select().from(printJobs).get()?.systemJobId).toBeNull();
    expect(cupsPdfOutputs(title)).toHaveLength(0);

    cups('cupsenable', queue);
    expect(printing.queue.retry(job.id)).toMatchObject({ ok: true, value: { state: 'queued' } });
    expect((await watch(printing, job.id)).last).toMatchObject({ state: 'done', attempts: 2, lastError: null });
    expect(cupsPdfOutputs(title)).toHaveLength(1);
  });

  it('a queue that does not exist fails the job with a Spanish message', async () => {
    const missing = `ventanilla-no-existe-${randomBytes(3).toString('hex')}`;
    const printing = start(missing);
    expect(await printing.status.refresh()).toMatchObject({ condition: 'not-found' });
    const job = printing.queue.enqueue({
      kind: 'bill',
      title: token(),
      contentType: 'application/pdf',
      content: await billPdf('x'),
    });
    const { last } = await watch(printing, job.id);
    expect(last).toMatchObject({
      state: 'failed',
      lastError: `La impresora «${missing}» no existe en el sistema de impresión del equipo; revise la configuración.`,
    });
  });

  it('after a kill, a job CUPS already printed is marked done, and one whose hand-over was never confirmed is unknown, with no second copy', async () => {
    const first = start();
    const title = token();
    const job = first.queue.enqueue({
      kind: 'bill',
      title,
      contentType: 'application/pdf',
      content: await billPdf(title),
    });
    await watch(first, job.id);
    await first.queue.stop();
    // As if the app died after CUPS took the job but before the job was marked done…
    store.sqlite.prepare("update print_jobs set state = 'printing' where id = ?").run(job.id);
    // …and another died between marking it printing and hearing CUPS's job id.
    const at = new Date().toISOString();
    const lost = '01900000-0000-7000-8000-0000000000aa';
    store.db
      .insert(printJobs)
      .values({
        id: lost,
        kind: 'bill',
        title: token(),
        contentType: 'application/pdf',
        content: await billPdf('y'),
        state: 'printing',
        attempts: 1,
        createdAt: at,
        updatedAt: at,
      })
      .run();

    const second = start();
    expect((await watch(second, job.id)).last).toMatchObject({ state: 'done', attempts: 1 });
    // It may have reached CUPS: unknown, for a person to look at the tray — never sent again by itself.
    expect((await watch(second, lost)).last).toMatchObject({ state: 'unknown', lastError: printMessages.interrupted });
    expect(cupsPdfOutputs(title)).toHaveLength(1);
  });

  it('after a restart, a job still in the CUPS queue is followed to the end, not sent again', async () => {
    const title = token();
    const pdfFile = path.join(dir.path, 'held.pdf');
    writeFileSync(pdfFile, await billPdf(title));
    // A job CUPS holds, as an earlier run would have left it while the printer was busy.
    const lp = await runCommand('lp', ['-d', queue, '-H', 'hold', '-t', title, pdfFile], { timeoutMs: 10_000 });
    const systemJobId = /request id is (\S+) /.exec(lp.stdout)?.[1] ?? '';
    expect(systemJobId).toMatch(new RegExp(`^${queue}-\\d+$`));
    const at = new Date().toISOString();
    const jobId = '01900000-0000-7000-8000-0000000000bb';
    store.db
      .insert(printJobs)
      .values({
        id: jobId,
        kind: 'bill',
        title,
        contentType: 'application/pdf',
        content: await billPdf(title),
        state: 'printing',
        attempts: 1,
        systemJobId,
        createdAt: at,
        updatedAt: at,
      })
      .run();

    const printing = start();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(printing.queue.get(jobId)).toMatchObject({ ok: true, value: { state: 'printing' } });
    cups('lp', '-i', systemJobId, '-H', 'resume');
    expect((await watch(printing, jobId)).last).toMatchObject({ state: 'done', attempts: 1 });
    expect(cupsPdfOutputs(title)).toHaveLength(1);
  });

  it('the status strip shows the queue ready, and a missing queue as not usable', async () => {
    const withQueue = tempDir('cups-core');
    writeFileSync(path.join(withQueue.path, 'ventanilla.json'), JSON.stringify({ printers: { document: queue } }));
    const core = startTestCore(testConfig(withQueue.path));
    const withMissing = tempDir('cups-core-missing');
    writeFileSync(
      path.join(withMissing.path, 'ventanilla.json'),
      JSON.stringify({ printers: { document: 'ventanilla-no-existe' } }),
    );
    const other = startTestCore(testConfig(withMissing.path));
    try {
      const ready = await core.dispatch('status.get', {});
      expect(ready).toMatchObject({ ok: true, value: { printer: { state: 'ready', name: queue } } });
      const missing = await other.dispatch('status.get', {});
      expect(missing).toMatchObject({
        ok: true,
        value: { printer: { state: 'offline', name: 'ventanilla-no-existe' } },
      });
    } finally {
      await core.stop();
      await other.stop();
      withQueue.remove();
      withMissing.remove();
    }
  });
});
