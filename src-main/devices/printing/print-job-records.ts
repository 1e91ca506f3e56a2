import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import { v7 as uuidv7 } from 'uuid';
import { printJobs } from '../../../db/local/schema';
import type { PrintJobView } from '../../../src-shared/api/ops/print';
import { printJobStates } from '../../../src-shared/api/ops/print';
import type { Store } from '../../store/open-store';

export type PrintJobRow = typeof printJobs.$inferSelect;
export type PrintJobState = PrintJobView['state'];

export interface NewPrintJob {
  readonly kind: string;
  readonly title: string;
  readonly contentType: string;
  readonly content: Uint8Array;
  readonly copyOf?: string | null;
}

/**
 * The print_jobs table, and nothing else touches it. Print jobs stay on the device (the server
 * never hears of them, so there is no outbox event to write with them, STYLE §8). Every write is
 * one autocommitted statement: whatever state a job shows after a crash is one it really had.
 */
export class PrintJobRecords {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  insert(job: NewPrintJob): PrintJobRow {
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
    return row;
  }

  get(id: string): PrintJobRow | null {
    return this.store.db.select().from(printJobs).where(eq(printJobs.id, id)).get() ?? null;
  }

  /** The job as screens see it, without reading its bytes (screens poll this while printing). */
  view(id: string): PrintJobView | null {
    const { content: _content, ...columns } = getTableColumns(printJobs);
    const row = this.store.db.select(columns).from(printJobs).where(eq(printJobs.id, id)).get();
    return row === undefined ? null : toPrintJobView(row);
  }

  /** Jobs in the given states and content types, oldest first (ids are UUIDv7). */
  inStates(states: readonly PrintJobState[], contentTypes: readonly string[]): PrintJobRow[] {
    return this.store.db
      .select()
      .from(printJobs)
      .where(and(inArray(printJobs.state, [...states]), inArray(printJobs.contentType, [...contentTypes])))
      .orderBy(printJobs.id)
      .all();
  }

  contentTypeOf(id: string): string | null {
    return this.store.db.select({ contentType: printJobs.contentType }).from(printJobs).where(eq(printJobs.id, id)).get()?.contentType ?? null;
  }

  /** A new attempt starts: the job is `printing` before anything reaches the printer. */
  startAttempt(id: string, printer: string | null): void {
    this.update(id, { state: 'printing', attempts: sql`${printJobs.attempts} + 1`, printer, systemJobId: null, lastError: null });
  }

  /** Written as soon as the print system names the job, so a restart can ask about it. */
  setSystemJobId(id: string, systemJobId: string): void {
    this.update(id, { systemJobId });
  }

  /** Back to `queued` with the reason, waiting to be sent again (a transient failure). */
  requeue(id: string, lastError: string | null): void {
    this.update(id, { state: 'queued', lastError, systemJobId: null });
  }

  finish(id: string): void {
    this.update(id, { state: 'done', lastError: null });
  }

  fail(id: string, lastError: string): void {
    this.update(id, { state: 'failed', lastError });
  }

  /** Fails a job that never left the queue; one that meanwhile moved on is left alone. */
  failUnsent(id: string, lastError: string): void {
    const updatedAt = this.now().toISOString();
    this.store.db
      .update(printJobs)
      .set({ state: 'failed', lastError, updatedAt })
      .where(and(eq(printJobs.id, id), eq(printJobs.state, 'queued')))
      .run();
  }

  private update(id: string, values: SQLiteUpdateSetSource<typeof printJobs>): void {
    const updatedAt = this.now().toISOString();
    this.store.db.update(printJobs).set({ ...values, updatedAt }).where(eq(printJobs.id, id)).run();
  }
}

/** What screens see of a job: never the bytes. */
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
  // The table's CHECK constraint allows only these four.
  if (state === undefined) throw new Error(`print_jobs.state holds an unknown value: ${value}`);
  return state;
}
