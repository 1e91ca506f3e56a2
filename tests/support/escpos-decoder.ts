import iconv from 'iconv-lite';
import { PNG } from 'pngjs';

/**
 * Reads EPSON ESC/POS bytes back, as a printer would act on them, written apart from the
 * encoder (from Epson's command reference) so a test fails if the encoder emits the wrong
 * command. Text is decoded in the code page the bytes selected; barcodes, raster images,
 * cuts and drawer kicks are collected in order. An unknown command throws: a printer would
 * print its bytes as garbage.
 */
export type EscposEvent =
  | { readonly kind: 'init' }
  | { readonly kind: 'code-page'; readonly page: number }
  | {
      readonly kind: 'text';
      readonly line: string;
      readonly bold: boolean;
      readonly align: 'left' | 'center' | 'right';
      readonly size: number;
    }
  | { readonly kind: 'barcode'; readonly system: number; readonly data: string; readonly hri: number }
  | { readonly kind: 'raster'; readonly widthDots: number; readonly heightDots: number; readonly png: Buffer }
  /**
   * `toCutter`: GS V 65/66 n — the printer first feeds to its own cutting position (it knows
   * the distance from head to blade) plus `extraDots`; GS V 0/1 cuts where the paper is.
   */
  | { readonly kind: 'cut'; readonly partial: boolean; readonly toCutter: boolean; readonly extraDots: number }
  | { readonly kind: 'drawer'; readonly pin: number; readonly onMs: number; readonly offMs: number }
  | { readonly kind: 'feed'; readonly lines: number };

const codePages: Readonly<Record<number, string>> = { 0: 'cp437', 2: 'cp850', 16: 'cp1252', 19: 'cp858' };

export function decodeEscpos(bytes: Uint8Array): EscposEvent[] {
  const events: EscposEvent[] = [];
  let page = 0;
  let bold = false;
  let align: 'left' | 'center' | 'right' = 'left';
  let size = 0;
  let text: number[] = [];
  const flush = (force: boolean) => {
    if (text.length === 0 && !force) return;
    events.push({ kind: 'text', line: iconv.decode(Buffer.from(text), codePages[page] ?? 'cp437'), bold, align, size });
    text = [];
  };
  let i = 0;
  const need = (n: number): number[] => {
    if (i + n > bytes.length) throw new Error(`truncated command at byte ${i}`);
    const out = [...bytes.subarray(i, i + n)];
    i += n;
    return out;
  };
  while (i < bytes.length) {
    const b = bytes[i++] ?? 0;
    if (b === 0x0a) {
      flush(true);
      continue;
    }
    if (b >= 0x20 && b !== 0x7f) {
      text.push(b);
      continue;
    }
    if (b === 0x1b) {
      const [c] = need(1);
      if (c === 0x40) {
        flush(false);
        page = 0;
        bold = false;
        align = 'left';
        size = 0;
        events.push({ kind: 'init' });
      } else if (c === 0x74) {
        page = need(1)[0] ?? 0;
        events.push({ kind: 'code-page', page });
      } else if (c === 0x45) bold = (need(1)[0] ?? 0) !== 0;
      else if (c === 0x61) align = (['left', 'center', 'right'] as const)[(need(1)[0] ?? 0) % 48] ?? 'left';
      else if (c === 0x21) size = need(1)[0] ?? 0;
      else if (c === 0x2d || c === 0x4d || c === 0x7b) need(1);
      else if (c === 0x32) continue;
      else if (c === 0x64) {
        flush(false);
        events.push({ kind: 'feed', lines: need(1)[0] ?? 0 });
      } else if (c === 0x70) {
        const [pin = 0, t1 = 0, t2 = 0] = need(3);
        events.push({ kind: 'drawer', pin, onMs: t1 * 2, offMs: t2 * 2 });
      } else throw new Error(`unknown command ESC 0x${(c ?? 0).toString(16)} at byte ${i - 2}`);
      continue;
    }
    if (b === 0x1d) {
      const [c] = need(1);
      if (c === 0x48 || c === 0x66 || c === 0x77 || c === 0x68 || c === 0x42) need(1);
      else if (c === 0x56) {
        flush(false);
        const [m = 0] = need(1);
        const toCutter = m === 65 || m === 66;
        const extraDots = toCutter ? (need(1)[0] ?? 0) : 0;
        events.push({ kind: 'cut', partial: m === 1 || m === 49 || m === 66, toCutter, extraDots });
      } else if (c === 0x6b) {
        const [system = 0, length = 0] = need(2);
        const data = Buffer.from(need(length)).toString('latin1');
        events.push({
          kind: 'barcode',
          system,
          data: system === 73 ? data.replace(/^\{[ABC]/, '') : data,
          hri: lastHri(bytes, i),
        });
      } else if (c === 0x76) {
        const [, , xL = 0, xH = 0, yL = 0, yH = 0] = need(6);
        const widthBytes = xL + xH * 256;
        const height = yL + yH * 256;
        events.push(rasterEvent(need(widthBytes * height), widthBytes, height));
      } else throw new Error(`unknown command GS 0x${(c ?? 0).toString(16)} at byte ${i - 2}`);
      continue;
    }
    throw new Error(`unexpected control byte 0x${b.toString(16)} at ${i - 1}`);
  }
  flush(false);
  return events;
}

/** The HRI position (GS H n) in force for a barcode: 0 none, 2 below. */
function lastHri(bytes: Uint8Array, end: number): number {
  for (let j = end - 1; j > 0; j -= 1) if (bytes[j - 1] === 0x1d && bytes[j] === 0x48) return bytes[j + 1] ?? 0;
  return 0;
}

function rasterEvent(data: number[], widthBytes: number, height: number): EscposEvent {
  const width = widthBytes * 8;
  const png = new PNG({ width: width + 40, height: height + 40, colorType: 6 });
  png.data.fill(255);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const on = ((data[y * widthBytes + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1;
      if (!on) continue;
      const p = ((y + 20) * (width + 40) + x + 20) * 4;
      png.data[p] = 0;
      png.data[p + 1] = 0;
      png.data[p + 2] = 0;
    }
  }
  return { kind: 'raster', widthDots: width, heightDots: height, png: PNG.sync.write(png) };
}

/** The printed lines only, white space at the ends trimmed. */
export const printedLines = (events: readonly EscposEvent[]): string[] =>
  events.flatMap((e) => (e.kind === 'text' ? [e.line.trimEnd()] : []));

/** ESC/POS default line spacing: 1/6 inch, in millimetres. */
export const lineHeightMm = 25.4 / 6;

/**
 * The blank paper a cut leaves after the last printed line, in lines: line feeds that print
 * nothing and ESC d feeds between the last text, barcode or image and the cut.
 */
export function blankLinesBeforeCut(events: readonly EscposEvent[]): number {
  const cut = events.findIndex((e) => e.kind === 'cut');
  if (cut < 0) throw new Error('no cut');
  let blank = 0;
  for (let j = cut - 1; j >= 0; j -= 1) {
    const event = events[j];
    if (event === undefined) break;
    if (event.kind === 'feed') blank += event.lines;
    else if (event.kind === 'text' && event.line.trim() === '') blank += 1;
    else if (event.kind === 'text' || event.kind === 'barcode' || event.kind === 'raster') break;
  }
  return blank;
}
