/**
 * What a thermal receipt or slip says, before it is ESC/POS (docs/architecture.md, STYLE §11): a list of
 * lines a pure encoder turns into printer bytes (src-main/devices/receipt-printer/escpos-encoder.ts).
 * Both the bill slip and the cashier's recibo de caja are built as this model, so tests can
 * assert the words without decoding bytes, and the encoder never knows what a bill is.
 */

export type ReceiptAlign = 'left' | 'center' | 'right';

export type ReceiptLine =
  /** Wrapped at the paper's width on word boundaries. `large` is double width and height. */
  | {
      readonly kind: 'text';
      readonly text: string;
      readonly align?: ReceiptAlign;
      readonly bold?: boolean;
      readonly large?: boolean;
    }
  /** A label on the left and a value on the right of one line (the value never wraps). */
  | { readonly kind: 'pair'; readonly left: string; readonly right: string; readonly bold?: boolean }
  | { readonly kind: 'rule' }
  | { readonly kind: 'feed'; readonly lines: number }
  /** A short CODE128 (a receipt number), printed by the printer's own barcode command, HRI below. */
  | { readonly kind: 'code128'; readonly data: string }
  /**
   * A GS1-128 payment barcode: `data` is the element string with GS where a separator FNC1
   * goes (src-shared/domain/gs1-128.ts). Printed as an image along the paper (see the encoder).
   */
  | { readonly kind: 'gs1-128'; readonly data: string; readonly hri: string };

export interface ReceiptModel {
  readonly lines: readonly ReceiptLine[];
  /** Cut the paper after the last line. */
  readonly cut: boolean;
  /** Kick the cash drawer (cashier receipts taken in cash). */
  readonly openDrawer: boolean;
}

/** The paper a receipt printer takes; the width in characters of font A and in dots. */
export const receiptPapers = {
  80: { columns: 48, dots: 576 },
  58: { columns: 32, dots: 384 },
} as const;
export type ReceiptPaper = keyof typeof receiptPapers;

/** Marked on every reprint (docs/architecture.md): a copy must never pass for the original. */
export const copyMark = '*** COPIA ***';
