import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Node22CheckError, publish, type Node22Toolchain } from './node22-toolchain';
import { outputTail, runCommand } from './run-command';

const sqliteModule = 'better-sqlite3-multiple-ciphers';
/** The fork keeps better-sqlite3's addon name. */
const addonName = 'better_sqlite3.node';

/** The device store's SQLite built for Node 22, kept beside node_modules' build for Node 20. */
export interface Node22SqliteAddon {
  readonly file: string;
  /** True when this run compiled it; false when it came from the cache. */
  readonly built: boolean;
  /** True when the build reused node_modules' compiled SQLite library instead of compiling it. */
  readonly reusedSqlite: boolean;
}

/**
 * Builds better-sqlite3-multiple-ciphers a second time, for Node 22's ABI (V8's API, not
 * N-API, so every Node major needs its own build), the way scripts/electron-native.ts does for
 * Electron: in a copy of the package, never in node_modules, which keeps Node 20's build for
 * everyone else's tests. node-gyp builds against the headers in the Node 22 package, so nothing
 * is fetched from nodejs.org.
 *
 * SQLite itself (the sqlite3mc amalgamation, ~95% of the compile time) is C with no Node
 * headers, so the static library `npm ci` compiled for Node 20 is linked again as it is; only
 * the addon's C++ is compiled for Node 22. Where node_modules has no such library (a prebuilt
 * addon was downloaded instead) everything is compiled.
 */
export async function ensureNode22Sqlite(
  root: string,
  cacheDir: string,
  node22: Node22Toolchain,
): Promise<Node22SqliteAddon> {
  const require = createRequire(path.join(root, 'package.json'));
  const moduleDir = path.dirname(require.resolve(`${sqliteModule}/package.json`));
  const moduleVersion = (JSON.parse(readFileSync(path.join(moduleDir, 'package.json'), 'utf8')) as { version: string })
    .version;
  const outDir = path.join(
    cacheDir,
    `${sqliteModule}-${moduleVersion}-node-${node22.version}-${process.platform}-${process.arch}`,
  );
  const out = path.join(outDir, addonName);
  if (existsSync(out)) return { file: out, built: false, reusedSqlite: false };

  mkdirSync(cacheDir, { recursive: true });
  const work = mkdtempSync(path.join(cacheDir, '.build-'));
  try {
    const packageDir = path.join(work, sqliteModule);
    const skipped = ['build', 'node_modules'].map((name) => path.join(moduleDir, name));
    cpSync(moduleDir, packageDir, {
      recursive: true,
      filter: (src) => !skipped.some((dir) => src === dir || src.startsWith(dir + path.sep)),
    });
    const env = buildEnv(node22);
    const configure = await runCommand(
      node22.node,
      [nodeGypScript(require), 'configure', '--release', `--nodedir=${node22.nodeDir}`],
      {
        cwd: packageDir,
        env,
        timeoutMs: 5 * 60_000,
        echo: false,
      },
    );
    if (configure.code !== 0) throw buildFailed('node-gyp configure', configure.timedOut, outputTail(configure));

    const keep = reuseSqliteLibrary(moduleDir, packageDir);
    const jobs = String(Math.max(1, Math.min(os.availableParallelism(), 4)));
    // `-o` tells make to take the copied library as up to date, whatever its timestamps and
    // recorded compile command say; only the addon target is built (no test_extension).
    const make = await runCommand(
      'make',
      ['-C', 'build', 'BUILDTYPE=Release', `-j${jobs}`, ...keep.flatMap((file) => ['-o', file]), 'better_sqlite3'],
      {
        cwd: packageDir,
        env,
        timeoutMs: 15 * 60_000,
        echo: false,
      },
    );
    const built = path.join(packageDir, 'build', 'Release', addonName);
    if (make.code !== 0 || !existsSync(built)) throw buildFailed('make', make.timedOut, outputTail(make));

    await assertLoads(node22, moduleDir, built, work);
    const staged = path.join(work, 'out');
    mkdirSync(staged);
    copyFileSync(built, path.join(staged, addonName));
    publish(staged, outDir);
    return { file: out, built: true, reusedSqlite: keep.length > 0 };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * node-gyp takes npm's settings from `npm_config_*` variables over its own flags, and `npm run`
 * passes them on: a machine whose npmrc says `nodedir=/usr` (Node 20's headers, for building
 * offline) would silently build for Node 20 again. None are passed; the Node 22 headers are.
 * The Node 22 binary goes first on PATH for the build's own `node` steps.
 */
function buildEnv(node22: Node22Toolchain): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_config_')),
  );
  return {
    ...env,
    npm_config_nodedir: node22.nodeDir,
    PATH: `${path.dirname(node22.node)}${path.delimiter}${process.env.PATH ?? ''}`,
  };
}

/** node-gyp from the lockfile's tree, else the one npm builds native modules with. */
function nodeGypScript(require: NodeRequire): string {
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    const npmGyp = process.env.npm_config_node_gyp;
    if (npmGyp !== undefined && existsSync(npmGyp)) return npmGyp;
    throw new Node22CheckError(
      'No se encontró node-gyp (ni en node_modules ni el de npm) para compilar SQLite para Node 22.',
    );
  }
}

/** Copies node_modules' compiled SQLite library into the build; returns the make targets to keep. */
function reuseSqliteLibrary(moduleDir: string, packageDir: string): string[] {
  const targets = ['Release/sqlite3.a', 'Release/obj.target/deps/sqlite3.a'];
  const sources = targets.map((target) => path.join(moduleDir, 'build', target));
  if (!sources.every((source) => existsSync(source))) return [];
  targets.forEach((target, i) => {
    const to = path.join(packageDir, 'build', target);
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(sources[i] ?? '', to);
  });
  return targets;
}

/** Opens an encrypted database with the new addon under Node 22, as the app will. */
async function assertLoads(node22: Node22Toolchain, moduleDir: string, addon: string, work: string): Promise<void> {
  const probe = [
    `const Database = require(${JSON.stringify(moduleDir)});`,
    `const db = new Database(${JSON.stringify(path.join(work, 'probe.db'))}, { nativeBinding: ${JSON.stringify(addon)} });`,
    `db.pragma("key = 'probe'");`,
    'db.exec("create table t (x); insert into t values (1)");',
    "process.stdout.write(String(db.prepare('select count(*) from t').pluck().get()));",
  ].join('\n');
  const result = await runCommand(node22.node, ['-e', probe], { cwd: work, timeoutMs: 60_000, echo: false });
  if (result.code !== 0 || result.output.trim() !== '1') {
    throw new Node22CheckError(
      `SQLite compilado para Node ${node22.version} no abre una base cifrada.\n${outputTail(result)}`,
    );
  }
}

function buildFailed(step: string, timedOut: boolean, tail: string): Node22CheckError {
  return new Node22CheckError(
    `No se pudo compilar ${sqliteModule} para Node 22 (${step}${timedOut ? ': se agotó el tiempo' : ''}). Hacen falta python3, make y g++ (paquetes de Debian).\n${tail}`,
  );
}
