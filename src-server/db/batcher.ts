/**
 * Group commit for small writes: items added while `concurrency` earlier batches are still
 * being written wait, and go together in the next batch — one statement, one round trip, for
 * all of them. When nothing is being written a batch starts on the next turn of the event loop,
 * so a quiet server adds next to no delay; under load a batch holds what arrived during the
 * previous one's round trip.
 * Each item's promise settles with its own result, once its batch is written, or with the
 * batch's error.
 */
export class Batcher<I, O> {
  private readonly waiting: Array<{ item: I; resolve: (out: O) => void; reject: (error: unknown) => void }> = [];
  private running = 0;
  private scheduled = false;

  /** `write` answers one result per item, in the items' order. */
  constructor(
    private readonly write: (items: readonly I[]) => Promise<readonly O[]>,
    private readonly options: { readonly concurrency: number; readonly maxBatch: number },
  ) {}

  add(item: I): Promise<O> {
    const done = new Promise<O>((resolve, reject) => this.waiting.push({ item, resolve, reject }));
    this.schedule();
    return done;
  }

  private schedule(): void {
    if (this.scheduled || this.running >= this.options.concurrency || this.waiting.length === 0) return;
    this.scheduled = true;
    // A turn of the event loop later, so the requests already received join the batch. Without
    // it the first would always go alone, and on PGlite, whose statements hold the event loop,
    // so would nearly every one.
    setImmediate(() => {
      this.scheduled = false;
      this.start();
    });
  }

  private start(): void {
    while (this.running < this.options.concurrency && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      this.running += 1;
      this.write(batch.map((entry) => entry.item))
        .then(
          (outs) => {
            if (outs.length !== batch.length) throw new Error(`a batch of ${batch.length} answered ${outs.length}`);
            batch.forEach((entry, k) => entry.resolve(outs[k] as O));
          },
          (error: unknown) => batch.forEach((entry) => entry.reject(error)),
        )
        .catch((error: unknown) => batch.forEach((entry) => entry.reject(error)))
        .finally(() => {
          this.running -= 1;
          this.schedule();
        });
    }
  }
}
