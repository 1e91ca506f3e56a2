import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Path of Electron's binary if it is installed; null otherwise (its download is skipped at install). */
export function electronBinary(root: string): string | null {
  const require = createRequire(path.join(root, 'package.json'));
  try {
    const binary = require('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const retryAfterMs = 24 * 60 * 60 * 1000;

/**
 * Tries once to download Electron's binary with its own installer, bounded in time, and
 * remembers a failure for a day so `npm start` does not wait on an unreachable host every time.
 */
/** True while a failed download is less than a day old: `npm start` does not try again meanwhile. */
export function electronDownloadResting(stateDir: string, now = Date.now()): boolean {
  const stamp = path.join(stateDir, 'electron-download-failed');
  return existsSync(stamp) && now - statSync(stamp).mtimeMs < retryAfterMs;
}

export async function fetchElectronOnce(root: string, stateDir: string, timeoutMs = 60_000): Promise<boolean> {
  const stamp = path.join(stateDir, 'electron-download-failed');
  if (electronDownloadResting(stateDir)) return false;
  const installer = path.join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return false;
  const succeeded = await new Promise<boolean>((resolve) => {
    const child = spawn(process.execPath, [installer], {
      cwd: path.dirname(installer),
      stdio: 'ignore',
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
    child.on('error', () => resolve(false));
  });
  if (succeeded && electronBinary(root) !== null) return true;
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(stamp, new Date().toISOString());
  return false;
}

export const lastFetchFailure = (stateDir: string): string | null => {
  const stamp = path.join(stateDir, 'electron-download-failed');
  return existsSync(stamp) ? readFileSync(stamp, 'utf8') : null;
};
