import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  afterSuccess,
  lockedMessage,
  mayTry,
  openThrottle,
  parseThrottle,
  serializeThrottle,
  staffAccessRule,
  type ThrottleState,
} from '../../../src-main/kiosk-staff/staff-access-throttle';

const minute = 60_000;

function fail(times: readonly number[], from: ThrottleState = openThrottle): ThrottleState {
  return times.reduce((state, at) => afterFailure(state, at), from);
}

describe('staff access throttle at the kiosk’s gesture', () => {
  it('is five failures in five minutes, then five minutes closed', () => {
    expect(staffAccessRule).toEqual({ failures: 5, withinMs: 5 * minute, lockMs: 5 * minute });
  });

  it('lets four failures try again, and closes at the fifth', () => {
    const four = fail([0, 1000, 2000, 3000]);
    expect(mayTry(four, 3001)).toEqual({ allowed: true });
    const five = afterFailure(four, 4000);
    expect(mayTry(five, 4001)).toEqual({ allowed: false, waitMs: 5 * minute - 1 });
  });

  it('opens again five minutes after the fifth failure', () => {
    const five = fail([0, 1000, 2000, 3000, 4000]);
    expect(mayTry(five, 4000 + 5 * minute - 1).allowed).toBe(false);
    expect(mayTry(five, 4000 + 5 * minute).allowed).toBe(true);
  });

  it('forgets failures older than five minutes: five spread over an hour never close it', () => {
    const spread = fail([0, 15 * minute, 30 * minute, 45 * minute, 60 * minute]);
    expect(mayTry(spread, 60 * minute + 1).allowed).toBe(true);
  });

  it('a success forgets the count', () => {
    const four = fail([0, 1000, 2000, 3000]);
    const after = afterFailure(afterSuccess(), 4000);
    expect(mayTry(after, 4001).allowed).toBe(true);
    expect(four.failures).toHaveLength(4);
    expect(after.failures).toHaveLength(1);
  });

  it('says how long to wait in Spanish, in whole minutes', () => {
    expect(lockedMessage(5 * minute)).toBe(
      'Demasiados intentos fallidos en este equipo. Espere 5 minutos e intente de nuevo, o pida ayuda al área de sistemas.',
    );
    expect(lockedMessage(20_000)).toContain('Espere 1 minuto e');
  });

  it('reads back what it stored, so a restart finds the same lock', () => {
    const five = fail([0, 1000, 2000, 3000, 4000]);
    const read = parseThrottle(serializeThrottle(five), 5000);
    expect(read).toEqual(five);
    expect(mayTry(read, 5000).allowed).toBe(false);
    expect(parseThrottle(null, 5000)).toEqual(openThrottle);
  });

  it('reads a broken record as closed for one period, never as open', () => {
    for (const text of ['', '{', '{"failures":"x","lockedUntil":0}', 'null', '{"failures":[],"lockedUntil":"mañana"}'])
      expect(parseThrottle(text, 1000)).toEqual({ failures: [], lockedUntil: 1000 + 5 * minute });
  });

  it('does not stretch a lock past one period when the clock went back', () => {
    const locked = serializeThrottle({ failures: [], lockedUntil: 10 * 60 * minute });
    expect(parseThrottle(locked, 0).lockedUntil).toBe(5 * minute);
  });
});
