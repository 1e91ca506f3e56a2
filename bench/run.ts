import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mergeResults, readResults, writeResults } from './results-file';
import { isBenchSuite, type BenchSuite } from './suite';
import { metricsTable } from './table';

/**
 * `npm run bench [-- --suite NAME …] [suite options]`: runs the suites in `bench/suites/`
 * (all of them without `--suite`), merges their metrics into `bench/results.json` and prints a
 * table per suite. Options other than `--suite` are passed to the suites (e.g. the `seed`
 * suite's `--subscribers N`).
 */
const benchDir = path.dirname(fileURLToPath(import.meta.url));
const resultsFile = path.join(benchDir, 'results.json');

function splitArgs(argv: readonly string[]): { only: string[]; rest: string[] } {
  const only: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--suite') {
      const name = argv[i + 1];
      if (name === undefined || name.startsWith('--')) throw new Error('--suite necesita el nombre de una suite.');
      only.push(name);
      i += 1;
    } else if (arg.startsWith('--suite=')) {
      only.push(arg.slice('--suite='.length));
    } else {
      rest.push(arg);
    }
  }
  return { only, rest };
}

async function loadSuites(): Promise<BenchSuite[]> {
  const dir = path.join(benchDir, 'suites');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  const suites: BenchSuite[] = [];
  for (const file of files) {
    const mod: unknown = await import(pathToFileURL(path.join(dir, file)).href);
    if (!isBenchSuite(mod)) throw new Error(`bench/suites/${file} no exporta name y run().`);
    suites.push({ name: mod.name, run: mod.run });
  }
  return suites;
}

const usage = `Uso: npm run bench [-- --suite NOMBRE …] [opciones de la suite]
  Sin --suite corre todas las suites de bench/suites/. Guarda las cifras en bench/results.json.
  Suite seed: --subscribers N (por omisión 1.000.000); con DATABASE_URL mide también PostgreSQL.`;

async function main(): Promise<number> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(usage);
    return 0;
  }
  const { only, rest } = splitArgs(process.argv.slice(2));
  const suites = await loadSuites();
  const unknown = only.filter((name) => !suites.some((s) => s.name === name));
  if (unknown.length > 0) {
    throw new Error(`Suite desconocida: ${unknown.join(', ')}. Disponibles: ${suites.map((s) => s.name).join(', ')}.`);
  }
  const selected = only.length > 0 ? suites.filter((s) => only.includes(s.name)) : suites;
  let failures = 0;
  for (const suite of selected) {
    console.log(`\n▶ ${suite.name}`);
    const started = performance.now();
    try {
      const metrics = await suite.run({ args: rest, env: process.env, log: (line) => console.log(`  ${line}`) });
      const bad = Object.entries(metrics).filter(
        ([key, value]) => !key.startsWith(`${suite.name}.`) || !Number.isFinite(value),
      );
      if (bad.length > 0) throw new Error(`métricas no válidas: ${bad.map(([key]) => key).join(', ')}`);
      // Re-read right before writing: another suite run may have updated the file meanwhile.
      const previous = readResults(resultsFile);
      writeResults(resultsFile, mergeResults(previous, metrics));
      console.log(`\n${metricsTable(metrics, previous)}`);
      console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s; guardado en bench/results.json)`);
    } catch (error) {
      failures += 1;
      console.error(`  ✗ ${suite.name} falló: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  },
);
