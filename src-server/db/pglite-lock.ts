import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite is Postgres inside this process: a second process (or a second `PGlite` in this one)
 * opening the same folder is not refused by PGlite and silently corrupts it. This lock file
 * makes the second opener fail with a message instead.
 */
export class PgliteLockedError extends Error {
  override readonly name = 'PgliteLockedError';
}

export interface DirectoryLock {
  readonly file: string;
  release(): Promise<void>;
}

interface LockOwner {
  pid: number;
  hostname: string;
  acquiredAt: string;
  /** Distinguishes two locks taken by the same process, so release never removes another's. */
  nonce: string;
}

export async function acquirePgliteLock(pgliteDir: string): Promise<DirectoryLock> {
  const file = `${pgliteDir}.lock`;
  await mkdir(path.dirname(file), { recursive: true });
  const me: LockOwner = {
    pid: process.pid,
    hostname: os.hostname(),
    acquiredAt: new Date().toISOString(),
    nonce: randomUUID(),
  };
  // Second attempt only after removing a stale lock left by a process that died.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(file, 'wx', 0o600);
      await handle.writeFile(JSON.stringify(me));
      await handle.close();
      return { file, release: () => releaseIfMine(file, me.nonce) };
    } catch (error) {
      if (!isErrno(error, 'EEXIST')) throw error;
    }
    const owner = await readOwner(file);
    if (owner !== null && isAlive(owner)) {
      throw new PgliteLockedError(
        `La base de datos PGlite en ${pgliteDir} ya está abierta por otro proceso (pid ${owner.pid}` +
          `${owner.hostname === os.hostname() ? '' : ` en ${owner.hostname}`}). ` +
          'Detenga ese servidor o use el comando de administración, que le habla al servidor en ejecución.',
      );
    }
    await unlink(file).catch((error: unknown) => {
      if (!isErrno(error, 'ENOENT')) throw error;
    });
  }
  throw new PgliteLockedError(`No se pudo tomar el bloqueo de ${file}; otro proceso lo está tomando a la vez.`);
}

async function readOwner(file: string): Promise<LockOwner | null> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'pid' in parsed && typeof parsed.pid === 'number') {
      return parsed as LockOwner;
    }
  } catch {
    // Unreadable or half-written: a crash between open and write. Treated as stale below.
  }
  return null;
}

function isAlive(owner: LockOwner): boolean {
  // A lock written from another machine (shared folder) cannot be checked: assume it is held.
  if (owner.hostname !== os.hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return isErrno(error, 'EPERM');
  }
}

async function releaseIfMine(file: string, nonce: string): Promise<void> {
  const owner = await readOwner(file);
  if (owner?.nonce === nonce) await unlink(file).catch(() => undefined);
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
