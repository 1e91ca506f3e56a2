import { pesos } from './cashier-format';
import { roundingLine } from './cashier-words';

/** After a charge: the change to hand back, in large figures (cash only), and the rounding it carried. */
export function ChangeGiven({
  record,
}: {
  readonly record: { readonly cash: number; readonly change: number; readonly rounding: number };
}) {
  return (
    <>
      {record.cash > 0 && (
        <p className="cashier-big-change">
          Cambio <strong>{pesos(record.change)}</strong>
        </p>
      )}
      {record.rounding > 0 && <p className="cashier-hint">{roundingLine(record.rounding)}</p>}
    </>
  );
}
