import { execFile } from 'node:child_process';
import { Readable } from 'node:stream';
import { runAdmin } from '../../scripts/admin';

/**
 * `npm run admin -- …` for tests. In-process by default (runAdmin with the given arguments,
 * environment and standard input: no Node and tsx to start per command); `spawned` runs the
 * real script as a child process, for the one case per command that proves its wiring (exit
 * code, streams, environment).
 */
export interface AdminOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout then stderr, as a person at the terminal reads them. */
  readonly out: string;
}

export interface AdminCall {
  /** Variables on top of the test process's own (VENTANILLA_DATA_DIR, DATABASE_URL, …). */
  readonly env: Record<string, string>;
  readonly args: readonly string[];
  /** Standard input (a piped password); empty when not given. */
  readonly stdin?: string;
}

export async function adminInProcess({ env, args, stdin = '' }: AdminCall): Promise<AdminOutcome> {
  let stdout = '';
  let stderr = '';
  const code = await runAdmin({
    args,
    env: { ...process.env, ...env },
    stdin: Readable.from(stdin === '' ? [] : [stdin]),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr, out: `${stdout}${stderr}` };
}

export function adminSpawned({ env, args, stdin = '' }: AdminCall): Promise<AdminOutcome> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/admin.ts', ...args],
      { env: { ...process.env, LOG_LEVEL: 'silent', ...env } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr, out: `${stdout}${stderr}` });
      },
    );
    child.stdin?.end(stdin);
  });
}
