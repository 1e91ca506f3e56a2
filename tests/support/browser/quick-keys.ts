import type { Locator } from 'playwright-core';

interface KeyPlace {
  readonly x: number;
  readonly y: number;
}

/** Keys after which the keyboard shows another layout (react-simple-keyboard rebuilds its buttons). */
const layoutKeys = new Set(['Mayús', 'Símbolos', 'Letras']);

/**
 * Where each key of `group` that a finger can touch right now is, by its accessible name (its
 * `aria-label`, else its text, as react-simple-keyboard and the keypad name their buttons): the
 * centre of a button that is the topmost element there, in the viewport.
 */
async function touchableKeys(group: Locator): Promise<Map<string, KeyPlace>> {
  const places = await group.locator('button').evaluateAll((buttons) =>
    buttons.flatMap((button) => {
      const box = button.getBoundingClientRect();
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      const inView = box.width > 0 && x >= 0 && y >= 0 && x < window.innerWidth && y < window.innerHeight;
      if (!inView || document.elementFromPoint(x, y)?.closest('button') !== button) return [];
      const name = (button.getAttribute('aria-label') ?? button.textContent ?? '').trim();
      return [[name, { x, y }] as const];
    }),
  );
  return new Map(places);
}

/**
 * Taps `keys` (by accessible name) on an on-screen keyboard or keypad, each a touch at the key's
 * centre as `Locator.tap` gives it, in order. `Locator.tap` waits for its key to be visible,
 * stable and the target of the touch before each one (about a tenth of a second a key on a
 * loaded machine, most of a typing test); this finds the keys' places once per layout, keeping
 * only keys that are the topmost element at their centre, and reads them again after a key that
 * changes the layout (Mayús, Símbolos, Letras, the letter after Mayús), once the new layout shows. A key it does not find
 * among them (scrolled away, covered, not drawn yet) gets `Locator.tap`, with its waits.
 */
export async function tapKeysQuickly(group: Locator, keys: readonly string[]): Promise<void> {
  const touchscreen = group.page().touchscreen;
  let places = await touchableKeys(group);
  let shifted = false;
  for (const key of keys) {
    const place = places.get(key);
    if (place === undefined) {
      await group.getByRole('button', { name: key, exact: true }).tap();
    } else {
      await touchscreen.tap(place.x, place.y);
    }
    const layoutChanges = layoutKeys.has(key) || shifted;
    shifted = key === 'Mayús' ? !shifted : false;
    if (layoutChanges) places = await nextLayout(group, places);
    else if (place === undefined) places = await touchableKeys(group);
  }
}

/** The keys' places once the keyboard shows another layout than `before` (2 s at most). */
async function nextLayout(group: Locator, before: Map<string, KeyPlace>): Promise<Map<string, KeyPlace>> {
  const names = [...before.keys()].join(' ');
  const deadline = Date.now() + 2_000;
  for (;;) {
    const places = await touchableKeys(group);
    if ([...places.keys()].join(' ') !== names || Date.now() > deadline) return places;
  }
}

/** The keys that type `text` on the Spanish on-screen keyboard: «Mayús» before each capital, «Espacio». */
export function keysFor(text: string): string[] {
  return [...text].flatMap((char) => {
    if (char === ' ') return ['Espacio'];
    return char !== char.toLowerCase() ? ['Mayús', char] : [char];
  });
}
