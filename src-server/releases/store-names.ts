import path from 'node:path';
import { isSemver } from '../../src-shared/server-api/update-feed';

/**
 * A name the release store may hold and the feed may serve: one path segment, no traversal, no
 * hidden or control characters. electron-builder's artifact names («Ventanilla Setup 1.2.0.exe»,
 * «Ventanilla-1.2.0.AppImage», «ventanilla_1.2.0_amd64.deb») all pass.
 */
export function isPlainFileName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 200 &&
    /^[A-Za-z0-9][A-Za-z0-9._ +-]*$/.test(name) &&
    !name.includes('..') &&
    path.basename(name) === name
  );
}

/** A version used as a folder name: semver, which has no `/` and never starts with a dot. */
export const isSemverDir = (segment: string): boolean => isSemver(segment);
