/**
 * Dates and times as a citizen in Colombia reads them, whatever the kiosk's own time zone.
 * Colombia has no daylight saving time, so the zone is fixed.
 */
export const bogotaTimeZone = 'America/Bogota';

const timeFormat = new Intl.DateTimeFormat('es-CO', { timeZone: bogotaTimeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dayKeyFormat = new Intl.DateTimeFormat('en-CA', { timeZone: bogotaTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
const shortDateFormat = new Intl.DateTimeFormat('es-CO', { timeZone: bogotaTimeZone, day: '2-digit', month: '2-digit', year: 'numeric' });
const longDateFormat = new Intl.DateTimeFormat('es-CO', { timeZone: bogotaTimeZone, weekday: 'long', day: 'numeric', month: 'long' });
const hourFormat = new Intl.DateTimeFormat('en-US', { timeZone: bogotaTimeZone, hour: 'numeric', hourCycle: 'h23' });

const dayKey = (date: Date): string => dayKeyFormat.format(date);

/** `10:42` */
export const formatBogotaTime = (date: Date): string => timeFormat.format(date);

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
