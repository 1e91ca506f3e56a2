import { parseArgs } from 'node:util';
import pino from 'pino';
import {
  releaseChannels,
  releasePlatforms,
  type ReleaseChannel,
  type ReleasePlatform,
} from '../../src-shared/server-api/update-feed';
import { isServerAnswering } from '../admin/admin-client';
import { readLocalAdminFile } from '../admin/local-admin-file';
import type { ServerConfig } from '../config';
import { migrateServerDatabase } from '../db/migrate';
import { openServerDatabase, type ServerDatabase } from '../db/open';
import { createServerLogger } from '../logger';
import { ReleaseRefused } from './builder-output';
import { platformWords, publishRelease } from './publish-release';
import { listReleases, withdrawRelease } from './release-queries';
import { releasesDirOf } from './release-store';

export const releaseUsage = `  npm run admin -- release publish <carpeta-de-electron-builder> --channel pilot|stable
  npm run admin -- release list
  npm run admin -- release withdraw <versión> --channel pilot|stable --platform linux|windows`;

export const releaseHelp = `release: las versiones que los equipos descargan del servidor central (docs/updates.md). publish lee
  latest.yml / latest-linux.yml y los instaladores que nombran, revisa tamaño y sha512 y los copia al almacén
  (VENTANILLA_RELEASES_DIR); withdraw retira una versión y los equipos del canal vuelven a la anterior.`;

/** A mistake in the command line: admin.ts prints it with the usage (exit code 2). */
export class ReleaseUsageError extends Error {
  override readonly name = 'ReleaseUsageError';
}

/**
 * `npm run admin -- release …` (scripts/admin.ts only dispatches here). Opens the database
 * directly: PostgreSQL always; PGlite only while no server holds it (it allows one process).
 * A refusal (ReleaseRefused) is thrown with the operator's words and nothing changed.
 */
export async function releaseCommand(
  config: ServerConfig,
  args: string[],
  print: (line: string) => void,
): Promise<void> {
  const [action, ...rest] = args;
  const storeDir = config.releasesDir ?? releasesDirOf({}, config.dataDir);
  switch (action) {
    case 'publish': {
      const { positionals, values } = parse(rest, { channel: true });
      const [dir, ...extra] = positionals;
      if (dir === undefined || extra.length > 0) throw new ReleaseUsageError('«release publish» recibe una carpeta.');
      const channel = channelOf(values.channel);
      const published = await withDatabase(config, (database) =>
        publishRelease(database.exec, { sourceDir: dir, storeDir, channel, now: new Date() }),
      );
      for (const r of published) {
        print(
          `Publicada la versión ${r.version} para ${platformWords[r.platform]} en el canal ${channel}: ${r.files.map((f) => f.name).join(', ')}.`,
        );
      }
      print(`Los equipos del canal ${channel} la descargan en su próxima consulta (cada pocos minutos).`);
      return;
    }
    case 'list': {
      if (rest.length > 0) throw new ReleaseUsageError('«release list» no recibe argumentos.');
      const releases = await withDatabase(config, (database) => listReleases(database.exec));
      if (releases.length === 0) {
        print('No hay versiones publicadas.');
        return;
      }
      print('CANAL   PLATAFORMA  VERSIÓN          PUBLICADA                 ESTADO');
      for (const r of releases) {
        print(
          `${r.channel.padEnd(8)}${r.platform.padEnd(12)}${r.version.padEnd(17)}${r.publishedAt.toISOString().padEnd(26)}${
            r.withdrawnAt === null ? 'vigente' : `retirada ${r.withdrawnAt.toISOString()}`
          }`,
        );
      }
      return;
    }
    case 'withdraw': {
      const { positionals, values } = parse(rest, { channel: true, platform: true });
      const [version, ...extra] = positionals;
      if (version === undefined || extra.length > 0)
        throw new ReleaseUsageError('«release withdraw» recibe una versión.');
      const channel = channelOf(values.channel);
      const platform = platformOf(values.platform);
      const outcome = await withDatabase(config, (database) =>
        withdrawRelease(database.exec, { channel, platform, version }, new Date()),
      );
      if (outcome === 'not-found')
        throw new ReleaseRefused(
          `No hay una versión ${version} para ${platformWords[platform]} en el canal ${channel} (vea «release list»).`,
        );
      print(
        outcome === 'withdrawn'
          ? `Versión ${version} retirada del canal ${channel} (${platformWords[platform]}): sus equipos vuelven a la versión anterior vigente en su próxima consulta.`
          : `La versión ${version} ya estaba retirada del canal ${channel} (${platformWords[platform]}).`,
      );
      return;
    }
    default:
      throw new ReleaseUsageError(
        `«release» recibe publish, list o withdraw${action === undefined ? '' : `, no «${action}»`}.`,
      );
  }
}

function parse(args: string[], options: { channel?: true; platform?: true }) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        ...(options.channel ? { channel: { type: 'string' as const } } : {}),
        ...(options.platform ? { platform: { type: 'string' as const } } : {}),
      },
    }) as { positionals: string[]; values: { channel?: string; platform?: string } };
  } catch (error) {
    throw new ReleaseUsageError(error instanceof Error ? error.message : String(error));
  }
}

function channelOf(value: string | undefined): ReleaseChannel {
  const channel = releaseChannels.find((c) => c === value);
  if (channel === undefined) throw new ReleaseUsageError('--channel debe ser pilot o stable.');
  return channel;
}

function platformOf(value: string | undefined): ReleasePlatform {
  const platform = releasePlatforms.find((p) => p === value);
  if (platform === undefined) throw new ReleaseUsageError('--platform debe ser linux o windows.');
  return platform;
}

async function withDatabase<T>(config: ServerConfig, fn: (database: ServerDatabase) => Promise<T>): Promise<T> {
  if (config.databaseUrl === null) {
    const endpoint = await readLocalAdminFile(config.dataDir);
    if (endpoint !== null && (await isServerAnswering(endpoint))) {
      throw new ReleaseRefused(
        'El servidor central está en marcha con su base de datos embebida (PGlite), que admite un solo proceso: ' +
          'deténgalo para publicar o retirar versiones, o use PostgreSQL (DATABASE_URL).',
      );
    }
  }
  // Logs go to stderr at warn: stdout is for the person reading the answer.
  const database = await openServerDatabase(config, { logger: createServerLogger('warn', pino.destination(2)) });
  try {
    await migrateServerDatabase(database.exec);
    return await fn(database);
  } finally {
    await database.close();
  }
}
