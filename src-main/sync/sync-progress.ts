/** What the status strip shows while a device catches up (its first download above all). */
export interface SyncProgress {
  readonly rowsDone: number;
  readonly rowsTotal: number;
  readonly percent: number;
  /** Estimated from the rate so far; null until there is a rate. */
  readonly secondsLeft: number | null;
}

/** Tracks one catch-up: started when the server reports a backlog, ended when caught up. */
export class ProgressTracker {
  private total = 0;
  private done = 0;
  private startedAt = 0;
  private active = false;

  constructor(private readonly now: () => number = Date.now) {}

  begin(remainingAfterFirstPage: number, firstPageRows: number): void {
    this.total = remainingAfterFirstPage + firstPageRows;
    this.done = firstPageRows;
    this.startedAt = this.now();
    this.active = true;
  }

  isActive(): boolean {
    return this.active;
  }

  advance(rows: number): void {
    if (!this.active) return;
    this.done += rows;
    // Changes written while we download make the backlog grow; never show more than 100 %.
    if (this.done > this.total) this.total = this.done;
  }

  end(): void {
    this.active = false;
  }

  current(): SyncProgress | null {
    if (!this.active || this.total === 0) return null;
    const elapsedSeconds = (this.now() - this.startedAt) / 1000;
    const rate = elapsedSeconds > 0 ? this.done / elapsedSeconds : 0;
    return {
      rowsDone: this.done,
      rowsTotal: this.total,
      percent: Math.min(100, Math.floor((this.done / this.total) * 100)),
      secondsLeft: rate > 0 ? Math.ceil((this.total - this.done) / rate) : null,
    };
  }
}
