import JsBarcode from 'jsbarcode';
import { GS } from '../../src-shared/domain/gs1-128';

/**
 * The bar pattern of a GS1-128 symbol, from jsbarcode's Code 128 encoder, without a DOM.
 *
 * jsbarcode renders into whatever it is given; a plain object (no `nodeName`) selects its
 * "object renderer", which only stores the encodings: `{ data: '1101001110…' }`, one character
 * per module, bars `1`, spaces `0`, from the start character through the stop pattern (quiet
 * zones are the caller's). `format: 'CODE128'` picks the sets itself (Start C for our digits);
 * `ean128: true` puts the leading FNC1 right after the start character; separator FNC1s are the
 * character `\xCF` in the data (jsbarcode's FNC1), which is where our element strings have GS.
 * See docs/domain/gs1-128-recaudo.md, "Drawing it".
 */

const jsbarcodeFnc1 = '\xCF';

interface ObjectTarget {
  encodings?: readonly { readonly data: string }[];
}

export class BarcodeEncodingError extends Error {
  override readonly name = 'BarcodeEncodingError';
}

/** `data` is an element string from `paymentElementString` (GS where a separator FNC1 goes). */
export function gs1128Modules(data: string): string {
  const target: ObjectTarget = {};
  try {
    JsBarcode(target, data.replaceAll(GS, jsbarcodeFnc1), { format: 'CODE128', ean128: true, displayValue: false });
  } catch (error) {
    // jsbarcode throws the message string itself for input it cannot encode.
    throw new BarcodeEncodingError(`Code 128 cannot encode this data: ${String(error)}`);
  }
  const modules = target.encodings?.map((encoding) => encoding.data).join('') ?? '';
  if (!/^1[01]+1$/.test(modules)) throw new BarcodeEncodingError('jsbarcode returned no bar pattern');
  return modules;
}

/** Runs of equal modules as bars: `[start, width]` in modules, for drawing one rectangle each. */
export function barRuns(modules: string): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= modules.length; i += 1) {
    const isBar = modules[i] === '1';
    if (isBar && start < 0) start = i;
    if (!isBar && start >= 0) {
      runs.push([start, i - start]);
      start = -1;
    }
  }
  return runs;
}
