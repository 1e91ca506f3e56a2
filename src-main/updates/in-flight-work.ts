import type { Dispatch } from '../api/dispatcher';

/**
 * Operations an update must not cut: they take or move money, print or dispense, or close a cash
 * session. While one of these runs, `installDecision` (update-policy.ts) waits. The persisted
 * print jobs and certificate purchases are counted from the store (busy-probe.ts); this counts
 * the calls themselves, from the moment the screen sends one until it has its answer.
 */
export const inFlightOperations: ReadonlySet<string> = new Set([
  'bills.print',
  'cashier.takePayment',
  'cashier.voidPayment',
  'cashier.reprint',
  'cashier.takeRecharge',
  'cashier.openSession',
  'cashier.closeSession',
  'certificates.purchase',
  'certificates.redispense',
  'field.collect',
  'field.voidPayment',
  'field.handOver',
  'field.handoverReprint',
  'field.reprint',
  'print.job',
  'print.retry',
  'print.receiptTestPage',
  'tickets.printNumber',
  'wallet.checkout',
  'wallet.printVolante',
]);

/** A count of operations in flight, by name (names for the log: what the install waits for). */
export class InFlightWork {
  private readonly running = new Map<string, number>();

  begin(op: string): () => void {
    this.running.set(op, (this.running.get(op) ?? 0) + 1);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      const left = (this.running.get(op) ?? 1) - 1;
      if (left <= 0) this.running.delete(op);
      else this.running.set(op, left);
    };
  }

  count(): number {
    let total = 0;
    for (const n of this.running.values()) total += n;
    return total;
  }

  names(): string[] {
    return [...this.running.keys()];
  }
}

/** The app's dispatch, counting the operations above while they run (the hosts hand this one to the screens). */
export function trackInFlight(dispatch: Dispatch, work: InFlightWork): Dispatch {
  return async (op, input) => {
    if (!inFlightOperations.has(op)) return dispatch(op, input);
    const end = work.begin(op);
    try {
      return await dispatch(op, input);
    } finally {
      end();
    }
  };
}
