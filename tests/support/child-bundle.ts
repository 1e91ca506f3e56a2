import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

/**
 * A child script bundled into one ES module that plain Node runs. Through `--import tsx` a child
 * spends about 0.4 s of CPU registering tsx and transforming its modules before its first line;
 * bundled, about 0.15 s. For tests that start the same child many times (one per kill -9).
 * Packages stay external (loaded from node_modules as under tsx), so the file is written under
 * node_modules/.cache, where Node finds them. `import.meta.url` in the bundle is the bundle's:
 * a script that finds files relative to its own should not be bundled.
 */
const built = new Map<string, string>();
const outDir = path.resolve('node_modules/.cache/ventanilla-test-children');

/** The bundle of `file` (built once per test process; named by its content, so runs share it). */
export function bundledScript(file: string): string {
  const known = built.get(file);
  if (known !== undefined) return known;
  const result = buildSync({
    entryPoints: [file],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  const text = result.outputFiles[0]?.text ?? '';
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  const out = path.join(outDir, `${path.basename(file, '.ts')}-${hash}.mjs`);
  if (!existsSync(out)) {
    mkdirSync(outDir, { recursive: true });
    // Written aside and renamed: another test process may be writing the same bundle.
    const aside = `${out}.${process.pid}.tmp`;
    writeFileSync(aside, text);
    renameSync(aside, out);
  }
  built.set(file, out);
  return out;
}
