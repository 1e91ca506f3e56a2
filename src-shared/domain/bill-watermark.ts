import { assertNever } from '../api/result';
import type { BillState } from './bill-state';

export type { BillState } from './bill-state';
export type BillDocumentMode = 'current' | 'previous';

/**
 * The diagonal watermark of a bill document, or null for none.
 *
 * A previous bill is informative only (guide 000, §6): it never carries a barcode and always
 * says its state — FACTURA PAGADA, FACTURA VENCIDA, FACTURA ANULADA. A previous bill that is
 * still `pendiente` (unpaid and not yet due; rare, since previous bills are those before the
 * last payment) gets COPIA INFORMATIVA rather than "FACTURA PENDIENTE": its state can change
 * the same day at any bank, and a paper saying "pendiente" could later be taken as proof of a
 * debt already paid. What it is — a copy, not a way to pay — stays true.
 *
 * The current bill is the one to pay, so it normally has no watermark; if it is already paid
 * (or was annulled) it says so, so nobody pays it twice.
 */
export function watermarkFor(mode: BillDocumentMode, state: BillState): string | null {
  switch (state) {
    case 'pagada':
      return 'FACTURA PAGADA';
    case 'anulada':
      return 'FACTURA ANULADA';
    case 'vencida':
      return mode === 'previous' ? 'FACTURA VENCIDA' : null;
    case 'pendiente':
      return mode === 'previous' ? 'COPIA INFORMATIVA' : null;
    default:
      return assertNever(state);
  }
}
