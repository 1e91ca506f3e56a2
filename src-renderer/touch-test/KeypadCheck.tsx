import { NumericKeypad } from '../touch-input/NumericKeypad';
import { TouchField } from '../touch-input/TouchField';
import { useTouchTestStore } from './touch-test-store';

const maxDigits = 12;

/** The código interno field with the numeric keypad, as the bill screens will use them. */
export function KeypadCheck() {
  const digits = useTouchTestStore((state) => state.digits);
  const setDigits = useTouchTestStore((state) => state.setDigits);
  return (
    <div className="touch-test__keypad">
      <div className="touch-test__keypad-field">
        <TouchField
          label="Código interno"
          hint="Toque los números del teclado. «Borrar» quita el último; «Limpiar», todos."
          kind="digits"
          value={digits}
          onChange={setDigits}
          active
          maxLength={maxDigits}
        />
      </div>
      <NumericKeypad value={digits} onChange={setDigits} maxLength={maxDigits} />
    </div>
  );
}
