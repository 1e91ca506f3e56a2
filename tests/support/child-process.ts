import { onTestFinished } from 'vitest';
import { spawnChild, type Child, type ChildScript, type SpawnOptions } from './child-spawn';

export type { Child } from './child-spawn';

/** A child process for one test, killed with SIGKILL when the test ends if it still runs. */
export function startChild(script: ChildScript, args: readonly string[], options?: SpawnOptions): Child {
  const child = spawnChild(script, args, options);
  onTestFinished(() => child.kill9());
  return child;
}
