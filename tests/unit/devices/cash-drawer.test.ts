import { describe, expect, it } from 'vitest';
import { receiptPrinterDrawer } from '../../../src-main/devices/cash-drawer/cash-drawer';
import { encodeReceipt } from '../../../src-main/devices/receipt-printer/escpos-encoder';
import type { ReceiptModel } from '../../../src-shared/receipts/receipt-model';
import { decodeEscpos } from '../../support/escpos-decoder';

const receipt = (openDrawer: boolean): ReceiptModel => ({
  lines: [{ kind: 'text', text: 'RECIBO DE CAJA', align: 'center', bold: true, large: false }],
  cut: true,
  openDrawer,
});

describe('the cash drawer on the receipt printer', () => {
  it('EPSON: ESC p on pin 2, 50 ms on and 500 ms off, inside the receipt, before the cut', async () => {
    const events = decodeEscpos(await encodeReceipt(receipt(true), { type: 'epson', paper: 80 }));
    const drawer = events.findIndex((e) => e.kind === 'drawer');
    expect(events[drawer]).toEqual({ kind: 'drawer', pin: 0, onMs: 50, offMs: 500 });
    expect(drawer).toBeLessThan(events.findIndex((e) => e.kind === 'cut'));
    expect(receiptPrinterDrawer('epson').wiring).toBe('receipt-printer');
  });

  it('a receipt that does not open the drawer carries no kick', async () => {
    const events = decodeEscpos(await encodeReceipt(receipt(false), { type: 'epson', paper: 58 }));
    expect(events.some((e) => e.kind === 'drawer')).toBe(false);
  });

  it('STAR line mode: ESC BEL sets 50 ms on and 500 ms off (10 ms units), then BEL drives drawer 1; no ESC/POS ESC p', async () => {
    const bytes = await encodeReceipt(receipt(true), { type: 'star', paper: 80 });
    const kick = Buffer.from([0x1b, 0x07, 5, 50, 0x07]);
    expect(receiptPrinterDrawer('star').kickBytes()).toEqual(kick);
    expect(bytes.indexOf(kick)).toBeGreaterThan(0);
    expect(bytes.indexOf(Buffer.from([0x1b, 0x70]))).toBe(-1);
    expect((await encodeReceipt(receipt(false), { type: 'star', paper: 80 })).indexOf(kick)).toBe(-1);
  });
});
