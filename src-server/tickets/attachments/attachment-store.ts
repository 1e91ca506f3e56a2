import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { mkdir, open, readdir, rename, stat, unlink, utimes, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { err, ok, type Result } from '../../../src-shared/api/result';
import type { Logger } from '../../logger';

/** A file as the store holds it: named by the SHA-256 of its bytes, nothing else. */
export interface StoredFile {
  /** Lower-case hex SHA-256 of the bytes: the file's name on disk and its identity. */
  readonly sha256: string;
  readonly size: number;
  /** False when the same bytes were already there (a second upload of one photo). */
  readonly created: boolean;
}

/** A stored file opened for serving, its bytes already checked against its name. */
export interface OpenedFile {
  readonly size: number;
  /** The file's first bytes (up to 16), for telling its type from what is actually stored. */
  readonly firstBytes: Buffer;
  /** Reads the file from its start; closes it when done or destroyed. */
  readonly stream: Readable;
}

const Sha256 = /^[0-9a-f]{64}$/;
const readChunk = 256 * 1024;

const cannotStore =
  'No se pudo guardar el adjunto en el servidor. Intente de nuevo en un momento; si continúa, avise a la entidad.';
const damaged =
  'Este adjunto no se puede entregar: la copia guardada en el servidor está dañada. Avise a la entidad para que lo revise.';

/**
 * Ticket attachments on the server's disk, outside the database: `<dir>/ab/cd/<sha256>`, where
 * `ab` and `cd` are the hash's first two pairs of hex digits (at most 256 entries per folder
 * level, whatever the number of files). A file's path comes from the hash of its bytes and from
 * nothing a citizen sent, so no file name can reach outside the folder, and one photo attached
 * twice is one file. Files are written once and never changed; the database rows that point at
 * them carry the hash, the type and the display name.
 *
 * Writes are atomic and durable: a temporary file in the target folder, fsync, rename over the
 * final name, fsync of the folder. A crash leaves the old state or the new, and at worst a
 * `.tmp` file that {@link AttachmentStore.removeStaleTemporaryFiles} clears. Reads check the bytes
 * against the name before the first byte is served: a damaged file is reported, never served.
 */
export class AttachmentStore {
  constructor(
    readonly dir: string,
    private readonly log: Logger,
  ) {}

  /** Where a hash's file lives; null for anything that is not a lower-case hex SHA-256. */
  pathOf(sha256: string): string | null {
    return Sha256.test(sha256) ? this.fileOf(sha256) : null;
  }

  /** Stores bytes under their hash; a file already there with the right bytes is kept as is. */
  async put(bytes: Buffer): Promise<Result<StoredFile>> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const file = this.fileOf(sha256);
    const folder = path.dirname(file);
    const temporary = path.join(folder, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const existing = await this.verify(file, sha256);
      if (existing === 'intact') {
        // Touched: the orphan sweep spares files used lately, and this one is about to be used again.
        const now = new Date();
        await utimes(file, now, now);
        return ok({ sha256, size: bytes.byteLength, created: false });
      }
      // A damaged copy is replaced by the good bytes just received: a repair, not a second file.
      if (existing === 'damaged') this.log.warn({ sha256 }, 'stored attachment was damaged; writing it again');
      await this.makeFolders(folder);
      await writeSynced(temporary, bytes);
      await rename(temporary, file);
      await syncFolder(folder);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      this.log.error({ err: error, sha256 }, 'could not store attachment');
      return err('internal', cannotStore);
    }
    return ok({ sha256, size: bytes.byteLength, created: true });
  }

  /**
   * Opens a stored file for serving after reading it once whole and checking its SHA-256; the
   * stream then reads it again from the same open file. `not-found` when there is no such file,
   * `internal` when its bytes no longer match its name (logged as an error).
   */
  async open(sha256: string): Promise<Result<OpenedFile>> {
    const file = this.pathOf(sha256);
    const missing = err('not-found', 'Este adjunto ya no existe en el servidor.');
    if (file === null) return missing;
    let handle: FileHandle;
    try {
      handle = await open(file, 'r');
    } catch (error) {
      if (isMissing(error)) return missing;
      this.log.error({ err: error, sha256 }, 'could not open stored attachment');
      return err('internal', damaged);
    }
    try {
      const { digest, size, firstBytes } = await hashOf(handle);
      if (digest !== sha256) {
        this.log.error({ sha256, found: digest, size }, 'stored attachment does not match its hash; not served');
        await handle.close();
        return err('internal', damaged);
      }
      return ok({ size, firstBytes, stream: handle.createReadStream({ start: 0 }) });
    } catch (error) {
      await handle.close().catch(() => undefined);
      this.log.error({ err: error, sha256 }, 'could not read stored attachment');
      return err('internal', damaged);
    }
  }

  /**
   * Deletes a stored file, for whoever knows that no row points at it any more (one file serves
   * every ticket that attached the same bytes). A file already gone is not an error.
   */
  async remove(sha256: string): Promise<void> {
    const file = this.pathOf(sha256);
    if (file === null) return;
    try {
      await unlink(file);
      await syncFolder(path.dirname(file));
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }

  /** Deletes `.tmp` files a crash left mid-write, older than `olderThanMs`; returns how many. */
  async removeStaleTemporaryFiles(olderThanMs: number, now = Date.now()): Promise<number> {
    let removed = 0;
    for (const first of await listFolder(this.dir)) {
      for (const second of await listFolder(path.join(this.dir, first))) {
        const folder = path.join(this.dir, first, second);
        for (const name of await listFolder(folder)) {
          if (!name.endsWith('.tmp')) continue;
          const file = path.join(folder, name);
          const { mtimeMs } = await stat(file);
          if (now - mtimeMs < olderThanMs) continue;
          await unlink(file);
          removed += 1;
        }
      }
    }
    return removed;
  }

  /**
   * Every stored file's hash whose file was last written or touched before `olderThanMs` ago:
   * the candidates of the orphan sweep (ticket-sweeper.ts), which keeps those a row names.
   */
  async filesOlderThan(olderThanMs: number, now = Date.now()): Promise<string[]> {
    const found: string[] = [];
    for (const first of await listFolder(this.dir)) {
      for (const second of await listFolder(path.join(this.dir, first))) {
        const folder = path.join(this.dir, first, second);
        for (const name of await listFolder(folder)) {
          if (!Sha256.test(name)) continue;
          const { mtimeMs } = await stat(path.join(folder, name));
          if (now - mtimeMs >= olderThanMs) found.push(name);
        }
      }
    }
    return found;
  }

  private fileOf(sha256: string): string {
    return path.join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  private async verify(file: string, sha256: string): Promise<'intact' | 'damaged' | 'missing'> {
    let handle: FileHandle;
    try {
      handle = await open(file, 'r');
    } catch (error) {
      if (isMissing(error)) return 'missing';
      throw error;
    }
    try {
      return (await hashOf(handle)).digest === sha256 ? 'intact' : 'damaged';
    } finally {
      await handle.close();
    }
  }

  /** Creates `<dir>/ab/cd` (owner only) and makes each new folder's entry durable in its parent. */
  private async makeFolders(folder: string): Promise<void> {
    const first = await mkdir(folder, { recursive: true, mode: 0o700 });
    if (first === undefined) return;
    const created: string[] = [];
    for (let at = folder; at.length >= first.length; at = path.dirname(at)) created.push(at);
    for (const at of created) await syncFolder(path.dirname(at));
  }
}

async function hashOf(handle: FileHandle): Promise<{ digest: string; size: number; firstBytes: Buffer }> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(readChunk);
  let size = 0;
  let firstBytes = Buffer.alloc(0);
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, size);
    if (bytesRead === 0) break;
    if (size === 0) firstBytes = Buffer.from(buffer.subarray(0, Math.min(16, bytesRead)));
    hash.update(buffer.subarray(0, bytesRead));
    size += bytesRead;
  }
  return { digest: hash.digest('hex'), size, firstBytes };
}

/** A new file (never an existing one: `wx`), owner-only, its bytes on disk before it is closed. */
async function writeSynced(file: string, bytes: Buffer): Promise<void> {
  const handle = await open(file, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A rename or a new entry is durable only once its folder is synced (POSIX; a no-op elsewhere). */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function listFolder(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch (error) {
    if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw error;
  }
}

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
