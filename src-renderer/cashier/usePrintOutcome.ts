import { useEffect, useState } from 'react';
import { useApiClient } from '../api/useApiClient';

export type PrintOutcome =
  { readonly state: 'none' | 'printing' | 'done' } | { readonly state: 'failed'; readonly message: string };

/** Follows a receipt's print job until it is printed or failed (the job itself is persisted). */
export function usePrintOutcome(
  jobId: string | null,
  problem: string | null,
): [PrintOutcome, (jobId: string | null) => void] {
  const client = useApiClient();
  const [job, setJob] = useState<string | null>(jobId);
  const [outcome, setOutcome] = useState<PrintOutcome>(
    problem !== null ? { state: 'failed', message: problem } : { state: jobId === null ? 'none' : 'printing' },
  );
  useEffect(() => {
    if (job === null) return undefined;
    let live = true;
    let timer: number | undefined;
    const poll = async () => {
      const answer = await client.call('print.job', { jobId: job });
      if (!live) return;
      if (answer.ok && answer.value.state === 'done') return setOutcome({ state: 'done' });
      // Unknown (the printer's answer was lost) reads like a failure here: its message says to look
      // at the tray before reprinting, and a reprint from «Pagos de la caja» is marked COPIA.
      if (answer.ok && (answer.value.state === 'failed' || answer.value.state === 'unknown'))
        return setOutcome({
          state: 'failed',
          message: answer.value.lastError ?? 'La impresora no imprimió el recibo.',
        });
      setOutcome({ state: 'printing' });
      timer = window.setTimeout(() => void poll(), 300);
    };
    void poll();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [client, job]);
  return [outcome, setJob];
}
