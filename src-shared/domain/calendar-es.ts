/**
 * Dates and billing periods as a Colombian bill prints them. Periods are `YYYY-MM` and dates
 * `YYYY-MM-DD` (calendar days in America/Bogota, no time zone arithmetic needed); instants are
 * ISO 8601 and shown in Bogotá time (UTC−5 all year, no daylight saving).
 */
const monthNames = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
] as const;

const shortMonthNames = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'] as const;

const bogotaOffsetMs = -5 * 60 * 60 * 1000;

function splitPeriod(period: string): { year: number; month: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) throw new RangeError(`Not a YYYY-MM period: ${period}`);
  return { year, month };
}

/** `2026-03` → `Marzo de 2026`. */
export function periodLabel(period: string): string {
  const { year, month } = splitPeriod(period);
  const name = monthNames[month - 1] ?? '';
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} de ${year}`;
}

/** `2026-03` → `mar 26`, for chart axes and narrow slips. */
export function shortPeriodLabel(period: string): string {
  const { year, month } = splitPeriod(period);
  return `${shortMonthNames[month - 1] ?? ''} ${String(year % 100).padStart(2, '0')}`;
}

/** `2026-03` shifted by `months` (negative = earlier). */
export function addMonths(period: string, months: number): string {
  const { year, month } = splitPeriod(period);
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The `count` periods ending at `period`, oldest first. */
export function periodsEndingAt(period: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(period, i - count + 1));
}

/** `2026-03-15` → `15/03/2026`. */
export function formatDateEs(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${isoDate}`);
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** The Bogotá calendar day of an ISO instant, `YYYY-MM-DD`. */
export function bogotaDate(isoInstant: string): string {
  const ms = Date.parse(isoInstant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO instant: ${isoInstant}`);
  return new Date(ms + bogotaOffsetMs).toISOString().slice(0, 10);
}

/** An ISO instant as a Bogotá date and time, `15/03/2026 10:42`. */
export function formatBogotaDateTime(isoInstant: string): string {
  const ms = Date.parse(isoInstant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO instant: ${isoInstant}`);
  const local = new Date(ms + bogotaOffsetMs).toISOString();
  return `${formatDateEs(local.slice(0, 10))} ${local.slice(11, 16)}`;
}
