import { useId } from 'react';

interface TouchAreaProps {
  readonly label: string;
  readonly hint?: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** True while the on-screen keyboard types into this box. */
  readonly active: boolean;
  readonly onActivate: () => void;
  readonly maxLength: number;
  readonly rows?: number;
}

/**
 * A large box for a few lines of text (a ticket's description, a message), typed on the kiosk's
 * own keyboard like TouchField: the system's touch keyboard is suppressed; a physical keyboard
 * still works. Says how much room is left near the end.
 */
export function TouchArea({ label, hint, value, onChange, active, onActivate, maxLength, rows = 4 }: TouchAreaProps) {
  const id = useId();
  const hintId = useId();
  const left = maxLength - value.length;
  return (
    <div className={`touch-field${active ? ' touch-field--active' : ''}`}>
      <label className="touch-field__label" htmlFor={id}>
        {label}
      </label>
      {hint !== undefined && (
        <span id={hintId} className="touch-field__hint">
          {hint}
        </span>
      )}
      <textarea
        id={id}
        className="touch-field__input tickets-area"
        rows={rows}
        value={value}
        maxLength={maxLength}
        inputMode="none"
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        spellCheck={false}
        aria-describedby={hint === undefined ? undefined : hintId}
        onFocus={onActivate}
        onChange={(event) => onChange(event.target.value)}
      />
      {left < 200 && <span className="touch-field__hint">Quedan {left} caracteres.</span>}
    </div>
  );
}
