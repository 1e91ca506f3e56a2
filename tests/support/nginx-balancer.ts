import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import { freePort } from './free-port';
import { tempDir } from './temp-dir';

const shipped = fileURLToPath(new URL('../../deploy/nginx/ventanilla.conf', import.meta.url));

export interface Balancer {
  readonly url: string;
  readonly process: ChildProcess;
}

/**
 * Debian's nginx on loopback in front of `upstreams` (host:port), running the configuration the
 * repository ships for operators (deploy/nginx/ventanilla.conf) with only its two example
 * upstream servers and its listen line replaced. Its own prefix, pid and logs live in a temp
 * dir; it stops when the test ends.
 */
export async function startBalancer(
  upstreams: readonly [string, string],
  /** Who stops it and removes its files: the test by default; a bench, its own list. */
  register: (stop: () => void | Promise<void>) => void = onTestFinished,
): Promise<Balancer> {
  const dir = tempDir('nginx');
  register(() => dir.remove());
  const port = await freePort();
  const site = readFileSync(shipped, 'utf8')
    .replace('server 127.0.0.1:8081', `server ${upstreams[0]}`)
    .replace('server 127.0.0.1:8082', `server ${upstreams[1]}`)
    .replace('listen 80;', `listen 127.0.0.1:${port};`);
  if (site.includes(':8081') || site.includes(':8082') || !site.includes(`:${port};`))
    throw new Error('fixture: deploy/nginx/ventanilla.conf no longer has the example upstreams and listen line');
  for (const sub of ['logs', 'temp']) mkdirSync(path.join(dir.path, sub));
  writeFileSync(path.join(dir.path, 'ventanilla.conf'), site);
  const temp = (name: string) => `${name}_temp_path ${path.join(dir.path, 'temp', name)};`;
  writeFileSync(
    path.join(dir.path, 'nginx.conf'),
    [
      // As root (a CI container) the workers would run as nobody, who cannot read the temp dir.
      process.getuid?.() === 0 ? 'user root;' : '',
      'worker_processes 1;',
      'daemon off;',
      `pid ${path.join(dir.path, 'nginx.pid')};`,
      `error_log ${path.join(dir.path, 'logs', 'error.log')} warn;`,
      'events { worker_connections 1024; }',
      'http {',
      `  access_log ${path.join(dir.path, 'logs', 'access.log')};`,
      `  ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}`,
      `  include ${path.join(dir.path, 'ventanilla.conf')};`,
      '}',
    ].join('\n'),
  );
  const child = spawn('nginx', ['-p', dir.path, '-c', path.join(dir.path, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  register(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  });
  const url = `http://127.0.0.1:${port}`;
  // Ready when it answers (through to an instance or not: a 502 still means nginx listens).
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    try {
      await fetch(`${url}/health`);
      return { url, process: child };
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not listen: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
