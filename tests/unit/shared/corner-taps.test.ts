import { describe, expect, it } from 'vitest';
import { staffCornerRule, tapCorner } from '../../../src-shared/kiosk/corner-taps';

/** Taps at the given times (ms), as the corner sees them; whether the last one opens the gesture. */
function tapAll(times: readonly number[]): boolean[] {
  let taps: readonly number[] = [];
  return times.map((at) => {
    const next = tapCorner(taps, at);
    taps = next.taps;
    return next.open;
  });
}

describe('hidden staff gesture: five taps within three seconds', () => {
  it('opens on the fifth tap within three seconds, not before', () => {
    expect(staffCornerRule).toEqual({ taps: 5, withinMs: 3_000 });
    expect(tapAll([0, 400, 800, 1200, 1600])).toEqual([false, false, false, false, true]);
  });

  it('does not open for five taps spread over more than three seconds', () => {
    expect(tapAll([0, 800, 1600, 2400, 3000])).toEqual([false, false, false, false, false]);
  });

  it('counts only the taps of the last three seconds: a slow start, then five quick ones', () => {
    expect(tapAll([0, 1000, 5000, 5300, 5600, 5900, 6200])).toEqual([false, false, false, false, false, false, true]);
  });

  it('starts counting again after opening: a sixth tap does not open it twice', () => {
    expect(tapAll([0, 100, 200, 300, 400, 500])).toEqual([false, false, false, false, true, false]);
  });

  it('ignores a tap from the future (a clock that went back)', () => {
    expect(tapCorner([10_000, 10_100, 10_200, 10_300], 500).open).toBe(false);
  });
});
