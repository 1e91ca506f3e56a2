import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  feedFileOf,
  isSemver,
  parseSkipVersions,
  releasePlatforms,
  skipVersionsHeader,
  updateFeedPath,
} from '../../src-shared/server-api/update-feed';
import type { ServerDatabase } from '../db/open';
import { deviceOf, requireDevice } from '../http/device-auth';
import type { Logger } from '../logger';
import { feedFileText } from './feed-file';
import { channelOfDevice, newestRelease, servableRelease } from './release-queries';
import { storedFilePath } from './release-store';

/**
 * The update feed (docs/updates.md): `GET /updates/latest.yml` and `/updates/latest-linux.yml`
 * made from the newest release of the asking device's channel, and `GET /updates/<version>/<file>`
 * for an artifact of a release that channel may have. Only enrolled devices (their token, 401
 * otherwise, like every device route); a name no such release has is 404, whatever it is.
 */
export function updateFeedRoutes(deps: {
  database: ServerDatabase;
  releasesDir: string;
  log: Logger;
}): (app: FastifyInstance) => Promise<void> {
  const { database, releasesDir, log } = deps;
  return async (app) => {
    const onRequest = requireDevice(database);
    const notFound = (reply: FastifyReply) =>
      reply
        .code(404)
        .type('text/plain; charset=utf-8')
        .header('cache-control', 'no-store')
        .send('No existe esa versión para este equipo.');

    app.get(`${updateFeedPath}/:file`, { onRequest }, async (request, reply) => {
      const file = (request.params as { file: string }).file;
      const platform = releasePlatforms.find((p) => feedFileOf[p] === file);
      if (platform === undefined) return notFound(reply);
      const device = deviceOf(request);
      const { channel } = await channelOfDevice(database.exec, device.id);
      const skip = parseSkipVersions(headerText(request, skipVersionsHeader));
      const release = await newestRelease(database.exec, channel, platform, skip);
      if (release === null) return notFound(reply);
      return reply.type('text/yaml; charset=utf-8').header('cache-control', 'no-store').send(feedFileText(release));
    });

    app.get(`${updateFeedPath}/:version/:file`, { onRequest }, async (request, reply) => {
      const { version, file } = request.params as { version: string; file: string };
      if (!isSemver(version)) return notFound(reply);
      const device = deviceOf(request);
      const { channel } = await channelOfDevice(database.exec, device.id);
      for (const release of await servableRelease(database.exec, channel, version)) {
        const entry = release.files.find((f) => f.name === file);
        if (entry === undefined) continue;
        const full = storedFilePath(releasesDir, release.path, entry.name);
        const info = full === null ? null : await stat(full).catch(() => null);
        if (full === null || info === null || !info.isFile() || info.size !== entry.size) {
          // The row says the file is there and it is not (a store not shared between instances?).
          log.error({ version, file, path: release.path }, 'release file missing or changed in the release store');
          return notFound(reply);
        }
        log.info({ device: device.id, channel, version, file }, 'update download');
        return reply
          .type('application/octet-stream')
          .header('content-length', String(entry.size))
          .header('cache-control', 'no-store')
          .send(createReadStream(full));
      }
      return notFound(reply);
    });
  };
}

function headerText(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}
