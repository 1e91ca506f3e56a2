import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  needsRehash,
  parsePasswordHash,
  PasswordHashFormatError,
  verifyPassword,
} from '../../../src-server/staff/password-hash';

describe('staff password hashes (scrypt)', () => {
  it('encode OWASP parameters, a 32-byte salt and a 32-byte key, and verify only the right password', async () => {
    const encoded = await hashPassword('Cajero1.Demo');
    expect(encoded).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9_-]{43}\$[A-Za-z0-9_-]{43}$/);
    const { params, salt, key } = parsePasswordHash(encoded);
    expect(params).toEqual({ log2N: 17, r: 8, p: 1 });
    expect(salt.length).toBe(32);
    expect(key.length).toBe(32);
    expect(await verifyPassword('Cajero1.Demo', encoded)).toBe(true);
    expect(await verifyPassword('cajero1.demo', encoded)).toBe(false);
    expect(await verifyPassword('', encoded)).toBe(false);
    expect(needsRehash(encoded)).toBe(false);
  });

  it('salts every hash, so one password gives different strings', async () => {
    const params = { log2N: 14, r: 8, p: 1 };
    const [a, b] = await Promise.all([hashPassword('misma', { params }), hashPassword('misma', { params })]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('misma', a)).toBe(true);
    expect(await verifyPassword('misma', b)).toBe(true);
  });

  it('is reproducible with a given salt (demo data only) and treats NFC and NFD input alike', async () => {
    const params = { log2N: 14, r: 8, p: 1 };
    const salt = Buffer.alloc(32, 7);
    const a = await hashPassword('Contraseña', { params, salt });
    expect(await hashPassword('Contraseña', { params, salt })).toBe(a);
    expect(await verifyPassword('Contrasen\u0303a', a)).toBe(true);
  });

  it('asks for a rehash of weaker parameters and refuses malformed or abusive hashes', async () => {
    const weak = await hashPassword('x', { params: { log2N: 14, r: 8, p: 1 } });
    expect(needsRehash(weak)).toBe(true);
    await expect(verifyPassword('x', 'bcrypt$12$abc')).rejects.toBeInstanceOf(PasswordHashFormatError);
    const [, , r, p, salt, key] = weak.split('$');
    // N = 2^30 would make one login allocate 128 GiB: refused before any work.
    await expect(verifyPassword('x', ['scrypt', 30, r, p, salt, key].join('$'))).rejects.toBeInstanceOf(
      PasswordHashFormatError,
    );
    await expect(verifyPassword('x', ['scrypt', 14, r, p, 'c2hvcnQ', key].join('$'))).rejects.toBeInstanceOf(
      PasswordHashFormatError,
    );
  });
});
