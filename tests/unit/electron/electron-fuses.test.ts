import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// electron-builder's own reader and schema check (app-builder-lib and builder-util come with the
// electron-builder devDependency): the test sees the file exactly as `npm run dist` would.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const configFile = path.join(repoRoot, 'electron-builder.yml');

/** What a packaged Ventanilla must have; electron-builder.yml says why for each one. */
const expectedFuses = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
} as const;

describe('Electron fuses in electron-builder.yml', () => {
  it('sets every fuse the packaged app relies on, and electron-builder accepts the file', async () => {
    const config = await getConfig(repoRoot, configFile, null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.electronFuses).toEqual(expectedFuses);
  });

  it('says why next to each fuse', () => {
    const lines = readFileSync(configFile, 'utf8').split('\n');
    for (const fuse of Object.keys(expectedFuses)) {
      const at = lines.findIndex((line) => line.trim().startsWith(`${fuse}:`));
      expect(at, fuse).toBeGreaterThan(0);
      expect(lines[at - 1]?.trim().startsWith('#'), `a comment right above ${fuse}`).toBe(true);
    }
  });

  it('would notice a misspelt fuse: electron-builder refuses the key', async () => {
    const config = await getConfig(repoRoot, configFile, null);
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(
      /configuration\.electronFuses/,
    );
  });
});
