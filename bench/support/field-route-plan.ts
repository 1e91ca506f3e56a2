import type { SqlExecutor } from '../../src-server/db/sql-executor';

/** The códigos de ruta a bench field laptop is assigned, and what the server holds within them. */
export interface RoutePlan {
  /** Whole ciclos (`03`) first, then single routes (`05-117`) of the next ciclo to top up. */
  readonly routes: readonly string[];
  readonly subscribers: number;
  readonly bills: number;
  readonly payments: number;
}

/**
 * Routes holding as close to `wanted` subscribers as the city allows without passing it: the
 * set of whole ciclos that comes closest, then single routes of the other ciclos, largest
 * first, while they fit. The demo city deals subscribers to its 5,000 routes in runs of ten, so
 * a route of a small city holds ten and the plan lands within ten of `wanted` — a collector with
 * a few ciclos and some routes of another, as a supervisor would assign them («Rutas de campo»).
 */
export async function planRoute(exec: SqlExecutor, wanted: number): Promise<RoutePlan> {
  const { rows } = await exec.query<{ ciclo: string; route: string; n: number }>(
    `SELECT left(codigo_ruta, 2) AS ciclo, left(codigo_ruta, 6) AS route, count(*)::int AS n
     FROM subscribers GROUP BY 1, 2 ORDER BY left(codigo_ruta, 2) COLLATE "C", left(codigo_ruta, 6) COLLATE "C"`,
  );
  const ciclos = new Map<string, { n: number; routes: { route: string; n: number }[] }>();
  for (const row of rows) {
    const ciclo = ciclos.get(row.ciclo) ?? { n: 0, routes: [] };
    ciclo.n += row.n;
    ciclo.routes.push({ route: row.route, n: row.n });
    ciclos.set(row.ciclo, ciclo);
  }
  // The whole ciclos whose sum comes closest to `wanted` without passing it (a knapsack over
  // sums: a dozen ciclos, a few thousand sums), so few single routes are needed to top up.
  const sizes = [...ciclos.entries()];
  const reach: (number | undefined)[] = [0];
  sizes.forEach(([, ciclo], i) => {
    for (let sum = wanted - ciclo.n; sum >= 0; sum -= 1)
      if (reach[sum] !== undefined && reach[sum + ciclo.n] === undefined) reach[sum + ciclo.n] = i + 1;
  });
  let best = wanted;
  while (reach[best] === undefined) best -= 1;
  const whole = new Set<string>();
  for (let sum = best; sum > 0;) {
    const entry = sizes[(reach[sum] ?? 0) - 1];
    if (entry === undefined) throw new Error(`sin ciclo para la suma ${sum}`);
    whole.add(entry[0]);
    sum -= entry[1].n;
  }
  const routes = [...whole];
  let subscribers = best;
  for (const [code, ciclo] of sizes) {
    if (whole.has(code)) continue;
    for (const route of [...ciclo.routes].sort((a, b) => b.n - a.n)) {
      if (subscribers + route.n > wanted) continue;
      routes.push(route.route);
      subscribers += route.n;
    }
  }
  // Ten short at most (one run of neighbours); a city smaller than the route cannot hold it.
  if (subscribers < wanted - 10)
    throw new Error(`la ciudad solo da ${subscribers} suscriptores para una ruta de ${wanted}: siembre más`);
  const within = await exec.query<{ bills: number; payments: number }>(
    `WITH s AS (
       SELECT codigo_interno FROM subscribers
       WHERE codigo_ruta = ANY($1::text[]) OR left(codigo_ruta, 3) = ANY($2::text[]) OR left(codigo_ruta, 7) = ANY($2::text[]))
     SELECT (SELECT count(*)::int FROM bills WHERE codigo_interno IN (SELECT codigo_interno FROM s)) AS bills,
            (SELECT count(*)::int FROM payments WHERE codigo_interno IN (SELECT codigo_interno FROM s)) AS payments`,
    [routes, routes.map((route) => `${route}-`)],
  );
  return {
    routes: [...routes].sort(),
    subscribers,
    bills: within.rows[0]?.bills ?? 0,
    payments: within.rows[0]?.payments ?? 0,
  };
}

/** The SQL condition «`codigo_ruta` lies outside the plan's routes», with its parameters at `$p`, `$p+1`. */
export function outsidePlan(plan: RoutePlan, p: number): { sql: string; params: [string[], string[]] } {
  return {
    sql: `NOT (codigo_ruta = ANY($${p}::text[]) OR left(codigo_ruta, 3) = ANY($${p + 1}::text[]) OR left(codigo_ruta, 7) = ANY($${p + 1}::text[]))`,
    params: [[...plan.routes], plan.routes.map((route) => `${route}-`)],
  };
}
