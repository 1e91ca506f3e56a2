/**
 * Who answers alongside whom. The wrong options of a código interno's questions are the real
 * figures of other subscribers, and the subscribers are dealt into fixed blocks of four or five
 * alike (same cycle, estrato and uso) so that every member of a block is shown the same rows:
 *
 * - within a challenge the right row is one of four real bills of the same kind of home, so no
 *   statistic of the options (median, extremes, round numbers) points at it;
 * - across challenges each row is offered exactly as often as the others of its block (a wrong
 *   option drawn at random from everyone would turn up more often than the owner's own value);
 * - the same code shows the same rows at every kiosk, after a restart and month after month, so
 *   comparing two asks (or a meter reading with last month's) singles nothing out.
 *
 * Pure: the directory (peer-directory.ts) feeds it the replica's subscribers in código order.
 */

export interface PeerMember {
  readonly code: number;
  /** The reading cycle: the `ciclo` of the código de ruta (`05` in `05-117-0040`). */
  readonly cycle: string;
  readonly estrato: number;
  readonly uso: string;
}

/**
 * Where leftovers go: a group too small (or of an awkward size) to be dealt into blocks of four
 * and five passes its last members up, first to its cycle and uso, then its cycle, then everyone.
 */
const levels: readonly ((m: PeerMember) => string)[] = [
  (m) => `${m.cycle}|${m.estrato}|${m.uso}`,
  (m) => `${m.cycle}|${m.uso}`,
  (m) => m.cycle,
  () => '',
];

/** How many of `n` members blocks of four and five can hold: every n from 12 up, and 4, 5, 8, 9, 10. */
export function placeable(n: number): number {
  if (n < 4) return 0;
  if (n === 6 || n === 7) return 5;
  if (n === 11) return 10;
  return n;
}

/** Block sizes for `m` placeable members, fours first: appending a member reshapes only the last few. */
export function blockSizes(m: number): number[] {
  const fives = m % 4;
  const fours = (m - 5 * fives) / 4;
  if (!Number.isInteger(fours) || fours < 0) throw new RangeError(`${m} members do not split into fours and fives`);
  return [...Array<number>(fours).fill(4), ...Array<number>(fives).fill(5)];
}

/**
 * The blocks, each a list of códigos in ascending order. `members` must be sorted by code.
 * The few left over after every level (at most three in the whole replica) join the last block,
 * which may then hold up to eight. With fewer than four members in all there are no blocks.
 */
export function partitionPeers(members: readonly PeerMember[]): number[][] {
  const blocks: number[][] = [];
  let pools = groupBy(members, levels[0] ?? (() => ''));
  let leftovers: PeerMember[] = [];
  for (let level = 0; level < levels.length; level += 1) {
    leftovers = [];
    for (const pool of pools.values()) {
      const placed = placeable(pool.length);
      let at = 0;
      for (const size of blockSizes(placed)) {
        blocks.push(pool.slice(at, at + size).map((m) => m.code));
        at += size;
      }
      leftovers.push(...pool.slice(placed));
    }
    const next = levels[level + 1];
    if (next === undefined) break;
    leftovers.sort((a, b) => a.code - b.code);
    pools = groupBy(leftovers, next);
  }
  const last = blocks.at(-1);
  if (last !== undefined) {
    last.push(...leftovers.map((m) => m.code));
    last.sort((a, b) => a - b);
  }
  return blocks;
}

function groupBy(members: readonly PeerMember[], key: (m: PeerMember) => string): Map<string, PeerMember[]> {
  const out = new Map<string, PeerMember[]>();
  for (const member of members) {
    const k = key(member);
    const list = out.get(k);
    if (list === undefined) out.set(k, [member]);
    else list.push(member);
  }
  return out;
}

/**
 * The four members whose bills a código's questions show: in a block of four, all of them; in a
 * larger block, the code and the three before it in a cyclic order fixed by `orderKey` (a digest
 * of data only the replica holds), so each member is shown in exactly four challenges and who is
 * left out of whose reveals nothing without that order. Ascending by code, like the block.
 */
export function shownMembers(block: readonly number[], code: number, orderKey: (code: number) => string): number[] {
  if (block.length <= 4) return [...block];
  const cycle = [...block].sort((a, b) => {
    const ka = orderKey(a);
    const kb = orderKey(b);
    return ka < kb ? -1 : ka > kb ? 1 : a - b;
  });
  const at = cycle.indexOf(code);
  if (at < 0) throw new RangeError('The código is not in its block');
  const shown = [0, 1, 2, 3].map((back) => cycle[(at - back + cycle.length) % cycle.length] ?? code);
  return shown.sort((a, b) => a - b);
}
