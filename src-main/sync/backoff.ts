/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so a fleet of
 * devices that lost the server together does not come back in lockstep.
 */
export function backoffDelay(
  failures: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(failures, 20));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** A sleep that a `wake()` cuts short (new outbox events, an on-demand sync, stop). */
export class Wakeable {
  private wakeUp: (() => void) | null = null;
  private pending = false;

  sleep(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  /** Ends the current sleep, or makes the next one return at once. */
  wake(): void {
    if (this.wakeUp === null) this.pending = true;
    else this.wakeUp();
  }
}
