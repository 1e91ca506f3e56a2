import { barcodeHeight, drawGs1Barcode } from '../../../src-node/pdf/barcode-drawing';
import { colors, paragraph, text } from '../../../src-node/pdf/pdf-text';
import { ok, type Result } from '../../../src-shared/api/result';
import { volanteFacts, type DocumentEntity, type VolanteLiquidation } from '../../../src-shared/wallet/volante';
import {
  drawDocumentHeader,
  drawFieldGrid,
  drawPageFoot,
  drawSectionTitle,
  letter,
  newDocument,
} from './document-frame';

export interface VolantePdfInput {
  readonly entity: DocumentEntity;
  readonly liquidation: VolanteLiquidation;
  /** The wallet's GS1 GLN for recaudo (WalletConfig.recaudoGln), AI 415. */
  readonly gln: string;
  /** The partner banks (WalletConfig.banks). */
  readonly banks: readonly { readonly name: string }[];
}

/**
 * The «volante de pago en bancos y corresponsales bancarios» of a liquidación as a one-page
 * letter PDF: the entity, the liquidación's facts (src-shared/wallet/volante.ts, the same the
 * thermal slip prints), the partner banks, and the coupon the bank's cashier scans: the GS1-128
 * drawn as the bills draw theirs, with its human-readable line. Refused when the liquidación
 * does not fit the convenio's barcode (a number or amount longer than its digits).
 */
export async function renderVolantePdf(input: VolantePdfInput): Promise<Result<Uint8Array>> {
  const facts = volanteFacts({
    entity: input.entity,
    liquidation: input.liquidation,
    gln: input.gln,
    banks: input.banks.map((bank) => bank.name),
  });
  if (!facts.ok) return facts;
  const v = facts.value;
  const number = input.liquidation.number;
  const doc = await newDocument({
    title: `Volante de pago · liquidación ${number}`,
    subject: 'Volante de pago en bancos y corresponsales bancarios',
    author: v.entityName,
    at: new Date(input.liquidation.expiresAt),
  });
  const pen = doc.addPage();
  const due = v.rows.find(([label]) => label === 'Pague hasta')?.[1] ?? '';
  let y = drawDocumentHeader(pen, input.entity, {
    title: 'VOLANTE DE PAGO',
    number: `Liquidación Nro. ${number}`,
    lines: ['Tipo de trámite: prepago', `Pague hasta: ${due}`],
  });

  text(pen, v.title, letter.width / 2, y, { size: 11, font: pen.fonts.bold, align: 'center', color: colors.brand });
  y = drawFieldGrid(pen, v.rows, y - 10, 3) - 22;

  y = drawSectionTitle(pen, 'Dónde pagar', y);
  y = paragraph(pen, v.banksIntro, letter.margin, y - 4, letter.contentWidth, { size: 8.5, leading: 11 });
  // More than six banks go in two columns, so a long list never runs into the coupon below.
  const bankColumns = v.banks.length > 6 ? 2 : 1;
  const bankWidth = letter.contentWidth / bankColumns;
  const bankRows = Math.min(Math.ceil(v.banks.length / bankColumns), 14);
  v.banks.slice(0, bankRows * bankColumns).forEach((bank, i) => {
    const x = letter.margin + Math.floor(i / bankRows) * bankWidth;
    const rowY = y - (i % bankRows) * 11;
    text(pen, '•', x + 4, rowY, { size: 8.5, color: colors.brand });
    text(pen, bank, x + 14, rowY, { size: 8.5, font: pen.fonts.bold, maxWidth: bankWidth - 18 });
  });
  y -= bankRows * 11 + 6;
  for (const note of v.notes.slice(0, -1)) {
    y = paragraph(pen, note, letter.margin, y, letter.contentWidth, { size: 8, leading: 10, color: colors.muted });
  }

  // The coupon the bank keeps: always at the same height, as on the bills.
  const couponTop = 300;
  pen.page.drawLine({
    start: { x: letter.margin, y: couponTop },
    end: { x: letter.width - letter.margin, y: couponTop },
    thickness: 0.7,
    color: colors.muted,
    dashArray: [4, 3],
  });
  text(pen, 'CUPÓN PARA EL BANCO', letter.margin, couponTop - 12, {
    size: 8,
    font: pen.fonts.bold,
    color: colors.brand,
  });
  text(
    pen,
    [v.entityName, v.entityNit].filter((part) => part !== '').join(' · '),
    letter.width - letter.margin,
    couponTop - 12,
    {
      size: 7,
      color: colors.muted,
      align: 'right',
      maxWidth: letter.contentWidth - 120,
    },
  );
  const coupon = v.rows.filter(([label]) =>
    ['Liquidación Nro.', 'Tipo de trámite', 'Pague hasta', 'Valor a pagar'].includes(label),
  );
  const gridBottom = drawFieldGrid(pen, coupon, couponTop - 20, coupon.length);
  const barsBottom = gridBottom - 20 - barcodeHeight;
  drawGs1Barcode(pen, v.barcode, { centerX: letter.width / 2, y: barsBottom, maxWidth: letter.contentWidth });
  text(pen, v.notes.at(-1) ?? '', letter.width / 2, barsBottom - 24, { size: 7, align: 'center', color: colors.muted });
  drawPageFoot(pen, 0, 1, `${v.entityName} · Volante de la liquidación ${number}`);
  return ok(await doc.pdf.save());
}

/** `volante-100001.pdf` */
export const volanteFileName = (number: number): string => `volante-${number}.pdf`;
