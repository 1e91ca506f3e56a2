import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNode22, node22CacheDir, Node22CheckError, type Node22Toolchain } from './node22-toolchain';
import { outputTail, runCommand, stopRunningCommands, type CommandResult } from './run-command';
import { ensureNode22Sqlite } from './sqlite-addon';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * `npm run test:node22`, the last step of `npm test`: the unit tests and a start-up smoke on
 * Node 22 — what Electron 39 runs the app's Node side on — beside the Node 20 run the rest of
 * `npm test` makes. Node 22 and its build of the device store's SQLite come from the npm
 * registry and a local compile, cached between runs (node22CacheDir).
 */
async function main(): Promise<void> {
  const started = Date.now();
  const cacheDir = node22CacheDir();
  console.log(`\nComprobación con Node 22 (caché: ${cacheDir})`);

  let start = Date.now();
  const node22 = await ensureNode22(cacheDir);
  console.log(
    `  Node ${node22.version} ${node22.downloaded ? 'descargado del registro de npm' : 'de la caché'} (${seconds(start)} s)`,
  );

  start = Date.now();
  const addon = await ensureNode22Sqlite(repoRoot, cacheDir, node22);
  const how = addon.built
    ? `compilado${addon.reusedSqlite ? ', reusando la biblioteca SQLite de node_modules' : ''}`
    : 'de la caché';
  console.log(`  SQLite cifrado para Node 22 ${how} (${seconds(start)} s)`);
  const env = node22Env(addon.file);

  start = Date.now();
  const unit = await runUnderNode22(node22, [vitestBin(), 'run', 'tests/unit'], env, 10 * 60_000);
  expectSuccess('pruebas unitarias (vitest run tests/unit)', unit);
  console.log(`  pruebas unitarias con Node 22: bien (${seconds(start)} s)`);

  start = Date.now();
  const smoke = await runUnderNode22(
    node22,
    ['--import', 'tsx', path.join('scripts', 'node22', 'startup-smoke.ts')],
    env,
    3 * 60_000,
  );
  expectSuccess('arranque (servidor central, núcleo del dispositivo y anfitrión web)', smoke);
  console.log(`  arranque con Node 22: bien (${seconds(start)} s)`);

  console.log(`Node 22: todo en orden (${seconds(started)} s en total).`);
}

/** Every Node 22 process of the check loads SQLite's Node 22 build (sqlite-addon-hook.mjs). */
function node22Env(addon: string): NodeJS.ProcessEnv {
  const hook = path.join(repoRoot, 'scripts', 'node22', 'sqlite-addon-hook.mjs');
  const inherited = process.env.NODE_OPTIONS ?? '';
  return {
    ...process.env,
    VENTANILLA_NODE22_SQLITE_ADDON: addon,
    NODE_OPTIONS: `${inherited} --import ${JSON.stringify(hook)}`.trim(),
  };
}

function vitestBin(): string {
  const require = createRequire(path.join(repoRoot, 'package.json'));
  return path.join(path.dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
}

function runUnderNode22(
  node22: Node22Toolchain,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<CommandResult> {
  return runCommand(node22.node, args, { cwd: repoRoot, env, timeoutMs, echo: true });
}

function expectSuccess(what: string, result: CommandResult): void {
  if (result.code === 0) return;
  const why = result.timedOut ? 'se agotó el tiempo' : `terminó con ${result.code ?? result.signal ?? '?'}`;
  // The output was shown as it came; its end is repeated so the failure is the last thing read.
  throw new Node22CheckError(`Falló con Node 22: ${what}; ${why}.\n${outputTail(result, 5)}`);
}

const seconds = (since: number): string => ((Date.now() - since) / 1000).toFixed(1);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopRunningCommands();
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  stopRunningCommands();
  const known = error instanceof Node22CheckError;
  console.error(
    `\nComprobación con Node 22: FALLÓ. ${known ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(1);
});
