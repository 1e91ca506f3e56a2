import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../src-main/sync/backoff';
import { DeviceClock, maxClockSkewMs } from '../../../src-main/sync/clock';
import { ProgressTracker } from '../../../src-main/sync/sync-progress';
import { DeviceMeta } from '../../../src-main/device/device-meta';
import { openTestStore } from '../../support/replica-store';
import { tempDir } from '../../support/temp-dir';

describe('backoff', () => {
  it('doubles up to the ceiling, with half of each delay random', () => {
    expect(backoffDelay(1, 1000, 60_000, () => 0)).toBe(1000);
    expect(backoffDelay(1, 1000, 60_000, () => 1)).toBe(2000);
    expect(backoffDelay(3, 1000, 60_000, () => 0)).toBe(4000);
    expect(backoffDelay(30, 1000, 60_000, () => 1)).toBe(60_000);
    expect(backoffDelay(30, 1000, 60_000, () => 0)).toBe(30_000);
  });
});

describe('first-download progress', () => {
  it('counts rows, percentage and time left from the rate so far, and never shows more than 100 %', () => {
    let now = 0;
    const progress = new ProgressTracker(() => now);
    expect(progress.current()).toBeNull();
    progress.begin(9_000, 1_000);
    now = 1_000;
    expect(progress.current()).toEqual({ rowsDone: 1_000, rowsTotal: 10_000, percent: 10, secondsLeft: 9 });
    progress.advance(4_000);
    now = 2_000;
    expect(progress.current()).toEqual({ rowsDone: 5_000, rowsTotal: 10_000, percent: 50, secondsLeft: 2 });
    progress.advance(7_000);
    expect(progress.current()).toMatchObject({ rowsDone: 12_000, rowsTotal: 12_000, percent: 100, secondsLeft: 0 });
    progress.end();
    expect(progress.current()).toBeNull();
  });
});

describe('device clock', () => {
  it('measures the offset from the middle of the exchange and refuses money beyond five minutes', () => {
    const dir = tempDir('clock');
    const store = openTestStore(dir.path);
    try {
      const clock = new DeviceClock(new DeviceMeta(store), () => 0);
      expect(clock.offsetMs()).toBeNull();
      expect(clock.checkForMoney().ok).toBe(true);
      // Sent at 1,000, answered at 1,200: the server said 101,100 at the middle (1,100).
      clock.record(new Date(101_100).toISOString(), 1_000, 1_200);
      expect(clock.offsetMs()).toBe(100_000);
      expect(clock.checkForMoney().ok).toBe(true);
      clock.record(new Date(maxClockSkewMs + 60_000 + 1_100).toISOString(), 1_000, 1_200);
      const refused = clock.checkForMoney();
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'clock-skew', message: expect.stringContaining('atrasado unos 6 minutos') },
      });
      clock.record(new Date(1_100 - 10 * 60_000).toISOString(), 1_000, 1_200);
      expect(clock.checkForMoney()).toMatchObject({
        ok: false,
        error: { message: expect.stringContaining('adelantado unos 10 minutos') },
      });
      // A long poll held 25 s and answered at 26,000 with the server's time then: no skew at all.
      clock.record(new Date(26_000).toISOString(), 1_000, 26_000, true);
      expect(clock.offsetMs()).toBe(0);
    } finally {
      store.close();
      dir.remove();
    }
  });
});
