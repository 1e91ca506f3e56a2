import type { Store } from '../store/open-store';
import type { InFlightWork } from './in-flight-work';
import type { BusyState } from './update-policy';

/**
 * What is in flight now, for `installDecision`: print and dispense jobs the job runner has not
 * settled (print_jobs queued or printing), certificate purchases still asking the server, and the
 * operations the in-flight counter sees. Two indexed counts on the local store.
 */
export function busyProbe(store: Store, work: InFlightWork): () => BusyState {
  const printJobs = store.sqlite.prepare(`SELECT count(*) AS n FROM print_jobs WHERE state IN ('queued', 'printing')`);
  const purchases = store.sqlite.prepare(`SELECT count(*) AS n FROM certificate_purchases WHERE state = 'asking'`);
  return () => ({
    printJobs: (printJobs.get() as { n: number }).n,
    purchases: (purchases.get() as { n: number }).n,
    operations: work.count(),
  });
}
