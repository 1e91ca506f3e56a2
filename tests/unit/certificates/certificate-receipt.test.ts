import { describe, expect, it } from 'vitest';
import type { KioskPurchaseView } from '../../../src-shared/api/ops/certificates';
import { certificateReceipt } from '../../../src-shared/certificates/certificate-receipt';
import { formatCop } from '../../../src-shared/domain/money';
import type { ReceiptLine } from '../../../src-shared/receipts/receipt-model';

const purchase: KioskPurchaseView = {
  purchaseKey: '0190a000-0000-7000-8000-000000000001',
  receiptNumber: 1042,
  title: 'Certificado de existencia y representación legal',
  businessName: 'FERRETERÍA EL TOLIMA S.A.S.',
  unitPrice: 11_700,
  total: 23_400,
  balance: 276_600,
  copies: [
    { copy: 1, verificationCode: 'aB3dE5gH7j', state: 'delivered', refunded: 0, reported: true },
    { copy: 2, verificationCode: 'Kq9Wx2Zp4R', state: 'failed', refunded: 0, reported: false },
  ],
  finished: true,
};

const text = (line: ReceiptLine): string => {
  switch (line.kind) {
    case 'text':
      return line.text;
    case 'pair':
      return `${line.left} | ${line.right}`;
    case 'code128':
      return `[${line.data}]`;
    default:
      return '';
  }
};

describe('the receipt of a certificate purchase', () => {
  it('lists the receipt number, each code and outcome, the refund, what was charged and the balance left', () => {
    const receipt = certificateReceipt(purchase, '2026-12-03T20:30:00.000Z');
    const lines = receipt.lines.map(text).filter((l) => l !== '');
    expect(lines).toEqual([
      'Compra de certificados',
      '03/12/2026 15:30',
      'Recibo No. | 1042',
      'Certificado de existencia y representación legal',
      'FERRETERÍA EL TOLIMA S.A.S.',
      `Copias: 2 | ${formatCop(11_700)} c/u`,
      'Copia 1 | aB3dE5gH7j',
      '  Entregada',
      'Copia 2 | Kq9Wx2Zp4R',
      '  No salió: valor devuelto',
      `Total de la compra | ${formatCop(23_400)}`,
      `Devuelto al prepago | ${formatCop(11_700)}`,
      `Total cobrado | ${formatCop(11_700)}`,
      // The refund not yet acknowledged is counted: the balance the citizen will see.
      `Saldo del prepago | ${formatCop(288_300)}`,
      'Cada certificado se verifica con su código de verificación en la página de la Cámara de Comercio.',
      '[1042]',
    ]);
    expect(receipt.cut).toBe(true);
    expect(receipt.openDrawer).toBe(false);
  });

  it('tells the holder of a copy left unconfirmed how to have it dispensed again with its code', () => {
    const unknown: KioskPurchaseView = {
      ...purchase,
      copies: [{ copy: 1, verificationCode: 'aB3dE5gH7j', state: 'unknown', refunded: 0, reported: true }],
    };
    const lines = certificateReceipt(unknown, '2026-12-03T20:30:00.000Z').lines.map(text);
    const at = lines.indexOf('Copia 1 | aB3dE5gH7j');
    expect(lines[at + 1]).toContain('pídala de nuevo en el kiosco con este código');
    expect(lines[at + 1]).toContain('«Volver a entregar un certificado»');
  });
});
