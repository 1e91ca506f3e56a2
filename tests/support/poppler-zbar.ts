import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * Reading our PDFs back the way an outsider would: text with poppler's `pdftotext`, pixels with
 * `pdftoppm`, barcodes with zbar's `zbarimg` (Debian poppler-utils and zbar-tools, which
 * .ci/run installs). No fallback: a missing tool fails the test.
 */
const run = promisify(execFile);

export async function pdfText(pdfFile: string, mode: 'layout' | 'raw' = 'layout'): Promise<string> {
  const { stdout } = await run('pdftotext', [`-${mode}`, '-enc', 'UTF-8', pdfFile, '-']);
  // formatCop writes a no-break space after `$`.
  return stdout.replaceAll('\u00a0', ' ');
}

export interface Crop {
  /** From the top of the page, in PDF points. */
  readonly top: number;
  readonly height: number;
}

/** Page 1 as a PNG at `dpi`, optionally only a horizontal band of it; returns the file. */
export async function renderPng(pdfFile: string, dpi: number, crop?: Crop): Promise<string> {
  const prefix = path.join(path.dirname(pdfFile), `${path.basename(pdfFile, '.pdf')}-${dpi}`);
  const args = ['-r', String(dpi), '-png', '-f', '1', '-l', '1', '-singlefile'];
  if (crop) {
    const px = (pt: number): string => String(Math.round((pt * dpi) / 72));
    args.push('-x', '0', '-y', px(crop.top), '-W', px(612), '-H', px(crop.height));
  }
  await run('pdftoppm', [...args, pdfFile, prefix]);
  return `${prefix}.png`;
}

export interface Decoded {
  /** zbarimg --raw output, one line per symbol, without the trailing newline. */
  readonly symbols: readonly string[];
}

/** Every barcode zbar finds in the image (exit status 4 means none). */
export async function decodeBarcodes(imageFile: string): Promise<Decoded> {
  try {
    const { stdout } = await run('zbarimg', ['--raw', '-q', imageFile]);
    return { symbols: stdout.split('\n').filter((line) => line.length > 0) };
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 4) return { symbols: [] };
    throw error;
  }
}

/** zbar's XML report: symbology and modifiers (`GS1` when the symbol starts with FNC1). */
export async function describeBarcodes(imageFile: string): Promise<string> {
  const { stdout } = await run('zbarimg', ['--xml', '-q', imageFile]);
  return stdout;
}

/** Pixels of the page that look like the light red of the watermark, counted on a PPM render. */
export async function watermarkPixels(pdfFile: string): Promise<number> {
  const prefix = path.join(path.dirname(pdfFile), `${path.basename(pdfFile, '.pdf')}-tint`);
  await run('pdftoppm', ['-r', '24', '-f', '1', '-l', '1', '-singlefile', pdfFile, prefix]);
  const ppm = readFileSync(`${prefix}.ppm`);
  // Header "P6\n<w> <h>\n255\n" then RGB bytes.
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 32).toString('latin1'));
  if (!header) throw new Error('not a binary PPM');
  let count = 0;
  for (let i = header[0].length; i + 2 < ppm.length; i += 3) {
    const [r, g, b] = [ppm[i] ?? 0, ppm[i + 1] ?? 0, ppm[i + 2] ?? 0];
    if (r > 225 && r - g > 18 && r - b > 18 && g > 150 && Math.abs(g - b) < 25) count += 1;
  }
  return count;
}
