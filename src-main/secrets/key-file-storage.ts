import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SecretStorageError, type SecretName, type SecretProtection, type SecretStorage } from './secret-storage';

/** Wraps a value with the OS keychain before it is written, and unwraps it after it is read. */
export interface Sealer {
  seal(plain: Buffer): Buffer;
  open(sealed: Buffer): Buffer;
}

/** One file per secret: which protection wrote it, so a file sealed by the keychain is never read as raw. */
const KeyFile = z.object({
  format: z.literal(1),
  sealedBy: z.enum(['none', 'os-keychain']),
  value: z.base64(),
});
type KeyFile = z.infer<typeof KeyFile>;

const privateDir = 0o700;
const privateFile = 0o600;

/**
 * Secrets as files `<dir>/<name>.key`, mode 0600, in a folder of mode 0700 (POSIX; on Windows
 * the folder inherits the user profile's ACL). Every write goes to a new temporary file that
 * is fsynced and then renamed (or hard-linked, for `create`) into place, and the folder is
 * fsynced: a crash leaves the old value or the new one, never half a key. With a `sealer`, the
 * value is sealed by the OS keychain before it reaches the disk.
 */
export class KeyFileStorage implements SecretStorage {
  readonly protection: SecretProtection;

  constructor(
    private readonly dir: string,
    private readonly sealer: Sealer | null = null,
  ) {
    this.protection = sealer === null ? 'key-file' : 'os-keychain';
  }

  read(name: SecretName): Buffer | null {
    let text: string;
    try {
      text = readFileSync(this.file(name), 'utf8');
    } catch (error) {
      if (isCode(error, 'ENOENT')) return null;
      throw new SecretStorageError(
        `No se pudo leer la clave ${this.file(name)} (${codeOf(error)}). Revise los permisos de la carpeta.`,
        { cause: error },
      );
    }
    const parsed = KeyFile.safeParse(safeJson(text));
    if (!parsed.success) throw new SecretStorageError(`La clave ${this.file(name)} está dañada. No se modificó.`);
    return this.unwrap(name, parsed.data);
  }

  write(name: SecretName, value: Buffer): void {
    const temp = this.writeTemp(name, value);
    try {
      renameSync(temp, this.file(name));
    } catch (error) {
      unlinkQuietly(temp);
      throw error;
    }
    this.syncDir();
  }

  create(name: SecretName, value: Buffer): Buffer {
    const temp = this.writeTemp(name, value);
    try {
      // link() never replaces: of two processes creating at once, one value wins and both use it.
      linkSync(temp, this.file(name));
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error;
    } finally {
      unlinkQuietly(temp);
    }
    this.syncDir();
    const stored = this.read(name);
    if (stored === null) throw new SecretStorageError(`La clave ${this.file(name)} desapareció mientras se creaba.`);
    return stored;
  }

  remove(name: SecretName): void {
    unlinkQuietly(this.file(name));
    this.syncDir();
  }

  private file(name: SecretName): string {
    return path.join(this.dir, `${name}.key`);
  }

  private unwrap(name: SecretName, file: KeyFile): Buffer {
    const raw = Buffer.from(file.value, 'base64');
    if (file.sealedBy === 'none') return raw;
    if (this.sealer === null) {
      throw new SecretStorageError(
        `La clave ${this.file(name)} está protegida por el llavero del sistema operativo y este arranque no tiene acceso a él ` +
          '(¿se abrió con el anfitrión web una instalación de Electron?). Inicie Ventanilla como se instaló.',
      );
    }
    try {
      return this.sealer.open(raw);
    } catch (error) {
      throw new SecretStorageError(
        `El llavero del sistema operativo no abrió la clave ${this.file(name)}: ¿cambió el usuario del sistema o se restauró el equipo desde una copia? ` +
          'Avise a soporte técnico.',
        { cause: error },
      );
    }
  }

  private writeTemp(name: SecretName, value: Buffer): string {
    this.ensureDir();
    const content: KeyFile = {
      format: 1,
      sealedBy: this.sealer === null ? 'none' : 'os-keychain',
      value: (this.sealer === null ? value : this.sealer.seal(value)).toString('base64'),
    };
    const temp = path.join(this.dir, `.${name}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    // 'wx' with the mode: the file is private from its first byte, never chmod-ed afterwards.
    const fd = openSync(temp, 'wx', privateFile);
    try {
      writeSync(fd, `${JSON.stringify(content)}\n`);
      fsyncSync(fd);
    } catch (error) {
      closeSync(fd);
      unlinkQuietly(temp);
      throw error;
    }
    closeSync(fd);
    return temp;
  }

  private ensureDir(): void {
    mkdirSync(this.dir, { recursive: true, mode: privateDir });
    // mkdir's mode passes through the umask and leaves an existing folder as it was.
    if (process.platform !== 'win32' && (statSync(this.dir).mode & 0o777) !== privateDir)
      chmodSync(this.dir, privateDir);
  }

  /** The rename or link is durable only once the folder's entry is on disk. */
  private syncDir(): void {
    if (process.platform === 'win32') return;
    let fd: number;
    try {
      fd = openSync(this.dir, 'r');
    } catch (error) {
      if (isCode(error, 'ENOENT')) return;
      throw error;
    }
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if (!isCode(error, 'ENOENT')) throw error;
  }
}

const codeOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'error';
const isCode = (error: unknown, code: string): boolean => codeOf(error) === code;
