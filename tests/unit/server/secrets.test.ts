import { describe, expect, it } from 'vitest';
import { EnrollmentCode } from '../../../src-shared/api/ops/device';
import {
  ENROLLMENT_ALPHABET,
  generateDeviceToken,
  generateEnrollmentCode,
  hashEnrollmentCode,
  looksLikeDeviceToken,
  normalizeEnrollmentCode,
} from '../../../src-server/devices/secrets';

describe('enrollment codes and device tokens', () => {
  it('makes codes of 12 unambiguous symbols shown as XXXX-XXXX-XXXX, accepted by the shared schema', () => {
    const codes = Array.from({ length: 500 }, generateEnrollmentCode);
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      expect(code).not.toMatch(/[01OIL]/);
      expect(EnrollmentCode.safeParse(code).success).toBe(true);
    }
    expect(new Set(codes).size).toBe(codes.length);
    // Every symbol of the alphabet shows up: the generator is not stuck on a subset.
    expect(new Set(codes.join('').replace(/-/g, '')).size).toBe(ENROLLMENT_ALPHABET.length);
  });

  it('hashes the same code the same way however it is typed', () => {
    const code = 'K7QF-9XWD-2MRT';
    expect(normalizeEnrollmentCode(' k7qf 9xwd-2mrt ')).toBe('K7QF9XWD2MRT');
    expect(hashEnrollmentCode('k7qf9xwd2mrt')).toBe(hashEnrollmentCode(code));
    expect(hashEnrollmentCode(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEnrollmentCode(code)).not.toBe(hashEnrollmentCode('K7QF-9XWD-2MRU'));
    // The device's schema takes it as typed from the console's grouped text, and nothing else.
    for (const typed of ['K7QF 9XWD 2MRT', ' k7qf-9xwd-2mrt ', 'K7QF9XWD2MRT'])
      expect(EnrollmentCode.safeParse(typed).success).toBe(true);
    for (const wrong of ['K7QF  9XWD 2MRT', 'K7QF_9XWD_2MRT', 'K7QF-9XWD-2MR', "K7QF-9XWD-2MR'"])
      expect(EnrollmentCode.safeParse(wrong).success).toBe(false);
  });

  it('makes 256-bit base64url tokens and recognises their shape', () => {
    const token = generateDeviceToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(looksLikeDeviceToken(token)).toBe(true);
    expect(looksLikeDeviceToken(`${token}=`)).toBe(false);
    expect(looksLikeDeviceToken(token.slice(1))).toBe(false);
    expect(looksLikeDeviceToken('x'.repeat(42) + '/')).toBe(false);
  });
});
