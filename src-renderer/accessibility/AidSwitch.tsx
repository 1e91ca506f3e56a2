import { useId, type ReactNode } from 'react';

interface AidSwitchProps {
  readonly label: string;
  readonly hint: string;
  readonly on: boolean;
  readonly disabled?: boolean;
  readonly onToggle: () => void;
  /** A line under the hint (e.g. that there is no voice). */
  readonly children?: ReactNode;
}

/**
 * One aid of the panel: a large switch named by its label (what a screen reader says is what
 * the screen shows), its state as «Sí»/«No» in a track, and a line saying what it does.
 */
export function AidSwitch({ label, hint, on, disabled = false, onToggle, children }: AidSwitchProps) {
  const hintId = useId();
  return (
    <div className="aid">
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-describedby={hintId}
        className="aid__switch"
        disabled={disabled}
        onClick={onToggle}
      >
        <span className="aid__label">{label}</span>
        <span className="aid__track" aria-hidden="true">
          <span className="aid__state">{on ? 'Sí' : 'No'}</span>
        </span>
      </button>
      <p id={hintId} className="aid__hint">
        {hint}
      </p>
      {children}
    </div>
  );
}
