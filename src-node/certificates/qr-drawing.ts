import qrcode from 'qrcode-generator';
import { fill, popGraphicsState, pushGraphicsState, rectangle, setFillingRgbColor, type PDFPage } from 'pdf-lib';

/**
 * A QR code drawn as vector squares, so it prints sharp at any resolution: one rectangle per
 * horizontal run of dark modules, all filled by a single operator (a few hundred `re`, not a
 * few hundred graphics states as `drawRectangle` would write). Error correction M, as the
 * kiosk's on-screen QR: it survives a fold or a smudge on paper. The four-module quiet zone is
 * painted white so nothing drawn behind it (a watermark) confuses a reader.
 */
export interface QrBox {
  /** Left edge of the quiet zone. */
  readonly x: number;
  /** Bottom edge of the quiet zone. */
  readonly y: number;
  /** Side of the symbol including its quiet zone. */
  readonly size: number;
}

/** A QR symbol's dark runs, in module units from its top-left corner. */
export interface QrSymbol {
  /** Modules per side, without the quiet zone. */
  readonly count: number;
  readonly runs: readonly { readonly row: number; readonly col: number; readonly length: number }[];
}

const quietModules = 4;

/** The symbol for `text`; computed once per certificate and drawn on every page. */
export function qrSymbol(text: string): QrSymbol {
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const count = code.getModuleCount();
  const runs: { row: number; col: number; length: number }[] = [];
  for (let row = 0; row < count; row += 1) {
    let col = 0;
    while (col < count) {
      if (!code.isDark(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < count && code.isDark(row, col)) col += 1;
      runs.push({ row, col: start, length: col - start });
    }
  }
  return { count, runs };
}

export function drawQrCode(page: PDFPage, symbol: QrSymbol, box: QrBox): void {
  const module = box.size / (symbol.count + 2 * quietModules);
  const left = box.x + quietModules * module;
  const top = box.y + box.size - quietModules * module;
  page.pushOperators(
    pushGraphicsState(),
    setFillingRgbColor(1, 1, 1),
    rectangle(box.x, box.y, box.size, box.size),
    fill(),
    setFillingRgbColor(0, 0, 0),
    // A hair taller than a module so rows meet without a seam in rasterizers.
    ...symbol.runs.map((run) =>
      rectangle(left + run.col * module, top - (run.row + 1) * module, run.length * module, module + 0.02),
    ),
    fill(),
    popGraphicsState(),
  );
}
