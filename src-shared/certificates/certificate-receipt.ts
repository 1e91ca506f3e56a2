import { formatBogotaDateTime } from '../domain/calendar-es';
import { formatCop } from '../domain/money';
import type { ReceiptLine, ReceiptModel } from '../receipts/receipt-model';
import type { KioskPurchaseView } from '../api/ops/certificates';

/** What each copy's line says on the receipt. */
const copyWords = {
  waiting: 'Pendiente',
  dispensing: 'En entrega',
  delivered: 'Entregada',
  failed: 'No salió: valor devuelto',
  // The citizen holds this receipt: the code beside it is what the kiosk asks to dispense it again.
  unknown:
    'Sin confirmar. Si no salió, pídala de nuevo en el kiosco con este código: «Volver a entregar un certificado»',
} as const;

/**
 * The kiosk's receipt of a certificate purchase (docs/certificates-kiosk.md), printed once every
 * copy has left the dispenser or failed: receipt number, certificate, each copy's verification
 * code and how it came out, what was charged and the wallet's balance left. Pure: the thermal
 * printer's encoder turns it into bytes.
 */
export function certificateReceipt(purchase: KioskPurchaseView, printedAt: string): ReceiptModel {
  const failed = purchase.copies.filter((c) => c.state === 'failed').length;
  const charged = purchase.total - failed * purchase.unitPrice;
  const refundsDue = purchase.copies.filter((c) => c.state === 'failed' && c.refunded === 0).length;
  const balance = purchase.balance + refundsDue * purchase.unitPrice;
  const lines: ReceiptLine[] = [
    { kind: 'text', text: 'Compra de certificados', align: 'center', bold: true },
    { kind: 'text', text: formatBogotaDateTime(printedAt), align: 'center' },
    { kind: 'rule' },
    { kind: 'pair', left: 'Recibo No.', right: String(purchase.receiptNumber), bold: true },
    { kind: 'text', text: purchase.title },
    { kind: 'text', text: purchase.businessName },
    { kind: 'pair', left: `Copias: ${purchase.copies.length}`, right: `${formatCop(purchase.unitPrice)} c/u` },
    { kind: 'rule' },
  ];
  for (const copy of purchase.copies) {
    lines.push(
      { kind: 'pair', left: `Copia ${copy.copy}`, right: copy.verificationCode, bold: true },
      { kind: 'text', text: `  ${copyWords[copy.state]}` },
    );
  }
  lines.push({ kind: 'rule' }, { kind: 'pair', left: 'Total de la compra', right: formatCop(purchase.total) });
  if (failed > 0)
    lines.push({ kind: 'pair', left: 'Devuelto al prepago', right: formatCop(failed * purchase.unitPrice) });
  lines.push(
    { kind: 'pair', left: 'Total cobrado', right: formatCop(charged), bold: true },
    { kind: 'pair', left: 'Saldo del prepago', right: formatCop(balance) },
    { kind: 'rule' },
    {
      kind: 'text',
      text: 'Cada certificado se verifica con su código de verificación en la página de la Cámara de Comercio.',
    },
    { kind: 'code128', data: String(purchase.receiptNumber) },
    { kind: 'feed', lines: 1 },
  );
  return { lines, cut: true, openDrawer: false };
}
