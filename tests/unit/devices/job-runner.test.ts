import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobRunner, type JobRunnerOptions } from '../../../src-main/devices/jobs/job-runner';
import { canMove, jobMoves, jobStates, type JobState } from '../../../src-main/devices/jobs/job-state';
import type { JobContext, JobOutcome, JobWork } from '../../../src-main/devices/jobs/job-work';
import { createRootLogger } from '../../../src-main/logger';
import { readMigrations } from '../../../src-main/store/migrations';
import { openStore, type Store } from '../../../src-main/store/open-store';
import { SqliteJobTable, type NewTestJob, type TestJob } from '../../support/sqlite-job-table';
import { tempDir } from '../../support/temp-dir';

const messages = {
  notSent: 'No llegó al equipo porque la aplicación se cerró.',
  interrupted: 'Se interrumpió; revise antes de repetirlo.',
};
const fast: JobRunnerOptions = { maxAttempts: 3, retryBaseMs: 1, retryMaxMs: 2 };
const job: NewTestJob = { title: 'Certificado 1' };

/**
 * A device a test drives by hand: each attempt takes the next scripted step (an outcome, or a
 * function of the job and context), `done` when the script is empty. `hold()` keeps the next
 * attempt in the device until released, so a test can see it `running`.
 */
class ScriptedWork implements JobWork<TestJob> {
  readonly script: (JobOutcome | ((job: TestJob, context: JobContext) => JobOutcome | Promise<JobOutcome>))[] = [];
  readonly attempted: string[] = [];
  readonly resumed: string[] = [];
  resumeWith: JobOutcome = { kind: 'done' };
  private gate: Promise<void> | null = null;

  async attempt(job: TestJob, context: JobContext): Promise<JobOutcome> {
    this.attempted.push(job.id);
    const gate = this.gate;
    this.gate = null;
    if (gate !== null) await gate;
    const step = this.script.shift() ?? { kind: 'done' };
    return typeof step === 'function' ? step(job, context) : step;
  }

  resume(job: TestJob): Promise<JobOutcome> {
    this.resumed.push(job.id);
    return Promise.resolve(this.resumeWith);
  }

  hold(): () => void {
    let release = (): void => undefined;
    this.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    return release;
  }
}

/** The same device, but one that names no job and cannot be asked after a restart. */
class ForgetfulWork implements JobWork<TestJob> {
  readonly attempted: string[] = [];
  attempt(job: TestJob): Promise<JobOutcome> {
    this.attempted.push(job.id);
    return Promise.resolve({ kind: 'done' });
  }
}

let dir: ReturnType<typeof tempDir>;
let store: Store;
let table: SqliteJobTable;
let work: ScriptedWork;
const settled: { id: string; state: JobState; lastError: string | null }[] = [];
const runners: JobRunner<TestJob, NewTestJob>[] = [];

function startRunner(
  options: JobRunnerOptions = fast,
  device: JobWork<TestJob> = work,
): JobRunner<TestJob, NewTestJob> {
  const runner = new JobRunner({
    table,
    work: device,
    messages,
    log: createRootLogger('silent'),
    options,
    onSettled: (j) => settled.push({ id: j.id, state: j.state, lastError: j.lastError }),
  });
  runners.push(runner);
  runner.start();
  return runner;
}

async function until(id: string, done: (j: TestJob) => boolean, ms = 3_000): Promise<TestJob> {
  const deadline = Date.now() + ms;
  for (;;) {
    const current = table.mustGet(id);
    if (done(current)) return current;
    if (Date.now() > deadline) throw new Error(`job stayed ${current.state}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
const inState = (state: JobState) => (j: TestJob) => j.state === state;

beforeEach(() => {
  dir = tempDir('job-runner');
  store = openStore({ dir: dir.path, migrations: readMigrations(path.resolve('db/local/migrations')) });
  table = new SqliteJobTable(store);
  work = new ScriptedWork();
  settled.length = 0;
});
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop()));
  store.close();
  dir.remove();
});

describe('job states: the only moves', () => {
  it('allows exactly queued→running, running→done|failed|queued|unknown, queued→failed, failed→queued, unknown→done|queued', () => {
    const allowed = new Set(Object.values(jobMoves).map((m) => `${m.from}→${m.to}`));
    expect([...allowed].sort()).toEqual(
      [
        'queued→running',
        'running→done',
        'running→failed',
        'running→queued',
        'running→unknown',
        'queued→failed',
        'failed→queued',
        'unknown→done',
        'unknown→queued',
      ].sort(),
    );
    for (const from of jobStates)
      for (const to of jobStates) expect(canMove(from, to), `${from}→${to}`).toBe(allowed.has(`${from}→${to}`));
    // Done is final; unknown is never turned into failed (nothing would then stop a retry).
    expect(jobStates.filter((to) => canMove('done', to))).toEqual([]);
    expect(canMove('unknown', 'failed')).toBe(false);
  });

  it('a table refuses a move the states do not allow, and a move from a state the job is not in', () => {
    const queued = table.insert(job);
    expect(() => table.move(queued.id, 'done', { to: 'queued' })).toThrow(/cannot move/);
    expect(table.move(queued.id, 'running', { to: 'done' })).toBe(false);
    expect(table.mustGet(queued.id).state).toBe('queued');
  });
});

describe('job runner: queued → running → done | failed | unknown', () => {
  it('commits the job before the device sees it, is running while the device has it, and ends done', async () => {
    const seen: string[] = [];
    work.script.push((j) => {
      seen.push(`${table.mustGet(j.id).state}:${table.mustGet(j.id).attempts}`);
      return { kind: 'done' };
    });
    const runner = startRunner();
    const queued = runner.enqueue(job);
    expect(queued).toMatchObject({ state: 'queued', attempts: 0 });
    expect(await until(queued.id, inState('done'))).toMatchObject({ state: 'done', attempts: 1, lastError: null });
    expect(seen).toEqual(['running:1']);
    expect(settled).toEqual([{ id: queued.id, state: 'done', lastError: null }]);
  });

  it('keeps what the device named the job while it runs', async () => {
    work.script.push((_j, context) => {
      context.recordDeviceRef('equipo-7');
      return { kind: 'done' };
    });
    const runner = startRunner();
    const done = await until(runner.enqueue(job).id, inState('done'));
    expect(done.deviceRef).toBe('equipo-7');
  });

  it('runs jobs one at a time, in the order they were queued', async () => {
    const release = work.hold();
    const runner = startRunner();
    const ids = [1, 2, 3].map((n) => runner.enqueue({ title: `Certificado ${n}` }).id);
    await until(ids[0] ?? '', inState('running'));
    expect(ids.slice(1).map((id) => table.mustGet(id).state)).toEqual(['queued', 'queued']);
    release();
    await runner.idle();
    expect(work.attempted).toEqual(ids);
    expect(ids.map((id) => table.mustGet(id).state)).toEqual(['done', 'done', 'done']);
  });

  it('failed: the device did not do it; never sent again by itself, and sent again on a person’s retry', async () => {
    work.script.push({ kind: 'failed', message: 'Sin papel.' });
    const runner = startRunner();
    const id = runner.enqueue(job).id;
    expect(await until(id, inState('failed'))).toMatchObject({ attempts: 1, lastError: 'Sin papel.' });
    await runner.idle();
    expect(work.attempted).toEqual([id]);
    expect(settled).toEqual([{ id, state: 'failed', lastError: 'Sin papel.' }]);

    const retried = runner.retry(id);
    expect(retried).toMatchObject({ ok: true, job: { state: 'queued', lastError: null, attempts: 1 } });
    expect(await until(id, inState('done'))).toMatchObject({ attempts: 2, lastError: null });
    expect(work.attempted).toEqual([id, id]);
  });

  it('transient: sent again after a pause while nothing reached the device, within the bound', async () => {
    work.script.push({ kind: 'transient', message: 'No responde.' }, { kind: 'transient', message: 'No responde.' });
    const runner = startRunner();
    const id = runner.enqueue(job).id;
    expect(await until(id, inState('done'))).toMatchObject({ attempts: 3, lastError: null });
  });

  it('transient past the bound: failed, and then left alone', async () => {
    for (let i = 0; i < 4; i += 1) work.script.push({ kind: 'transient', message: 'No responde.' });
    const runner = startRunner();
    const id = runner.enqueue(job).id;
    expect(await until(id, inState('failed'))).toMatchObject({ attempts: 3, lastError: 'No responde.' });
    await runner.idle();
    expect(table.mustGet(id)).toMatchObject({ state: 'failed', attempts: 3 });
    expect(work.script).toHaveLength(1);
  });

  it('between two sends the job is queued with the reason, and a stop then fails it with a message instead of losing it', async () => {
    work.script.push({ kind: 'transient', message: 'No responde.' });
    const runner = startRunner({ ...fast, retryBaseMs: 60_000, retryMaxMs: 60_000 });
    const id = runner.enqueue(job).id;
    expect(await until(id, (j) => j.state === 'queued' && j.attempts === 1)).toMatchObject({
      lastError: 'No responde.',
    });
    await runner.stop();
    expect(table.mustGet(id)).toMatchObject({ state: 'failed', lastError: messages.notSent });
    expect(work.attempted).toEqual([id]);
  });

  it('unknown is not failed: never sent again by itself, not retried as a failure, resolved by a person', async () => {
    work.script.push({ kind: 'unknown', message: 'No se pudo confirmar; revise la bandeja.' });
    const runner = startRunner();
    const id = runner.enqueue(job).id;
    expect(await until(id, inState('unknown'))).toMatchObject({
      attempts: 1,
      lastError: 'No se pudo confirmar; revise la bandeja.',
    });
    await runner.idle();
    expect(work.attempted).toEqual([id]);
    expect(settled).toEqual([{ id, state: 'unknown', lastError: 'No se pudo confirmar; revise la bandeja.' }]);
    // «Reintentar» is for failures; an unknown job needs someone to look first.
    expect(runner.retry(id)).toEqual({ ok: false, reason: 'wrong-state' });
    expect(table.mustGet(id).state).toBe('unknown');

    // «Sí salió»: done, without a second copy.
    expect(runner.resolve(id, 'done')).toMatchObject({ ok: true, job: { state: 'done', lastError: null } });
    await runner.idle();
    expect(work.attempted).toEqual([id]);
  });

  it('an unknown job a person says did not come out is done again, once', async () => {
    work.script.push({ kind: 'unknown', message: 'No se pudo confirmar.' });
    const runner = startRunner();
    const id = runner.enqueue(job).id;
    await until(id, inState('unknown'));
    expect(runner.resolve(id, 'again')).toMatchObject({ ok: true, job: { state: 'queued', lastError: null } });
    expect(await until(id, inState('done'))).toMatchObject({ attempts: 2 });
    await runner.idle();
    expect(work.attempted).toEqual([id, id]);
  });

  it('a person’s request on a job in another state, or on none, is refused', async () => {
    const release = work.hold();
    const runner = startRunner();
    const id = runner.enqueue(job).id;
    await until(id, inState('running'));
    expect(runner.resolve(id, 'done')).toEqual({ ok: false, reason: 'wrong-state' });
    expect(runner.resolve(id, 'again')).toEqual({ ok: false, reason: 'wrong-state' });
    expect(runner.retry(id)).toEqual({ ok: false, reason: 'wrong-state' });
    release();
    await until(id, inState('done'));
    expect(runner.retry(id)).toEqual({ ok: false, reason: 'wrong-state' });
    expect(runner.resolve(id, 'again')).toEqual({ ok: false, reason: 'wrong-state' });
    expect(runner.retry('no-existe')).toEqual({ ok: false, reason: 'not-found' });
    expect(runner.resolve('no-existe', 'done')).toEqual({ ok: false, reason: 'not-found' });
    await runner.idle();
    expect(work.attempted).toEqual([id]);
  });

  it('an attempt that throws leaves the job unknown (the device may have it), never retried', async () => {
    work.script.push(() => {
      throw new Error('driver bug');
    });
    const runner = startRunner();
    const id = runner.enqueue(job).id;
    expect(await until(id, inState('unknown'))).toMatchObject({ lastError: messages.interrupted });
    await runner.idle();
    expect(work.attempted).toEqual([id]);
  });

  it('a listener that throws changes nothing: the job keeps its state and the next one runs', async () => {
    const runner = new JobRunner({
      table,
      work,
      messages,
      log: createRootLogger('silent'),
      options: fast,
      onSettled: () => {
        throw new Error('listener bug');
      },
    });
    runners.push(runner);
    runner.start();
    const first = runner.enqueue(job).id;
    const second = runner.enqueue({ title: 'Certificado 2' }).id;
    await runner.idle();
    expect([table.mustGet(first).state, table.mustGet(second).state]).toEqual(['done', 'done']);
    expect(work.attempted).toEqual([first, second]);
  });

  it('on a table that cannot hold unknown yet (print_jobs), it is failed with the same words, still never retried by itself', async () => {
    store.sqlite.exec('DROP TABLE test_jobs');
    table = new SqliteJobTable(store, false);
    work.script.push({ kind: 'unknown', message: 'No se pudo confirmar; revise la bandeja.' });
    const runner = startRunner();
    const id = runner.enqueue(job).id;
    expect(await until(id, inState('failed'))).toMatchObject({
      lastError: 'No se pudo confirmar; revise la bandeja.',
      attempts: 1,
    });
    await runner.idle();
    expect(work.attempted).toEqual([id]);
  });
});

describe('job runner: after a restart, in each state', () => {
  it('queued, never sent: failed with a message (its person is gone), never sent', async () => {
    const left = table.leave({ title: 'Certificado 1', state: 'queued', attempts: 0 });
    const runner = startRunner();
    expect(table.mustGet(left.id)).toMatchObject({ state: 'failed', lastError: messages.notSent, attempts: 0 });
    await runner.idle();
    expect(work.attempted).toEqual([]);
  });

  it('queued, with leftQueued send: sent now, which is its first send', async () => {
    const left = table.leave({ title: 'Certificado 1', state: 'queued', attempts: 0 });
    startRunner({ ...fast, leftQueued: 'send' });
    expect(await until(left.id, inState('done'))).toMatchObject({ attempts: 1 });
    expect(work.attempted).toEqual([left.id]);
  });

  it('running, named by the device: asked about and followed, never sent again', async () => {
    const finished = table.leave({ title: 'Certificado 1', state: 'running', attempts: 1, deviceRef: 'equipo-90' });
    const runner = startRunner();
    expect(await until(finished.id, inState('done'))).toMatchObject({ attempts: 1 });
    await runner.idle();
    expect(work.resumed).toEqual([finished.id]);
    expect(work.attempted).toEqual([]);
  });

  it('running, named by the device, which no longer knows it: unknown, never sent again', async () => {
    work.resumeWith = { kind: 'unknown', message: messages.interrupted };
    const lost = table.leave({ title: 'Certificado 1', state: 'running', attempts: 1, deviceRef: 'equipo-91' });
    const runner = startRunner();
    expect(await until(lost.id, inState('unknown'))).toMatchObject({ lastError: messages.interrupted, attempts: 1 });
    await runner.idle();
    expect(work.attempted).toEqual([]);
  });

  it('running, never named (the power went mid-attempt): unknown at once, never sent again', async () => {
    const cut = table.leave({ title: 'Certificado 1', state: 'running', attempts: 1 });
    const runner = startRunner();
    expect(table.mustGet(cut.id)).toMatchObject({ state: 'unknown', lastError: messages.interrupted, attempts: 1 });
    await runner.idle();
    expect(work.attempted).toEqual([]);
    expect(work.resumed).toEqual([]);
  });

  it('running, named, on a device that cannot be asked: unknown, never sent again', async () => {
    const forgetful = new ForgetfulWork();
    const left = table.leave({ title: 'Certificado 1', state: 'running', attempts: 1, deviceRef: 'equipo-92' });
    const runner = startRunner(fast, forgetful);
    expect(table.mustGet(left.id)).toMatchObject({ state: 'unknown', lastError: messages.interrupted });
    await runner.idle();
    expect(forgetful.attempted).toEqual([]);
  });

  it('done, failed and unknown: left as they are; a failed one is still sent again on request', async () => {
    const done = table.leave({ title: 'Certificado 1', state: 'done', attempts: 1 });
    const failed = table.leave({ title: 'Certificado 2', state: 'failed', attempts: 1, lastError: 'Sin papel.' });
    const unknown = table.leave({
      title: 'Certificado 3',
      state: 'unknown',
      attempts: 1,
      lastError: 'Revise la bandeja.',
    });
    const runner = startRunner();
    await runner.idle();
    expect(work.attempted).toEqual([]);
    expect([done, failed, unknown].map((j) => table.mustGet(j.id).state)).toEqual(['done', 'failed', 'unknown']);
    expect(runner.retry(failed.id)).toMatchObject({ ok: true });
    expect(await until(failed.id, inState('done'))).toMatchObject({ attempts: 2 });
    expect(table.mustGet(unknown.id).state).toBe('unknown');
  });

  it('stop() with the device holding the job leaves it running; the next start asks and finishes it without a second send', async () => {
    const release = work.hold();
    work.script.push(async (_j, context) => {
      context.recordDeviceRef('equipo-1');
      // The device keeps the job until the app stops, as a slow printer would.
      while (!context.stopping()) await context.pause(1_000);
      return { kind: 'interrupted' };
    });
    const first = startRunner();
    const id = first.enqueue(job).id;
    const waiting = first.enqueue({ title: 'Certificado 2' }).id;
    await until(id, inState('running'));
    release();
    await until(id, (j) => j.deviceRef === 'equipo-1');
    await first.stop();
    expect(table.mustGet(id)).toMatchObject({ state: 'running', deviceRef: 'equipo-1' });
    expect(table.mustGet(waiting)).toMatchObject({ state: 'failed', lastError: messages.notSent });

    const second = startRunner();
    expect(await until(id, inState('done'))).toMatchObject({ attempts: 1 });
    await second.idle();
    expect(work.attempted).toEqual([id]);
    expect(work.resumed).toEqual([id]);
  });

  it('a job queued before start() is this run’s: sent once started, not settled as left over', async () => {
    const runner = new JobRunner({ table, work, messages, log: createRootLogger('silent'), options: fast });
    runners.push(runner);
    const early = runner.enqueue(job);
    runner.start();
    expect(await until(early.id, inState('done'))).toMatchObject({ attempts: 1, lastError: null });
  });

  it('a job queued while the runner stops is failed with a message, never sent', async () => {
    const runner = startRunner();
    await runner.stop();
    const late = runner.enqueue(job);
    expect(table.mustGet(late.id)).toMatchObject({ state: 'failed', lastError: messages.notSent });
    expect(work.attempted).toEqual([]);
  });
});
