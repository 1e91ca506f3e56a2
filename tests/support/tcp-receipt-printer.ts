import net from 'node:net';

/** How the fake answers DLE EOT: the three status bytes of a real EPSON printer. */
export const printerStates = {
  ready: { printer: 0x12, offlineCause: 0x12, paperSensor: 0x12 },
  paperEnd: { printer: 0x1a, offlineCause: 0x32, paperSensor: 0x72 },
  coverOpen: { printer: 0x1a, offlineCause: 0x16, paperSensor: 0x12 },
  offline: { printer: 0x1a, offlineCause: 0x52, paperSensor: 0x12 },
} as const;
export type FakePrinterState = (typeof printerStates)[keyof typeof printerStates];

/**
 * A network receipt printer on 127.0.0.1 that speaks the real protocol: it records every byte
 * that is not a real-time status request, and answers DLE EOT 1, 2 and 4 from its current
 * state. It can run out of paper, or drop the connection, after a given number of bytes of a
 * receipt, like a printer unplugged mid-receipt.
 */
export class TcpReceiptPrinter {
  /** Everything printed, across connections, in order. */
  received = Buffer.alloc(0);
  state: FakePrinterState = printerStates.ready;
  connections = 0;
  /** Drop the connection once this many receipt bytes arrived (then forget it). */
  resetAfterBytes: number | null = null;
  /** Switch to paper end once this many receipt bytes arrived (then forget it). */
  paperEndAfterBytes: number | null = null;
  /** When set, status requests get no answer (a printer that is not ESC/POS, or hung). */
  silent = false;
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private readonly arrivals: (() => void)[] = [];

  private constructor() {
    this.server = net.createServer((socket) => this.serve(socket));
  }

  static async start(): Promise<TcpReceiptPrinter> {
    const printer = new TcpReceiptPrinter();
    await new Promise<void>((resolve) => printer.server.listen(0, '127.0.0.1', resolve));
    return printer;
  }

  get address(): string {
    const a = this.server.address();
    if (a === null || typeof a === 'string') throw new Error('not listening');
    return `tcp://127.0.0.1:${a.port}`;
  }

  /** Resolves once at least `bytes` receipt bytes have arrived in total. */
  async waitFor(bytes: number, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < bytes) {
      if (Date.now() > deadline) throw new Error(`printer got ${this.received.length} of ${bytes} bytes`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 20);
        this.arrivals.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  clear(): void {
    this.received = Buffer.alloc(0);
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private serve(socket: net.Socket): void {
    this.connections += 1;
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      let start = 0;
      for (let i = 0; i + 2 < pending.length; i += 1) {
        if (pending[i] !== 0x10 || pending[i + 1] !== 0x04) continue;
        const n = pending[i + 2];
        if (n !== 1 && n !== 2 && n !== 4) continue;
        this.record(pending.subarray(start, i), socket);
        if (socket.destroyed) return;
        if (!this.silent)
          socket.write(
            Buffer.from([n === 1 ? this.state.printer : n === 2 ? this.state.offlineCause : this.state.paperSensor]),
          );
        start = i + 3;
        i += 2;
      }
      // Keep a possible partial DLE EOT for the next chunk.
      const keep = Math.max(start, pending.length - 2);
      this.record(pending.subarray(start, keep), socket);
      pending = pending.subarray(keep);
    });
    socket.on('end', () => {
      this.record(pending, socket);
      pending = Buffer.alloc(0);
    });
  }

  private record(bytes: Buffer, socket: net.Socket): void {
    if (bytes.length === 0) return;
    let take = bytes;
    if (this.resetAfterBytes !== null && this.received.length + bytes.length >= this.resetAfterBytes) {
      take = bytes.subarray(0, Math.max(0, this.resetAfterBytes - this.received.length));
      this.resetAfterBytes = null;
      this.received = Buffer.concat([this.received, take]);
      socket.resetAndDestroy();
      this.notify();
      return;
    }
    if (this.paperEndAfterBytes !== null && this.received.length + bytes.length >= this.paperEndAfterBytes) {
      this.paperEndAfterBytes = null;
      this.state = printerStates.paperEnd;
    }
    this.received = Buffer.concat([this.received, take]);
    this.notify();
  }

  private notify(): void {
    for (const wake of this.arrivals.splice(0)) wake();
  }
}
