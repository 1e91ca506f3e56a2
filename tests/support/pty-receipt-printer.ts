import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { printerStates, type FakePrinterState } from './tcp-receipt-printer';

/**
 * The other end of a pseudo-terminal, as a Bluetooth SPP printer is the other end of
 * /dev/rfcomm0: python3's `pty` opens the pair and relays the master's bytes to this process.
 * The pair is left in the terminal's default (cooked) mode, as /dev/rfcomm0 is: the app must
 * put it in raw mode itself, or every 0x0A it sends would arrive as CR LF and the printer's
 * answers would be echoed back into the receipt; the app under test opens the slave path (`/dev/pts/N`) like any serial port.
 * Every byte that is not a DLE EOT request is recorded; requests are answered from `state`
 * unless `silent` (a write-only printer). `stall()` stops reading the master altogether: the
 * kernel's buffers fill and the app's writes stop being taken, like a printer out of range.
 */
const relay = String.raw`
import os, pty, select, signal, sys
master, slave = pty.openpty()
reading = sys.argv[1] == 'read'
def stall(_signum, _frame):
    global reading
    reading = False
signal.signal(signal.SIGUSR1, stall)
sys.stderr.write(os.ttyname(slave) + '\n')
sys.stderr.flush()
while True:
    fds = [0, master] if reading else [0]
    ready, _, _ = select.select(fds, [], [], 0.05)
    if 0 in ready:
        data = os.read(0, 4096)
        if not data:
            break
        os.write(master, data)
    if reading and master in ready:
        try:
            data = os.read(master, 65536)
        except OSError:
            continue
        os.write(1, data)
`;

export class PtyReceiptPrinter {
  /** Everything printed, in order, across the app's openings of the device. */
  received = Buffer.alloc(0);
  state: FakePrinterState = printerStates.ready;
  silent = false;
  statusRequests = 0;
  private pending = Buffer.alloc(0);
  private readonly arrivals: (() => void)[] = [];

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    /** The slave side: what `printers.receipt` names. */
    readonly path: string,
  ) {
    child.stdout.on('data', (chunk: Buffer) => this.take(chunk));
  }

  /** `stalled`: never reads what the app writes, from the start. */
  static async start(mode: 'read' | 'stalled' = 'read'): Promise<PtyReceiptPrinter> {
    const child = spawn('python3', ['-c', relay, mode === 'read' ? 'read' : 'stall'], { stdio: 'pipe' });
    const path = await new Promise<string>((resolve, reject) => {
      let text = '';
      const onData = (chunk: Buffer) => {
        text += chunk.toString('utf8');
        const line = /^(\/dev\/\S+)\n/.exec(text);
        if (line === null) return;
        child.stderr.off('data', onData);
        resolve(line[1] ?? '');
      };
      child.stderr.on('data', onData);
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`pty relay exited (${code ?? 'signal'}): ${text}`)));
    });
    return new PtyReceiptPrinter(child, path);
  }

  /** From now on nothing the app writes is read (a printer gone out of range mid-shift). */
  stall(): void {
    this.child.kill('SIGUSR1');
  }

  clear(): void {
    this.received = Buffer.alloc(0);
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

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGKILL');
    await exited;
  }

  private take(chunk: Buffer): void {
    const bytes = Buffer.concat([this.pending, chunk]);
    let start = 0;
    for (let i = 0; i + 2 < bytes.length; i += 1) {
      if (bytes[i] !== 0x10 || bytes[i + 1] !== 0x04) continue;
      const n = bytes[i + 2];
      if (n !== 1 && n !== 2 && n !== 4) continue;
      this.record(bytes.subarray(start, i));
      this.statusRequests += 1;
      if (!this.silent)
        this.child.stdin.write(
          Buffer.from([n === 1 ? this.state.printer : n === 2 ? this.state.offlineCause : this.state.paperSensor]),
        );
      start = i + 3;
      i += 2;
    }
    // Keep a possible partial DLE EOT for the next chunk.
    const keep = Math.max(start, bytes.length - 2);
    this.record(bytes.subarray(start, keep));
    this.pending = Buffer.from(bytes.subarray(keep));
  }

  private record(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.received = Buffer.concat([this.received, bytes]);
    for (const wake of this.arrivals.splice(0)) wake();
  }
}
