import { Latencies } from './latency';

/**
 * Fan-out: `tokens.length` caught-up devices long-polling the feed through `url`, each a bare
 * HTTP loop (what a device's puller sends, without its store); `commit()` makes one change
 * (returns when the server answered it); each device's time from that answer to its long poll
 * returning the change is one sample. `rounds` changes, one after the other.
 */
export async function measureFanout(options: {
  readonly url: string;
  readonly tokens: readonly string[];
  readonly cursor: () => Promise<string>;
  readonly commit: (round: number) => Promise<void>;
  readonly rounds: number;
}): Promise<Latencies> {
  const latencies = new Latencies();
  for (let round = 0; round < options.rounds; round += 1) {
    const from = await options.cursor();
    let committedAt = 0;
    const waiting = options.tokens.map(async (token) => {
      for (;;) {
        const response = await fetch(`${options.url}/v1/sync/pull?cursor=${from}&limit=50&wait=25000`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const body = (await response.json()) as { ok: boolean; value?: { changes: unknown[] } };
        if (!response.ok || !body.ok) throw new Error(`pull ${response.status}`);
        if ((body.value?.changes.length ?? 0) > 0) {
          latencies.add(performance.now() - committedAt);
          return;
        }
      }
    });
    // A moment for the last long polls to reach the server (nothing says they have: a bench, not a test).
    await new Promise((resolve) => setTimeout(resolve, 500));
    // From the start of the commit's request: what a device waits after the counter pressed «Cobrar».
    committedAt = performance.now();
    await options.commit(round);
    await Promise.all(waiting);
  }
  return latencies;
}
