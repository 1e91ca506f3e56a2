import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bundledScript } from './child-bundle';

/** A TypeScript script of tests/support/processes in a child Node process (through tsx). */
export interface Child {
  readonly process: ChildProcess;
  /** The first stdout line, once printed. */
  readonly firstLine: Promise<string>;
  kill9(): Promise<void>;
  /** SIGTERM, and wait for the exit. */
  stop(): Promise<void>;
  /** What the child wrote to stderr so far (its last 2,000 characters), for failure messages. */
  stderrTail(): string;
}

export type ChildScript =
  | 'device-process'
  | 'server-process'
  | 'store-process'
  | 'migration-process'
  | 'counter-process'
  | 'field-process'
  | 'bank-import-process'
  | 'certificate-kiosk-process';

export interface SpawnOptions {
  /** Run the script bundled by esbuild with plain Node, not through tsx (child-bundle.ts): a faster start. */
  readonly bundled?: boolean;
}

export function spawnChild(script: ChildScript, args: readonly string[], options: SpawnOptions = {}): Child {
  const file = fileURLToPath(new URL(`./processes/${script}.ts`, import.meta.url));
  const command = options.bundled === true ? [bundledScript(file)] : ['--import', 'tsx', file];
  // stdin is a pipe for children that take commands (counter-process); the others never read it.
  const child = spawn(process.execPath, [...command, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const firstLine = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const end = out.indexOf('\n');
      if (end >= 0) resolve(out.slice(0, end));
    });
    // 'close', not 'exit': a child that printed its line and died at once (the fault tests' server
    // kills itself right after its first commit) can exit before its stdout has been read.
    child.once('close', (code, signal) =>
      reject(new Error(`${script} exited (${code ?? signal}) before it was ready: ${stderr.slice(-2000)}`)),
    );
  });
  firstLine.catch(() => undefined);
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    process: child,
    firstLine,
    async kill9() {
      if (alive()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (alive()) child.kill('SIGTERM');
      await exited;
    },
    stderrTail: () => stderr.slice(-2000),
  };
}
