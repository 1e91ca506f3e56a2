import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { constants, openSync, rmSync } from 'node:fs';
import net from 'node:net';

/**
 * A write-only receipt printer: a named pipe under /dev/shm (the app takes device paths under
 * /dev only), read here. Nothing can answer DLE EOT on it, like a Bluetooth printer that never
 * talks back. `listen()` opens the reading end; before that the pipe has no reader, as a
 * printer that is switched off.
 */
export class FifoReceiptPrinter {
  received = Buffer.alloc(0);
  readonly path = `/dev/shm/ventanilla-test-printer-${randomUUID()}`;
  private socket: net.Socket | null = null;

  constructor() {
    execFileSync('mkfifo', ['-m', '600', this.path]);
  }

  /**
   * Opens the reading end (read-write, so the open never waits for a writer and the pipe never
   * reports an end between two receipts) and records what arrives.
   */
  listen(): void {
    const fd = openSync(this.path, constants.O_RDWR | constants.O_NONBLOCK);
    const socket = new net.Socket({ fd, readable: true, writable: false });
    socket.on('data', (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
    });
    // The socket owns the descriptor from here: destroying it closes it.
    socket.on('error', () => undefined);
    this.socket = socket;
  }

  stop(): void {
    this.socket?.destroy();
    rmSync(this.path, { force: true });
  }
}
