import qrcode from 'qrcode-generator';

/**
 * The dark modules of a QR code for `text`, as one SVG path in module units (the quiet zone of
 * four modules included in `size`). Error correction M: a phone camera reads it off a glossy
 * kiosk screen at an angle.
 */
export function qrPath(text: string): { readonly size: number; readonly path: string } {
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const count = code.getModuleCount();
  const quiet = 4;
  const parts: string[] = [];
  for (let row = 0; row < count; row += 1) {
    for (let col = 0; col < count; col += 1) {
      if (code.isDark(row, col)) parts.push(`M${col + quiet} ${row + quiet}h1v1h-1z`);
    }
  }
  return { size: count + quiet * 2, path: parts.join('') };
}
