import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

/** What the proxy does to the next snapshot part answers. */
export type PartFault = 'none' | 'cut' | 'corrupt' | 'hold';

/**
 * An HTTP proxy in front of a test server that records every request's path and query and can
 * damage snapshot parts (`/v1/sync/snapshot/part`) the way a network or a middlebox would:
 * `cut` sends half of the answer and drops the connection, `corrupt` changes one byte inside
 * the rows, `hold` keeps the request unanswered until the fault changes. Closed after the test.
 */
export class SnapshotProxy {
  readonly requests: URL[] = [];
  /** Applied to every part answer while set; `faultsLeft` counts down to `none`. */
  fault: PartFault = 'none';
  faultsLeft = Number.POSITIVE_INFINITY;
  /** Runs before a part request is forwarded (a change committed mid-download). */
  beforePart: ((url: URL, index: number) => Promise<void>) | null = null;
  private parts = 0;
  private readonly held: (() => void)[] = [];

  private constructor(
    private readonly server: http.Server,
    private readonly upstream: URL,
  ) {}

  static async start(upstreamUrl: string): Promise<SnapshotProxy> {
    let proxy: SnapshotProxy | null = null;
    const server = http.createServer((req, res) => void proxy?.handle(req, res));
    proxy = new SnapshotProxy(server, new URL(upstreamUrl));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => proxy.stop());
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  partRequests(): URL[] {
    return this.requests.filter((url) => url.pathname === '/v1/sync/snapshot/part');
  }

  /** Ends `hold`: held requests go on. */
  release(): void {
    this.fault = 'none';
    for (const go of this.held.splice(0)) go();
  }

  async stop(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.upstream);
    this.requests.push(url);
    const isPart = url.pathname === '/v1/sync/snapshot/part';
    const body: Buffer[] = [];
    for await (const chunk of req) body.push(chunk as Buffer);
    if (isPart) {
      await this.beforePart?.(url, this.parts);
      this.parts += 1;
      if (this.fault === 'hold') await new Promise<void>((resolve) => this.held.push(resolve));
    }
    const upstream = await fetch(url, {
      method: req.method ?? 'GET',
      headers: Object.fromEntries(
        Object.entries(req.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name)),
      ) as Record<string, string>,
      ...(body.length === 0 ? {} : { body: Buffer.concat(body) }),
    }).catch(() => null);
    if (upstream === null) {
      res.destroy();
      return;
    }
    const answer = Buffer.from(await upstream.arrayBuffer());
    const fault = isPart && upstream.ok && this.faultsLeft > 0 ? this.fault : 'none';
    if (fault !== 'none') this.faultsLeft -= 1;
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
    if (fault === 'cut') {
      res.write(answer.subarray(0, Math.floor(answer.length / 2)));
      res.destroy();
      return;
    }
    if (fault === 'corrupt') {
      const rowsAt = answer.indexOf('"rows":[[');
      // A digit or letter in the middle of the rows becomes another: same length, same JSON shape.
      for (let i = Math.max(rowsAt + 9, Math.floor((rowsAt + answer.length) / 2)); i < answer.length; i++) {
        const c = answer[i]!;
        if (c >= 0x30 && c <= 0x38) {
          answer[i] = c + 1;
          break;
        }
      }
    }
    res.end(answer);
  }
}
