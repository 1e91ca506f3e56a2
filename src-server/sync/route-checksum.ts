import {
  routeChecksumTableNames,
  routeChecksumTables,
  type RouteChecksumTable,
  type RouteFigures,
} from '../../src-shared/field/route-checksum';
import type { SqlExecutor } from '../db/sql-executor';

/**
 * The server's side of «Preparar salida» (src-shared/field/route-checksum.ts): for each route of
 * a field device, the rows its replica must hold, counted and hashed in SQL, so no row leaves
 * the database. One statement reads them all with the change feed's last `seq`, so the figures
 * and that cursor come from the same snapshot. The subscribers are found by codigo_ruta (the
 * route itself or it plus a dash, as the feed and the laptop's re-scope decide), their bills
 * and payments by codigo_interno: indexed columns; for 5,000 subscribers × 12 bills the hash
 * runs over ~60,000 short lines.
 */

const inRoute = `(s.codigo_ruta = r.route OR s.codigo_ruta LIKE r.route || '-%')`;

const fromOf: Record<RouteChecksumTable, string> = {
  subscribers: `subscribers s WHERE ${inRoute}`,
  bills: `bills t JOIN subscribers s ON s.codigo_interno = t.codigo_interno WHERE ${inRoute}`,
  payments: `payments t JOIN subscribers s ON s.codigo_interno = t.codigo_interno WHERE ${inRoute}`,
};

function aggregate(table: RouteChecksumTable): string {
  const spec = routeChecksumTables[table];
  const alias = table === 'subscribers' ? 's' : 't';
  const line = spec.fields.map((field) => `coalesce(${alias}.${field}::text, '')`).join(` || '|' || `);
  return `CROSS JOIN LATERAL (
    SELECT count(*)::int AS n,
      encode(sha256(convert_to(coalesce(string_agg(x.line, '' ORDER BY x.k COLLATE "C"), ''), 'UTF8')), 'hex') AS h
    FROM (SELECT ${alias}.${spec.key}::text AS k, ${line} || E'\\n' AS line FROM ${fromOf[table]}) x
  ) ${table}`;
}

const statement = `SELECT r.route, (SELECT coalesce(max(seq), 0) FROM change_log)::text AS cursor,
  ${routeChecksumTableNames.map((t) => `${t}.n AS ${t}_rows, ${t}.h AS ${t}_hash`).join(', ')}
  FROM unnest($1::text[]) AS r(route)
  ${routeChecksumTableNames.map(aggregate).join('\n  ')}
  ORDER BY r.route`;

export interface ServerRouteFigures {
  readonly cursor: string;
  readonly byRoute: { route: string; figures: RouteFigures }[];
}

/** The figures of `routes` (a device's assigned routes, never a list the device sent). */
export async function routeFigures(exec: SqlExecutor, routes: readonly string[]): Promise<ServerRouteFigures> {
  if (routes.length === 0) {
    const { rows } = await exec.query<{ cursor: string }>(
      'SELECT coalesce(max(seq), 0)::text AS cursor FROM change_log',
    );
    return { cursor: rows[0]?.cursor ?? '0', byRoute: [] };
  }
  const { rows } = await exec.query<Record<string, string | number>>(statement, [[...routes]]);
  const figure = (row: Record<string, string | number>, table: RouteChecksumTable) => ({
    rows: Number(row[`${table}_rows`]),
    sha256: String(row[`${table}_hash`]),
  });
  return {
    cursor: String(rows[0]?.cursor ?? '0'),
    byRoute: rows.map((row) => ({
      route: String(row.route),
      figures: {
        subscribers: figure(row, 'subscribers'),
        bills: figure(row, 'bills'),
        payments: figure(row, 'payments'),
      },
    })),
  };
}
