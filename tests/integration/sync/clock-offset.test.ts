import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../support/server-harness';
import { enrolledDevice, expectReplicaEqual, seedServer, until } from '../../support/sync-support';

/**
 * Issue 12 item 16: the clock offset read about 12.5 s on a machine whose clocks agree. The
 * server stamps its time when it answers, after a long poll's hold, and the device compared it
 * with the middle of the request: half the hold off. Here server and device share one clock,
 * so the offset the device measures must stay near zero after long polls.
 */
describe('clock offset measured on one clock', () => {
  it('stays near zero while the device long-polls', { timeout: 90_000 }, async () => {
    const t = await startTestServer({ kind: 'pglite', freshDatabaseUrl: async () => null }, { logLevel: 'silent' });
    await seedServer(t, 3);
    // Long polls of 4 s: half the hold would read as a 2 s offset.
    const core = await enrolledDevice(t, {
      sync: { puller: { longPollMs: 4000, backoffBaseMs: 100, backoffMaxMs: 1000 } },
    });
    await expectReplicaEqual(t, core);
    const caughtUp = core.meta.get('caughtUpAt');
    // Two long polls answered empty after their hold.
    const polls = (): string | null => core.meta.get('lastPullAt');
    const first = await until(
      'a long poll answered',
      polls,
      (at) => at !== null && caughtUp !== null && at > caughtUp,
      20_000,
    );
    await until('a second long poll answered', polls, (at) => at !== null && first !== null && at > first, 20_000);
    const offset = Number(core.meta.get('clockOffsetMs'));
    expect(core.meta.get('clockOffsetMs')).not.toBeNull();
    expect(Math.abs(offset), `offset ${offset} ms on one clock`).toBeLessThan(1000);
  });
});
