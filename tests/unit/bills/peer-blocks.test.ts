import { describe, expect, it } from 'vitest';
import {
  blockSizes,
  partitionPeers,
  placeable,
  shownMembers,
  type PeerMember,
} from '../../../src-main/bills/peer-blocks';
import { deliveredCutoff } from '../../../src-main/bills/held-bill';

/** A small utility: códigos spaced like the demo's, groups of every size from 1 to 40. */
function town(): PeerMember[] {
  const members: PeerMember[] = [];
  let code = 100_003;
  for (let size = 1; size <= 40; size += 1) {
    for (let i = 0; i < size; i += 1) {
      members.push({
        code,
        cycle: String(1 + (size % 3)).padStart(2, '0'),
        estrato: 1 + (size % 6),
        uso: size % 4 === 0 ? 'comercial' : 'residencial',
      });
      code += 8;
    }
  }
  // Interleave the groups, as códigos are in a real replica.
  return members
    .sort((a, b) => ((a.code * 7919) % 1009) - ((b.code * 7919) % 1009) || a.code - b.code)
    .map((m, i) => ({ ...m, code: 100_000 + i * 8 }));
}

const group = (m: PeerMember): string => `${m.cycle}|${m.estrato}|${m.uso}`;

describe('peer blocks', () => {
  it('deals any group of twelve or more, and of 4, 5, 8, 9, 10, into fours and fives', () => {
    for (let n = 0; n <= 60; n += 1) {
      const placed = placeable(n);
      expect(placed).toBeLessThanOrEqual(n);
      if (n >= 12 || [4, 5, 8, 9, 10].includes(n)) expect(placed).toBe(n);
      const sizes = blockSizes(placed);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(placed);
      expect(sizes.every((s) => s === 4 || s === 5)).toBe(true);
    }
  });

  it('puts every subscriber in exactly one block, of four or five alike', () => {
    const members = town();
    const blocks = partitionPeers(members);
    const seen = blocks.flat();
    expect(new Set(seen).size).toBe(members.length);
    expect(seen.length).toBe(members.length);
    const byCode = new Map(members.map((m) => [m.code, m]));
    // Groups of 12 or more are dealt whole within themselves.
    const sizes = new Map<string, number>();
    for (const m of members) sizes.set(group(m), (sizes.get(group(m)) ?? 0) + 1);
    for (const block of blocks) {
      const groups = new Set(block.map((c) => group(byCode.get(c) as PeerMember)));
      const first = [...groups][0] ?? '';
      if ((sizes.get(first) ?? 0) >= 12 && groups.size === 1) continue;
      expect(block.every((c) => (sizes.get(group(byCode.get(c) as PeerMember)) ?? 0) < 12 || groups.size === 1)).toBe(
        true,
      );
    }
    for (const block of blocks.slice(0, -1)) expect([4, 5]).toContain(block.length);
    expect(blocks.at(-1)?.length).toBeLessThanOrEqual(8);
  });

  it('sends the few left over to the nearest alike: same cycle and uso, then same cycle, then anyone', () => {
    let code = 100_000;
    const make = (count: number, cycle: string, estrato: number, uso: string): PeerMember[] =>
      Array.from({ length: count }, () => ({ code: (code += 8), cycle, estrato, uso }));
    const members = [
      ...make(30, '01', 2, 'residencial'),
      ...make(2, '01', 3, 'residencial'),
      ...make(3, '01', 4, 'residencial'),
      ...make(1, '01', 2, 'comercial'),
      ...make(13, '02', 2, 'residencial'),
      ...make(2, '02', 5, 'industrial'),
    ].sort((a, b) => a.code - b.code);
    const byCode = new Map(members.map((m) => [m.code, m]));
    const blocks = partitionPeers(members);
    const describe = (block: number[]) =>
      block
        .map((c) => {
          const m = byCode.get(c) as PeerMember;
          return `${m.cycle}-${m.estrato}-${m.uso}`;
        })
        .sort()
        .join(' ');
    // Estratos 3 and 4 of cycle 01 (two and three homes) share a block: same cycle, same uso.
    const odd = members
      .filter((m) => m.cycle === '01' && m.uso === 'residencial' && m.estrato !== 2)
      .map((m) => m.code);
    const theirs = blocks.find((b) => b.includes(odd[0] ?? 0)) ?? [];
    expect(odd.every((c) => theirs.includes(c))).toBe(true);
    // The lone shop of cycle 01 and the two industries of cycle 02 have nobody alike: they join the last block.
    const loners = members.filter((m) => m.uso !== 'residencial').map((m) => m.code);
    expect(loners.every((c) => (blocks.at(-1) ?? []).includes(c))).toBe(true);
    expect(blocks.every((b) => b.length >= 4)).toBe(true);
    expect(
      blocks
        .map(describe)
        .filter((d) => d.includes('01-2-residencial'))
        .every((d) => !d.includes('02-')),
    ).toBe(true);
  });

  it('is the same however often it is computed, and a new subscriber reshapes only its group’s last blocks', () => {
    const members = town();
    const before = partitionPeers(members);
    expect(partitionPeers(members)).toEqual(before);
    const last = members.at(-1) as PeerMember;
    const grown = [...members, { ...last, code: last.code + 8 }];
    const after = partitionPeers(grown);
    const kept = before.filter((b) => after.some((a) => a.join() === b.join()));
    expect(kept.length).toBeGreaterThanOrEqual(before.length - 4);
  });

  it('has no blocks with fewer than four subscribers in all', () => {
    expect(partitionPeers(town().slice(0, 3))).toEqual([]);
    expect(partitionPeers(town().slice(0, 4))).toHaveLength(1);
  });

  it('shows each member of a larger block in exactly four challenges, always with its own bill', () => {
    for (const size of [5, 6, 7, 8]) {
      const block = Array.from({ length: size }, (_, i) => 200_000 + i * 8);
      const key = (code: number) => String((code * 2654435761) % 4294967296).padStart(10, '0');
      const shownIn = new Map<number, number>();
      for (const code of block) {
        const shown = shownMembers(block, code, key);
        expect(shown).toHaveLength(4);
        expect(shown).toContain(code);
        expect([...shown].sort((a, b) => a - b)).toEqual(shown);
        for (const member of shown) shownIn.set(member, (shownIn.get(member) ?? 0) + 1);
      }
      expect([...shownIn.values()]).toEqual(Array<number>(size).fill(4));
    }
    expect(shownMembers([1, 2, 3, 4], 3, String)).toEqual([1, 2, 3, 4]);
  });
});

describe('the bill in hand', () => {
  it('counts delivery days from Bogotá’s date, not the server’s', () => {
    // 2026-03-10 23:30 in Bogotá is already the 11th in UTC.
    expect(deliveredCutoff(new Date('2026-03-11T04:30:00Z'), 5)).toBe('2026-03-05');
    expect(deliveredCutoff(new Date('2026-03-11T05:00:00Z'), 5)).toBe('2026-03-06');
    expect(deliveredCutoff(new Date('2026-03-11T05:00:00Z'), 0)).toBe('2026-03-11');
  });
});
