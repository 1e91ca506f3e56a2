import { build, type BuildOptions } from 'esbuild';

/**
 * Bundles the Electron main process and the preload into CommonJS files under dist/main/electron.
 * The preload must be one file: a sandboxed preload can require only `electron` itself.
 */
const common: BuildOptions = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, external: ['electron'] };

await build({
  ...common,
  entryPoints: ['src-main/electron/main.ts'],
  outfile: 'dist/main/electron/main.cjs',
  // Native and dynamically loaded packages stay in node_modules (electron-builder unpacks them).
  external: ['electron', 'better-sqlite3', 'pino', 'fastify', '@fastify/static'],
});
await build({ ...common, entryPoints: ['src-main/electron/preload.ts'], outfile: 'dist/main/electron/preload.cjs' });
console.log('Electron main and preload bundled in dist/main/electron/');
