import { describe, expect, it } from 'vitest';
import { checkNewPassword } from '../../../src-shared/accounts/password-policy';
import { defaultScryptParams, hashPassword, parsePasswordHash } from '../../../src-server/staff/password-hash';

describe('citizen password rules', () => {
  it('asks for 8 characters at least, counting accented letters once, and at most 128', () => {
    expect(checkNewPassword('corto').ok).toBe(false);
    expect(checkNewPassword('ñandú sí').ok).toBe(true);
    expect(checkNewPassword('x'.repeat(129))).toMatchObject({ ok: false, error: { field: 'newPassword' } });
  });

  it('refuses the commonly used passwords in any case, and the document number, without composition rules', () => {
    expect(checkNewPassword('Colombia123')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('de las más usadas') },
    });
    expect(checkNewPassword('12345678').ok).toBe(false);
    expect(checkNewPassword('mi1020304050', { docNumber: '1020304050' })).toMatchObject({
      ok: false,
      error: { message: 'La contraseña no puede contener su número de documento.' },
    });
    expect(checkNewPassword('todo en minúsculas sin números').ok).toBe(true);
  });

  it('hashes with scrypt at OWASP parameters (N = 2^17, r = 8, p = 1) and a 32-byte salt', async () => {
    const hash = await hashPassword('una frase que recuerdo');
    const parsed = parsePasswordHash(hash);
    expect(parsed.params).toEqual(defaultScryptParams);
    expect(defaultScryptParams).toEqual({ log2N: 17, r: 8, p: 1 });
    expect(parsed.salt.length).toBe(32);
  });
});
