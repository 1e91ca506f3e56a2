import { err, ok, type Result } from '../../src-shared/api/result';
import type { SqlExecutor } from '../db/sql-executor';

/**
 * «Anular» a pendiente liquidación: nobody can pay it on purpose any more (a bank or the
 * gateway may still; applyLiquidationPayment then credits the wallet and flags it). One
 * statement checks the state and writes who and when, so two supervisors annulling at once
 * annul once. No money moves: a pendiente liquidación holds none.
 *
 * The reason is required and kept on the liquidación (`annulled_reason`, which the database
 * requires of any annulled one) beside who and when.
 */
export async function annulLiquidation(
  exec: SqlExecutor,
  input: { number: number; username: string; reason: string; now: Date },
): Promise<Result<{ number: number }>> {
  const { rows } = await exec.query<{ number: string | number }>(
    `UPDATE liquidations SET state = 'anulada', annulled_at = $2, annulled_by = $3, annulled_reason = $4
     WHERE number = $1 AND state = 'pendiente' RETURNING number`,
    [input.number, input.now.toISOString(), input.username, input.reason],
  );
  if (rows.length === 0) {
    const found = await exec.query<{ state: string }>('SELECT state FROM liquidations WHERE number = $1', [
      input.number,
    ]);
    const state = found.rows[0]?.state;
    if (state === undefined) return err('not-found', `No existe la liquidación ${input.number}.`);
    return err('conflict', `La liquidación ${input.number} está ${state}: solo se anula una liquidación pendiente.`);
  }
  return ok({ number: input.number });
}
