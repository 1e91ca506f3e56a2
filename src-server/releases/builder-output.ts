import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { isPlainFileName } from './store-names';
import { feedFileOf, isSemver, releasePlatforms, type ReleasePlatform } from '../../src-shared/server-api/update-feed';

/** One artifact of a release, as the feed names it: sha512 in base64, electron-updater's format. */
export interface ReleaseFile {
  readonly name: string;
  readonly size: number;
  readonly sha512: string;
}

/** A platform's release found in an electron-builder output directory, every file checked. */
export interface CheckedRelease {
  readonly platform: ReleasePlatform;
  readonly version: string;
  readonly files: readonly ReleaseFile[];
  /** The file `path` names (the installer electron-updater runs); one of `files`. */
  readonly mainFile: string;
  readonly releaseDate: Date;
  readonly sourceDir: string;
}

/** Why a release directory is refused, in words for the operator; nothing was changed. */
export class ReleaseRefused extends Error {
  override readonly name = 'ReleaseRefused';
}

const FeedFile = z.object({
  version: z.string(),
  files: z
    .array(
      z.object({
        url: z.string(),
        sha512: z.string(),
        size: z.number().int().nonnegative(),
      }),
    )
    .min(1),
  path: z.string().optional(),
  sha512: z.string().optional(),
  releaseDate: z.union([z.string(), z.date()]).optional(),
});

/** base64 of 64 bytes: 86 characters and `==`. */
const sha512Base64 = /^[A-Za-z0-9+/]{86}==$/;

/** sha512 of a file, base64, read as a stream (installers are 100+ MB). */
export async function sha512OfFile(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

/**
 * The releases in an electron-builder output directory: `latest.yml` (Windows) and
 * `latest-linux.yml` (Linux), each with every file it names checked — a plain name, present, a
 * regular file, the size and sha512 the feed file says. Throws ReleaseRefused on the first problem.
 */
export async function readBuilderOutput(dir: string): Promise<CheckedRelease[]> {
  const info = await lstat(dir).catch(() => null);
  if (info === null || !info.isDirectory()) throw new ReleaseRefused(`No existe la carpeta ${dir}.`);
  const releases: CheckedRelease[] = [];
  for (const platform of releasePlatforms) {
    const feedFile = path.join(dir, feedFileOf[platform]);
    const text = await readFile(feedFile, 'utf8').catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    });
    if (text === null) continue;
    releases.push(await checkFeedFile(dir, platform, text));
  }
  if (releases.length === 0) {
    throw new ReleaseRefused(
      `La carpeta ${dir} no tiene ${feedFileOf.windows} ni ${feedFileOf.linux}: no es la salida de electron-builder («npm run dist», carpeta release/).`,
    );
  }
  return releases;
}

async function checkFeedFile(dir: string, platform: ReleasePlatform, text: string): Promise<CheckedRelease> {
  const where = feedFileOf[platform];
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch {
    throw new ReleaseRefused(`${where} no es YAML válido.`);
  }
  const parsed = FeedFile.safeParse(raw);
  if (!parsed.success) {
    throw new ReleaseRefused(`${where} no tiene la forma de electron-builder (version, files con url, sha512 y size).`);
  }
  const feed = parsed.data;
  if (!isSemver(feed.version)) {
    throw new ReleaseRefused(`${where}: la versión «${feed.version}» no es semver (p. ej. 1.4.0 o 1.4.0-piloto.1).`);
  }
  const files: ReleaseFile[] = [];
  for (const entry of feed.files) {
    if (!isPlainFileName(entry.url)) {
      throw new ReleaseRefused(
        `${where} nombra «${entry.url}»: solo se aceptan nombres de archivo simples de la misma carpeta (sin / ni ..).`,
      );
    }
    if (!sha512Base64.test(entry.sha512)) {
      throw new ReleaseRefused(`${where}: el sha512 de ${entry.url} no es un sha512 en base64.`);
    }
    if (files.some((f) => f.name === entry.url)) throw new ReleaseRefused(`${where} nombra ${entry.url} dos veces.`);
    const file = path.join(dir, entry.url);
    const stat = await lstat(file).catch(() => null);
    if (stat === null) throw new ReleaseRefused(`Falta ${entry.url}, que ${where} nombra.`);
    if (!stat.isFile()) throw new ReleaseRefused(`${entry.url} no es un archivo normal (¿un enlace o una carpeta?).`);
    if (stat.size !== entry.size) {
      throw new ReleaseRefused(
        `${entry.url} mide ${stat.size} bytes y ${where} dice ${entry.size}: el archivo no es el que electron-builder firmó en el feed.`,
      );
    }
    const sha512 = await sha512OfFile(file);
    if (sha512 !== entry.sha512) {
      throw new ReleaseRefused(
        `El sha512 de ${entry.url} no coincide con ${where}: el archivo cambió o está dañado. No se publicó nada.`,
      );
    }
    files.push({ name: entry.url, size: entry.size, sha512 });
  }
  const mainFile = feed.path ?? files[0]!.name;
  const main = files.find((f) => f.name === mainFile);
  if (main === undefined) throw new ReleaseRefused(`${where}: path «${mainFile}» no está entre sus files.`);
  if (feed.sha512 !== undefined && feed.sha512 !== main.sha512) {
    throw new ReleaseRefused(`${where}: el sha512 de path no es el de ${mainFile} en files.`);
  }
  const releaseDate = feed.releaseDate === undefined ? new Date() : new Date(feed.releaseDate);
  if (Number.isNaN(releaseDate.getTime())) throw new ReleaseRefused(`${where}: releaseDate no es una fecha.`);
  return { platform, version: feed.version, files, mainFile, releaseDate, sourceDir: dir };
}
