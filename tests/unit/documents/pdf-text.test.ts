import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { winAnsi } from '../../../src-node/pdf/pdf-text';
import { formatCop } from '../../../src-shared/domain/money';

describe('standard-font text', () => {
  it('encodes every Spanish letter and sign a bill prints, and the space formatCop writes', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const spanish = `áéíóú ÁÉÍÓÚ ñÑ üÜ ¿¡ ° m³ · – “” … • ${formatCop(1_250_500)} -${formatCop(27_140)}`;
    expect(winAnsi(spanish, font)).toBe(spanish);
    expect(() => font.encodeText(spanish)).not.toThrow();
  });

  it('reduces what WinAnsi lacks to a base letter or ?, instead of failing the document', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.HelveticaBold);
    expect(winAnsi('Nguyễn Łukasz ≤ 北', font)).toBe('Nguyen ?ukasz ? ?');
    expect(winAnsi('línea\u0007uno', font)).toBe('línea uno');
    expect(() => font.encodeText(winAnsi('Nguyễn Łukasz ≤ 北', font))).not.toThrow();
  });
});
