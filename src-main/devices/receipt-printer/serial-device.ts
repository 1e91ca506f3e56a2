import { execFile } from 'node:child_process';
import { constants, promises as fs, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { setTimeout as pause } from 'node:timers/promises';

/**
 * One conversation with a serial-like receipt printer (docs/portable-printers.md): a Bluetooth
 * SPP printer bound as /dev/rfcomm0, a tty, a pty, or a Windows COM port. Node has no termios
 * and no tcdrain, so the device is opened non-blocking and every step polls with a time limit:
 * a printer that stopped taking bytes (out of range, battery dead) can never hold a thread or
 * the app. Errors carry a `stage` and the system's `code` so the caller can tell "nothing was
 * sent" from "the receipt may be half printed" from "this user may not open the device".
 */
export class SerialDeviceError extends Error {
  override readonly name = 'SerialDeviceError';
  constructor(
    readonly stage: 'open' | 'status' | 'write',
    message: string,
    /** ENOENT, EACCES, EHOSTDOWN…, or null for our own time limits. */
    readonly code: string | null,
    /** Bytes of the write the device had taken when it failed. */
    readonly written = 0,
    /** A write was still in the system's hands when we gave up: some of it may have gone out. */
    readonly pending = false,
  ) {
    super(message);
  }
}

/** How often a full or silent device is asked again: short next to a person waiting, long next to a syscall. */
const pollMs = 10;

// POSIX-only flags are undefined on Windows, where a COM port has no line discipline to escape.
const nonBlock = constants.O_NONBLOCK ?? 0;
const noCtty = constants.O_NOCTTY ?? 0;

export class SerialDevice {
  private readonly answers: number[] = [];

  private constructor(
    private readonly handle: FileHandle,
    /** False for a FIFO or a Windows COM port: nothing can be read back, so no status. */
    readonly canAnswer: boolean,
  ) {}

  /**
   * Opens the device for writing, and for reading where the printer could answer over the same
   * line (a tty). A tty is first put in raw mode with `stty`, else its default ONLCR would put a
   * CR before every 0x0A byte, which a raster image or a barcode is full of.
   */
  static async open(path: string, timeoutMs: number): Promise<SerialDevice> {
    const deadline = Date.now() + timeoutMs;
    const stats = await withDeadline(stat(path), deadline, 'open');
    const tty = process.platform !== 'win32' && stats?.isCharacterDevice() === true && (await makeRaw(path, deadline));
    const open = async (flags: number) => {
      const opening = fs.open(path, flags | nonBlock | noCtty);
      try {
        return await withDeadline(opening, deadline, 'open');
      } catch (error) {
        // An open that ends after we gave up must not leave the device held.
        void opening.then((late) => late.close()).catch(() => undefined);
        throw asDeviceError(error, 'open');
      }
    };
    if (tty) {
      try {
        return new SerialDevice(await open(constants.O_RDWR), true);
      } catch (error) {
        if (!(error instanceof SerialDeviceError) || error.code !== 'EACCES') throw error;
        // Allowed to write but not to read: print without status.
      }
    }
    return new SerialDevice(await open(constants.O_WRONLY), false);
  }

  /**
   * Resolves once every byte is in the device's hands (the kernel's buffer, then the printer's).
   * A device that takes nothing more for `timeoutMs` fails with the count it took so far.
   */
  async write(bytes: Uint8Array, timeoutMs: number, stage: 'status' | 'write' = 'write'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let offset = 0;
    while (offset < bytes.length) {
      const left = deadline - Date.now();
      try {
        // Non-blocking on POSIX, so this ends at once; a Windows COM port blocks in a worker
        // thread, and the race is what lets the app move on from a port that never completes.
        const written = await beforeDeadline(this.handle.write(bytes, offset, bytes.length - offset), left);
        if (written === null)
          throw new SerialDeviceError(stage, `write not finished within ${timeoutMs} ms`, null, offset, true);
        offset += written.bytesWritten;
        if (written.bytesWritten > 0) continue;
      } catch (error) {
        if (code(error) !== 'EAGAIN') throw asDeviceError(error, stage, offset);
      }
      if (Date.now() >= deadline)
        throw new SerialDeviceError(
          stage,
          `device took ${offset} of ${bytes.length} bytes in ${timeoutMs} ms`,
          null,
          offset,
        );
      await pause(pollMs);
    }
  }

  /** Sends a real-time status request and reads its one-byte answer, or fails after `timeoutMs`. */
  async ask(request: Uint8Array, timeoutMs: number): Promise<number> {
    if (!this.canAnswer) throw new SerialDeviceError('status', 'device cannot answer (write-only)', null);
    const deadline = Date.now() + timeoutMs;
    await this.write(request, timeoutMs, 'status');
    const chunk = Buffer.alloc(64);
    while (this.answers.length === 0) {
      try {
        const { bytesRead } = await this.handle.read(chunk, 0, chunk.length, null);
        if (bytesRead > 0) {
          this.answers.push(...chunk.subarray(0, bytesRead));
          continue;
        }
      } catch (error) {
        if (code(error) !== 'EAGAIN') throw asDeviceError(error, 'status');
      }
      if (Date.now() >= deadline) throw new SerialDeviceError('status', `no answer within ${timeoutMs} ms`, null);
      await pause(pollMs);
    }
    return this.answers.shift() ?? 0;
  }

  /** Drops bytes a printer sent earlier (a late answer to a question we gave up on). */
  async discardPending(): Promise<void> {
    if (!this.canAnswer) return;
    const chunk = Buffer.alloc(256);
    for (let i = 0; i < 64; i += 1) {
      const read = await this.handle.read(chunk, 0, chunk.length, null).catch(() => ({ bytesRead: 0 }));
      if (read.bytesRead === 0) return;
    }
  }

  /**
   * Closes the device; true once it closed within `timeoutMs`. Closing a tty waits until its
   * output has left (the kernel's closing wait), which is the nearest Node comes to tcdrain: a
   * close that does not end in time means the printer has not taken the bytes.
   */
  async close(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([
        this.handle.close().then(
          () => true,
          () => true,
        ),
        late,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}

async function stat(path: string): Promise<Stats | null> {
  try {
    return await fs.stat(path);
  } catch (error) {
    // Windows answers nothing useful about \\.\COM5; the open will tell.
    if (process.platform === 'win32') return null;
    throw asDeviceError(error, 'open');
  }
}

/**
 * `stty raw -echo` on the device: binary bytes go out as they are, nothing is echoed back as an
 * "answer". False when the device is no tty (a USB printer's /dev/usb/lp0): it is written as is.
 */
function makeRaw(path: string, deadline: number): Promise<boolean> {
  const flag = process.platform === 'darwin' ? '-f' : '-F';
  return new Promise((resolve, reject) => {
    execFile(
      'stty',
      [flag, path, 'raw', '-echo'],
      { timeout: Math.max(1, deadline - Date.now()), windowsHide: true },
      (error, _stdout, stderr) => {
        if (error === null) return resolve(true);
        const reason = stderr.trim() || error.message;
        if (/inappropriate ioctl|not a tty|not a typewriter/i.test(reason)) resolve(false);
        else {
          const denied = /permission denied|not permitted/i.test(reason);
          reject(new SerialDeviceError('open', `stty: ${reason}`, denied ? 'EACCES' : error.killed ? null : 'EIO'));
        }
      },
    );
  });
}

/** The work's value, or null once `timeoutMs` passed first (the work goes on, unawaited). */
async function beforeDeadline<T>(work: Promise<T>, timeoutMs: number): Promise<T | null> {
  // A failure after we gave up is nobody's to handle.
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), Math.max(0, timeoutMs));
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function withDeadline<T>(work: Promise<T>, deadline: number, stage: 'open'): Promise<T> {
  work.catch(() => undefined);
  const left = deadline - Date.now();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new SerialDeviceError(stage, 'device did not open in time', null)),
      Math.max(0, left),
    );
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

function code(error: unknown): string | null {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : null;
}

function asDeviceError(error: unknown, stage: SerialDeviceError['stage'], written = 0): SerialDeviceError {
  if (error instanceof SerialDeviceError) return error;
  return new SerialDeviceError(stage, error instanceof Error ? error.message : String(error), code(error), written);
}
