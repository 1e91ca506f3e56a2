/**
 * The central server's update feed for electron-updater's generic provider (docs/updates.md).
 * Not a `/v1` route of the map (routes.ts): electron-updater fetches it itself, a YAML file and
 * then the artifact it names, with the device's token in its request headers. Both the server
 * (src-server/releases/) and the device (src-main/updates/, src-main/electron/auto-update.ts)
 * take the paths and words from here.
 */

export const releaseChannels = ['stable', 'pilot'] as const;
export type ReleaseChannel = (typeof releaseChannels)[number];

export const releasePlatforms = ['linux', 'windows'] as const;
export type ReleasePlatform = (typeof releasePlatforms)[number];

/** Where a device's electron-updater looks: `<server>/updates/`; the feed files and artifacts below it. */
export const updateFeedPath = '/updates';

/** The feed file electron-updater asks for on each platform (electron-builder writes the same names). */
export const feedFileOf: Readonly<Record<ReleasePlatform, string>> = {
  linux: 'latest-linux.yml',
  windows: 'latest.yml',
};

/**
 * Versions this device has rolled back from (comma-separated): the feed leaves them out, so a
 * device whose new version failed to start is offered the previous one again.
 */
export const skipVersionsHeader = 'x-ventanilla-skip-versions';

/** Plain semver without build metadata: 1.2.3 or 1.2.3-pilot.1. */
const semverPattern = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

export function isSemver(version: string): boolean {
  return version.length <= 64 && semverPattern.test(version);
}

/** Semver precedence (semver.org §11): negative when a < b. Both must be `isSemver`. */
export function compareSemver(a: string, b: string): number {
  const pa = semverPattern.exec(a);
  const pb = semverPattern.exec(b);
  if (pa === null || pb === null) throw new Error(`not a semver version: ${pa === null ? a : b}`);
  for (let i = 1; i <= 3; i += 1) {
    const diff = Number(pa[i]) - Number(pb[i]);
    if (diff !== 0) return Math.sign(diff);
  }
  const preA = pa[4];
  const preB = pb[4];
  if (preA === undefined || preB === undefined) return preA === preB ? 0 : preA === undefined ? 1 : -1;
  const idsA = preA.split('.');
  const idsB = preB.split('.');
  for (let i = 0; i < Math.max(idsA.length, idsB.length); i += 1) {
    const x = idsA[i];
    const y = idsB[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) {
      const diff = Number(x) - Number(y);
      if (diff !== 0) return Math.sign(diff);
    } else if (nx !== ny) return nx ? -1 : 1;
    else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** The skip header's versions, malformed ones dropped. */
export function parseSkipVersions(header: string | undefined): string[] {
  if (header === undefined) return [];
  return header
    .split(',')
    .map((v) => v.trim())
    .filter(isSemver)
    .slice(0, 20);
}
