import type { Ref } from 'react';
import { OnScreenKeyboard } from '../touch-input/OnScreenKeyboard';
import { Button } from '../ui/Button';

/**
 * The on-screen keyboard at the foot of a tickets form: which field it types into, and a way to
 * put it away to reach what is under it (the documents, «Crear ticket»). Outside any <form>:
 * its keys must type, never submit.
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
          Escribiendo: <strong>{field}</strong>
        </p>
        <Button variant="secondary" onClick={onHide}>
          Ocultar el teclado
        </Button>
      </div>
      <OnScreenKeyboard value={value} onChange={onChange} maxLength={maxLength} label={`Teclado: ${field}`} />
    </div>
  );
}

/**
 * Runs `reveal` once the keyboard that just appeared has its final height (its keys are laid
 * out a frame after it mounts); returns the cancel for an effect's cleanup.
 */
export function revealWhenLaidOut(reveal: () => void): () => void {
  let second = 0;
  const first = requestAnimationFrame(() => {
    second = requestAnimationFrame(reveal);
  });
  return () => {
    cancelAnimationFrame(first);
    cancelAnimationFrame(second);
  };
}
