import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { feedFileOf, type ReleasePlatform } from '../../src-shared/server-api/update-feed';

export const sha512Base64 = (bytes: Buffer): string => createHash('sha512').update(bytes).digest('base64');

/** The artifact names electron-builder gives each platform's installer. */
export function artifactNameOf(platform: ReleasePlatform, version: string): string {
  return platform === 'linux' ? `Ventanilla-${version}.AppImage` : `Ventanilla Setup ${version}.exe`;
}

/**
 * An electron-builder output folder as `npm run dist` leaves it: per platform a random
 * «installer» and the feed file naming it with its size and sha512 (base64), the way
 * electron-builder writes latest.yml / latest-linux.yml. Returns each artifact's bytes.
 */
export function writeBuilderOutput(
  dir: string,
  version: string,
  platforms: readonly ReleasePlatform[],
  opts: { size?: number } = {},
): Record<string, Buffer> {
  mkdirSync(dir, { recursive: true });
  const artifacts: Record<string, Buffer> = {};
  for (const platform of platforms) {
    const name = artifactNameOf(platform, version);
    const bytes = randomBytes(opts.size ?? 256 * 1024);
    writeFileSync(path.join(dir, name), bytes);
    artifacts[name] = bytes;
    writeFeedFile(dir, platform, { version, files: [{ url: name, sha512: sha512Base64(bytes), size: bytes.length }] });
  }
  return artifacts;
}

export function writeFeedFile(
  dir: string,
  platform: ReleasePlatform,
  feed: { version: string; files: Array<{ url: string; sha512: string; size: number }> },
): void {
  const main = feed.files[0]!;
  writeFileSync(
    path.join(dir, feedFileOf[platform]),
    stringify({
      version: feed.version,
      files: feed.files,
      path: main.url,
      sha512: main.sha512,
      releaseDate: new Date().toISOString(),
    }),
  );
}
