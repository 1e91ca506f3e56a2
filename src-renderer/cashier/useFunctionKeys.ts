import { useEffect } from 'react';

/** Function keys for the counter's screen (F1–F12, Escape); the browser's own use of them is prevented. */
export function useFunctionKeys(keys: Partial<Record<string, () => void>>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = keys[event.key];
      if (action === undefined) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keys]);
}
