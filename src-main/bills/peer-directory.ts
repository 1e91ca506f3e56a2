import type { Logger } from '../logger';
import { partitionPeers, type PeerMember } from './peer-blocks';

/** Where the directory reads the replica's subscribers from (bill-queries.ts). */
export interface PeerSource {
  /** Subscribers with at least one bill, código above `after`, ascending, at most `limit`. */
  page(after: number, limit: number): PeerMember[];
  /** Changes when subscribers are added or removed (cheap: read at most once a minute). */
  signature(): string;
}

/** Subscribers read per step of a build: a few tens of milliseconds each on a kiosk. */
const pageSize = 20_000;
/** How often a request may look for added or removed subscribers. */
const checkEveryMs = 60_000;
/**
 * A subscriber's first bill, or an estrato or uso reclassified, does not change the signature;
 * they are taken in by a full refresh this often (or at once when that code asks).
 */
const refreshEveryMs = 6 * 3_600_000;

/** One build's snapshot: códigos in ascending order, the block of each, the blocks. */
class Snapshot {
  private readonly codes: Float64Array;
  private readonly blockIndex: Int32Array;

  constructor(
    members: readonly PeerMember[],
    private readonly blocks: readonly (readonly number[])[],
    readonly signature: string,
    readonly builtAt: number,
  ) {
    this.codes = Float64Array.from(members, (m) => m.code);
    this.blockIndex = new Int32Array(members.length).fill(-1);
    blocks.forEach((block, index) => {
      for (const code of block) {
        const at = this.position(code);
        if (at >= 0) this.blockIndex[at] = index;
      }
    });
  }

  get size(): number {
    return this.codes.length;
  }

  /** The code's block; undefined when the snapshot does not know the code. */
  blockOf(code: number): readonly number[] | null | undefined {
    const at = this.position(code);
    if (at < 0) return undefined;
    return this.blocks[this.blockIndex[at] ?? -1] ?? null;
  }

  private position(code: number): number {
    let lo = 0;
    let hi = this.codes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const value = this.codes[mid] ?? 0;
      if (value === code) return mid;
      if (value < code) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

/** A build under way: the subscribers read so far and where to go on. */
interface Build {
  readonly members: PeerMember[];
  readonly signature: string;
  readonly startedAt: number;
  after: number;
  done: boolean;
}

/**
 * The blocks of peer-blocks.ts for the whole replica, kept in memory: dealing a million
 * subscribers into blocks needs all of them, and the replica has no index by estrato and uso.
 * A build reads the subscribers once in código order (a page at a time; in the background at
 * start-up). The directory is rebuilt when subscribers were added or removed (checked at most
 * once a minute), every six hours, and at once when a código it does not know asks.
 */
export class PeerDirectory {
  private snapshot: Snapshot | null = null;
  private build: Build | null = null;
  private checkedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly source: PeerSource,
    private readonly now: () => number,
    private readonly log: Logger,
  ) {}

  /**
   * The block of `code` (códigos ascending), or null when the replica has too few subscribers
   * to make one. The code must have a bill: one the directory has not seen makes it rebuild.
   */
  blockOf(code: number): readonly number[] | null {
    this.keepFresh();
    const known = this.current().blockOf(code);
    if (known !== undefined) return known;
    this.log.info('a código with bills is not in the peer directory yet: rebuilding it');
    this.startBuild();
    return this.finishBuild().blockOf(code) ?? null;
  }

  /** Builds in the background a page at a time, so the first citizen of the day does not wait. */
  async warmUp(): Promise<void> {
    if (this.snapshot !== null || this.build !== null) return;
    this.startBuild();
    await this.continueInBackground();
  }

  private current(): Snapshot {
    return this.snapshot ?? this.finishBuild();
  }

  /** Starts a background rebuild when subscribers changed or the snapshot is old. */
  private keepFresh(): void {
    const now = this.now();
    if (this.snapshot === null || this.build !== null || now - this.checkedAt < checkEveryMs) return;
    this.checkedAt = now;
    if (this.source.signature() === this.snapshot.signature && now - this.snapshot.builtAt < refreshEveryMs) return;
    this.startBuild();
    this.continueInBackground().catch((error: unknown) => {
      this.log.warn({ err: error }, 'the background rebuild of the peer directory stopped');
      this.build = null;
    });
  }

  private startBuild(): void {
    this.build = {
      members: [],
      signature: this.source.signature(),
      startedAt: this.now(),
      after: Number.NEGATIVE_INFINITY,
      done: false,
    };
  }

  private step(build: Build): void {
    const page = this.source.page(build.after, pageSize);
    build.members.push(...page);
    const last = page.at(-1);
    if (last !== undefined) build.after = last.code;
    if (page.length < pageSize) build.done = true;
  }

  /** Completes the build under way (or a new one) now, and swaps it in. */
  private finishBuild(): Snapshot {
    if (this.build === null) this.startBuild();
    const build = this.build as Build;
    while (!build.done) this.step(build);
    return this.swapIn(build);
  }

  private async continueInBackground(): Promise<void> {
    const build = this.build;
    while (build !== null && this.build === build && !build.done) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.build !== build || build.done) return;
      this.step(build);
    }
    if (build !== null && this.build === build) this.swapIn(build);
  }

  private swapIn(build: Build): Snapshot {
    const started = this.now();
    this.snapshot = new Snapshot(build.members, partitionPeers(build.members), build.signature, build.startedAt);
    this.build = null;
    this.checkedAt = this.now();
    this.log.debug({ subscribers: this.snapshot.size, partitionMs: this.now() - started }, 'peer directory built');
    return this.snapshot;
  }
}
