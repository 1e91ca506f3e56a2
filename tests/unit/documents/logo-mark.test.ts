import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { logoShapes } from '../../../src-node/pdf/logo-mark';

const svg = readFileSync(path.join(import.meta.dirname, '../../../assets/logo.svg'), 'utf8');

describe('logo mark drawn on bills', () => {
  it('has the same paths and window as assets/logo.svg (update logo-mark.ts when the logo changes)', () => {
    const paths = [...svg.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1]);
    expect(paths).toEqual([logoShapes.drop, logoShapes.mullions, logoShapes.shine]);
    const { x, y, width, height, rx } = logoShapes.window;
    expect(svg).toContain(`<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="${rx}"`);
  });
});
