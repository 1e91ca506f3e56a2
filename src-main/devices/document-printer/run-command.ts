import { spawn } from 'node:child_process';

export interface CommandOutcome {
  /** Exit code, or null when the process was killed or never started. */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The process ran past its time limit and was killed. */
  readonly timedOut: boolean;
  /** The process could not be started (e.g. ENOENT: the command is not installed). */
  readonly startError: string | null;
}

export interface CommandOptions {
  readonly timeoutMs: number;
  /** Written to the child's standard input, which is then closed. */
  readonly input?: Uint8Array;
}

/** A chatty command must not fill the memory: output past this is dropped. */
const MAX_OUTPUT_CHARS = 1_000_000;

/**
 * Runs a command without a shell, in the C locale so its messages are the ones we parse, and
 * kills it when it outlives its time limit. Never rejects: every failure is in the outcome.
 * The rest of the environment is passed through untouched (CUPS_SERVER, for one, must reach `lp`).
 */
export function runCommand(file: string, args: readonly string[], options: CommandOptions): Promise<CommandOutcome> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let startError: string | null = null;
    const child = spawn(file, args, {
      env: { ...process.env, LANG: 'C', LC_ALL: 'C', LANGUAGE: 'C' },
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.length < MAX_OUTPUT_CHARS) stdout += chunk;
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < MAX_OUTPUT_CHARS) stderr += chunk;
    });
    let settled = false;
    const settle = (code: number | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut, startError });
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      startError = error.code ?? error.message;
      // A process that never started emits no 'close' on every Node version.
      if (child.pid === undefined) settle(null);
    });
    child.on('close', (code) => settle(code));
    if (options.input !== undefined && child.stdin !== null) {
      // A child that exits without reading all of its input closes the pipe: EPIPE is then
      // its own failure, reported by its exit code, not ours.
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input);
    }
  });
}
