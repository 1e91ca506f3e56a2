import { err, ok, type Result } from '../api/result';
import { isValidGln } from '../domain/gs1-check-digit';
import { GS, type PaymentBarcodeConfig } from '../domain/gs1-128';
import { parseScannedPayment } from '../domain/gs1-128-scan';
import type { Pesos } from '../domain/money';

/**
 * The GS1-128 of a liquidación's volante de pago (docs/counter-recharge.md): the same four AIs
 * as a bill's (docs/domain/gs1-128-recaudo.md) under the wallet's own GLN (VENTANILLA_RECAUDO_GLN),
 * with the liquidación number as the reference (AI 8020), the amount in whole pesos (AI 3900)
 * and its expiry date (AI 96). The lengths are fixed here, once, for whoever prints the volante
 * and whoever reads it: a number of up to 10 digits (liquidaciones start at 100001) and an
 * amount of up to 10 digits.
 */
export const volanteReferenceLength = 10;
export const volanteAmountLength = 10;

/** The volante's barcode parameters under the wallet's GLN. */
export function volanteBarcodeConfig(gln: string): PaymentBarcodeConfig {
  return { gln, referenceLength: volanteReferenceLength, amountAi: '3900', amountLength: volanteAmountLength };
}

/** A volante as read from its barcode: enough to take its payment with no server at hand. */
export interface ScannedVolante {
  readonly liquidationNumber: number;
  readonly amount: Pesos;
  /** `YYYY-MM-DD`: the liquidación's expiry as printed. */
  readonly dueOn: string;
  readonly gln: string;
}

const notAVolante =
  'Ese código de barras no es de un volante de prepago. Escanee el volante de la recarga o digite el número de liquidación.';

/**
 * Reads a scanned (or typed, with parentheses) volante barcode. With `gln` the barcode must be
 * under it; a counter that does not know the wallet's GLN (offline, never told) passes null and
 * any valid GLN with the volante's layout is read — the central server then finds the
 * liquidación by its number, or parks the money for staff when there is none.
 */
export function readVolanteScan(scan: string, gln: string | null): Result<ScannedVolante> {
  const candidate = gln ?? glnOf(scan);
  if (candidate === null) return err('validation', notAVolante);
  const read = parseScannedPayment(scan, volanteBarcodeConfig(candidate));
  if (!read.ok) return err('validation', notAVolante);
  const liquidationNumber = Number(read.value.reference);
  if (!Number.isSafeInteger(liquidationNumber) || liquidationNumber <= 0 || read.value.amountPesos <= 0)
    return err('validation', notAVolante);
  return ok({ liquidationNumber, amount: read.value.amountPesos, dueOn: read.value.dueOn, gln: read.value.gln });
}

/** The AI 415 GLN a scan starts with (after a `]C1` or a GS), or in its `(415)` part; null without a valid one. */
function glnOf(scan: string): string | null {
  let compact = scan.replace(/\s+/g, '');
  if (compact.startsWith(']C1')) compact = compact.slice(3);
  while (compact.startsWith(GS)) compact = compact.slice(1);
  const match = /^(?:\(415\)|415)(\d{13})/.exec(compact);
  const gln = match?.[1] ?? null;
  return gln !== null && isValidGln(gln) ? gln : null;
}
