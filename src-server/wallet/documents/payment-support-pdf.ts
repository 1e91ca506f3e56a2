import { colors, paragraph, text } from '../../../src-node/pdf/pdf-text';
import { formatBogotaDateTime } from '../../../src-shared/domain/calendar-es';
import { documentTypeLabel, formatDocument } from '../../../src-shared/domain/identity-document';
import { formatCop } from '../../../src-shared/domain/money';
import type { HolderData } from '../../../src-shared/wallet/holder-fields';
import { paymentChannelLabel, type PaymentChannel } from '../../../src-shared/wallet/liquidation';
import type { DocumentEntity } from '../../../src-shared/wallet/volante';
import {
  drawDocumentHeader,
  drawFieldGrid,
  drawPageFoot,
  drawSectionTitle,
  letter,
  newDocument,
} from './document-frame';

export interface PaymentSupportPdfInput {
  readonly entity: DocumentEntity;
  /** «Recibo de caja Nro.»: unique per payment. */
  readonly receiptNumber: string;
  readonly liquidation: { readonly number: number; readonly amount: number };
  /** The client data the liquidación was made with: the recibo is issued with them (guide 001 §10). */
  readonly client: HolderData;
  /** Whole pesos received. */
  readonly amount: number;
  readonly channel: PaymentChannel;
  readonly paidAt: Date;
  /** The wallet's balance after this payment (the ledger's figure). */
  readonly newBalance: number;
  /** A sentence for a payment that did not simply settle the liquidación (paid twice, paid late). */
  readonly note?: string;
}

/**
 * The soporte del pago — the recibo de caja of a prepaid recharge — as a one-page letter PDF:
 * the entity, the receipt's number and date, the client data exactly as the guide's «Datos del
 * cliente» lists them (tipo de cliente, tipo y número de identificación, apellidos y nombres or
 * razón social, dirección, teléfono fijo, celular, domicilio, correo), and the payment: concept,
 * liquidación, value, channel, and the wallet's balance after it. Mailed to the holder by the
 * wallet mailer (src-server/wallet/mailer/).
 */
export async function renderPaymentSupportPdf(input: PaymentSupportPdfInput): Promise<Uint8Array> {
  const { client } = input;
  const paidAt = formatBogotaDateTime(input.paidAt.toISOString());
  const doc = await newDocument({
    title: `Recibo de caja ${input.receiptNumber} · liquidación ${input.liquidation.number}`,
    subject: 'Soporte del pago del prepago de servicios',
    author: input.entity.name,
    at: input.paidAt,
  });
  const pen = doc.addPage();
  let y = drawDocumentHeader(pen, input.entity, {
    title: 'RECIBO DE CAJA',
    number: `Nro. ${input.receiptNumber}`,
    lines: [`Fecha: ${paidAt}`, 'Soporte del pago · Prepago de servicios'],
  });

  y = drawSectionTitle(pen, 'DATOS DEL CLIENTE', y) - 4;
  const identity = client.identity;
  const names: (readonly [string, string])[] =
    identity.personKind === 'juridica'
      ? [['Razón social', identity.businessName]]
      : [
          ['Primer apellido', identity.firstSurname],
          ['Segundo apellido', identity.secondSurname],
          ['Primer nombre', identity.firstName],
          ['Segundo nombre', identity.secondName],
        ];
  y =
    drawFieldGrid(
      pen,
      [
        ['Tipo de cliente', identity.personKind === 'juridica' ? 'Persona jurídica' : 'Persona natural'],
        ['Tipo de identificación', `${documentTypeLabel(client.docType)} (${client.docType})`],
        ['Identificación del cliente', formatDocument(client.docType, client.docNumber)],
        ...names,
        ['Dirección', client.contact.address],
        ['Teléfono fijo', client.contact.landline ?? ''],
        ['Nro. celular', client.contact.mobile],
        ['Domicilio', client.contact.municipality],
        ['Correo electrónico', client.contact.email],
      ],
      y,
      3,
    ) - 22;

  y = drawSectionTitle(pen, 'DETALLE DEL PAGO', y) - 4;
  y =
    drawFieldGrid(
      pen,
      [
        ['Concepto', 'Prepago de servicios (recarga)'],
        ['Liquidación Nro.', String(input.liquidation.number)],
        ['Valor de la liquidación', formatCop(input.liquidation.amount)],
        ['Medio de pago', paymentChannelLabel[input.channel]],
        ['Fecha y hora del pago', `${paidAt} (hora de Colombia)`],
        ['Recibo de caja Nro.', input.receiptNumber],
      ],
      y,
      3,
    ) - 12;

  const boxHeight = 44;
  pen.page.drawRectangle({
    x: letter.margin,
    y: y - boxHeight,
    width: letter.contentWidth,
    height: boxHeight,
    color: colors.brandLight,
    borderColor: colors.rule,
    borderWidth: 0.8,
  });
  const half = letter.margin + letter.contentWidth / 2;
  text(pen, 'VALOR PAGADO', letter.margin + letter.contentWidth / 4, y - 14, {
    size: 7.5,
    align: 'center',
    color: colors.muted,
  });
  text(pen, formatCop(input.amount), letter.margin + letter.contentWidth / 4, y - 34, {
    size: 16,
    font: pen.fonts.bold,
    align: 'center',
  });
  text(pen, 'SALDO DEL PREPAGO DESPUÉS DEL PAGO', half + letter.contentWidth / 4, y - 14, {
    size: 7.5,
    align: 'center',
    color: colors.muted,
  });
  text(pen, formatCop(input.newBalance), half + letter.contentWidth / 4, y - 34, {
    size: 16,
    font: pen.fonts.bold,
    align: 'center',
    color: colors.brand,
  });
  y -= boxHeight + 18;

  const notes = [
    ...(input.note === undefined ? [] : [input.note]),
    'El valor prepagado no tiene vencimiento y podrá utilizarlo en cualquier momento, con su identificación y su clave.',
    'Guarde este soporte: es la constancia de su pago.',
  ];
  for (const note of notes) {
    y = paragraph(pen, note, letter.margin, y, letter.contentWidth, { size: 8.5, leading: 11 }) - 3;
  }
  drawPageFoot(pen, 0, 1, `${input.entity.name} · Recibo de caja ${input.receiptNumber}`);
  return doc.pdf.save();
}

/** `recibo-caja-000123.pdf` */
export const paymentSupportFileName = (receiptNumber: string): string =>
  `recibo-caja-${receiptNumber.replace(/[^A-Za-z0-9-]/g, '-')}.pdf`;
