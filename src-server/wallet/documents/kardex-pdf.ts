import { colors, text, type Pen } from '../../../src-node/pdf/pdf-text';
import { err, ok, type Result } from '../../../src-shared/api/result';
import { bogotaDate, formatBogotaDateTime } from '../../../src-shared/domain/calendar-es';
import { formatDocument, type DocumentType } from '../../../src-shared/domain/identity-document';
import { formatCop } from '../../../src-shared/domain/money';
import type { DocumentEntity } from '../../../src-shared/wallet/volante';
import { drawDocumentHeader, drawFieldGrid, drawPageFoot, letter, newDocument } from './document-frame';

/** One movement of the wallet, as the ledger recorded it (src-server/ledger/kardex.ts). */
export interface KardexPdfRow {
  readonly at: Date | string;
  readonly description: string;
  /** Pesos in (positive) or out (negative). */
  readonly amount: number;
  /** The wallet's balance after this movement, the ledger's own figure. */
  readonly balanceAfter: number;
}

export interface KardexPdfInput {
  readonly entity: DocumentEntity;
  readonly holder: { readonly name: string; readonly docType: DocumentType; readonly docNumber: string };
  /** When the statement was cut. */
  readonly generatedAt: Date;
  /** The wallet's balance now (the ledger account's). */
  readonly balance: number;
  /** Oldest first. May be the latest part of a long kardex: the first row's balance before it opens the statement. */
  readonly rows: readonly KardexPdfRow[];
}

const rowHeight = 14;
const columns = {
  date: letter.margin + 4,
  description: letter.margin + 92,
  amount: letter.width - letter.margin - 96,
  balance: letter.width - letter.margin - 4,
} as const;
const descriptionWidth = columns.amount - 80 - columns.description;
/** Where the table stops on every page: room for the totals and the foot. */
const tableBottom = letter.margin + 20;

/**
 * The wallet's kardex as a PDF statement («extracto»): the holder, the balance, and every
 * movement with the running balance the ledger recorded — never summed again here, only
 * checked: each line's balance must be the previous one plus its amount, and the last must be
 * the balance stated, or the statement is refused (a statement that does not add up must not
 * reach a citizen). Long kardexes take as many pages as they need, the table's head repeated
 * on each, «Página n de m» at the foot.
 */
export async function renderKardexPdf(input: KardexPdfInput): Promise<Result<Uint8Array>> {
  const checked = checkRunningBalance(input.rows, input.balance);
  if (!checked.ok) return checked;
  const opening = checked.value;
  const credits = input.rows.filter((r) => r.amount > 0).reduce((sum, r) => sum + r.amount, 0);
  const debits = input.rows.filter((r) => r.amount < 0).reduce((sum, r) => sum - r.amount, 0);
  const cut = formatBogotaDateTime(input.generatedAt.toISOString());
  const identification = formatDocument(input.holder.docType, input.holder.docNumber);

  const doc = await newDocument({
    title: `Extracto del prepago · ${identification}`,
    subject: 'Extracto de movimientos del prepago de servicios',
    author: input.entity.name,
    at: input.generatedAt,
  });
  const pages: Pen[] = [];
  const startPage = (): number => {
    const pen = doc.addPage();
    pages.push(pen);
    let y = drawDocumentHeader(pen, input.entity, {
      title: 'EXTRACTO DEL PREPAGO',
      number: identification,
      lines: [`Corte: ${cut}`],
    });
    if (pages.length === 1) {
      y =
        drawFieldGrid(
          pen,
          [
            ['Titular', input.holder.name],
            ['Identificación', identification],
            ['Saldo disponible', formatCop(input.balance)],
            ['Saldo al inicio del extracto', formatCop(opening)],
            ['Abonos', formatCop(credits)],
            ['Cargos', formatCop(debits)],
          ],
          y,
          3,
        ) - 18;
    }
    return drawTableHead(pen, y);
  };

  let y = startPage();
  const line = (pen: Pen, values: readonly [string, string, string, string], bold = false): void => {
    const font = bold ? pen.fonts.bold : pen.fonts.regular;
    text(pen, values[0], columns.date, y, { size: 8, font });
    text(pen, values[1], columns.description, y, { size: 8, font, maxWidth: descriptionWidth });
    text(pen, values[2], columns.amount, y, { size: 8, font, align: 'right' });
    text(pen, values[3], columns.balance, y, { size: 8, font, align: 'right' });
    y -= rowHeight;
  };
  const room = (): Pen => {
    if (y < tableBottom + rowHeight) y = startPage();
    const pen = pages.at(-1);
    if (pen === undefined) throw new Error('a statement page was not started');
    return pen;
  };

  line(room(), ['', 'Saldo al inicio del extracto', '', formatCop(opening)]);
  for (const row of input.rows) {
    const pen = room();
    const signed = row.amount > 0 ? `+${formatCop(row.amount)}` : `-${formatCop(-row.amount)}`;
    line(pen, [
      formatBogotaDateTime(new Date(row.at).toISOString()),
      row.description,
      signed,
      formatCop(row.balanceAfter),
    ]);
  }
  if (input.rows.length === 0) line(room(), ['', 'Sin movimientos.', '', '']);
  const last = room();
  last.page.drawLine({
    start: { x: letter.margin, y: y + rowHeight - 4 },
    end: { x: letter.width - letter.margin, y: y + rowHeight - 4 },
    thickness: 0.6,
    color: colors.rule,
  });
  line(last, ['', 'SALDO FINAL', '', formatCop(input.balance)], true);

  pages.forEach((pen, i) =>
    drawPageFoot(
      pen,
      i,
      pages.length,
      `${input.entity.name} · Extracto del prepago de ${identification}, corte ${cut} (hora de Colombia). El saldo prepagado no vence.`,
    ),
  );
  return ok(await doc.pdf.save());
}

function drawTableHead(pen: Pen, top: number): number {
  pen.page.drawRectangle({
    x: letter.margin,
    y: top - 16,
    width: letter.contentWidth,
    height: 16,
    color: colors.brandLight,
    borderColor: colors.rule,
    borderWidth: 0.6,
  });
  const style = { size: 7.5, font: pen.fonts.bold, color: colors.brand } as const;
  text(pen, 'Fecha', columns.date, top - 11, style);
  text(pen, 'Movimiento', columns.description, top - 11, style);
  text(pen, 'Valor', columns.amount, top - 11, { ...style, align: 'right' });
  text(pen, 'Saldo', columns.balance, top - 11, { ...style, align: 'right' });
  return top - 16 - rowHeight + 2;
}

/**
 * The balance before the first row, after checking that the rows chain (each balance is the
 * previous plus its amount) and end at `balance`.
 */
export function checkRunningBalance(rows: readonly KardexPdfRow[], balance: number): Result<number> {
  const first = rows[0];
  if (first === undefined) return ok(balance);
  const opening = first.balanceAfter - first.amount;
  let running = opening;
  for (const [index, row] of rows.entries()) {
    running += row.amount;
    if (running !== row.balanceAfter)
      return err('internal', `El extracto no cuadra en el movimiento ${index + 1}: revise el kardex del prepago.`);
  }
  if (running !== balance)
    return err('internal', 'El saldo del extracto no coincide con el del último movimiento: revise el kardex.');
  return ok(opening);
}

/** `extracto-prepago-CC-1020304050-2026-12-03.pdf` */
export function kardexFileName(holder: { docType: string; docNumber: string }, generatedAt: Date): string {
  const day = bogotaDate(generatedAt.toISOString());
  return `extracto-prepago-${holder.docType}-${holder.docNumber}-${day}.pdf`;
}
