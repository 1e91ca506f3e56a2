import type { CertificateBlock, CertificateSection } from './certificate-blocks';
import type { CertificateFonts } from './certificate-fonts';
import { wrapText, type PlacedLine } from './certificate-text-lines';

/**
 * Flows the certificate's blocks onto pages: the body area is what the page frame leaves
 * between its header and the bottom margin, the same on every page. A section title never ends
 * a page (it moves down with the lines it introduces), a long objeto social simply continues on
 * the next page, and a table that breaks repeats its column titles. The page count is known
 * only after this, which is why the headers ("Página N de M") are drawn afterwards.
 */

export interface BodyArea {
  readonly left: number;
  readonly width: number;
  /** Baseline room starts just below this y. */
  readonly top: number;
  /** No baseline below this y. */
  readonly bottom: number;
}

/** A body page: its lines, and the thin rules under table titles. */
export interface BodyPage {
  readonly lines: readonly PlacedLine[];
  readonly rules: readonly { readonly x: number; readonly y: number; readonly width: number }[];
}

const body = { size: 9, leading: 12 } as const;
const small = { size: 7.5, leading: 9.5 } as const;
const headingGap = 7;
const paragraphGap = 3;
const labelWidth = 170;
const cellPadding = 4;

/** A line of a row: `dy` is how far below the row's first baseline it sits. */
type RowLine = Omit<PlacedLine, 'y'> & { readonly dy: number };

/**
 * A block measured into rows: the unit of page breaking. The first baseline sits `gapAbove +
 * size` below the row's top; the row takes `height` in all.
 */
interface Row {
  readonly gapAbove: number;
  readonly size: number;
  readonly height: number;
  readonly lines: readonly RowLine[];
  /** A thin rule under the row (table titles). */
  readonly rule?: boolean;
  /** Must not end a page: moves to the next page with the row after it. */
  readonly keepWithNext?: boolean;
  /** Rows to repeat before this one when it starts a page (a table's titles). */
  readonly repeat?: Row;
}

const centredX = (area: BodyArea, width: number): number => area.left + (area.width - width) / 2;

function blockRows(block: CertificateBlock, fonts: CertificateFonts, area: BodyArea): Row[] {
  switch (block.type) {
    case 'certifica': {
      const x = centredX(area, fonts.bold.widthOf('CERTIFICA', 11));
      return [
        { gapAbove: 4, size: 11, height: 22, lines: [{ text: 'CERTIFICA', x, size: 11, weight: 'bold', dy: 0 }] },
      ];
    }
    case 'heading': {
      const size = 9.5;
      return wrapText(block.text, fonts.bold, size, area.width).map((text, i) => ({
        gapAbove: i === 0 ? headingGap : 0,
        size,
        height: (i === 0 ? headingGap : 0) + body.leading,
        lines: [{ text, x: centredX(area, fonts.bold.widthOf(text, size)), size, weight: 'bold', dy: 0 }],
        keepWithNext: true,
      }));
    }
    case 'paragraph': {
      const bold = block.bold === true;
      const font = bold ? fonts.bold : fonts.regular;
      const lines = wrapText(block.text, font, body.size, area.width);
      return lines.map((text, i) => ({
        gapAbove: 0,
        size: body.size,
        height: body.leading + (i === lines.length - 1 ? paragraphGap : 0),
        keepWithNext: block.keepWithNext,
        lines: [
          {
            text,
            x: block.center === true ? centredX(area, font.widthOf(text, body.size)) : area.left,
            size: body.size,
            weight: bold ? 'bold' : 'regular',
            dy: 0,
          },
        ],
      }));
    }
    case 'gap':
      return [{ gapAbove: 0, size: body.size, height: block.height, lines: [], keepWithNext: block.keepWithNext }];
    case 'field': {
      const labels = wrapText(block.label, fonts.bold, body.size, labelWidth - 8);
      const values = wrapText(block.value, fonts.regular, body.size, area.width - labelWidth);
      const count = Math.max(labels.length, values.length);
      return Array.from({ length: count }, (_, i): Row => {
        const lines: RowLine[] = [];
        const label = labels[i];
        const value = values[i];
        if (label !== undefined) lines.push({ text: label, x: area.left, size: body.size, weight: 'bold', dy: 0 });
        if (value !== undefined) {
          lines.push({ text: value, x: area.left + labelWidth, size: body.size, weight: 'regular', dy: 0 });
        }
        return { gapAbove: 0, size: body.size, height: body.leading + (i === count - 1 ? 1 : 0), lines };
      });
    }
    case 'table': {
      const total = block.columns.reduce((sum, c) => sum + c.share, 0);
      const columns = block.columns.map((column, i) => {
        const before = block.columns.slice(0, i).reduce((sum, c) => sum + c.share, 0);
        return {
          x: area.left + (area.width * before) / total,
          width: (area.width * column.share) / total - cellPadding,
        };
      });
      const rowOf = (cells: readonly string[], titles: boolean): Row => {
        const font = titles ? fonts.bold : fonts.regular;
        const { size, leading } = titles ? small : body;
        const wrapped = cells.map((cell, i) => wrapText(cell, font, size, columns[i]?.width ?? area.width));
        const count = Math.max(1, ...wrapped.map((w) => w.length));
        const lines = wrapped.flatMap((cellLines, i) =>
          cellLines.map((text, j): RowLine => ({
            text,
            x: columns[i]?.x ?? area.left,
            size,
            weight: titles ? 'bold' : 'regular',
            dy: j * leading,
          })),
        );
        return { gapAbove: titles ? 2 : 0, size, height: (titles ? 2 : 0) + count * leading + 3, lines, rule: titles };
      };
      const titles: Row = {
        ...rowOf(
          block.columns.map((c) => c.title),
          true,
        ),
        keepWithNext: true,
      };
      return [titles, ...block.rows.map((cells) => ({ ...rowOf(cells, false), repeat: titles }))];
    }
  }
}

/** Lays the sections out; always at least one page. */
export function layoutBody(
  sections: readonly CertificateSection[],
  fonts: CertificateFonts,
  area: BodyArea,
): BodyPage[] {
  const rows = sections.flatMap((s) => s.blocks.flatMap((block) => blockRows(block, fonts, area)));
  type Page = { lines: PlacedLine[]; rules: { x: number; y: number; width: number }[] };
  const pages: Page[] = [{ lines: [], rules: [] }];
  let y = area.top;

  const place = (row: Row): void => {
    const page = pages[pages.length - 1];
    if (page === undefined) return;
    const baseline = y - row.gapAbove - row.size;
    for (const { dy, ...line } of row.lines) page.lines.push({ ...line, y: baseline - dy });
    if (row.rule === true) page.rules.push({ x: area.left, y: y - row.height + 2, width: area.width });
    y -= row.height;
  };

  rows.forEach((row, i) => {
    // A run of keep-with-next rows needs room for itself and the row after it.
    let needed = row.height;
    for (let j = i; rows[j]?.keepWithNext === true; j += 1) needed += rows[j + 1]?.height ?? 0;
    if (y - needed < area.bottom && y < area.top) {
      pages.push({ lines: [], rules: [] });
      y = area.top;
      if (row.repeat !== undefined) place(row.repeat);
    }
    place(row);
  });
  return pages;
}
