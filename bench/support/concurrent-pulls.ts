import { spawn } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { Latencies } from './latency';

/** What concurrentPulls asks: the devices' tokens, the feed's newest `seq`, the page size and rounds. */
export interface ConcurrentPullsOptions {
  readonly url: string;
  readonly tokens: readonly string[];
  readonly top: number;
  readonly limit: number;
  readonly rounds: number;
  /**
   * Rounds asked first and not counted, from other cursors than the counted ones: the balancer's
   * and the instances' connections open, their database pools fill, the code paths compile —
   * what a server that has been serving devices for a while has long done.
   */
  readonly warmupRounds?: number;
}

/**
 * Many devices asking the server for a page of the feed at the same moment, `rounds` times:
 * device `i` asks from a cursor spread over the feed (`top` is its newest `seq`), so the pages
 * differ and no cache answers them. The time of each is from the request to the last byte of
 * its body.
 *
 * The simulated devices share the machine's cores with the server they measure (real devices
 * are machines of their own), so they are as light as a client can be: node:http on a kept-alive
 * agent, the body counted and dropped, never parsed. `fetch` (undici, WHATWG streams) spent
 * about as much CPU per 350 KB page as the server instance answering it.
 */
export async function concurrentPulls(opts: ConcurrentPullsOptions): Promise<PullLatencies> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.tokens.length });
  const latencies = new Latencies();
  const warmupLatencies = new Latencies();
  const warmup = opts.warmupRounds ?? 0;
  try {
    for (let round = 0; round < warmup + opts.rounds; round += 1) {
      const counted = round >= warmup;
      await Promise.all(
        opts.tokens.map(async (token, i) => {
          // Counted rounds 0, 1, 2… ; warm-up rounds after them, so no counted page was asked before.
          const spread = counted ? round - warmup : opts.rounds + round;
          const from = Math.floor((((i * 7919 + spread * 104_729) % 1000) / 1000) * opts.top);
          const started = performance.now();
          const status = await get(`${opts.url}/v1/sync/pull?cursor=${from}&limit=${opts.limit}`, token, agent);
          if (status !== 200) throw new Error(`pull ${status}`);
          (counted ? latencies : warmupLatencies).add(performance.now() - started);
        }),
      );
    }
  } finally {
    agent.destroy();
  }
  return { counted: latencies, warmup: warmup > 0 ? warmupLatencies : null };
}

export interface PullLatencies {
  readonly counted: Latencies;
  readonly warmup: Latencies | null;
}

/**
 * `concurrentPulls` from a process of its own (pull-devices-child.ts), as devices are machines of
 * their own. A process that has done other work keeps a large heap for a while (a suite that
 * has just run a first download of two million rows holds about 1.7 GB, nearly all garbage not
 * yet collected): its collector's pauses, up to 400 ms while the pulls ran, were counted as the
 * server's latency. The devices' process holds nothing but them.
 */
export async function concurrentPullsApart(opts: ConcurrentPullsOptions): Promise<PullLatencies> {
  const script = fileURLToPath(new URL('./pull-devices-child.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const output: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
  child.stdin.end(JSON.stringify(opts));
  const code = await exited;
  if (code !== 0) throw new Error(`los dispositivos simulados terminaron con el código ${String(code)}`);
  const answer = JSON.parse(Buffer.concat(output).toString('utf8')) as { counted: number[]; warmup: number[] | null };
  return {
    counted: Latencies.from(answer.counted),
    warmup: answer.warmup === null ? null : Latencies.from(answer.warmup),
  };
}

/** GET with the device's token; resolves with the status once the whole body has arrived. */
function get(url: string, token: string, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { authorization: `Bearer ${token}` } }, (response) => {
      response.on('data', () => undefined);
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}
