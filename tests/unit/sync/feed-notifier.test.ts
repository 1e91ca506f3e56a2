import { describe, expect, it } from 'vitest';
import { createServerLogger } from '../../../src-server/logger';
import { FeedNotifier } from '../../../src-server/sync/feed-notifier';

/**
 * The long polls' notifier on its own (src-server/sync/feed-notifier.ts): the newest seq is
 * a value the test controls, and each read of it can be held open to put a change in between.
 */
function controlledFeed() {
  let latest = 0;
  let reads = 0;
  let held: { release: () => void } | null = null;
  let holdNext = false;
  return {
    set latest(value: number) {
      latest = value;
    },
    get reads() {
      return reads;
    },
    /** The next read sees the seq as it is when `release()` is called, not when it started. */
    holdNextRead() {
      holdNext = true;
    },
    release() {
      held?.release();
      held = null;
    },
    get holding() {
      return held !== null;
    },
    read: async (): Promise<number> => {
      reads += 1;
      const seen = latest;
      if (holdNext) {
        holdNext = false;
        await new Promise<void>((resolve) => (held = { release: resolve }));
      }
      return seen;
    },
  };
}

const silent = createServerLogger('silent');

async function settled(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

describe('FeedNotifier', () => {
  it('reads again when a change is announced while a read is in flight, instead of waiting for the next tick', async () => {
    const feed = controlledFeed();
    const notifier = new FeedNotifier(feed.read, silent, { pollMs: 60_000, safetyPollMs: 60_000 });
    let woken = false;
    void notifier.waitBeyond(0, 60_000).then(() => (woken = true));

    // A first change starts a read that saw the feed before the second commit …
    feed.holdNextRead();
    notifier.changed();
    await settled();
    expect(feed.holding).toBe(true);
    // … which is announced while that read is out.
    feed.latest = 1;
    notifier.changed();
    feed.release();
    await settled();
    expect(woken).toBe(true);
    expect(feed.reads).toBe(2);
    notifier.stop();
  });

  it('ends a wait at once when a change was announced while its page was being read (no waiter then to wake)', async () => {
    const feed = controlledFeed();
    const notifier = new FeedNotifier(feed.read, silent, { pollMs: 60_000, safetyPollMs: 60_000 });
    // The long poll takes the count, reads its page (up to seq 0) … and the change is announced
    // before it waits: nobody was waiting, so that announcement woke nobody.
    const before = notifier.announcements;
    feed.latest = 1;
    notifier.changed();
    await settled();
    let woken = false;
    void notifier.waitBeyond(0, 60_000, undefined, before).then(() => (woken = true));
    await settled();
    expect(woken).toBe(true);
    // With nothing announced since its count, a poll waits.
    let waiting = true;
    void notifier.waitBeyond(1, 60_000, undefined, notifier.announcements).then(() => (waiting = false));
    await settled();
    expect(waiting).toBe(true);
    notifier.stop();
  });

  it('wakes only the polls the feed passed; wakeAll ends every one; onWaiters counts them', async () => {
    const feed = controlledFeed();
    const counts: number[] = [];
    const notifier = new FeedNotifier(feed.read, silent, {
      pollMs: 60_000,
      onWaiters: (n) => counts.push(n),
    });
    const behind = { woken: false };
    const ahead = { woken: false };
    const first = notifier.waitBeyond(3, 60_000).then(() => (behind.woken = true));
    const second = notifier.waitBeyond(9, 60_000).then(() => (ahead.woken = true));
    feed.latest = 5;
    notifier.changed();
    await first;
    await settled();
    expect(ahead.woken).toBe(false);
    notifier.wakeAll();
    await second;
    expect(counts).toEqual([1, 2, 1, 0]);
    notifier.stop();
  });
});
