/**
 * Arguments of `npm run seed`, parsed strictly: a typo must be an error in Spanish, never a
 * silently ignored flag that seeds the wrong thing.
 */
import { parseArgs } from 'node:util';
import { SeedOptionsError } from './generator';
import type { LoadMode } from './loader';

export interface SeedCliArgs {
  readonly subscribers: number;
  readonly months: number;
  readonly seed: number;
  readonly append: boolean;
  /** Reference date (`YYYY-MM-DD`, noon in Bogotá); null = today. */
  readonly now: Date | null;
  readonly batchSize: number;
  /** null = automatic (bulk for large seeds into an empty database). */
  readonly loadMode: LoadMode | null;
  readonly help: boolean;
}

export const seedUsage = `Uso: npm run seed -- --subscribers N [opciones]

  --subscribers N   suscriptores a generar (obligatorio), p. ej. 2000 o 1000000
  --months M        facturas mensuales por suscriptor, terminando en el periodo actual (12)
  --seed S          semilla: la misma semilla y fecha dan exactamente los mismos datos (1)
  --now AAAA-MM-DD  fecha de referencia en lugar de hoy (para datos reproducibles)
  --append          añadir a una base de datos que ya tiene suscriptores
  --batch B         suscriptores por lote de INSERT (500)
  --load-mode M     batches (una transacción por lote) o bulk (una sola transacción,
                    llaves e índices reconstruidos al final); por omisión bulk desde
                    50.000 suscriptores en una base de datos vacía
  --help            esta ayuda

Base de datos: PostgreSQL si DATABASE_URL está definida; si no, PGlite en
VENTANILLA_DATA_DIR (por omisión .data en la raíz del repositorio).`;

function integer(name: string, raw: string | undefined, fallback: number | null, min: number): number {
  if (raw === undefined) {
    if (fallback === null) throw new SeedOptionsError(`Falta --${name}.\n\n${seedUsage}`);
    return fallback;
  }
  // Accept 1_000_000 and 1.000.000 (Colombian thousands separator) as well as 1000000.
  const cleaned = /^\d{1,3}([._]\d{3})+$/.test(raw) ? raw.replace(/[._]/g, '') : raw;
  if (!/^\d+$/.test(cleaned) || Number(cleaned) < min || !Number.isSafeInteger(Number(cleaned))) {
    throw new SeedOptionsError(`--${name} debe ser un número entero mayor o igual que ${min}, no «${raw}».`);
  }
  return Number(cleaned);
}

function referenceDate(raw: string | undefined): Date | null {
  if (raw === undefined) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  // Noon in Bogotá (17:00 UTC) so the date is the same in every time zone.
  const date = match ? new Date(`${raw}T17:00:00Z`) : null;
  if (date === null || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== raw) {
    throw new SeedOptionsError(`--now debe ser una fecha AAAA-MM-DD válida, no «${raw}».`);
  }
  return date;
}

function loadMode(raw: string | undefined): LoadMode | null {
  if (raw === undefined) return null;
  if (raw === 'batches' || raw === 'bulk') return raw;
  throw new SeedOptionsError(`--load-mode debe ser batches o bulk, no «${raw}».`);
}

export function parseSeedArgs(argv: readonly string[]): SeedCliArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        subscribers: { type: 'string' },
        months: { type: 'string' },
        seed: { type: 'string' },
        now: { type: 'string' },
        append: { type: 'boolean' },
        batch: { type: 'string' },
        'load-mode': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new SeedOptionsError(`Argumentos no válidos (${detail}).\n\n${seedUsage}`);
  }
  if (values.help === true) {
    return {
      subscribers: 0,
      months: 12,
      seed: 1,
      append: false,
      now: null,
      batchSize: 500,
      loadMode: null,
      help: true,
    };
  }
  return {
    subscribers: integer('subscribers', values.subscribers, null, 1),
    months: integer('months', values.months, 12, 1),
    seed: integer('seed', values.seed, 1, 0),
    append: values.append === true,
    now: referenceDate(values.now),
    batchSize: integer('batch', values.batch, 500, 1),
    loadMode: loadMode(values['load-mode']),
    help: false,
  };
}
