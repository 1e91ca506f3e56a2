import type { Ref } from 'react';
import { OnScreenKeyboard } from '../touch-input/OnScreenKeyboard';
import { Button } from '../ui/Button';

/**
 * The on-screen keyboard at the foot of a tickets form: which field it types into and the end of
 * what it holds (on a 1024×768 screen with larger text the keyboard covers most of the form),
 * and a way to put it away to reach what is under it (the documents, «Crear ticket»). Outside
 * any <form>: its keys must type, never submit.
 */
export function TypingKeyboard({
  ref,
  field,
  value,
  onChange,
  maxLength,
  onHide,
}: {
  readonly ref?: Ref<HTMLDivElement>;
  readonly field: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly maxLength: number;
  readonly onHide: () => void;
}) {
  return (
    <div ref={ref} className="tickets-keyboard">
      <div className="tickets-keyboard__bar">
        <p className="tickets-keyboard__field">
          <span>
            Escribiendo en <strong>{field}</strong>
          </span>
          {/* What the field holds, its end in sight: on a short screen the keyboard may cover the field itself. */}
          <span className="tickets-keyboard__echo" aria-hidden="true">
            <span className="tickets-keyboard__typed">
              {echo(value)}
              <span className="tickets-keyboard__caret" />
            </span>
          </span>
        </p>
        <Button variant="secondary" onClick={onHide}>
          Ocultar el teclado
        </Button>
      </div>
      <OnScreenKeyboard value={value} onChange={onChange} maxLength={maxLength} label={`Teclado: ${field}`} />
    </div>
  );
}

/** The last characters typed (what does not fit the bar is cut at its start, in CSS). */
const echoLength = 120;
const echo = (value: string): string => (value.length <= echoLength ? value : value.slice(value.length - echoLength));
