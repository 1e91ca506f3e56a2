import type { PaymentElementString } from '../../src-shared/domain/gs1-128';
import { barRuns, gs1128Modules } from './code128-modules';
import { colors, text, type Pen } from './pdf-text';

/**
 * Draws a GS1-128 payment barcode as vector rectangles, with its quiet zones and the
 * human-readable line under it.
 *
 * Module width: 0.96 pt (0.339 mm) when it fits — exactly 4 dots at 300 dpi and 8 at 600, so
 * printers and `pdftoppm -r 300` make every bar the same width — otherwise 0.72 pt (0.254 mm,
 * 3 dots at 300 dpi), otherwise whatever fits. Bars 45 pt (15.9 mm) high, above the ≥ 13 mm of
 * docs/domain/gs1-128-recaudo.md; quiet zones of 10 modules each side are left white.
 */

const preferredModuleWidths = [0.96, 0.72] as const;
export const quietZoneModules = 10;
const barHeight = 45;

export interface BarcodeBox {
  /** Centre of the symbol. */
  readonly centerX: number;
  /** Bottom of the bars. */
  readonly y: number;
  /** Room for the symbol including its quiet zones. */
  readonly maxWidth: number;
}

/** Returns the height used below `box.y` by the human-readable line. */
export function drawGs1Barcode(
  pen: Pen,
  barcode: PaymentElementString,
  box: BarcodeBox,
): { width: number; moduleWidth: number } {
  const modules = gs1128Modules(barcode.data);
  const total = modules.length + 2 * quietZoneModules;
  const moduleWidth = preferredModuleWidths.find((w) => w * total <= box.maxWidth) ?? box.maxWidth / total;
  const width = modules.length * moduleWidth;
  const left = box.centerX - width / 2;

  // A white field under the symbol and its quiet zones, so nothing drawn behind shows through.
  pen.page.drawRectangle({
    x: left - quietZoneModules * moduleWidth,
    y: box.y - 2,
    width: total * moduleWidth,
    height: barHeight + 4,
    color: colors.white,
  });
  for (const [start, run] of barRuns(modules)) {
    pen.page.drawRectangle({
      x: left + start * moduleWidth,
      y: box.y,
      width: run * moduleWidth,
      height: barHeight,
      color: colors.black,
    });
  }
  text(pen, barcode.hri, box.centerX, box.y - 10, {
    size: 8,
    font: pen.fonts.mono,
    align: 'center',
    maxWidth: box.maxWidth,
  });
  return { width, moduleWidth };
}

export const barcodeHeight = barHeight;
