import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStack, type Stack, type StackHooks } from '../../../scripts/stack';
import { pgliteDataDir } from '../../../src-server/config';
import type { StartServerOptions } from '../../../src-server/index';
import { seededPgliteTemplate } from './seeded-server-template';

/** Demo subscribers of every browser test's central server. */
const demoSubscribers = 50;

/** Short enough for tests, within the config file's limits (idle ≥ 5 s, warning ≥ 3 s). */
export const fastIdle = { idleSeconds: 5, warningSeconds: 3 } as const;

const builtRenderer = fileURLToPath(new URL('../../../dist/renderer/index.html', import.meta.url));

export interface TestStack {
  readonly stack: Stack;
  readonly dataDir: string;
  /** Stops everything and deletes the data dir. */
  dispose(): Promise<void>;
}

/**
 * The whole application as `npm start` runs it (embedded central server with demo data,
 * the device enrolled with it, the web host), in a data dir of its own for this test file.
 */
export async function startTestStack(
  name: string,
  config: Record<string, unknown> = {},
  serverOptions: StartServerOptions = {},
  /** The device's address for the embedded server (a loopback proxy in between) and its timers. */
  hooks: StackHooks = {},
): Promise<TestStack> {
  if (!existsSync(builtRenderer)) {
    throw new Error('The renderer is not built: run `npm run build:renderer` (npm run test:e2e does it first).');
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `ventanilla-e2e-${name}-`));
  let stack: Stack;
  try {
    // The embedded server's database as its first start leaves it (seeded-server-template.ts),
    // unless the file configures the embedded server itself.
    if (config['server'] === undefined) {
      await cp(await seededPgliteTemplate(demoSubscribers), pgliteDataDir(dataDir), { recursive: true });
    }
    stack = await startStack({
      dataDir,
      port: 0,
      demoSubscribers,
      config: { kiosk: fastIdle, ...config },
      serverOptions,
      ...hooks,
    });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    stack,
    dataDir,
    async dispose() {
      try {
        await stack.stop();
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** The embedded central server; these tests never use an external one. */
export function embeddedServer(stack: Stack): NonNullable<Stack['server']> {
  if (stack.server === null) throw new Error('this test needs the embedded central server');
  return stack.server;
}
