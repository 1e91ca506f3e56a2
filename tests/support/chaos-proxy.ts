import net from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of a server, that misbehaves like a bad network while
 * `chaos` is on: it resets connections after a random number of bytes (in either direction),
 * stalls them for a while, and refuses new ones. Seeded, so a failing run can be replayed.
 */
export interface ChaosOdds {
  /** Per connection: reset somewhere in the first `resetWithinBytes` bytes. */
  readonly reset: number;
  /** Per connection: stop forwarding for `stallMs`, then reset. */
  readonly stall: number;
  /** Per connection: refuse it at once. */
  readonly refuse: number;
  readonly resetWithinBytes: number;
  readonly stallMs: number;
}

export const defaultChaos: ChaosOdds = {
  reset: 0.25,
  stall: 0.1,
  refuse: 0.1,
  resetWithinBytes: 60_000,
  stallMs: 3_000,
};

export class ChaosProxy {
  chaos = true;
  /** What happened, for the test's message when it fails. */
  readonly counts = { connections: 0, resets: 0, stalls: 0, refused: 0 };
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private state: number;

  private constructor(
    private readonly upstreamPort: number,
    private readonly odds: ChaosOdds,
    seed: number,
  ) {
    this.state = seed >>> 0 || 1;
    this.server = net.createServer((client) => this.serve(client));
  }

  static async start(upstreamUrl: string, odds: ChaosOdds = defaultChaos, seed = 1): Promise<ChaosProxy> {
    const proxy = new ChaosProxy(Number(new URL(upstreamUrl).port), odds, seed);
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  /** Ends every open connection at once: with `refuse: 1` and chaos on, the server then looks down (no kept-alive socket slips through). */
  dropConnections(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private random(): number {
    // xorshift32
    this.state ^= this.state << 13;
    this.state ^= this.state >>> 17;
    this.state ^= this.state << 5;
    return (this.state >>> 0) / 0x1_0000_0000;
  }

  private serve(client: net.Socket): void {
    this.counts.connections += 1;
    this.track(client);
    const roll = this.random();
    const { reset, stall, refuse } = this.odds;
    if (this.chaos && roll < refuse) {
      this.counts.refused += 1;
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(this.upstreamPort, '127.0.0.1');
    this.track(upstream);
    const mode = !this.chaos
      ? 'pass'
      : roll < refuse + reset
        ? 'reset'
        : roll < refuse + reset + stall
          ? 'stall'
          : 'pass';
    // Under chaos no connection lives long: a kept-alive one would otherwise carry every
    // request unharmed. "reset" dies early, the others somewhat later.
    const within = this.odds.resetWithinBytes;
    let budget = !this.chaos
      ? Infinity
      : mode === 'reset'
        ? Math.floor(this.random() * within)
        : within + Math.floor(this.random() * 8 * within);
    let stalled = false;
    const forward = (from: net.Socket, to: net.Socket) => {
      from.on('data', (chunk: Buffer) => {
        if (stalled) return;
        if (chunk.length >= budget) {
          to.write(chunk.subarray(0, budget));
          this.counts.resets += 1;
          client.resetAndDestroy();
          upstream.resetAndDestroy();
          return;
        }
        budget -= chunk.length;
        to.write(chunk);
      });
    };
    forward(client, upstream);
    forward(upstream, client);
    if (mode === 'stall') {
      setTimeout(
        () => {
          stalled = true;
          this.counts.stalls += 1;
          setTimeout(() => {
            client.resetAndDestroy();
            upstream.resetAndDestroy();
          }, this.odds.stallMs).unref();
        },
        Math.floor(this.random() * 200),
      ).unref();
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }

  private track(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => this.sockets.delete(socket));
  }
}
