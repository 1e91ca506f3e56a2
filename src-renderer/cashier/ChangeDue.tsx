import type { Result } from '../../src-shared/api/result';
import type { SettledTenders } from '../../src-shared/cashier/tenders';
import { pesos } from './cashier-format';
import { roundingLine } from './cashier-words';

/**
 * Under a «Cobro» form, read out as the cashier types: the change (or why the tenders do not
 * settle the amount) once a tender is there, and the rounding the change carries — by the same
 * rule the service applies (settleTenders).
 */
export function ChangeDue({
  settlement,
  tendered,
}: {
  /** Null while the amount is not known yet (a recharge typed offline, its value still empty). */
  readonly settlement: Result<SettledTenders> | null;
  readonly tendered: boolean;
}) {
  return (
    <div className="cashier-change" aria-live="polite">
      {tendered && settlement !== null && (
        <p>{settlement.ok ? `Cambio: ${pesos(settlement.value.change)}` : settlement.error.message}</p>
      )}
      {settlement?.ok === true && settlement.value.rounding > 0 && (
        <p className="cashier-hint">{roundingLine(settlement.value.rounding)}</p>
      )}
    </div>
  );
}
