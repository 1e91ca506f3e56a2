import { describe, expect, it } from 'vitest';
import type { PeerMember } from '../../../src-main/bills/peer-blocks';
import { PeerDirectory, type PeerSource } from '../../../src-main/bills/peer-directory';
import { createRootLogger } from '../../../src-main/logger';

/** A replica's subscribers as the directory pages through them; the test adds and removes some. */
class FakeSource implements PeerSource {
  members: PeerMember[];
  pagesRead = 0;

  constructor(count: number) {
    this.members = Array.from({ length: count }, (_, i) => ({
      code: 100_000 + i * 8,
      cycle: '01',
      estrato: 2,
      uso: 'residencial',
    }));
  }

  page(after: number, limit: number): PeerMember[] {
    this.pagesRead += 1;
    return this.members.filter((m) => m.code > after).slice(0, limit);
  }

  signature(): string {
    return `${this.members.length}:${this.members.at(-1)?.code ?? 0}`;
  }
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
async function idle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await settle();
}

describe('peer directory', () => {
  it('builds once, in pages, and then answers from memory', async () => {
    const source = new FakeSource(45_000);
    const directory = new PeerDirectory(source, () => 0, createRootLogger('silent'));
    await directory.warmUp();
    const pages = source.pagesRead;
    expect(pages).toBe(3); // 20,000 a page
    expect(directory.blockOf(100_000)).toEqual([100_000, 100_008, 100_016, 100_024]);
    expect(directory.blockOf(100_000 + 44_999 * 8)?.length).toBe(4);
    expect(source.pagesRead).toBe(pages);
  });

  it('takes in a código it does not know at once', () => {
    const source = new FakeSource(40);
    const directory = new PeerDirectory(source, () => 0, createRootLogger('silent'));
    expect(directory.blockOf(100_000)).not.toBeNull();
    const fresh = { code: 200_000, cycle: '01', estrato: 2, uso: 'residencial' };
    source.members.push(fresh);
    expect(directory.blockOf(fresh.code)).toContain(fresh.code);
  });

  it('notices added or removed subscribers at most once a minute, and rebuilds in the background', async () => {
    let now = 0;
    const source = new FakeSource(40);
    const directory = new PeerDirectory(source, () => now, createRootLogger('silent'));
    const first = directory.blockOf(100_000);
    source.members = source.members.slice(2); // two disconnected
    now = 59_000;
    expect(directory.blockOf(100_016)).toEqual(first);
    now = 61_000;
    directory.blockOf(100_016); // sees the change, rebuilds after this answer
    await idle();
    expect(directory.blockOf(100_016)).toEqual([100_016, 100_024, 100_032, 100_040]);
  });

  it('has no block for anyone while the replica holds fewer than four subscribers with bills', () => {
    const directory = new PeerDirectory(new FakeSource(3), () => 0, createRootLogger('silent'));
    expect(directory.blockOf(100_000)).toBeNull();
  });
});
