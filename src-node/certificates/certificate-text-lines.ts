import type { CertificateFace } from './certificate-fonts';

/**
 * One line of text placed on a page, before drawing: the layout's output, what the PDF draws
 * and what the plain-text view of a page reads.
 */
export interface PlacedLine {
  readonly text: string;
  /** Left edge in points. */
  readonly x: number;
  /** Baseline in points from the bottom of the page. */
  readonly y: number;
  readonly size: number;
  readonly weight: 'regular' | 'bold';
}

/** Splits a word wider than `width` into pieces that fit (an e-mail, a URL, a long code). */
function breakWord(word: string, font: CertificateFace, size: number, width: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const ch of word) {
    if (current.length > 0 && font.widthOf(current + ch, size) > width) {
      pieces.push(current);
      current = ch;
    } else {
      current += ch;
    }
  }
  if (current.length > 0) pieces.push(current);
  return pieces;
}

/** Greedy word wrap of `value`, made printable in `font`, into lines no wider than `width`. */
export function wrapText(value: string, font: CertificateFace, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  const words = font
    .printable(value)
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .flatMap((w) => (font.widthOf(w, size) > width ? breakWord(w, font, size, width) : [w]));
  for (const word of words) {
    const candidate = current.length === 0 ? word : `${current} ${word}`;
    if (current.length > 0 && font.widthOf(candidate, size) > width) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current.length > 0) lines.push(current);
  return lines;
}

/** The lines of a page as text, top to bottom, pieces on one baseline joined left to right. */
export function linesAsText(lines: readonly PlacedLine[]): string[] {
  const rows = new Map<number, PlacedLine[]>();
  for (const line of lines) {
    const key = Math.round(line.y * 10);
    rows.set(key, [...(rows.get(key) ?? []), line]);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => b - a)
    .map(([, row]) =>
      row
        .sort((a, b) => a.x - b.x)
        .map((l) => l.text)
        .join('  '),
    );
}
