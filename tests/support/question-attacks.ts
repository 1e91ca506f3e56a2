/**
 * Attackers of the kiosk's validation questions: people at a kiosk (or with its web host) who
 * do not hold the subscriber's bill and try to pass the three questions anyway, from what they
 * can see — the options of many challenges, asked for many códigos internos — and, for some,
 * what a neighbour knows. Each returns the label it would touch for every question. They look
 * only at what the screen shows; none reads the answers.
 */
import type { Estrato } from '../../db/seed/places';
import type { Uso } from '../../db/seed/rows';
import { lineItemsFor, sumLineItems } from '../../db/seed/bill-lines';
import { spanishMonths } from './spanish-months';

export interface SeenQuestion {
  readonly prompt: string;
  readonly labels: readonly string[];
}

export interface SeenChallenge {
  readonly code: number;
  readonly questions: readonly SeenQuestion[];
}

/** What a neighbour knows about a código interno without holding its bill. */
export interface Neighbourhood {
  readonly cycle: string;
  readonly estrato: number;
  readonly uso: string;
}

export interface AttackWorld {
  /** One challenge per código interno, as collected before the attack. */
  readonly challenges: ReadonlyMap<number, SeenChallenge>;
  /** The same código asked at another kiosk (another process, other randomness). */
  secondKiosk(code: number): SeenChallenge;
  /** The same código asked a month earlier. */
  monthEarlier(code: number): SeenChallenge | null;
  neighbourhood(code: number): Neighbourhood;
}

export interface Attacker {
  readonly name: string;
  /** What it is after, for the test's report. */
  readonly idea: string;
  pick(target: SeenChallenge, world: AttackWorld): string[];
}

const months: readonly string[] = spanishMonths;

const namedBill = new RegExp(`su factura de (${months.join('|')}) de \\d{4}`, 'gi');
const dateLabel = new RegExp(`^(\\d{1,2}) de (${months.join('|')}) de (\\d{4})$`);
/** kindOf of each prompt seen: the attackers ask it millions of times of a few hundred prompts. */
const kinds = new Map<string, string>();

/** The question without the bill it names: «…de su factura de marzo de 2026?» and «…de su última factura?» alike. */
export function kindOf(prompt: string): string {
  let kind = kinds.get(prompt);
  if (kind === undefined) {
    kind = prompt.replace(namedBill, 'su factura').replace(/su última factura/gi, 'su factura');
    kinds.set(prompt, kind);
  }
  return kind;
}

/** The number an option shows (a date as its day number), or NaN when it shows none. */
export function numericValue(label: string): number {
  const date = dateLabel.exec(label);
  if (date !== null) return Date.UTC(Number(date[3]), months.indexOf(date[2] ?? ''), Number(date[1])) / 86_400_000;
  const digits = label.replace(/[^0-9-]/g, '');
  return digits === '' ? Number.NaN : Number(digits);
}

const trailingZeros = (value: number): number => {
  if (!Number.isFinite(value) || value === 0) return 0;
  let zeros = 0;
  for (let v = Math.abs(value); v % 10 === 0; v /= 10) zeros += 1;
  return zeros;
};

/** The label with the highest score; the first shown on a tie, as a hurried attacker would. */
function best(labels: readonly string[], score: (label: string) => number): string {
  let chosen = labels[0] ?? '';
  let top = Number.NEGATIVE_INFINITY;
  for (const label of labels) {
    const s = score(label);
    if (s > top) {
      top = s;
      chosen = label;
    }
  }
  return chosen;
}

/** How often each label was offered for each kind of question, over every challenge collected. */
function labelCounts(world: AttackWorld): Map<string, Map<string, number>> {
  const cached = countsCache.get(world);
  if (cached !== undefined) return cached;
  const counts = new Map<string, Map<string, number>>();
  for (const challenge of world.challenges.values()) {
    for (const q of challenge.questions) {
      const kind = kindOf(q.prompt);
      const byLabel = counts.get(kind) ?? new Map<string, number>();
      for (const label of q.labels) byLabel.set(label, (byLabel.get(label) ?? 0) + 1);
      counts.set(kind, byLabel);
    }
  }
  countsCache.set(world, counts);
  return counts;
}
const countsCache = new WeakMap<AttackWorld, Map<string, Map<string, number>>>();

const perQuestion =
  (choose: (q: SeenQuestion, target: SeenChallenge, world: AttackWorld) => string) =>
  (target: SeenChallenge, world: AttackWorld): string[] =>
    target.questions.map((q) => choose(q, target, world));

const numeric = (q: SeenQuestion): number[] => q.labels.map(numericValue);

const groupKey = (n: Neighbourhood): string => `${n.cycle}|${n.estrato}|${n.uso}`;

/** The median option value per (group, kind of question), over every challenge collected. */
function groupMedians(world: AttackWorld): Map<string, number> {
  const cached = mediansCache.get(world);
  if (cached !== undefined) return cached;
  const values = new Map<string, number[]>();
  for (const challenge of world.challenges.values()) {
    const home = groupKey(world.neighbourhood(challenge.code));
    for (const q of challenge.questions) {
      const key = `${home}|${kindOf(q.prompt)}`;
      const list = values.get(key) ?? [];
      for (const v of numeric(q)) if (Number.isFinite(v)) list.push(v);
      values.set(key, list);
    }
  }
  const medians = new Map<string, number>();
  for (const [key, list] of values) {
    list.sort((a, b) => a - b);
    medians.set(key, list[list.length >> 1] ?? 0);
  }
  mediansCache.set(world, medians);
  return medians;
}
const mediansCache = new WeakMap<AttackWorld, Map<string, number>>();

/** The `count` collected códigos nearest to `code` (itself excluded). */
function nearestCodes(world: AttackWorld, code: number, count: number): number[] {
  let sorted = sortedCache.get(world);
  if (sorted === undefined) {
    sorted = [...world.challenges.keys()].sort((a, b) => a - b);
    sortedCache.set(world, sorted);
  }
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < code) lo = mid + 1;
    else hi = mid;
  }
  const near: number[] = [];
  let left = lo - 1;
  let right = lo;
  while (near.length < count && (left >= 0 || right < sorted.length)) {
    const l = sorted[left];
    const r = sorted[right];
    const takeLeft = r === undefined || (l !== undefined && code - l <= r - code);
    const next = takeLeft ? l : r;
    if (takeLeft) left -= 1;
    else right += 1;
    if (next !== undefined && next !== code) near.push(next);
  }
  return near;
}
const sortedCache = new WeakMap<AttackWorld, number[]>();

/** How an option sorts: a meter number by its serial digits, anything else by its number. */
function orderValue(label: string): number {
  const meter = /^[A-Z]{2}-\d{2}-(\d+)$/.exec(label);
  return meter === null ? numericValue(label) : Number(meter[1]);
}

/** The collected códigos offered exactly these options for this kind of question, ascending. */
function sameOptions(world: AttackWorld, q: SeenQuestion): number[] {
  let index = optionsCache.get(world);
  if (index === undefined) {
    index = new Map<string, number[]>();
    for (const challenge of world.challenges.values()) {
      for (const other of challenge.questions) {
        const key = `${kindOf(other.prompt)}|${[...other.labels].sort().join('|')}`;
        index.set(key, [...(index.get(key) ?? []), challenge.code]);
      }
    }
    for (const codes of index.values()) codes.sort((a, b) => a - b);
    optionsCache.set(world, index);
  }
  return index.get(`${kindOf(q.prompt)}|${[...q.labels].sort().join('|')}`) ?? [];
}
const optionsCache = new WeakMap<AttackWorld, Map<string, number[]>>();

/** Tariffs the attacker can look up (they are public): every estrato, uso and year the replica may hold. */
const estratos: readonly Estrato[] = [1, 2, 3, 4, 5, 6];
const usos: readonly Uso[] = ['residencial', 'comercial', 'industrial', 'oficial'];
function totalsFor(consumptionM3: number): Set<number> {
  const out = new Set<number>();
  for (const year of [2025, 2026, 2027]) {
    for (const estrato of estratos)
      for (const uso of usos) out.add(sumLineItems(lineItemsFor({ year, estrato, uso, consumptionM3 })));
  }
  return out;
}

export const attackers: readonly Attacker[] = [
  {
    name: 'always-first',
    idea: 'control: always the first option',
    pick: perQuestion((q) => q.labels[0] ?? ''),
  },
  {
    name: 'most-frequent',
    idea: 'the value offered most often across all challenges (a fact shared by a cycle, like a due date)',
    pick: perQuestion((q, _t, world) => {
      const counts = labelCounts(world).get(kindOf(q.prompt));
      return best(q.labels, (label) => counts?.get(label) ?? 0);
    }),
  },
  {
    name: 'least-frequent',
    idea: 'the value offered least often (a subscriber’s own value turns up less if wrong options are drawn from others at random)',
    pick: perQuestion((q, _t, world) => {
      const counts = labelCounts(world).get(kindOf(q.prompt));
      return best(q.labels, (label) => -(counts?.get(label) ?? 0));
    }),
  },
  {
    name: 'closest-to-others',
    idea: 'the option nearest to all the others (wrong options drawn around the right one)',
    pick: perQuestion((q) => {
      const values = numeric(q);
      return best(q.labels, (label) => {
        const v = numericValue(label);
        return -values.reduce((sum, other) => sum + Math.abs(other - v), 0);
      });
    }),
  },
  {
    name: 'smallest',
    idea: 'the smallest value',
    pick: perQuestion((q) => best(q.labels, (label) => -numericValue(label))),
  },
  {
    name: 'largest',
    idea: 'the largest value',
    pick: perQuestion((q) => best(q.labels, (label) => numericValue(label))),
  },
  {
    name: 'roundest',
    idea: 'the value with most trailing zeros (made-up amounts look round)',
    pick: perQuestion((q) => best(q.labels, (label) => trailingZeros(numericValue(label)))),
  },
  {
    name: 'nearby-codes',
    idea: 'the value most offered to the 40 nearest códigos internos (facts shared by neighbours, a cycle or a print run)',
    pick: (target, world) => {
      const near = nearestCodes(world, target.code, 40);
      return target.questions.map((q) => {
        const kind = kindOf(q.prompt);
        const counts = new Map<string, number>();
        for (const code of near) {
          for (const other of world.challenges.get(code)?.questions ?? []) {
            if (kindOf(other.prompt) !== kind) continue;
            for (const label of other.labels) counts.set(label, (counts.get(label) ?? 0) + 1);
          }
        }
        return best(q.labels, (label) => counts.get(label) ?? 0);
      });
    },
  },
  {
    name: 'neighbour-typical',
    idea: 'a neighbour who knows the cycle, estrato and uso: the option nearest the median offered to that group',
    pick: (target, world) => {
      const medians = groupMedians(world);
      const home = groupKey(world.neighbourhood(target.code));
      return target.questions.map((q) => {
        const median = medians.get(`${home}|${kindOf(q.prompt)}`) ?? 0;
        return best(q.labels, (label) => -Math.abs(numericValue(label) - median));
      });
    },
  },
  {
    name: 'code-rank',
    idea: 'finds the códigos shown the same options and bets the figures follow the códigos’ order (meters or readings handed out in order)',
    pick: (target, world) =>
      target.questions.map((q) => {
        const mates = sameOptions(world, q);
        const rank = mates.indexOf(target.code);
        const byValue = [...q.labels].sort((a, b) => orderValue(a) - orderValue(b));
        return rank < 0 || mates.length !== byValue.length ? (q.labels[0] ?? '') : (byValue[rank] ?? '');
      }),
  },
  {
    name: 'tariff-pairs',
    idea: 'with the public tariff, pairs a total with the consumption it charges when both are asked',
    pick: (target) => {
      const total = target.questions.find((q) => /valor total/i.test(q.prompt));
      const m3 = target.questions.find((q) => /metros cúbicos \(m³\) consumió según/i.test(q.prompt));
      let pair: { total: string; m3: string } | null = null;
      if (total !== undefined && m3 !== undefined) {
        for (const m3Label of m3.labels) {
          const charges = totalsFor(numericValue(m3Label));
          const match = total.labels.find((label) => charges.has(numericValue(label)));
          if (match !== undefined) {
            pair = { total: match, m3: m3Label };
            break;
          }
        }
      }
      return target.questions.map((q) =>
        q === total && pair ? pair.total : q === m3 && pair ? pair.m3 : (q.labels[0] ?? ''),
      );
    },
  },
  {
    name: 'reading-pairs',
    idea: 'when both meter readings are asked, the pair whose difference is a plausible consumption',
    pick: (target) => {
      const now = target.questions.find((q) => /lectura actual/i.test(q.prompt));
      const before = target.questions.find((q) => /lectura anterior/i.test(q.prompt));
      let pair: { now: string; before: string } | null = null;
      if (now !== undefined && before !== undefined) {
        let smallest = Number.POSITIVE_INFINITY;
        for (const a of now.labels) {
          for (const b of before.labels) {
            const used = numericValue(a) - numericValue(b);
            if (used >= 0 && used < smallest) {
              smallest = used;
              pair = { now: a, before: b };
            }
          }
        }
      }
      return target.questions.map((q) =>
        q === now && pair ? pair.now : q === before && pair ? pair.before : (q.labels[0] ?? ''),
      );
    },
  },
  {
    name: 'second-kiosk',
    idea: 'asks the same código at another kiosk and keeps the options both show',
    pick: (target, world) => {
      const other = world.secondKiosk(target.code);
      return target.questions.map((q) => {
        const again = other.questions.find((o) => kindOf(o.prompt) === kindOf(q.prompt));
        const common = q.labels.filter((label) => again?.labels.includes(label) ?? false);
        return common[0] ?? q.labels[0] ?? '';
      });
    },
  },
  {
    name: 'reading-chain',
    idea: 'asks again a month later: the meter reading that grew from one shown before by a plausible consumption',
    pick: (target, world) => {
      const before = world.monthEarlier(target.code);
      return target.questions.map((q) => {
        const earlier = before?.questions.find((o) => kindOf(o.prompt) === kindOf(q.prompt));
        if (!/lectura/i.test(q.prompt) || earlier === undefined) return q.labels[0] ?? '';
        const old = numeric(earlier);
        return best(q.labels, (label) => {
          const v = numericValue(label);
          return old.some((o) => v - o >= 0 && v - o <= 80) ? 1 : 0;
        });
      });
    },
  },
];

/** The neighbourhood of a subscriber row as the replica has it. */
export function neighbourhoodOf(row: { codigoRuta: string; estrato: number; uso: string }): Neighbourhood {
  return { cycle: row.codigoRuta.slice(0, 2), estrato: row.estrato, uso: row.uso };
}
