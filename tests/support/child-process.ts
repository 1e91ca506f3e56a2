import { onTestFinished } from 'vitest';
import { spawnChild, type Child, type ChildScript } from './child-spawn';

export type { Child } from './child-spawn';

/** A child process for one test, killed with SIGKILL when the test ends if it still runs. */
export function startChild(script: ChildScript, args: readonly string[]): Child {
  const child = spawnChild(script, args);
  onTestFinished(() => child.kill9());
  return child;
}
