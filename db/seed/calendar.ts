/**
 * Billing periods and calendar dates, always in Colombia's time zone. America/Bogota is UTC−5
 * all year (no daylight saving since 1993), so a fixed offset is exact and much faster than
 * Intl for millions of rows.
 */

const bogotaOffsetMs = -5 * 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;

/** A billing period `YYYY-MM`: the month the bill is issued in. */
export type Period = string;
/** A calendar date `YYYY-MM-DD` (PostgreSQL `date`). */
export type IsoDate = string;

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** The calendar date in Bogotá at instant `now`. */
export function bogotaToday(now: Date): IsoDate {
  return isoFromEpochDay(Math.floor((now.getTime() + bogotaOffsetMs) / dayMs));
}

export function periodOf(date: IsoDate): Period {
  return date.slice(0, 7);
}

/** `count` consecutive periods, oldest first, the last one being `last`. */
export function periodsEndingAt(last: Period, count: number): Period[] {
  const year = Number(last.slice(0, 4));
  const month = Number(last.slice(5, 7));
  const out: Period[] = [];
  for (let back = count - 1; back >= 0; back -= 1) {
    const total = year * 12 + (month - 1) - back;
    out.push(`${Math.floor(total / 12)}-${pad2((total % 12) + 1)}`);
  }
  return out;
}

/** `2026-03` → 202603, the form bill numbers embed. */
export function periodNumber(period: Period): number {
  return Number(period.slice(0, 4)) * 100 + Number(period.slice(5, 7));
}

export function epochDay(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / dayMs;
}

export function isoFromEpochDay(day: number): IsoDate {
  const d = new Date(day * dayMs);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return isoFromEpochDay(epochDay(date) + days);
}

/** `2026-03-14T10:23:05-05:00`: a Bogotá wall-clock time as an unambiguous timestamp. */
export function bogotaTimestamp(date: IsoDate, secondOfDay: number): string {
  const h = Math.floor(secondOfDay / 3600);
  const m = Math.floor((secondOfDay % 3600) / 60);
  const s = secondOfDay % 60;
  return `${date}T${pad2(h)}:${pad2(m)}:${pad2(s)}-05:00`;
}

/** Milliseconds since the epoch of a Bogotá wall-clock time on day number `day` (UUIDv7 ids). */
export function bogotaEpochMs(day: number, secondOfDay: number): number {
  return day * dayMs + secondOfDay * 1000 - bogotaOffsetMs;
}

/**
 * Date strings for a range of days, built once. The generator handles dates as day numbers
 * and turns them into `YYYY-MM-DD` through this table: tens of millions of rows would
 * otherwise allocate a `Date` and a new string for every date.
 */
export class DayTable {
  private readonly first: number;
  private readonly strings: IsoDate[];

  constructor(fromDay: number, toDay: number) {
    this.first = fromDay;
    this.strings = [];
    for (let day = fromDay; day <= toDay; day += 1) this.strings.push(isoFromEpochDay(day));
  }

  iso(day: number): IsoDate {
    return this.strings[day - this.first] ?? isoFromEpochDay(day);
  }
}
