import { v7 as uuidv7 } from 'uuid';
import { canMove, jobStates, type JobState } from '../../src-main/devices/jobs/job-state';
import type { JobChange, JobTable, StoredJob } from '../../src-main/devices/jobs/job-table';
import type { Store } from '../../src-main/store/open-store';

/** A job of the test table: what a dispense job carries (a document), so the dispenser's work runs on it as it is. */
export interface TestJob extends StoredJob {
  readonly title: string;
  readonly contentType: string;
  readonly content: Buffer;
}

export interface NewTestJob {
  readonly title: string;
  readonly contentType?: string;
  readonly content?: Uint8Array;
}

interface Row {
  id: string;
  state: JobState;
  attempts: number;
  last_error: string | null;
  device_ref: string | null;
  title: string;
  content_type: string;
  content: Buffer;
}

/**
 * A job runner's table in a real SQLite file, written in the test: the device store has no
 * table for a kind of job that holds all five states yet (print_jobs cannot hold `unknown`; the
 * dispenser's table comes with the certificates feature). Each write is one statement, a
 * compare-and-set on the state, as the runner's contract asks (jobs/job-table.ts).
 */
export class SqliteJobTable implements JobTable<TestJob, NewTestJob> {
  constructor(
    private readonly store: Store,
    /** False: the table behaves like print_jobs today, which has no `unknown`. */
    readonly holdsUnknown = true,
  ) {
    const states = jobStates.filter((s) => holdsUnknown || s !== 'unknown').map((s) => `'${s}'`);
    store.sqlite.exec(`
      CREATE TABLE IF NOT EXISTS test_jobs (
        id text PRIMARY KEY,
        state text NOT NULL CHECK (state IN (${states.join(', ')})),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        device_ref text,
        title text NOT NULL,
        content_type text NOT NULL,
        content blob NOT NULL
      )`);
  }

  insert(job: NewTestJob): TestJob {
    const row: Row = {
      id: uuidv7(),
      state: 'queued',
      attempts: 0,
      last_error: null,
      device_ref: null,
      title: job.title,
      content_type: job.contentType ?? 'application/pdf',
      content: Buffer.from(job.content ?? Buffer.from('%PDF-1.4\n% certificado\n')),
    };
    this.store.sqlite
      .prepare(
        'INSERT INTO test_jobs (id, state, attempts, last_error, device_ref, title, content_type, content) VALUES (@id, @state, @attempts, @last_error, @device_ref, @title, @content_type, @content)',
      )
      .run(row);
    return toJob(row);
  }

  /** Writes a job as a previous run would have left it. */
  leave(
    job: NewTestJob & {
      readonly state: JobState;
      readonly attempts: number;
      readonly deviceRef?: string | null;
      readonly lastError?: string | null;
    },
  ): TestJob {
    const inserted = this.insert(job);
    this.store.sqlite
      .prepare('UPDATE test_jobs SET state = ?, attempts = ?, device_ref = ?, last_error = ? WHERE id = ?')
      .run(job.state, job.attempts, job.deviceRef ?? null, job.lastError ?? null, inserted.id);
    return this.mustGet(inserted.id);
  }

  get(id: string): TestJob | null {
    const row = this.store.sqlite.prepare('SELECT * FROM test_jobs WHERE id = ?').get(id) as Row | undefined;
    return row === undefined ? null : toJob(row);
  }

  mustGet(id: string): TestJob {
    const job = this.get(id);
    if (job === null) throw new Error(`no job ${id}`);
    return job;
  }

  inStates(states: readonly JobState[]): TestJob[] {
    const rows = this.store.sqlite
      .prepare(`SELECT * FROM test_jobs WHERE state IN (${states.map(() => '?').join(', ')}) ORDER BY id`)
      .all(...states) as Row[];
    return rows.map(toJob);
  }

  move(id: string, from: JobState, change: JobChange): boolean {
    if (!canMove(from, change.to)) throw new Error(`a job cannot move from ${from} to ${change.to}`);
    const sets = ['state = @to'];
    if (change.lastError !== undefined) sets.push('last_error = @lastError');
    if (change.deviceRef !== undefined) sets.push('device_ref = @deviceRef');
    if (change.countAttempt === true) sets.push('attempts = attempts + 1');
    const result = this.store.sqlite
      .prepare(`UPDATE test_jobs SET ${sets.join(', ')} WHERE id = @id AND state = @from`)
      .run({ id, from, to: change.to, lastError: change.lastError ?? null, deviceRef: change.deviceRef ?? null });
    return result.changes === 1;
  }

  setDeviceRef(id: string, deviceRef: string): void {
    this.store.sqlite
      .prepare("UPDATE test_jobs SET device_ref = ? WHERE id = ? AND state = 'running'")
      .run(deviceRef, id);
  }
}

function toJob(row: Row): TestJob {
  return {
    id: row.id,
    state: row.state,
    attempts: row.attempts,
    lastError: row.last_error,
    deviceRef: row.device_ref,
    title: row.title,
    contentType: row.content_type,
    content: row.content,
  };
}
