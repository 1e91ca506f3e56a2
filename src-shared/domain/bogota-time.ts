/**
 * Dates and times as a citizen in Colombia reads them, whatever the zone of the machine that
 * formats them (a kiosk, the central server): defined once for the screens, the devices'
 * messages, the mail and the server's pages. Colombia has no daylight saving time, so the zone
 * is fixed. Dates of bills (`YYYY-MM-DD`) and periods are in calendar-es.ts.
 */
export const bogotaTimeZone = 'America/Bogota';

const timeFormat = new Intl.DateTimeFormat('es-CO', {
  timeZone: bogotaTimeZone,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const dayKeyFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: bogotaTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const shortDateFormat = new Intl.DateTimeFormat('es-CO', {
  timeZone: bogotaTimeZone,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const longDateFormat = new Intl.DateTimeFormat('es-CO', {
  timeZone: bogotaTimeZone,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});
const dayFormat = new Intl.DateTimeFormat('es-CO', {
  timeZone: bogotaTimeZone,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const timestampFormat = new Intl.DateTimeFormat('es-CO', {
  timeZone: bogotaTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const clockFormat = new Intl.DateTimeFormat('es-CO', {
  timeZone: bogotaTimeZone,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const hourFormat = new Intl.DateTimeFormat('en-US', { timeZone: bogotaTimeZone, hour: 'numeric', hourCycle: 'h23' });

const dayKey = (date: Date): string => dayKeyFormat.format(date);

/** `10:42` */
export const formatBogotaTime = (date: Date): string => timeFormat.format(date);

/** `10:42:07`, for a log line a person reads. */
export const formatBogotaClock = (date: Date): string => clockFormat.format(date);

/** `3 de marzo de 2026` */
export const formatBogotaDay = (date: Date): string => dayFormat.format(date);

/** `03/03/2026, 14:07:09`, for records staff read (a mailbox, a log page). */
export const formatBogotaTimestamp = (date: Date): string => timestampFormat.format(date);

/** `21/11/2025`: the day an instant was in Colombia. */
export const formatBogotaShortDate = (date: Date): string => shortDateFormat.format(date);

/** `las 14:07`, or `el 3 de marzo de 2026 a las 00:05` when `until` is not today in Bogotá. */
export function formatUntilMoment(until: Date, now: Date): string {
  const time = `las ${formatBogotaTime(until)}`;
  return formatBogotaDay(until) === formatBogotaDay(now) ? time : `el ${formatBogotaDay(until)} a ${time}`;
}

/** `a las 10:57`, or `el 22 de noviembre de 2025 a las 00:05` when `at` is not today in Bogotá: after a verb («vence …»). */
export function formatAtMoment(at: Date, now: Date): string {
  const moment = formatUntilMoment(at, now);
  return moment.startsWith('las ') ? `a ${moment}` : moment;
}

/** `martes, 14 de mayo` */
export const formatBogotaLongDate = (date: Date): string => longDateFormat.format(date);

/** `hoy 10:42`, `ayer 18:03` or `12/03/2025 10:42`, relative to `now` in Bogotá. */
export function formatBogotaMoment(date: Date, now: Date): string {
  const time = formatBogotaTime(date);
  if (dayKey(date) === dayKey(now)) return `hoy ${time}`;
  const yesterday = new Date(now.getTime() - 86_400_000);
  if (dayKey(date) === dayKey(yesterday)) return `ayer ${time}`;
  return `${shortDateFormat.format(date)} ${time}`;
}

/** 0–23 in Bogotá. */
export const bogotaHour = (date: Date): number => Number(hourFormat.format(date));
