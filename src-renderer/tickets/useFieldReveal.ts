import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { revealBetween } from '../ui/reveal';

/**
 * Keeps the field being typed in sight above the on-screen keyboard held at the screen's foot:
 * the field whole (label, hint, box) when it fits, otherwise its box, once the keyboard has its
 * height. Each field's wrapper registers with `field(name)`; the keyboard takes `keyboard`.
 */
export function useFieldReveal<K extends string>(
  active: K | null,
): {
  readonly keyboard: RefObject<HTMLDivElement | null>;
  readonly field: (name: K) => (element: HTMLElement | null) => void;
  readonly boxOf: (name: K) => HTMLElement | undefined;
} {
  const keyboard = useRef<HTMLDivElement>(null);
  const boxes = useRef(new Map<K, HTMLElement>());
  useEffect(() => {
    const box = active === null ? undefined : boxes.current.get(active);
    if (box === undefined) return undefined;
    const input = box.querySelector<HTMLElement>('input, textarea') ?? box;
    return revealWhenLaidOut(() => {
      revealBetween(box, keyboard.current);
      revealBetween(input, keyboard.current);
    });
  }, [active]);
  const field = useCallback(
    (name: K) => (element: HTMLElement | null) => {
      if (element !== null) boxes.current.set(name, element);
    },
    [],
  );
  const boxOf = useCallback((name: K) => boxes.current.get(name), []);
  return { keyboard, field, boxOf };
}

/**
 * Runs `reveal` once the keyboard that just appeared has its final height (its keys are laid
 * out a frame after it mounts); returns the cancel for an effect's cleanup.
 */
function revealWhenLaidOut(reveal: () => void): () => void {
  let second = 0;
  const first = requestAnimationFrame(() => {
    second = requestAnimationFrame(reveal);
  });
  return () => {
    cancelAnimationFrame(first);
    cancelAnimationFrame(second);
  };
}
