import { describe, expect, it } from 'vitest';
import { applyKey } from '../../../src-renderer/touch-input/keyboard-edit';

describe('on-screen keyboard editing', () => {
  it('appends letters, accents and ñ, and spaces', () => {
    let text = '';
    for (const key of ['P', 'e', 'ñ', 'a', '{space}', 'R', 'í', 'o', 's']) text = applyKey(text, key, 40);
    expect(text).toBe('Peña Ríos');
  });

  it('deletes one character, even a composed one, from the end', () => {
    expect(applyKey('Peña', '{bksp}', 40)).toBe('Peñ');
    expect(applyKey('', '{bksp}', 40)).toBe('');
  });

  it('ignores modifier keys and stops at the maximum length', () => {
    expect(applyKey('abc', '{shift}', 40)).toBe('abc');
    expect(applyKey('abc', '{enter}', 40)).toBe('abc');
    expect(applyKey('abc', 'd', 3)).toBe('abc');
  });
});
