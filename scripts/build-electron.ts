import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

/**
 * Bundles the Electron main process and the preload into CommonJS files under dist/main/electron.
 * The preload must be one file: a sandboxed preload can require only `electron` itself.
 */
export async function buildElectronBundles(root: string): Promise<void> {
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    absWorkingDir: root,
  };
  await build({
    ...common,
    entryPoints: ['src-main/electron/main.ts'],
    outfile: 'dist/main/electron/main.cjs',
    // Native and dynamically loaded packages stay in node_modules (electron-builder unpacks them).
    // drizzle's import of `better-sqlite3` is bundled through aliases/better-sqlite3 and ends
    // at the encrypting fork, which stays external.
    external: ['electron', 'better-sqlite3-multiple-ciphers', 'pino', 'fastify', '@fastify/static'],
  });
  await build({
    ...common,
    entryPoints: ['src-main/electron/preload.ts'],
    outfile: 'dist/main/electron/preload.cjs',
    external: ['electron'],
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await buildElectronBundles(process.cwd());
  console.log('Electron main and preload bundled in dist/main/electron/');
}
