import type { Child } from './child-spawn';

/** A child's stdout as lines: all seen so far, and a wait for the next one that matches. */
export interface ChildLines {
  readonly seen: readonly string[];
  /** The first line from `from` on (an index into `seen`) that matches; rejects if the child exits first. */
  wait(match: (line: string) => boolean, timeoutMs?: number, from?: number): Promise<string>;
  /** Resolves once stdout has ended: after a kill, every line the child wrote is in `seen`. */
  readonly ended: Promise<void>;
}

export function childLines(child: Child): ChildLines {
  const seen: string[] = [];
  const waiters = new Set<() => void>();
  let buffer = '';
  let ended = false;
  const stdout = child.process.stdout;
  if (stdout === null) throw new Error('the child has no stdout pipe');
  stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let end: number;
    while ((end = buffer.indexOf('\n')) >= 0) {
      seen.push(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
    }
    for (const wake of [...waiters]) wake();
  });
  const endedPromise = new Promise<void>((resolve) =>
    stdout.once('close', () => {
      ended = true;
      for (const wake of [...waiters]) wake();
      resolve();
    }),
  );
  return {
    seen,
    ended: endedPromise,
    wait: (match, timeoutMs = 60_000, from = 0) =>
      new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => finish(new Error(`timed out waiting for a line; saw ${seen.slice(-20).join(' | ')}`)),
          timeoutMs,
        );
        const finish = (error: Error | null, line?: string) => {
          clearTimeout(timer);
          waiters.delete(check);
          if (error === null) resolve(line!);
          else reject(error);
        };
        const check = () => {
          const line = seen.slice(from).find(match);
          if (line !== undefined) finish(null, line);
          else if (ended)
            finish(
              new Error(
                `the child's output ended first; saw ${seen.slice(-20).join(' | ')}; stderr: ${child.stderrTail()}`,
              ),
            );
        };
        waiters.add(check);
        check();
      }),
  };
}
