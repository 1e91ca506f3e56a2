/**
 * What the field laptop says about the age of its data and its unsent payments
 * (docs/field-mode.md), pure so the screens and the tests read the same words.
 */
import { formatBogotaDateTime } from '../domain/calendar-es';

/** Colombia keeps UTC−5 all year (no daylight saving). */
const bogotaOffsetMs = 5 * 3_600_000;

/**
 * «Datos del 03/12/2026 06:10»: when the replica last came whole from the central server, in
 * the one date format of the field screens (the days, the bills' due dates, today's date).
 */
export function dataAgeLabel(lastPullAt: string | null): string {
  if (lastPullAt === null) return 'Sin datos descargados del servidor central';
  return `Datos del ${formatBogotaDateTime(lastPullAt)}`;
}

/** «hace 2 días», «hace 3 horas», «hace 5 minutos», «hace un momento». */
export function agoLabel(fromIso: string, now: Date): string {
  const ms = Math.max(0, now.getTime() - Date.parse(fromIso));
  const plural = (n: number, one: string, many: string) => `hace ${n} ${n === 1 ? one : many}`;
  if (ms >= 86_400_000) return plural(Math.floor(ms / 86_400_000), 'día', 'días');
  if (ms >= 3_600_000) return plural(Math.floor(ms / 3_600_000), 'hora', 'horas');
  if (ms >= 60_000) return plural(Math.floor(ms / 60_000), 'minuto', 'minutos');
  return 'hace un momento';
}

/** «34 pagos sin enviar, el más antiguo de hace 2 días», or that all were sent. */
export function outboxLine(pending: number, oldestAt: string | null, now: Date): string {
  if (pending === 0 || oldestAt === null) return 'Todos los pagos están enviados al servidor central.';
  if (pending === 1) return `1 pago sin enviar, de ${agoLabel(oldestAt, now)}`;
  return `${pending} pagos sin enviar, el más antiguo de ${agoLabel(oldestAt, now)}`;
}

/** Beyond this age every owed bill may have been paid elsewhere (a bank, a counter, online). */
export const staleAfterHours = 24;

/** `YYYY-MM-DD` in Bogotá. */
export function bogotaDay(instant: Date): string {
  return new Date(instant.getTime() - bogotaOffsetMs).toISOString().slice(0, 10);
}

/**
 * Why an owed bill may have been paid elsewhere since the replica was pulled, or null
 * (docs/field-mode.md, «¿Ya la pagó en otra parte?»). The rule: no data at all; data older
 * than `staleAfterHours`; or the bill's due date came after the data were taken (people pay at
 * the bank on the last days). The collector must ask for the bank receipt before collecting.
 */
export function paidElsewhereRisk(dueOn: string, lastPullAt: string | null, now: Date): string | null {
  const ask = 'Pregunte al suscriptor si ya la pagó en un banco o en la oficina antes de cobrar.';
  if (lastPullAt === null) return `Este equipo no tiene datos descargados. ${ask}`;
  const pulled = new Date(lastPullAt);
  if (now.getTime() - pulled.getTime() > staleAfterHours * 3_600_000)
    return `Los datos tienen más de ${staleAfterHours} horas: la factura pudo pagarse después. ${ask}`;
  const today = bogotaDay(now);
  if (bogotaDay(pulled) < dueOn && dueOn <= today)
    return `La factura venció después de la última descarga de datos. ${ask}`;
  return null;
}
