import { stringify } from 'yaml';
import type { StoredRelease } from './release-queries';

/**
 * The feed file electron-updater's generic provider reads (latest.yml / latest-linux.yml), in
 * electron-builder's own shape. Each file's url is relative to the feed's folder and carries the
 * version (`1.4.0/Ventanilla-1.4.0.AppImage`), so two versions' files never share an address.
 */
export function feedFileText(release: StoredRelease): string {
  const files = release.files.map((f) => ({
    url: `${encodeURIComponent(release.version)}/${encodeURIComponent(f.name)}`,
    sha512: f.sha512,
    size: f.size,
  }));
  const main = files[0]!;
  // Every string quoted, as electron-builder writes them: electron-updater reads the file with
  // js-yaml (YAML 1.1), which would take a bare ISO date for a Date and other bare words for
  // booleans or numbers.
  return stringify(
    {
      version: release.version,
      files,
      path: main.url,
      sha512: main.sha512,
      releaseDate: release.releaseDate.toISOString(),
    },
    { defaultStringType: 'QUOTE_SINGLE', defaultKeyType: 'PLAIN' },
  );
}
