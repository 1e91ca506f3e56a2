import type { HandoverCursor, HandoverListQuery } from './field-handover-queries';

/**
 * The filters of «Entregas de recaudo» as the address carries them
 * (`/consola/entregas?desde=2026-03-01&hasta=2026-03-31&recaudador=campo1`), read strictly: a
 * value that is not a date, a range that ends before it starts, an unknown collector or a broken
 * page link is refused with a message saying which, never silently widened to «everything».
 */
export interface HandoverSearch {
  /** As typed (shown back in the form): `YYYY-MM-DD` or ''. */
  readonly from: string;
  readonly to: string;
  readonly collector: string;
}

export type ReadSearch =
  | { readonly ok: true; readonly search: HandoverSearch; readonly query: Omit<HandoverListQuery, 'limit'> }
  | { readonly ok: false; readonly search: HandoverSearch; readonly message: string };

/** Colombia keeps UTC−5 all year: a Bogotá calendar day starts at 05:00 UTC. */
const bogotaMidnight = (day: string): Date => new Date(`${day}T00:00:00-05:00`);

const oneDay = 86_400_000;

/** `YYYY-MM-DD` naming a day that exists (no 2026-02-30), between 2000 and 2099. */
export function isCalendarDay(text: string): boolean {
  const match = /^(20\d\d)-(\d\d)-(\d\d)$/.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const cursorPattern =
  /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z),([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export const writeCursor = (cursor: HandoverCursor): string => `${cursor.at},${cursor.id}`;

export function readHandoverSearch(query: unknown, collectors: readonly string[]): ReadSearch {
  const q = (typeof query === 'object' && query !== null ? query : {}) as Record<string, unknown>;
  // A repeated parameter (?desde=a&desde=b) arrives as an array: refused like any other bad value.
  const text = (name: string): string | null =>
    q[name] === undefined ? '' : typeof q[name] === 'string' ? q[name].trim() : null;
  const from = text('desde');
  const to = text('hasta');
  const collector = text('recaudador');
  const after = text('despues');
  const search: HandoverSearch = {
    from: (from ?? '').slice(0, 40),
    to: (to ?? '').slice(0, 40),
    collector: (collector ?? '').slice(0, 80),
  };
  const refuse = (message: string): ReadSearch => ({ ok: false, search, message });
  if (from === null || (from !== '' && !isCalendarDay(from)))
    return refuse('La fecha «Desde» no es válida. Escríbala como año-mes-día, por ejemplo 2026-03-01.');
  if (to === null || (to !== '' && !isCalendarDay(to)))
    return refuse('La fecha «Hasta» no es válida. Escríbala como año-mes-día, por ejemplo 2026-03-31.');
  if (from !== '' && to !== '' && to < from)
    return refuse('La fecha «Hasta» es anterior a la fecha «Desde». Revise el rango de fechas.');
  if (collector === null || (collector !== '' && !collectors.includes(collector)))
    return refuse('Ese recaudador no tiene entregas registradas. Elíjalo de la lista.');
  const cursor = after === null ? null : after === '' ? undefined : cursorPattern.exec(after);
  if (cursor === null)
    return refuse('El enlace a la página siguiente no es válido. Vuelva a la primera página de la lista.');
  return {
    ok: true,
    search,
    query: {
      from: from === '' ? null : bogotaMidnight(from),
      before: to === '' ? null : new Date(bogotaMidnight(to).getTime() + oneDay),
      collector: collector === '' ? null : collector,
      after: cursor === undefined ? null : { at: cursor[1] ?? '', id: cursor[2] ?? '' },
    },
  };
}

/** The list's address with these filters (and a page's cursor); empty filters are left out. */
export function handoverListHref(base: string, search: HandoverSearch, after: HandoverCursor | null = null): string {
  const params = new URLSearchParams();
  if (search.from !== '') params.set('desde', search.from);
  if (search.to !== '') params.set('hasta', search.to);
  if (search.collector !== '') params.set('recaudador', search.collector);
  if (after !== null) params.set('despues', writeCursor(after));
  const text = params.toString();
  return text === '' ? base : `${base}?${text}`;
}
