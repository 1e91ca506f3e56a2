import { spawn } from 'node:child_process';

/** How a command ended; `output` is the tail of what it printed, kept for error messages. */
export interface CommandResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  readonly output: string;
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** The command is killed (whole process group) after this long, and reported as timed out. */
  readonly timeoutMs: number;
  /** Show the output on this terminal as it comes (tests), or only keep it for errors (builds). */
  readonly echo: boolean;
}

const keptChars = 4_000;

/** Process groups still running, stopped with this process on Ctrl-C or a CI timeout. */
const runningGroups = new Set<number>();

/** Stops every command this process started and has not seen end. */
export function stopRunningCommands(): void {
  for (const pid of runningGroups) killGroup(pid);
}

/**
 * Runs a command to its end. Each runs in its own process group so a timeout also stops what it
 * started (vitest's forks, node-gyp's make and compilers) instead of leaving them on the machine.
 */
export function runCommand(command: string, args: readonly string[], options: RunOptions): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const pid = child.pid;
    if (pid !== undefined) runningGroups.add(pid);
    let output = '';
    let timedOut = false;
    const keep = (chunk: Buffer, to: NodeJS.WriteStream) => {
      if (options.echo) to.write(chunk);
      output = (output + chunk.toString('utf8')).slice(-keptChars);
    };
    child.stdout.on('data', (chunk: Buffer) => keep(chunk, process.stdout));
    child.stderr.on('data', (chunk: Buffer) => keep(chunk, process.stderr));
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(pid);
    }, options.timeoutMs);
    // A program that cannot be started (not installed) is a failed command, reported as such.
    child.on('error', (error) => {
      clearTimeout(timer);
      if (pid !== undefined) runningGroups.delete(pid);
      resolve({ code: null, signal: null, timedOut: false, output: `${output}\n${command}: ${error.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (pid !== undefined) runningGroups.delete(pid);
      resolve({ code, signal, timedOut, output });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** The last lines of a command's output, for a message that says why a step failed. */
export function outputTail(result: CommandResult, lines = 15): string {
  return result.output.trimEnd().split('\n').slice(-lines).join('\n');
}
