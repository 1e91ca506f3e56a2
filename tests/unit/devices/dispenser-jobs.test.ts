import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DispenseAttempts } from '../../../src-main/devices/dispenser/dispense-work';
import { dispenserConditionMessage, dispenserMessages } from '../../../src-main/devices/dispenser/dispenser-messages';
import { SimulatedDispenser } from '../../../src-main/devices/dispenser/simulated-dispenser';
import { JobRunner } from '../../../src-main/devices/jobs/job-runner';
import type { JobState } from '../../../src-main/devices/jobs/job-state';
import { createRootLogger } from '../../../src-main/logger';
import { readMigrations } from '../../../src-main/store/migrations';
import { openStore, type Store } from '../../../src-main/store/open-store';
import { SqliteJobTable, type NewTestJob, type TestJob } from '../../support/sqlite-job-table';
import { tempDir } from '../../support/temp-dir';

const messages = { notSent: dispenserMessages.notSent, interrupted: dispenserMessages.interrupted };
const certificate = (n: number): NewTestJob => ({
  title: `Certificado de existencia ${n}`,
  content: Buffer.from(`%PDF-1.4\n% certificado ${n}\n`),
});

let dir: ReturnType<typeof tempDir>;
let store: Store;
let table: SqliteJobTable;
let dispenser: SimulatedDispenser;
/** What the certificates feature would hear: the refund path listens for `failed`. */
const reported: { title: string; state: JobState; lastError: string | null }[] = [];
const runners: JobRunner<TestJob, NewTestJob>[] = [];

/** The dispenser's jobs on the same runner printing uses, over a real SQLite table. */
function startDispensing(): JobRunner<TestJob, NewTestJob> {
  const runner = new JobRunner<TestJob, NewTestJob>({
    table,
    work: new DispenseAttempts(dispenser, createRootLogger('silent')),
    messages,
    log: createRootLogger('silent'),
    onSettled: (job) => reported.push({ title: job.title, state: job.state, lastError: job.lastError }),
  });
  runners.push(runner);
  runner.start();
  return runner;
}

async function until(id: string, state: JobState, ms = 3_000): Promise<TestJob> {
  const deadline = Date.now() + ms;
  for (;;) {
    const job = table.mustGet(id);
    if (job.state === state) return job;
    if (Date.now() > deadline) throw new Error(`job stayed ${job.state}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

beforeEach(() => {
  dir = tempDir('dispenser');
  store = openStore({ dir: dir.path, migrations: readMigrations(path.resolve('db/local/migrations')) });
  table = new SqliteJobTable(store);
  dispenser = new SimulatedDispenser(10);
  reported.length = 0;
});
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop()));
  store.close();
  dir.remove();
});

describe('certificate dispenser jobs on the job runner (simulator)', () => {
  it('dispenses a certificate: done, and it came out once', async () => {
    const runner = startDispensing();
    const id = runner.enqueue(certificate(1)).id;
    expect(await until(id, 'done')).toMatchObject({ attempts: 1, lastError: null });
    expect(dispenser.dispensed.map((d) => d.title)).toEqual(['Certificado de existencia 1']);
    expect(reported).toEqual([{ title: 'Certificado de existencia 1', state: 'done', lastError: null }]);
  });

  it('a jam: the runner reports the failure (for the refund), the next job fails without moving, and a retry after clearing dispenses it', async () => {
    dispenser.jamNext();
    const runner = startDispensing();
    const jammed = runner.enqueue(certificate(1)).id;
    const behind = runner.enqueue(certificate(2)).id;
    const jamMessage = dispenserConditionMessage('jammed');
    expect(await until(jammed, 'failed')).toMatchObject({ attempts: 1, lastError: jamMessage });
    // Still jammed: the next certificate is refused before anything moves.
    expect(await until(behind, 'failed')).toMatchObject({ attempts: 1, lastError: jamMessage });
    await runner.idle();
    expect(reported).toEqual([
      { title: 'Certificado de existencia 1', state: 'failed', lastError: jamMessage },
      { title: 'Certificado de existencia 2', state: 'failed', lastError: jamMessage },
    ]);
    expect(dispenser.dispensed).toEqual([]);
    expect((await dispenser.status()).condition).toBe('jammed');

    dispenser.clearJam();
    expect(runner.retry(behind)).toMatchObject({ ok: true });
    expect(await until(behind, 'done')).toMatchObject({ attempts: 2 });
    await runner.idle();
    expect(dispenser.dispensed.map((d) => d.title)).toEqual(['Certificado de existencia 2']);
    expect(table.mustGet(jammed).state).toBe('failed');
  });

  it('out of paper: failed before anything moves, with the message for staff', async () => {
    dispenser = new SimulatedDispenser(0);
    const runner = startDispensing();
    const id = runner.enqueue(certificate(1)).id;
    expect(await until(id, 'failed')).toMatchObject({
      lastError: 'El dispensador de certificados no tiene papel; avise a un funcionario.',
    });
    expect(dispenser.dispensed).toEqual([]);
  });

  it('no answer after it took the certificate: unknown (it did come out), never dispensed again or reported as a failure', async () => {
    dispenser.loseNextAnswer();
    const runner = startDispensing();
    const id = runner.enqueue(certificate(1)).id;
    expect(await until(id, 'unknown')).toMatchObject({ lastError: dispenserMessages.noAnswer });
    await runner.idle();
    expect(dispenser.dispensed).toHaveLength(1);
    expect(reported.map((r) => r.state)).toEqual(['unknown']);
    // Staff find it in the tray.
    expect(runner.resolve(id, 'done')).toMatchObject({ ok: true, job: { state: 'done' } });
    await runner.idle();
    expect(dispenser.dispensed).toHaveLength(1);
  });

  it('a power cut mid-dispense: after the restart the job is unknown, and the lost run’s late ending changes nothing', async () => {
    const release = dispenser.hold();
    const before = startDispensing();
    const id = before.enqueue(certificate(1)).id;
    await until(id, 'running');

    // The power goes; the app starts again over the same store while the dispenser is mid-sheet.
    const after = startDispensing();
    expect(table.mustGet(id)).toMatchObject({
      state: 'unknown',
      lastError: dispenserMessages.interrupted,
      attempts: 1,
    });

    // The sheet does come out: exactly why unknown is not failed (no refund, no second copy).
    release();
    await before.idle();
    await after.idle();
    expect(dispenser.dispensed).toHaveLength(1);
    expect(table.mustGet(id)).toMatchObject({ state: 'unknown', attempts: 1 });
    expect(reported.map((r) => r.state)).toEqual(['unknown']);
  });
});
