import type { FormEvent, ReactNode } from 'react';
import type { useLookupField } from './useLookupField';

/**
 * The top card of the counter's «cobro» screens (bills, prepaid recharges): the lookup field with
 * its label and the keys' hint, then what the screen has to say — a lookup under way, the X
 * report's line, a problem (read out at once).
 */
export function LookupCard({
  name,
  label,
  hint,
  hintId,
  field,
  onFind,
  busy = null,
  notice,
  problem,
}: {
  /** The card's accessible name («Buscar factura»). */
  readonly name: string;
  readonly label: ReactNode;
  readonly hint: ReactNode;
  readonly hintId: string;
  readonly field: ReturnType<typeof useLookupField>;
  readonly onFind: (event: FormEvent) => void;
  /** Said while a lookup is under way; null when none is. */
  readonly busy?: string | null;
  readonly notice: string | null;
  readonly problem: string | null;
}) {
  return (
    <section className="cashier-card" aria-label={name}>
      <form onSubmit={onFind}>
        <label>
          {label}
          <input {...field.inputProps} aria-describedby={hintId} />
        </label>
        <p id={hintId} className="cashier-hint">
          {hint}
        </p>
      </form>
      {busy !== null && <p role="status">{busy}</p>}
      {notice !== null && <p role="status">{notice}</p>}
      {problem !== null && (
        <p className="cashier-problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
