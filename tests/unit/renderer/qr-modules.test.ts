import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { expect, it } from 'vitest';
import { qrPath } from '../../../src-renderer/documents/qr-modules';
import { decodeBarcodes } from '../../support/poppler-zbar';

/** Paints the path's unit squares into a PNG, `scale` pixels a module, and reads it with zbarimg. */
async function decode(text: string, scale = 6): Promise<readonly string[]> {
  const { size, path: d } = qrPath(text);
  const png = new PNG({ width: size * scale, height: size * scale });
  png.data.fill(255);
  for (const match of d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    const [col, row] = [Number(match[1]), Number(match[2])];
    for (let y = row * scale; y < (row + 1) * scale; y += 1) {
      for (let x = col * scale; x < (col + 1) * scale; x += 1) {
        const at = (y * size * scale + x) * 4;
        png.data[at] = png.data[at + 1] = png.data[at + 2] = 0;
      }
    }
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ventanilla-qr-'));
  try {
    const file = path.join(dir, 'qr.png');
    writeFileSync(file, PNG.sync.write(png));
    return (await decodeBarcodes(file)).symbols;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

it('draws a QR code a phone reads back as the whole link, quiet zone included', async () => {
  const link = 'https://ventanilla.acueducto.example/d/Qx7_bZ-3kLm9PqRsTuVw0A';
  expect(await decode(link)).toEqual([link]);
  const { size, path: d } = qrPath(link);
  // Four blank modules on every side.
  const used = [...d.matchAll(/M(\d+) (\d+)/g)].flatMap((m) => [Number(m[1]), Number(m[2])]);
  expect(Math.min(...used)).toBe(4);
  expect(Math.max(...used)).toBe(size - 5);
});
