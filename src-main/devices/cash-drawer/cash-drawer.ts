import type { ReceiptPrinterType } from '../receipt-printer/receipt-profile';

/**
 * The cash drawer (cajón monedero) behind an interface (STYLE §11). On EPSON and STAR counters
 * it hangs off the receipt printer's drawer port (RJ-11) and opens when the printer pulses it,
 * which the printer does when its own bytes say so. So opening it is not a job of its own: the
 * kick rides inside the receipt's print job, and the drawer opens as the cash receipt prints
 * and, like the receipt, never again by itself (a reprint is a COPIA, which does not open it).
 * A drawer with a connection of its own (USB, serial) would be another implementation.
 */
export interface CashDrawer {
  /** How it is opened: through the receipt printer's bytes (the only wiring so far). */
  readonly wiring: 'receipt-printer';
  /** The printer bytes that open it, for the receipt's own job. */
  kickBytes(): Buffer;
}

/** How long the drawer's solenoid is driven, and the rest after it: what drawers of every make take. */
const pulse = { onMs: 50, offMs: 500 } as const;

/**
 * The drawer on the receipt printer's port, pin 2 (drawer 1):
 *
 * - EPSON ESC/POS, `ESC p 0 t1 t2`, times in 2 ms. Written here because node-thermal-printer
 *   4.6's EPSON drawer kick sends ESC p without its two timing bytes, so the printer takes the
 *   next command's bytes as the pulse times.
 * - STAR line mode, `ESC BEL n1 n2` (drive and delay times in 10 ms) then `BEL` (drive
 *   drawer 1 now, in order with the printing). ESC p is an ESC/POS command, not a STAR line
 *   mode one.
 */
export function receiptPrinterDrawer(type: ReceiptPrinterType): CashDrawer {
  const bytes =
    type === 'epson'
      ? Buffer.from([0x1b, 0x70, 0x00, pulse.onMs / 2, pulse.offMs / 2])
      : Buffer.from([0x1b, 0x07, pulse.onMs / 10, pulse.offMs / 10, 0x07]);
  return { wiring: 'receipt-printer', kickBytes: () => Buffer.from(bytes) };
}
