import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { normalizeClave } from '../../../src-server/wallet/clave';
import { maskEmail, maskName } from '../../../src-shared/wallet/masks';
import {
  isRecoveryCodeShape,
  makeRecoveryCode,
  recoveryCodeAlphabet,
  recoveryCodeLength,
} from '../../../src-shared/wallet/recovery-code';

describe('recovery codes', () => {
  it('are six characters of the alphabet, with no look-alikes, drawn uniformly from the index given', () => {
    expect(recoveryCodeAlphabet).not.toMatch(/[0O1lIo]/);
    expect(new Set(recoveryCodeAlphabet).size).toBe(recoveryCodeAlphabet.length);
    let next = 0;
    // A source that walks the alphabet shows each index picks its own character.
    expect(makeRecoveryCode(() => next++)).toBe(recoveryCodeAlphabet.slice(0, recoveryCodeLength));
    for (let i = 0; i < 200; i += 1) {
      const code = makeRecoveryCode(randomInt);
      expect(code).toHaveLength(6);
      expect(isRecoveryCodeShape(code)).toBe(true);
    }
  });

  it('spread over the alphabet (no character favoured beyond chance in 20,000 draws)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000 / recoveryCodeLength; i += 1)
      for (const c of makeRecoveryCode(randomInt)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(recoveryCodeAlphabet.length);
    const expected = (Math.floor(20_000 / recoveryCodeLength) * recoveryCodeLength) / recoveryCodeAlphabet.length;
    for (const count of counts.values()) {
      expect(count).toBeGreaterThan(expected * 0.6);
      expect(count).toBeLessThan(expected * 1.4);
    }
  });

  it('refuse what a citizen could not have copied: look-alikes, other lengths, symbols; case counts', () => {
    expect(isRecoveryCodeShape('XLrWX7')).toBe(true);
    expect(isRecoveryCodeShape(' XLrWX7 ')).toBe(true);
    for (const typed of ['XLrWX', 'XLrWX77', 'XL0WX7', 'XLlWX7', 'XL-WX7', '', 'XLrWX7;'])
      expect(isRecoveryCodeShape(typed)).toBe(false);
  });
});

describe('masks of a holder shown before the clave', () => {
  it('keep each word’s first letter and the e-mail’s first character and domain', () => {
    expect(maskName('NOMBRE APELLIDO')).toBe('N***** A*******');
    expect(maskName('  Ñusta   Álvarez ')).toBe('Ñ**** Á******');
    expect(maskName('')).toBe('');
    expect(maskEmail('cliente@ejemplo.co')).toBe('c*****@ejemplo.co');
    // The length of the local part is not told.
    expect(maskEmail('c@ejemplo.co')).toBe('c*****@ejemplo.co');
    expect(maskEmail('sin-arroba')).toBe('*****');
  });
});

describe('claves as typed', () => {
  it('compare a made clave in any case and with or without dashes; anything else as typed, trimmed', () => {
    expect(normalizeClave('k7mr-px4w-9tqb')).toBe('K7MRPX4W9TQB');
    expect(normalizeClave(' K7MR PX4W 9TQB ')).toBe('K7MRPX4W9TQB');
    expect(normalizeClave('Prepago.2026')).toBe('Prepago.2026');
    expect(normalizeClave(' una frase ')).toBe('una frase');
  });
});
