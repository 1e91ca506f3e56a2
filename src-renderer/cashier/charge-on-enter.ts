import type { FormEvent, KeyboardEvent } from 'react';

/**
 * A «Cobro» form's handlers: Enter anywhere in the form is the same as F9 (`charge()`), whether
 * or not the browser would submit it.
 */
export function chargeOnEnter(charge: () => void) {
  return {
    onSubmit: (event: FormEvent) => {
      event.preventDefault();
      charge();
    },
    onKeyDown: (event: KeyboardEvent<HTMLFormElement>) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      charge();
    },
  };
}
