import { useRef, useState, type ChangeEvent, type FocusEvent } from 'react';
import { useStrayKeys } from './useStrayKeys';

/**
 * The field a «cobro» screen of the counter looks things up with (a bill's barcode or código
 * interno, a volante or a liquidación number). A scan that starts before the field has the focus
 * goes into the field all the same, while `takesStrayKeys`; a focus the cashier gives it selects
 * what is there, so the next scan replaces it.
 */
export function useLookupField(takesStrayKeys: boolean) {
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const keepTyped = useRef(false);

  useStrayKeys({
    onChar: (char) => {
      if (!takesStrayKeys) return;
      setQuery((q) => q + char);
      keepTyped.current = true;
      input.current?.focus();
    },
  });

  return {
    query,
    /** Empties the field and gives it the focus once the screen has drawn it again. */
    clear: () => {
      setQuery('');
      window.setTimeout(() => input.current?.focus(), 0);
    },
    inputProps: {
      ref: input,
      autoFocus: true,
      value: query,
      onChange: (e: ChangeEvent<HTMLInputElement>) => setQuery(e.target.value),
      onFocus: (e: FocusEvent<HTMLInputElement>) => {
        if (!keepTyped.current) e.target.select();
        keepTyped.current = false;
      },
      maxLength: 200,
    },
  };
}
