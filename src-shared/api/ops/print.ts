import { z } from 'zod';
import { defineOperation, anyMode, openToAll } from '../operation';

/**
 * A print job's states (src-main/devices/jobs): `failed` never reached the paper and can be sent
 * again; `unknown` may have (the printer took it and its answer was lost): a person looks at the
 * tray and says whether it came out (`print.resolve`).
 */
export const printJobStates = ['queued', 'printing', 'done', 'failed', 'unknown'] as const;

export const PrintJobView = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  state: z.enum(printJobStates),
  attempts: z.number().int().nonnegative(),
  /** Spanish, for the screen: why the last attempt failed. */
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PrintJobView = z.infer<typeof PrintJobView>;

/** Persisted print jobs (docs/architecture.md): screens follow a job's progress and ask for retries. */
export const printOps = {
  'print.job': defineOperation({
    summary: 'The state of one print job, for progress while printing.',
    reach: 'local',
    modes: anyMode,
    auth: openToAll,
    input: z.object({ jobId: z.string().min(1).max(64) }).strict(),
    output: PrintJobView,
  }),
  'print.resolve': defineOperation({
    summary:
      'A person looked at the tray for a job in state unknown: it came out (done), or it did not and is printed again (again).',
    reach: 'local',
    modes: anyMode,
    auth: openToAll,
    input: z.object({ jobId: z.string().min(1).max(64), resolution: z.enum(['done', 'again']) }).strict(),
    output: PrintJobView,
  }),
  'print.retry': defineOperation({
    summary: 'Send a failed job to the printer again (never done by itself).',
    reach: 'local',
    modes: anyMode,
    auth: openToAll,
    input: z.object({ jobId: z.string().min(1).max(64) }).strict(),
    output: PrintJobView,
  }),
};

export const receiptPrintOps = {
  'print.receiptTestPage': defineOperation({
    summary:
      'Prints the receipt printer’s test page (Spanish letters, the roll’s width, a barcode, the cut), for the installer.',
    reach: 'local',
    modes: anyMode,
    auth: openToAll,
    input: z.object({}).strict(),
    output: z.object({ jobId: z.string().nullable(), printerProblem: z.string().nullable() }),
  }),
};
