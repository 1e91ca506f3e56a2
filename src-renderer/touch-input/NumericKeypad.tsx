import './numeric-keypad.css';

interface NumericKeypadProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Digits beyond this are refused (the digit keys are disabled). */
  readonly maxLength?: number;
  /** The group's accessible name. */
  readonly label?: string;
}

const digitRows = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/**
 * Big on-screen number keys for codes (código interno, amounts): digits, "Borrar" (the last
 * digit) and "Limpiar" (all). Controlled: the value lives in the caller's store.
 */
export function NumericKeypad({ value, onChange, maxLength = 20, label = 'Teclado numérico' }: NumericKeypadProps) {
  const full = value.length >= maxLength;
  const type = (digit: string) => {
    if (!full) onChange(value + digit);
  };
  const digitKey = (digit: string) => (
    <button key={digit} type="button" className="keypad__key" disabled={full} onClick={() => type(digit)}>
      {digit}
    </button>
  );
  return (
    <div className="keypad" role="group" aria-label={label}>
      {digitRows.map(digitKey)}
      <button
        type="button"
        className="keypad__key keypad__key--command"
        disabled={value.length === 0}
        onClick={() => onChange(value.slice(0, -1))}
      >
        Borrar
      </button>
      {digitKey('0')}
      <button
        type="button"
        className="keypad__key keypad__key--command"
        disabled={value.length === 0}
        onClick={() => onChange('')}
      >
        Limpiar
      </button>
    </div>
  );
}
