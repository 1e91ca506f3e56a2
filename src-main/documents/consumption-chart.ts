import type { ConsumptionBar } from '../../src-shared/domain/bill-document';
import { colors, text, type Pen } from '../../src-node/pdf/pdf-text';

/**
 * The six-month consumption chart of a bill: one vector rectangle per period, the bill's own
 * period in the brand colour and the others lighter, m³ above each bar and the month under it.
 * A period without a bill shows "s. d." (sin dato) instead of a bar, never a zero that would
 * read as "no consumption".
 */

export interface ChartBox {
  readonly x: number;
  /** Bottom of the box, including the month labels. */
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export function drawConsumptionChart(pen: Pen, bars: readonly ConsumptionBar[], box: ChartBox): void {
  const labelBand = 12;
  const valueBand = 11;
  const baseline = box.y + labelBand;
  const plotHeight = box.height - labelBand - valueBand;
  const slot = box.width / Math.max(bars.length, 1);
  const barWidth = slot * 0.56;
  const max = Math.max(1, ...bars.map((b) => b.consumptionM3 ?? 0));

  pen.page.drawLine({
    start: { x: box.x, y: baseline },
    end: { x: box.x + box.width, y: baseline },
    thickness: 0.6,
    color: colors.muted,
  });

  bars.forEach((bar, i) => {
    const centre = box.x + slot * i + slot / 2;
    text(pen, bar.label, centre, box.y + 2, {
      size: 6.5,
      align: 'center',
      color: bar.isBillPeriod ? colors.ink : colors.muted,
      font: bar.isBillPeriod ? pen.fonts.bold : pen.fonts.regular,
    });
    if (bar.consumptionM3 === null) {
      text(pen, 's. d.', centre, baseline + 3, { size: 6.5, align: 'center', color: colors.muted });
      return;
    }
    const height = Math.max(0.8, (bar.consumptionM3 / max) * plotHeight);
    pen.page.drawRectangle({
      x: centre - barWidth / 2,
      y: baseline,
      width: barWidth,
      height,
      color: bar.isBillPeriod ? colors.brand : colors.chartBar,
    });
    text(pen, String(bar.consumptionM3), centre, baseline + height + 2.5, {
      size: 7,
      align: 'center',
      font: bar.isBillPeriod ? pen.fonts.bold : pen.fonts.regular,
    });
  });
}
