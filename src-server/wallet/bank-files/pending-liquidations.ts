import { z } from 'zod';
import type { SqlExecutor } from '../../db/sql-executor';

/**
 * The payment reference a liquidación's volante carries (AI 8020 and what the bank types in):
 * its number zero-filled to 10 digits, the volante's fixed reference length
 * (src-shared/wallet/volante-barcode.ts). Banks send it back zero-filled to 48; either way it
 * reads as the number.
 */
const referenceLength = 10;

/** A liquidación still waiting for its payment, as `npm run admin -- liquidations --pending --json` prints it. */
export const PendingLiquidation = z.object({
  number: z.number().int(),
  /** As printed on the volante: the number zero-filled. */
  reference: z.string(),
  /** Whole pesos. */
  amount: z.number().int(),
  /** The last day it may be paid, `YYYY-MM-DD` in Colombia. */
  dueDate: z.string(),
  /** The exact moment it expires (ISO). */
  expiresAt: z.string(),
});
export type PendingLiquidation = z.infer<typeof PendingLiquidation>;

const bogotaDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Bogota',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Every liquidación in state `pendiente`, by number, so an operator can check a bank file against them. */
export async function listPendingLiquidations(exec: SqlExecutor): Promise<PendingLiquidation[]> {
  const { rows } = await exec.query<{ number: string | number; amount: string | number; expires_at: Date | string }>(
    `SELECT number, amount, expires_at FROM liquidations WHERE state = 'pendiente' ORDER BY number`,
  );
  return rows.map((r) => {
    const expiresAt = new Date(r.expires_at);
    return {
      number: Number(r.number),
      reference: String(r.number).padStart(referenceLength, '0'),
      amount: Number(r.amount),
      dueDate: bogotaDay.format(expiresAt),
      expiresAt: expiresAt.toISOString(),
    };
  });
}
