import { afterAll } from 'vitest';
import type { Cleanup } from './server-harness';

/**
 * For what a file's tests share, started in `beforeAll` (a server, say), where `onTestFinished`
 * cannot be used: the returned `Cleanup` collects the stops, and they run when the enclosing
 * `describe` (or file) ends, last started first. Call it while the suite is collected, beside
 * the `beforeAll` that uses it.
 */
export function fileCleanup(): Cleanup {
  const stops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });
  return (stop) => {
    stops.push(stop);
  };
}
