import { PNG } from 'pngjs';
import { gs1128Modules } from '../../../src-node/pdf/code128-modules';

/**
 * A GS1-128 payment barcode as a picture printed along the paper ("ladder" orientation: the
 * bars run across the roll). Printed the usual way the symbol would not fit: a bill's element
 * string is about 56 digits, ≈ 380 modules, and ESC/POS printers take at least 2 dots per
 * module (0.25 mm), so ≈ 760 dots against the 576 of an 80 mm roll and 384 of a 58 mm one.
 * Along the paper its length is free: 2 dots (0.25 mm, the PDF's module too) per module and bars 14 mm long, above
 * the 13 mm of docs/domain/gs1-128-recaudo.md, with 10-module quiet zones.
 *
 * The picture is a PNG for node-thermal-printer's `printImageBuffer`, which writes it as the
 * raster command of the printer type (EPSON GS v 0, STAR's bit image).
 */
export const ladderDotsPerModule = 2;
export const ladderBarDots = 112;
const quietModules = 10;

export function ladderBarcodePng(elementString: string, paperDots: number): Buffer {
  const modules = gs1128Modules(elementString);
  const padded = '0'.repeat(quietModules) + modules + '0'.repeat(quietModules);
  const width = Math.min(paperDots, ladderBarDots);
  const left = Math.floor((paperDots - width) / 2);
  const png = new PNG({ width: paperDots, height: padded.length * ladderDotsPerModule, colorType: 6 });
  png.data.fill(255);
  for (let m = 0; m < padded.length; m += 1) {
    if (padded[m] !== '1') continue;
    for (let dy = 0; dy < ladderDotsPerModule; dy += 1) {
      const row = (m * ladderDotsPerModule + dy) * paperDots;
      for (let x = left; x < left + width; x += 1) {
        const i = (row + x) * 4;
        png.data[i] = 0;
        png.data[i + 1] = 0;
        png.data[i + 2] = 0;
      }
    }
  }
  return PNG.sync.write(png);
}
