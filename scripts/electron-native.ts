import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { rebuild } from '@electron/rebuild';

/**
 * Builds better-sqlite3-multiple-ciphers (SQLite with encryption) a second time, for Electron's
 * ABI, into dist/electron-native, leaving node_modules with Node's build so `npm test` keeps
 * working (docs/architecture.md). The app loads this copy through the `nativeBinding` option. Needs
 * Electron's headers, so it works only where their download host is reachable; callers fall
 * back to the web host otherwise.
 */
const sqliteModule = 'better-sqlite3-multiple-ciphers';

export async function ensureElectronNative(root: string): Promise<string> {
  const require = createRequire(path.join(root, 'package.json'));
  const electronVersion = (require('electron/package.json') as { version: string }).version;
  const sqliteDir = path.dirname(require.resolve(`${sqliteModule}/package.json`));
  const sqliteVersion = (JSON.parse(readFileSync(path.join(sqliteDir, 'package.json'), 'utf8')) as { version: string })
    .version;
  const outDir = path.join(root, 'dist', 'electron-native');
  const out = path.join(outDir, 'better_sqlite3.node');
  const stampFile = path.join(outDir, 'built-for.txt');
  const stamp = `electron ${electronVersion} ${sqliteModule} ${sqliteVersion} ${process.platform}-${process.arch}`;
  if (existsSync(out) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return out;

  const work = path.join(outDir, 'work');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(path.join(work, 'node_modules'), { recursive: true });
  cpSync(sqliteDir, path.join(work, 'node_modules', sqliteModule), {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}build${path.sep}`),
  });
  writeFileSync(
    path.join(work, 'package.json'),
    JSON.stringify({ name: 'electron-native', private: true, dependencies: { [sqliteModule]: sqliteVersion } }),
  );
  await rebuild({ buildPath: work, electronVersion, onlyModules: [sqliteModule], force: true, buildFromSource: true });
  // The fork keeps better-sqlite3's addon name.
  copyFileSync(path.join(work, 'node_modules', sqliteModule, 'build', 'Release', 'better_sqlite3.node'), out);
  writeFileSync(stampFile, stamp);
  rmSync(work, { recursive: true, force: true });
  return out;
}
