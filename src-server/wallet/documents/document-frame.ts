import { PageSizes, PDFDocument } from 'pdf-lib';
import { drawLogoMark } from '../../../src-node/pdf/logo-mark';
import {
  colors,
  embedStandardFonts,
  labelled,
  text,
  wrap,
  type PdfFonts,
  type Pen,
} from '../../../src-node/pdf/pdf-text';
import type { EntitySetting } from '../../../src-shared/domain/entity-setting';
import { formatNit } from '../../../src-shared/domain/nit';
import type { DocumentEntity } from '../../../src-shared/wallet/volante';

/**
 * What the wallet's letter PDFs share (volante, kardex statement, soporte del pago): the page,
 * the entity's header with the logo mark, a box with the document's title and number, and
 * label–value grids. The drawing primitives are the bills' (src-node/pdf/).
 */
const [width, height] = PageSizes.Letter;
export const letter = { width, height, margin: 42, contentWidth: width - 84 } as const;

/** The entity as the wallet documents print it; a server without its `entity` row prints a neutral name. */
export function documentEntity(setting: EntitySetting | null): DocumentEntity {
  if (setting === null) return { name: 'Servicio de prepago', nit: '' };
  return {
    name: setting.name,
    nit: setting.nit,
    address: setting.address,
    phone: setting.phone,
    website: setting.website,
  };
}

export interface NewDocument {
  readonly pdf: PDFDocument;
  readonly fonts: PdfFonts;
  addPage(): Pen;
}

/** A PDF with its metadata, Spanish, standard fonts embedded. */
export async function newDocument(meta: {
  title: string;
  subject: string;
  author: string;
  /** The moment the document is about (a payment, a statement's cut): its creation date. */
  at: Date;
}): Promise<NewDocument> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setAuthor(meta.author);
  pdf.setSubject(meta.subject);
  pdf.setCreator('Ventanilla');
  pdf.setLanguage('es-CO');
  // The document's own moment, not the clock's: the same data give the same bytes.
  pdf.setCreationDate(meta.at);
  pdf.setModificationDate(meta.at);
  const fonts = await embedStandardFonts(pdf);
  return { pdf, fonts, addPage: () => ({ page: pdf.addPage([letter.width, letter.height]), fonts }) };
}

const boxWidth = 200;

/**
 * The entity (logo, name, NIT, contact lines) on the left and a box with `title` and `number`
 * on the right; returns the y below the header.
 */
export function drawDocumentHeader(
  pen: Pen,
  entity: DocumentEntity,
  box: { readonly title: string; readonly number: string; readonly lines: readonly string[] },
): number {
  const top = letter.height - letter.margin;
  const left = letter.margin;
  drawLogoMark(pen, left, top, 50);
  const textX = left + 60;
  const textWidth = letter.width - letter.margin - boxWidth - 12 - textX;
  let y = top - 12;
  for (const line of wrap(entity.name, pen.fonts.bold, 12, textWidth).slice(0, 2)) {
    text(pen, line, textX, y, { size: 12, font: pen.fonts.bold, color: colors.brand, maxWidth: textWidth });
    y -= 14;
  }
  if (entity.nit !== '') {
    text(pen, `NIT ${formatNit(entity.nit)}`, textX, y, { size: 8.5, font: pen.fonts.bold });
    y -= 10.5;
  }
  for (const line of [entity.address, entity.phone, entity.website]) {
    if (line === undefined || line === '') continue;
    text(pen, line, textX, y, { size: 7.5, color: colors.muted, maxWidth: textWidth });
    y -= 9.5;
  }

  const boxX = letter.width - letter.margin - boxWidth;
  const boxHeight = 34 + 11 * box.lines.length;
  pen.page.drawRectangle({
    x: boxX,
    y: top - boxHeight,
    width: boxWidth,
    height: boxHeight,
    color: colors.brandLight,
    borderColor: colors.rule,
    borderWidth: 0.8,
  });
  const centre = boxX + boxWidth / 2;
  text(pen, box.title, centre, top - 13, {
    size: 8,
    font: pen.fonts.bold,
    align: 'center',
    color: colors.brand,
    maxWidth: boxWidth - 10,
  });
  text(pen, box.number, centre, top - 29, { size: 11.5, font: pen.fonts.bold, align: 'center' });
  box.lines.forEach((line, i) => {
    text(pen, line, centre, top - 42 - 11 * i, { size: 7.5, align: 'center', maxWidth: boxWidth - 10 });
  });
  return Math.min(y, top - boxHeight) - 14;
}

/** A bordered grid of label–value cells, `columns` per row; returns the y below it. */
export function drawFieldGrid(
  pen: Pen,
  fields: readonly (readonly [string, string])[],
  top: number,
  columns: number,
): number {
  const cellWidth = letter.contentWidth / columns;
  const cellHeight = 26;
  fields.forEach(([label, value], i) => {
    const x = letter.margin + (i % columns) * cellWidth;
    const y = top - Math.floor(i / columns) * cellHeight;
    pen.page.drawRectangle({
      x,
      y: y - cellHeight,
      width: cellWidth,
      height: cellHeight,
      borderColor: colors.rule,
      borderWidth: 0.6,
    });
    labelled(pen, label, value === '' ? '—' : value, x + 5, y - 9, { size: 9, maxWidth: cellWidth - 10 });
  });
  return top - Math.ceil(fields.length / columns) * cellHeight;
}

/** A section heading in the brand colour; returns the baseline below it. */
export function drawSectionTitle(pen: Pen, title: string, y: number): number {
  text(pen, title, letter.margin, y, { size: 9, font: pen.fonts.bold, color: colors.brand });
  return y - 8;
}

/** «Página 2 de 3» and a line of who made the document, at the foot of every page. */
export function drawPageFoot(pen: Pen, pageIndex: number, pageCount: number, line: string): void {
  const y = letter.margin - 18;
  text(pen, line, letter.margin, y, { size: 6.5, color: colors.muted, maxWidth: letter.contentWidth - 80 });
  text(pen, `Página ${pageIndex + 1} de ${pageCount}`, letter.width - letter.margin, y, {
    size: 6.5,
    color: colors.muted,
    align: 'right',
  });
}
