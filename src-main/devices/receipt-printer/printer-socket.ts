import net from 'node:net';

/**
 * One TCP conversation with a network receipt printer (raw port 9100): write bytes, read the
 * one-byte answers of real-time status commands. Every step has a time limit; errors carry a
 * `stage` so the caller can tell "nothing was sent" from "the receipt may be half printed".
 */
export class PrinterSocketError extends Error {
  override readonly name = 'PrinterSocketError';
  constructor(
    readonly stage: 'connect' | 'status' | 'write',
    message: string,
  ) {
    super(message);
  }
}

export class PrinterSocket {
  private readonly received: number[] = [];
  private waiter: (() => void) | null = null;
  private failure: Error | null = null;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.received.push(...chunk);
      this.waiter?.();
    });
    socket.on('error', (error) => {
      this.failure = error;
      this.waiter?.();
    });
    socket.on('close', () => {
      this.failure ??= new Error('connection closed by the printer');
      this.waiter?.();
    });
  }

  static connect(host: string, port: number, timeoutMs: number): Promise<PrinterSocket> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host, port, noDelay: true });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new PrinterSocketError('connect', `no connection to ${host}:${port} within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(new PrinterSocket(socket));
      });
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(new PrinterSocketError('connect', error.message));
      });
    });
  }

  /** Sends a real-time command and waits for its one-byte answer. */
  async ask(command: Buffer, timeoutMs: number): Promise<number> {
    this.received.length = 0;
    await this.write(command, timeoutMs, 'status');
    const deadline = Date.now() + timeoutMs;
    while (this.received.length === 0) {
      if (this.failure !== null) throw new PrinterSocketError('status', this.failure.message);
      const left = deadline - Date.now();
      if (left <= 0) throw new PrinterSocketError('status', `no status answer within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiter = null;
    }
    return this.received[0] ?? 0;
  }

  /** Resolves once the bytes are handed to the kernel (the printer's buffer may still be printing). */
  write(bytes: Buffer, timeoutMs: number, stage: 'status' | 'write' = 'write'): Promise<void> {
    if (this.failure !== null) return Promise.reject(new PrinterSocketError(stage, this.failure.message));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new PrinterSocketError(stage, `write not finished within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.socket.write(bytes, (error) => {
        clearTimeout(timer);
        if (error) reject(new PrinterSocketError(stage, error.message));
        else resolve();
      });
    });
  }

  close(): void {
    this.socket.end();
    this.socket.destroySoon();
  }
}
