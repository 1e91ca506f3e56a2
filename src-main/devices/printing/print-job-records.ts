import { and, eq, getTableColumns, inArray, ne, sql } from 'drizzle-orm';
import type { SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import { v7 as uuidv7 } from 'uuid';
import { printJobs } from '../../../db/local/schema';
import type { PrintJobView } from '../../../src-shared/api/ops/print';
import { printJobStates } from '../../../src-shared/api/ops/print';
import type { Store } from '../../store/open-store';
import { canMove, type JobState } from '../jobs/job-state';
import type { JobChange, JobTable, StoredJob } from '../jobs/job-table';

type PrintJobRow = typeof printJobs.$inferSelect;
type PrintJobState = PrintJobView['state'];

/** A print job as the runner and the printer see it: the runner's state, with the bytes. */
export interface PrintJob extends StoredJob {
  readonly kind: string;
  /** Shown in the OS queue. May hold a código interno: never log it. */
  readonly title: string;
  readonly contentType: string;
  readonly content: Buffer;
  readonly copyOf: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface NewPrintJob {
  readonly kind: string;
  readonly title: string;
  readonly contentType: string;
  readonly content: Uint8Array;
  readonly copyOf?: string | null;
}

/** How print_jobs spells the runner's states: `running` is `printing` (the word screens and the contract use). */
const stored: Readonly<Record<JobState, PrintJobState>> = {
  queued: 'queued',
  running: 'printing',
  done: 'done',
  failed: 'failed',
  unknown: 'unknown',
};

const storedState = (state: JobState): PrintJobState => stored[state];

/**
 * The kind of the certificate dispenser's jobs (src-main/certificates/): they share print_jobs
 * with the printers (the PDF is kept with the job the same way) but belong to the dispenser's
 * runner alone, so no printer's queue ever sends, retries or settles one.
 */
export const dispenserJobKind = 'certificate-copy';

/**
 * The print_jobs table, and nothing else touches it: the job runner's table (jobs/job-table.ts)
 * for one printer, whose jobs are those of its content types. Print jobs stay on the device
 * (the server never hears of them, so there is no outbox event to write with them, STYLE §8).
 * Every write is one autocommitted statement: whatever state a job shows after a crash is one
 * it really had.
 */
export class PrintJobRecords implements JobTable<PrintJob, NewPrintJob> {
  readonly holdsUnknown = true;

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
    /** This printer's jobs: `application/pdf` for the document printer, ESC/POS for receipts. */
    private readonly contentTypes: readonly string[],
    /** Written on each attempt, for staff reading the table. */
    private readonly printerName: string | null,
    /** Whose jobs: a printer's (every kind but the dispenser's) or the dispenser's. */
    private readonly device: 'printer' | 'dispenser' = 'printer',
  ) {}

  private ofDevice() {
    return this.device === 'dispenser' ? eq(printJobs.kind, dispenserJobKind) : ne(printJobs.kind, dispenserJobKind);
  }

  insert(job: NewPrintJob): PrintJob {
    const at = this.now().toISOString();
    const row: PrintJobRow = {
      id: uuidv7(),
      kind: job.kind,
      title: job.title,
      contentType: job.contentType,
      content: Buffer.from(job.content),
      printer: null,
      state: 'queued',
      attempts: 0,
      lastError: null,
      systemJobId: null,
      copyOf: job.copyOf ?? null,
      createdAt: at,
      updatedAt: at,
    };
    this.store.db.insert(printJobs).values(row).run();
    return toPrintJob(row);
  }

  get(id: string): PrintJob | null {
    const row = this.store.db.select().from(printJobs).where(eq(printJobs.id, id)).get();
    return row === undefined ? null : toPrintJob(row);
  }

  /** The job as screens see it, without reading its bytes (screens poll this while printing). */
  view(id: string): PrintJobView | null {
    const { content: _content, ...columns } = getTableColumns(printJobs);
    const row = this.store.db.select(columns).from(printJobs).where(eq(printJobs.id, id)).get();
    return row === undefined ? null : toPrintJobView(row);
  }

  /** This printer's jobs in the given states, oldest first (ids are UUIDv7). */
  inStates(states: readonly JobState[]): PrintJob[] {
    const spelled = states.map(storedState);
    return this.store.db
      .select()
      .from(printJobs)
      .where(
        and(inArray(printJobs.state, spelled), inArray(printJobs.contentType, [...this.contentTypes]), this.ofDevice()),
      )
      .orderBy(printJobs.id)
      .all()
      .map(toPrintJob);
  }

  /** Whether `id` is one of this printer's jobs. */
  owns(id: string): boolean {
    const type = this.store.db
      .select({ contentType: printJobs.contentType })
      .from(printJobs)
      .where(and(eq(printJobs.id, id), this.ofDevice()))
      .get()?.contentType;
    return type !== undefined && this.contentTypes.includes(type);
  }

  move(id: string, from: JobState, change: JobChange): boolean {
    if (!canMove(from, change.to)) throw new Error(`a print job cannot move from ${from} to ${change.to}`);
    const values: SQLiteUpdateSetSource<typeof printJobs> = {
      state: storedState(change.to),
      updatedAt: this.now().toISOString(),
    };
    if (change.lastError !== undefined) values.lastError = change.lastError;
    if (change.deviceRef !== undefined) values.systemJobId = change.deviceRef;
    if (change.countAttempt === true) {
      values.attempts = sql`${printJobs.attempts} + 1`;
      values.printer = this.printerName;
    }
    const result = this.store.db
      .update(printJobs)
      .set(values)
      .where(and(eq(printJobs.id, id), eq(printJobs.state, storedState(from))))
      .run();
    return result.changes === 1;
  }

  /** Written as soon as the print system names the job, so a restart can ask about it. */
  setDeviceRef(id: string, deviceRef: string): void {
    this.store.db
      .update(printJobs)
      .set({ systemJobId: deviceRef, updatedAt: this.now().toISOString() })
      .where(and(eq(printJobs.id, id), eq(printJobs.state, stored.running)))
      .run();
  }
}

function toPrintJob(row: PrintJobRow): PrintJob {
  const state = asState(row.state);
  return {
    id: row.id,
    state: state === 'printing' ? 'running' : state,
    attempts: row.attempts,
    lastError: row.lastError,
    deviceRef: row.systemJobId,
    kind: row.kind,
    title: row.title,
    contentType: row.contentType,
    content: row.content,
    copyOf: row.copyOf,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** What screens see of a job the runner returned: never the bytes, and its state as print_jobs spells it. */
export function printJobView(job: PrintJob): PrintJobView {
  const { id, kind, title, attempts, lastError, createdAt, updatedAt } = job;
  return { id, kind, title, state: storedState(job.state), attempts, lastError, createdAt, updatedAt };
}

/** What screens see of a row: never the bytes. */
export function toPrintJobView(row: Omit<PrintJobRow, 'content'>): PrintJobView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    state: asState(row.state),
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function asState(value: string): PrintJobState {
  const state = printJobStates.find((s) => s === value);
  // The table's CHECK constraint allows only these.
  if (state === undefined) throw new Error(`print_jobs.state holds an unknown value: ${value}`);
  return state;
}
