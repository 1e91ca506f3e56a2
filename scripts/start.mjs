// @ts-check
/**
 * `npm start`, in plain JavaScript so that Node runs it without a TypeScript loader: it brings
 * the built parts up to date, then runs the app (scripts/run-app.ts says what that does).
 *
 * - The app's Node side is one ES module, `dist/node/run-app.mjs`, made by esbuild from
 *   scripts/run-app.ts whenever a source is newer. Loading it costs a fraction of having tsx
 *   transpile and resolve some three hundred files, with its loader hooks in the way of every
 *   package import, on every start: a kiosk restarting after a power cut serves its start screen
 *   sooner (bench suite `app`). Packages stay in node_modules, the native SQLite among them.
 * - The interface (`dist/renderer`) is built by Vite when it is missing or older than its sources
 *   (after a git pull, say).
 * esbuild and Vite are loaded only when something must be built.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const appBundle = path.join(root, 'dist', 'node', 'run-app.mjs');
const appSources = ['src-main', 'src-shared', 'src-node', 'src-server', 'db', 'scripts', 'package.json'];
const renderer = path.join(root, 'dist', 'renderer', 'index.html');
const rendererSources = ['src-renderer', 'src-shared', 'assets', 'vite.renderer.config.ts'];

/** @param {string} file @param {readonly string[]} sources */
const stale = (file, sources) => !existsSync(file) || newestChange(sources) > statSync(file).mtimeMs;

/**
 * The newest modification time of the given files and of the files under the given folders.
 * @param {readonly string[]} entries paths relative to the repository
 */
function newestChange(entries) {
  let newest = 0;
  for (const entry of entries) {
    const full = path.join(root, entry);
    if (!existsSync(full)) continue;
    const stat = statSync(full);
    if (stat.isFile()) {
      newest = Math.max(newest, stat.mtimeMs);
      continue;
    }
    for (const dirent of readdirSync(full, { withFileTypes: true, recursive: true })) {
      if (dirent.isFile()) newest = Math.max(newest, statSync(path.join(dirent.parentPath, dirent.name)).mtimeMs);
    }
  }
  return newest;
}

async function buildAppBundle() {
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: root,
    entryPoints: ['scripts/run-app.ts'],
    outfile: appBundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [keepModuleUrls],
  });
}

/**
 * A bundled module's `import.meta.url` would be the bundle's; the few modules that find files
 * relative to themselves (the server's migrations, the repository root) keep their own.
 * @type {import('esbuild').Plugin}
 */
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url') || !args.path.startsWith(root)) return undefined;
      return {
        contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: args.path.endsWith('x') ? 'tsx' : 'ts',
      };
    });
  },
};

async function buildRenderer() {
  console.log('Preparando la interfaz…');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.renderer.config.ts'), logLevel: 'warn' });
}

try {
  if (stale(appBundle, appSources)) await buildAppBundle();
  if (stale(renderer, rendererSources)) await buildRenderer();
} catch (error) {
  console.error(`\nVentanilla no pudo prepararse: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
/** @type {{ runApp(): Promise<void> }} */
const app = await import(pathToFileURL(appBundle).href);
await app.runApp();
