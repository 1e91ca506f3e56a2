import { useCallback, useEffect, useState } from 'react';
import type { PrintJobView } from '../../src-shared/api/ops/print';
import type { ApiError, Result } from '../../src-shared/api/result';
import { useApiClient } from '../api/useApiClient';
import { usePauseIdle } from '../session/usePauseIdle';

/**
 * One print of one document (a bill, a volante), as the citizen follows it: sent → waiting for
 * the printer → printed, or a plain reason and "Reintentar". The job itself is persisted by the
 * service (docs/architecture.md); this only watches it with `print.job`.
 */
export type PrintProgress =
  | { readonly phase: 'idle' }
  | { readonly phase: 'sending' }
  | { readonly phase: 'waiting'; readonly jobId: string; readonly job: PrintJobView | null }
  | { readonly phase: 'done'; readonly job: PrintJobView }
  /** The printer took the job and failed it: it can be sent again with `print.retry`. */
  | { readonly phase: 'failed'; readonly jobId: string; readonly message: string }
  /**
   * The printer took the job and its answer was lost: it may have printed. The citizen looks at
   * the tray and says so (`print.resolve`); nothing prints again by itself.
   */
  | { readonly phase: 'unknown'; readonly jobId: string }
  /** The job was never queued (no printer, bill not available…): "Reintentar" asks again. */
  | { readonly phase: 'refused'; readonly error: ApiError }
  /** The printer has not answered for too long; the job stays queued in the service. */
  | { readonly phase: 'stalled'; readonly jobId: string };

const pollMs = 700;
/** After this long without a final state the kiosk stops holding the idle timer for the print. */
const giveUpMs = 120_000;

const failedMessage = (job: PrintJobView): string => job.lastError ?? 'La impresora no pudo imprimir el documento.';

/** Asks the service to queue the document: the operation that prints it (`bills.print`, `wallet.printVolante`). */
export type QueuePrint = () => Promise<Result<{ readonly jobId: string }>>;

export function usePrintJob(queue: QueuePrint): {
  progress: PrintProgress;
  print: () => void;
  retry: () => void;
  resolve: (resolution: 'done' | 'again') => void;
} {
  const client = useApiClient();
  const [progress, setProgress] = useState<PrintProgress>({ phase: 'idle' });
  const inFlight = progress.phase === 'sending' || progress.phase === 'waiting';
  // A citizen waiting for paper is not idle; everywhere else the timeout holds.
  usePauseIdle(inFlight);

  const waitingJobId = progress.phase === 'waiting' ? progress.jobId : null;
  useEffect(() => {
    if (waitingJobId === null) return undefined;
    let current = true;
    let timer: number | undefined;
    const startedAt = Date.now();
    const poll = async (): Promise<void> => {
      const result = await client.call('print.job', { jobId: waitingJobId });
      if (!current) return;
      if (result.ok && result.value.state === 'done') return setProgress({ phase: 'done', job: result.value });
      if (result.ok && result.value.state === 'failed') {
        return setProgress({ phase: 'failed', jobId: waitingJobId, message: failedMessage(result.value) });
      }
      if (result.ok && result.value.state === 'unknown') return setProgress({ phase: 'unknown', jobId: waitingJobId });
      if (Date.now() - startedAt > giveUpMs) return setProgress({ phase: 'stalled', jobId: waitingJobId });
      if (result.ok) setProgress({ phase: 'waiting', jobId: waitingJobId, job: result.value });
      timer = window.setTimeout(() => void poll(), pollMs);
    };
    timer = window.setTimeout(() => void poll(), pollMs);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [client, waitingJobId]);

  const print = useCallback(() => {
    setProgress({ phase: 'sending' });
    void queue().then((result) => {
      setProgress(
        result.ok
          ? { phase: 'waiting', jobId: result.value.jobId, job: null }
          : { phase: 'refused', error: result.error },
      );
    });
  }, [queue]);

  const retry = useCallback(() => {
    if (progress.phase === 'stalled') {
      // Still queued in the service: keep following it rather than queueing a second copy.
      setProgress({ phase: 'waiting', jobId: progress.jobId, job: null });
      return;
    }
    if (progress.phase !== 'failed') {
      print();
      return;
    }
    const jobId = progress.jobId;
    setProgress({ phase: 'sending' });
    void client.call('print.retry', { jobId }).then((result) => {
      setProgress(
        result.ok ? { phase: 'waiting', jobId, job: result.value } : { phase: 'refused', error: result.error },
      );
    });
  }, [client, print, progress]);

  const resolve = useCallback(
    (resolution: 'done' | 'again') => {
      if (progress.phase !== 'unknown') return;
      const jobId = progress.jobId;
      setProgress({ phase: 'sending' });
      void client.call('print.resolve', { jobId, resolution }).then((result) => {
        if (!result.ok) return setProgress({ phase: 'refused', error: result.error });
        setProgress(
          result.value.state === 'done'
            ? { phase: 'done', job: result.value }
            : { phase: 'waiting', jobId, job: result.value },
        );
      });
    },
    [client, progress],
  );

  return { progress, print, retry, resolve };
}
