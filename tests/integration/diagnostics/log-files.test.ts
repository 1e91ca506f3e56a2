import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { expect, it, onTestFinished } from 'vitest';
import { logFileName, readLastLogLines } from '../../../src-main/diagnostics/log-files';
import { createDeviceLogger } from '../../../src-main/logger';
import { tempDir } from '../../support/temp-dir';

/** Nothing on stdout: the test reads the files. */
const nowhere = () =>
  new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });

/**
 * The device's log files (src-main/diagnostics/log-files.ts): written through the real pino
 * logger to real files, rotated by size, never more than `files` files nor `files × fileBytes`
 * bytes however much is logged; the last lines read back whole, newest last, within a budget.
 */
it('rotates by size and keeps the cap on disk; reads back the last whole lines', { timeout: 60_000 }, async () => {
  const dir = tempDir('log-files');
  onTestFinished(() => dir.remove());
  const logsDir = path.join(dir.path, 'logs');
  const fileBytes = 128 * 1024;
  const files = 4;
  const logger = createDeviceLogger('info', { dir: logsDir, fileBytes, files }, nowhere());
  const log = logger.log.child({ module: 'test' });
  // About 3 MB of records, over twenty times the cap of 512 KB, in bursts like a busy device's.
  const total = 10_000;
  for (let i = 0; i < total; i += 1) {
    log.info({ n: i, detail: 'x'.repeat(250) }, 'registro de prueba');
    if (i % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  await logger.close();

  const names = readdirSync(logsDir).sort();
  expect(names).toEqual([logFileName, `${logFileName}.1`, `${logFileName}.2`, `${logFileName}.3`]);
  const sizes = names.map((name) => statSync(path.join(logsDir, name)).size);
  for (const size of sizes) expect(size).toBeLessThanOrEqual(fileBytes);
  // Readable by the app's user alone.
  for (const name of names) expect(statSync(path.join(logsDir, name)).mode & 0o777).toBe(0o600);
  expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(files * fileBytes);
  // The rotated files are full ones: the cap is used, not wasted.
  for (const size of sizes.slice(1)) expect(size).toBeGreaterThan(fileBytes / 2);

  const budget = 200 * 1024;
  const lines = await readLastLogLines(logsDir, budget);
  const bytes = lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
  expect(bytes).toBeLessThanOrEqual(budget);
  expect(bytes).toBeGreaterThan(budget - 2 * 1024);
  const numbers = lines.map((line) => (JSON.parse(line) as { n: number }).n);
  // Whole records, in order, ending with the last one logged, across a rotation boundary.
  expect(numbers.at(-1)).toBe(total - 1);
  for (let i = 1; i < numbers.length; i += 1) expect(numbers[i]).toBe((numbers[i - 1] ?? 0) + 1);
  expect(numbers.length).toBeGreaterThan(statSync(path.join(logsDir, logFileName)).size / 400);
});

it('reads nothing from a device that never logged', async () => {
  const dir = tempDir('log-files-empty');
  onTestFinished(() => dir.remove());
  expect(await readLastLogLines(path.join(dir.path, 'logs'), 1024)).toEqual([]);
});
