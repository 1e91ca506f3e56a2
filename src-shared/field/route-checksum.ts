import { z } from 'zod';

/**
 * «Preparar salida» (docs/field-mode.md): what a field laptop's replica must hold of its routes,
 * as row counts and a checksum per table, computed the same way by the central server (SQL over
 * its tables) and by the laptop (over its replica). One line per row — the fields below joined
 * by `|`, a null as empty — in key order (byte order of the key as text), each ended by `\n`;
 * the checksum is the SHA-256 (hex) of all the lines. The fields are the ones the collection
 * depends on: who is in the route, what each bill owes and in what state, what was paid.
 */
export const routeChecksumTables = {
  subscribers: { key: 'codigo_interno', fields: ['codigo_interno', 'codigo_ruta'] },
  bills: { key: 'bill_number', fields: ['bill_number', 'codigo_interno', 'total', 'state'] },
  payments: { key: 'id', fields: ['id', 'bill_number', 'amount'] },
} as const;

export type RouteChecksumTable = keyof typeof routeChecksumTables;
export const routeChecksumTableNames = Object.keys(routeChecksumTables) as RouteChecksumTable[];

const TableFigures = z.object({
  rows: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type TableFigures = z.infer<typeof TableFigures>;

export const RouteFigures = z.object({
  subscribers: TableFigures,
  bills: TableFigures,
  payments: TableFigures,
});
export type RouteFigures = z.infer<typeof RouteFigures>;

/** The server's answer to `sync.routeChecksum`: its figures for the calling device's routes. */
export const RouteChecksumValue = z.object({
  deployment: z.object({ id: z.string() }),
  serverTime: z.string(),
  /**
   * The change feed's last `seq` when the figures were read (same snapshot): the laptop compares
   * only once its replica caught up to at least it; if it went further, it asks again.
   */
  cursor: z.string().regex(/^\d{1,18}$/),
  /** The routes the figures are for: the ones assigned to the calling device, sorted. */
  routes: z.array(z.string()),
  /** Whole routes (`03-117`) or ciclos (`03`): the figures per route, for naming a difference. */
  byRoute: z.array(z.object({ route: z.string(), figures: RouteFigures })),
});
export type RouteChecksumValue = z.infer<typeof RouteChecksumValue>;

const nouns: Record<RouteChecksumTable, readonly [one: string, many: string, feminine: boolean]> = {
  subscribers: ['suscriptor', 'suscriptores', false],
  bills: ['factura', 'facturas', true],
  payments: ['pago', 'pagos', false],
};

/**
 * Spanish, for the collector: how the replica's figures for one route differ from the server's,
 * one sentence per table that differs, or an empty list when they match.
 */
export function routeDifferences(route: string, server: RouteFigures, replica: RouteFigures): string[] {
  const out: string[] = [];
  for (const table of routeChecksumTableNames) {
    const s = server[table];
    const r = replica[table];
    if (s.rows === r.rows && s.sha256 === r.sha256) continue;
    const [one, many, feminine] = nouns[table];
    const missing = s.rows - r.rows;
    if (missing > 0)
      out.push(`${missing === 1 ? 'Falta' : 'Faltan'} ${missing} ${missing === 1 ? one : many} de la ruta ${route}`);
    else if (missing < 0)
      out.push(`${missing === -1 ? 'Sobra' : 'Sobran'} ${-missing} ${-missing === 1 ? one : many} de la ruta ${route}`);
    else
      out.push(
        `${feminine ? 'Las' : 'Los'} ${many} de la ruta ${route} no coinciden con el servidor (${s.rows} ${feminine ? 'revisadas' : 'revisados'})`,
      );
  }
  return out;
}
