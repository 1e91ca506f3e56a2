import type { PrinterCondition } from '../document-printer/document-printer';

/**
 * ESC/POS real-time status (DLE EOT n, `10 04 n`): the printer answers one byte at once, even
 * while offline or out of paper, which is why it is asked before every receipt. Bits, from
 * Epson's ESC/POS reference:
 *
 * - n = 1, printer status: bit 3 offline.
 * - n = 2, offline cause: bit 2 cover open, bit 5 printing stopped by paper end, bit 6 error.
 * - n = 4, roll paper sensor: bits 5–6 paper end (bits 2–3, near end, only warn).
 *
 * Every answer has bit 4 set and bits 0 and 7 clear; a byte that does not is not an answer
 * (line noise, an Automatic Status Back message) and makes the status unknown.
 */
export const dleEot = (n: 1 | 2 | 4): Buffer => Buffer.from([0x10, 0x04, n]);

export interface DleEotAnswers {
  readonly printer: number;
  readonly offlineCause: number;
  readonly paperSensor: number;
}

const isAnswer = (byte: number): boolean => (byte & 0x93) === 0x12;

export function conditionFromDleEot(answers: DleEotAnswers): {
  condition: PrinterCondition;
  detail: string | null;
  paperNearEnd: boolean;
} {
  const { printer, offlineCause, paperSensor } = answers;
  if (![printer, offlineCause, paperSensor].every(isAnswer)) {
    return {
      condition: 'unknown',
      detail: `respuesta DLE EOT inesperada ${[printer, offlineCause, paperSensor].map((b) => b.toString(16)).join(' ')}`,
      paperNearEnd: false,
    };
  }
  const paperNearEnd = (paperSensor & 0x0c) !== 0;
  if ((paperSensor & 0x60) !== 0 || (offlineCause & 0x20) !== 0)
    return { condition: 'paper-end', detail: 'paper end', paperNearEnd };
  if ((offlineCause & 0x04) !== 0) return { condition: 'cover-open', detail: 'cover open', paperNearEnd };
  if ((printer & 0x08) !== 0 || (offlineCause & 0x40) !== 0)
    return { condition: 'offline', detail: 'offline', paperNearEnd };
  return { condition: 'ready', detail: paperNearEnd ? 'paper near end' : null, paperNearEnd };
}
