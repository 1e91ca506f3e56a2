import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ReleaseChannel } from '../../src-shared/server-api/update-feed';
import type { SqlExecutor } from '../db/sql-executor';
import { runInTransaction } from '../db/transaction';
import { readBuilderOutput, ReleaseRefused, sha512OfFile, type CheckedRelease } from './builder-output';
import { releaseExists } from './release-queries';
import { releaseRelativePath } from './release-store';

export interface PublishedRelease {
  readonly platform: CheckedRelease['platform'];
  readonly version: string;
  readonly files: CheckedRelease['files'];
}

/**
 * `npm run admin -- release publish <dir> --channel …`: every release in an electron-builder
 * output directory checked (builder-output.ts), refused when its version is already on the
 * channel for that platform; then the files copied into the store, each copy hashed again, and
 * the rows inserted in one transaction. A refusal changes nothing: no file copied, no row.
 *
 * The sha512 is checked here, at publish, and not again on each download: the store is written
 * only by this function, and electron-updater checks the sha512 the feed names against what it
 * downloaded before installing, so a file damaged in the store is refused by the device.
 */
export async function publishRelease(
  exec: SqlExecutor,
  input: { sourceDir: string; storeDir: string; channel: ReleaseChannel; now: Date },
): Promise<PublishedRelease[]> {
  const releases = await readBuilderOutput(path.resolve(input.sourceDir));
  for (const release of releases) {
    if (await releaseExists(exec, input.channel, release.platform, release.version)) {
      throw new ReleaseRefused(
        `La versión ${release.version} para ${platformWords[release.platform]} ya está publicada en el canal ${input.channel}. ` +
          'Cada versión se publica una vez por canal: compile una versión nueva (version en package.json).',
      );
    }
  }
  const staged: Array<{ release: CheckedRelease; tmp: string; final: string; relative: string }> = [];
  try {
    for (const release of releases) {
      const relative = releaseRelativePath(input.channel, release.platform, release.version);
      const final = path.join(input.storeDir, relative);
      const tmp = path.join(input.storeDir, '.incoming', randomUUID());
      staged.push({ release, tmp, final, relative });
      await mkdir(tmp, { recursive: true });
      for (const file of release.files) {
        const target = path.join(tmp, file.name);
        await copyFile(path.join(release.sourceDir, file.name), target);
        // The copy, not only the source: a full disk or a file changed meanwhile is caught here.
        if ((await stat(target)).size !== file.size || (await sha512OfFile(target)) !== file.sha512) {
          throw new ReleaseRefused(
            `La copia de ${file.name} en el almacén de versiones no coincide: no se publicó nada.`,
          );
        }
      }
    }
    for (const s of staged) {
      // A folder left by a publish whose insert failed has no row: it is replaced.
      await rm(s.final, { recursive: true, force: true });
      await mkdir(path.dirname(s.final), { recursive: true });
      await rename(s.tmp, s.final);
    }
    await runInTransaction(exec, async (tx) => {
      for (const { release, relative } of staged) {
        await tx.query(
          `INSERT INTO app_releases (id, channel, platform, version, files, path, release_date, published_at)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)`,
          [
            randomUUID(),
            input.channel,
            release.platform,
            release.version,
            JSON.stringify(orderedFiles(release)),
            relative,
            release.releaseDate.toISOString(),
            input.now.toISOString(),
          ],
        );
      }
    });
  } catch (error) {
    for (const s of staged) {
      await rm(s.tmp, { recursive: true, force: true });
      if (!(await releaseExists(exec, input.channel, s.release.platform, s.release.version)))
        await rm(s.final, { recursive: true, force: true });
    }
    if (isUniqueViolation(error)) {
      throw new ReleaseRefused('Otra publicación de la misma versión y canal terminó primero: no se publicó nada.');
    }
    throw error;
  }
  return releases.map((r) => ({ platform: r.platform, version: r.version, files: r.files }));
}

/** The installer `path` names first: the feed's `path` is the first file. */
function orderedFiles(release: CheckedRelease): CheckedRelease['files'] {
  return [
    ...release.files.filter((f) => f.name === release.mainFile),
    ...release.files.filter((f) => f.name !== release.mainFile),
  ];
}

export const platformWords = { linux: 'Linux', windows: 'Windows' } as const;

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
