import path from 'node:path';
import type { ReleaseChannel, ReleasePlatform } from '../../src-shared/server-api/update-feed';
import { isPlainFileName, isSemverDir } from './store-names';

/**
 * Where published artifacts live: VENTANILLA_RELEASES_DIR, or `<data dir>/server/releases`.
 * Several instances must share it (a shared volume), or a feed answered by one instance names a
 * file another lacks. Layout: `<dir>/<channel>/<platform>/<version>/<file>`.
 */
export function releasesDirOf(env: Record<string, string | undefined>, dataDir: string): string {
  const dir = env.VENTANILLA_RELEASES_DIR?.trim();
  return dir ? path.resolve(dir) : path.join(dataDir, 'server', 'releases');
}

/** A release's folder, relative to the store (what app_releases.path holds). */
export function releaseRelativePath(channel: ReleaseChannel, platform: ReleasePlatform, version: string): string {
  return path.posix.join(channel, platform, version);
}

/**
 * The absolute path of one file of a release, or null if the stored path or the name could leave
 * the store (a row written by hand, a request's name): the feed then answers 404.
 */
export function storedFilePath(storeDir: string, relativePath: string, name: string): string | null {
  const segments = relativePath.split('/');
  if (segments.length !== 3 || !segments.every((s) => s !== '' && s !== '.' && s !== '..')) return null;
  if (!isSemverDir(segments[2]!) || !isPlainFileName(name)) return null;
  const full = path.resolve(storeDir, ...segments, name);
  return full.startsWith(path.resolve(storeDir) + path.sep) ? full : null;
}
