/**
 * Reading routes. A utility reads meters route by route: a route belongs to one barrio, and
 * the código de ruta `ciclo-ruta-secuencia` (e.g. `03-117-0450`) orders the connections along
 * it. The city has a fixed number of routes; subscribers are dealt to them in runs of ten
 * neighbours, round-robin, so even a small demo (a couple of thousand subscribers) spreads
 * over the whole city, while a million fill about 200 connections per route. A subscriber's
 * route depends only on the seed and its index (no global state; see random.ts).
 *
 * Ciclo = comuna (each comuna is read and billed on its own day). Blocks are dealt to comunas
 * by a shuffled pattern in which each comuna appears as often as its weight, so the city's
 * mix holds at any scale and route numbers stay dense within each ciclo.
 */
import { barriosOf, comunas, comunaWeight, type Barrio } from './places';
import { Rng, streams, WeightedTable } from './random';

/** Reading routes in the city: a million subscribers gives 200 per route, a typical size. */
export const routeCount = 5_000;
/** Neighbours dealt to a route together (consecutive secuencias). */
const runLength = 10;
/** Secuencias step by 10 so new connections can be inserted between neighbours… */
const sequenceStep = 10;
/** …and have four digits, which caps a route at 999 connections. */
const maxPerRoute = 999;
/** Subscribers the layout can place: whole runs of ten per route, under the cap. */
export const routeCapacity = routeCount * runLength * Math.floor(maxPerRoute / runLength);

export interface Route {
  readonly ciclo: number;
  readonly ruta: number;
  readonly barrio: Barrio;
  /** The route walks along calles or along carreras. */
  readonly mainVia: 'Calle' | 'Carrera';
  /** Offsets into the barrio's street ranges where the route starts. */
  readonly streetOffset: number;
  readonly crossOffset: number;
  /** Letter of the cross street (`Carrera 4D`), empty for most. */
  readonly crossLetter: string;
  /** First manzana of the route in manzana-style barrios. */
  readonly firstManzana: number;
}

export class RouteLayout {
  private readonly pattern: number[];
  private readonly rank: number[];
  private readonly perCycle = new Map<number, number>();
  private readonly barrioTables = new Map<number, WeightedTable<Barrio>>();
  /** At most `routeCount` small objects, built on first use. */
  private readonly cache = new Map<number, Route>();

  constructor(private readonly seed: number) {
    const rng = Rng.derive(seed, streams.layout, 0);
    this.pattern = comunas.flatMap((c) => Array.from({ length: comunaWeight(c) }, () => c));
    // Fisher–Yates with the seeded generator: the deal order differs by seed, the shares do not.
    for (let i = this.pattern.length - 1; i > 0; i -= 1) {
      const j = rng.int(0, i);
      const tmp = this.pattern[i] ?? 0;
      this.pattern[i] = this.pattern[j] ?? 0;
      this.pattern[j] = tmp;
    }
    const seen = new Map<number, number>();
    this.rank = this.pattern.map((c) => {
      const r = seen.get(c) ?? 0;
      seen.set(c, r + 1);
      return r;
    });
    for (const c of comunas) {
      this.perCycle.set(c, seen.get(c) ?? 0);
      this.barrioTables.set(c, new WeightedTable(barriosOf(c).map((x) => [x, x.weight] as const)));
    }
  }

  /** The route of subscriber `index` and its position (0-based) along it. */
  locate(index: number): { route: Route; position: number; codigoRuta: string } {
    const run = Math.floor(index / runLength);
    const block = run % routeCount;
    const position = Math.floor(run / routeCount) * runLength + (index % runLength);
    if (index >= routeCapacity) throw new RangeError(`Subscriber index out of range: ${index}`);
    const route = this.routeOf(block);
    const secuencia = (position + 1) * sequenceStep;
    const codigoRuta = `${pad(route.ciclo, 2)}-${pad(route.ruta, 3)}-${pad(secuencia, 4)}`;
    return { route, position, codigoRuta };
  }

  private routeOf(block: number): Route {
    const known = this.cache.get(block);
    if (known) return known;
    const slot = block % this.pattern.length;
    const cycle = Math.floor(block / this.pattern.length);
    const comuna = this.pattern[slot] ?? 1;
    const ruta = cycle * (this.perCycle.get(comuna) ?? 1) + (this.rank[slot] ?? 0) + 1;
    const rng = Rng.derive(this.seed, streams.route, block);
    const table = this.barrioTables.get(comuna);
    if (!table) throw new Error(`Comuna ${comuna} has no barrios`);
    const route: Route = {
      ciclo: comuna,
      ruta,
      barrio: table.pick(rng),
      mainVia: rng.chance(0.5) ? 'Calle' : 'Carrera',
      streetOffset: rng.int(0, 40),
      crossOffset: rng.int(0, 40),
      crossLetter: rng.chance(0.2) ? rng.pick(['A', 'B', 'C', 'D']) : '',
      firstManzana: rng.int(1, 40),
    };
    this.cache.set(block, route);
    return route;
  }
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
