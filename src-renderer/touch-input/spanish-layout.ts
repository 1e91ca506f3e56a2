import type { KeyboardLayoutObject } from 'react-simple-keyboard';

/**
 * A Spanish (Colombia) on-screen layout: ñ where a Spanish keyboard has it, the accented
 * vowels and ü on their own row (no dead keys to learn), @ _ . - for e-mail addresses and «#»
 * in sight for addresses («Calle 42 # 5-31»). «#+=» opens the symbols a password, a name with
 * an apostrophe or an address may need; «abc» comes back. tests/unit/renderer/keyboard-layout
 * types a sample of every field with it. No row is wider than eleven and a half keys, so every
 * key stays at least 64 px wide on a 1024 px panel with larger text (the browser tests measure it).
 */
export const spanishLayout: KeyboardLayoutObject = {
  default: [
    '1 2 3 4 5 6 7 8 9 0 {bksp}',
    'q w e r t y u i o p',
    'a s d f g h j k l ñ #',
    '{shift} z x c v b n m , . -',
    '{symbols} á é í ó ú ü @ _ {space}',
  ],
  shift: [
    '1 2 3 4 5 6 7 8 9 0 {bksp}',
    'Q W E R T Y U I O P',
    'A S D F G H J K L Ñ #',
    '{shift} Z X C V B N M , . -',
    '{symbols} Á É Í Ó Ú Ü @ _ {space}',
  ],
  symbols: [
    '1 2 3 4 5 6 7 8 9 0 {bksp}',
    "# $ % & * + = / ( ) '",
    '! ¡ ? ¿ : ; " ° º ª',
    '< > [ ] | ~ ^ € , . -',
    '{abc} @ _ \\ {space}',
  ],
};

/** What the special keys say on screen. */
export const spanishKeyLabels: Record<string, string> = {
  '{bksp}': 'Borrar',
  '{shift}': 'Mayús',
  '{space}': 'Espacio',
  '{symbols}': '#+=',
  '{abc}': 'abc',
};

/**
 * Accessible names where the visible label is not a word. «Mayús» is named by what it shows (the
 * name must contain the visible text: WCAG 2.5.3, so someone using voice control can say it).
 */
export const spanishKeyNames: Record<string, string> = {
  '{symbols}': 'Símbolos',
  '{abc}': 'Letras',
};
