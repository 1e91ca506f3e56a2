import { LineCapStyle, rgb } from 'pdf-lib';
import type { Pen } from './pdf-text';

/**
 * The logo's drop-and-window mark (assets/logo.svg, the same shapes as assets/logo-mark.svg),
 * drawn as vector paths with `page.drawSvgPath`.
 *
 * pdf-lib cannot embed SVG. Drawing the paths keeps the mark sharp at any print resolution,
 * adds no binary asset to keep in step with the SVG, and costs nothing to "load". The shapes are
 * copied here because the SVG has a gradient and a stroked rounded rectangle, which drawSvgPath
 * does not take as such: the gradient becomes its middle colour and the rectangle a path.
 * tests/unit/documents/logo-mark.test.ts fails if assets/logo.svg changes these shapes.
 *
 * Only the mark is drawn: on a bill the entity's own name stands beside it, not "Ventanilla".
 */

/** The SVG's viewBox side (the mark occupies the left 96 × 96 of logo.svg). */
export const logoViewBox = 96;

export const logoShapes = {
  drop: 'M48 4C48 4 14 43 14 62a34 34 0 0 0 68 0C82 43 48 4 48 4Z',
  window: { x: 31, y: 45, width: 34, height: 30, rx: 5 },
  mullions: 'M48 45v30M31 60h34',
  shine: 'M26 33c5-6 9-11 13-16',
} as const;

/** Middle of the drop's gradient (#2b8fe0 → #0a4a8f). */
const dropColor = rgb(0x1a / 255, 0x6c / 255, 0xb8 / 255);
const white = rgb(1, 1, 1);

function roundedRectPath(r: { x: number; y: number; width: number; height: number; rx: number }): string {
  const { x, y, width: w, height: h, rx } = r;
  return (
    `M${x + rx} ${y}H${x + w - rx}A${rx} ${rx} 0 0 1 ${x + w} ${y + rx}V${y + h - rx}` +
    `A${rx} ${rx} 0 0 1 ${x + w - rx} ${y + h}H${x + rx}A${rx} ${rx} 0 0 1 ${x} ${y + h - rx}` +
    `V${y + rx}A${rx} ${rx} 0 0 1 ${x + rx} ${y}Z`
  );
}

const windowPath = roundedRectPath(logoShapes.window);

/** Draws the mark with its top-left corner at (x, top) and the given side in points. */
export function drawLogoMark(pen: Pen, x: number, top: number, side: number): void {
  const scale = side / logoViewBox;
  const at = { x, y: top, scale };
  pen.page.drawSvgPath(logoShapes.drop, { ...at, color: dropColor });
  pen.page.drawSvgPath(windowPath, { ...at, borderColor: white, borderWidth: 4.5 * scale });
  pen.page.drawSvgPath(logoShapes.mullions, { ...at, borderColor: white, borderWidth: 4 * scale });
  pen.page.drawSvgPath(logoShapes.shine, {
    ...at,
    borderColor: white,
    borderWidth: 4 * scale,
    borderOpacity: 0.55,
    borderLineCap: LineCapStyle.Round,
  });
}
