import { describe, expect, it } from 'vitest';
import { accountRule, delayAfter, deviceRule, waitInWords } from '../../../src-server/accounts/login-throttle';
import { captchaTtlMs } from '../../../src-server/accounts/captcha';
import { resetValidMinutes } from '../../../src-server/accounts/recovery';
import { sessionIdleMs } from '../../../src-server/accounts/account-sessions';

describe('login throttle', () => {
  it('lets the first failures through, then doubles the wait from 30 s', () => {
    expect([1, 2, 3, 4].map((n) => delayAfter(accountRule, n))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map((n) => delayAfter(accountRule, n))).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it('never waits more than 15 minutes per account (nobody is locked out for good) nor 5 per kiosk', () => {
    expect(delayAfter(accountRule, 1000)).toBe(15 * 60_000);
    expect(delayAfter(deviceRule, 1000)).toBe(5 * 60_000);
    expect(delayAfter(deviceRule, 20)).toBe(0);
  });

  it('says the wait in words', () => {
    expect(waitInWords(30_000)).toBe('30 segundos');
    expect(waitInWords(400)).toBe('1 segundo');
    expect(waitInWords(61_000)).toBe('2 minutos');
    expect(waitInWords(60_001)).toBe('2 minutos');
    expect(waitInWords(900_000)).toBe('15 minutos');
  });

  it('keeps the issue’s limits: temporary passwords 15 minutes, captchas 5, idle sessions 15', () => {
    expect(resetValidMinutes).toBe(15);
    expect(captchaTtlMs).toBe(5 * 60_000);
    expect(sessionIdleMs).toBe(15 * 60_000);
  });
});
