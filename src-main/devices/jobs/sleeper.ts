/** Pauses that a stopping service can cut short, so `stop()` never waits out a poll interval. */
export class Sleeper {
  private readonly waking = new Set<() => void>();

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waking.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waking.add(done);
    });
  }

  wakeAll(): void {
    for (const wake of [...this.waking]) wake();
  }
}
