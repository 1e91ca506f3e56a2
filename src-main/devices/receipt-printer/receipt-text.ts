/**
 * Text as a receipt printer in code page 858 can print it. Spanish is all there
 * (ñ á é í ó ú ü ¿ ¡ º ª ° ³ €); typographic punctuation is mapped to its plain form, other
 * accented letters to their base letter, and anything else to `?`. Without this the library
 * would switch code page in the middle of a receipt to find a character, and a printer that
 * lacks that page would print the rest of the receipt as garbage.
 */
const cp858Extras = new Set([...'ñÑáéíóúÁÉÍÓÚüÜ¿¡ºª°³€·çÇàèìòùÀÈÌÒÙâêîôûÂÊÎÔÛäëïöÄËÏÖ£¥§«»±²½¼¾×÷µ¶¢ßæÆøØåÅãÃõÕýÝ']);

const plain: Readonly<Record<string, string>> = {
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2013': '-',
  '\u2014': '-',
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2026': '...',
  '\u2022': '-',
  '\u2116': 'Nº',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
};

export function receiptText(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if ((code >= 0x20 && code < 0x7f) || cp858Extras.has(char)) out += char;
    else if (char === '\n') out += ' ';
    else if (plain[char] !== undefined) out += plain[char];
    else {
      const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += /^[\x20-\x7e]+$/.test(base) ? base : '?';
    }
  }
  return out;
}

/** Lines of at most `width` characters, broken between words (a word longer than a line is cut). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/).filter((w) => w.length > 0)) {
    let rest = word;
    while (rest.length > width) {
      if (line.length > 0) lines.push(line);
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
      line = '';
    }
    if (line.length === 0) line = rest;
    else if (line.length + 1 + rest.length <= width) line += ` ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines;
}

/** `left` and `right` on one line of `width`; a long label wraps above, the value stays whole. */
export function pairLines(left: string, right: string, width: number): string[] {
  const room = width - right.length - 1;
  if (room < 1) return [...wrapText(left, width), right.padStart(width)];
  const labels = wrapText(left, width);
  let last = labels.pop() ?? '';
  if (last.length > room) {
    const tail = wrapText(last, room);
    last = tail.pop() ?? '';
    labels.push(...tail);
  }
  return [...labels, `${last}${' '.repeat(width - last.length - right.length)}${right}`];
}
