import { useId } from 'react';
import './touch-field.css';

interface TouchFieldProps {
  readonly label: string;
  readonly hint?: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** True while the on-screen keyboard or keypad types into this field. */
  readonly active?: boolean;
  readonly onActivate?: () => void;
  readonly kind?: 'text' | 'digits' | 'password';
  readonly maxLength?: number;
}

/**
 * A large labelled field for the kiosk. The system's own touch keyboard is suppressed
 * (`inputMode="none"`) because Ventanilla shows its own; a physical keyboard still works.
 */
export function TouchField({
  label,
  hint,
  value,
  onChange,
  active = false,
  onActivate,
  kind = 'text',
  maxLength = 200,
}: TouchFieldProps) {
  const id = useId();
  const hintId = useId();
  const digits = kind === 'digits';
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
      <input
        id={id}
        className={`touch-field__input${digits ? ' touch-field__input--digits' : ''}`}
        type={kind === 'password' ? 'password' : 'text'}
        value={value}
        maxLength={maxLength}
        inputMode="none"
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        spellCheck={false}
        aria-describedby={hint === undefined ? undefined : hintId}
        onFocus={onActivate}
        onChange={(event) => onChange(digits ? event.target.value.replace(/\D/g, '') : event.target.value)}
      />
    </div>
  );
}
