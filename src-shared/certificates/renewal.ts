import { bogotaDate } from '../domain/calendar-es';
import type { MatriculaState } from './matricula';

/**
 * The yearly renewal of a matrícula (docs/domain/certificates.md, 6.2): every year's renewal is
 * due by the cutoff, 31 March unless the government moves it (SII reads the year's cutoff from
 * a table, so it is a parameter here). Until the cutoff the previous year's renewal is enough.
 * A certificate of an entry that has not renewed carries the watermark «NO HA CUMPLIDO CON LA
 * OBLIGACIÓN LEGAL DE RENOVAR SU MATRÍCULA MERCANTIL»; one whose renewal is due shows a reminder.
 */

/** `MM-DD`, the last day (inclusive, Bogotá) the current year's renewal is on time. */
export const defaultRenewalCutoff = '03-31';

export const notRenewedWatermark = 'NO HA CUMPLIDO CON LA OBLIGACIÓN LEGAL DE RENOVAR SU MATRÍCULA MERCANTIL';

/**
 * - `al-dia`: renewed for the year that is due;
 * - `por-renovar`: before the cutoff, renewed for last year but not yet for this one (a reminder);
 * - `no-renovada`: behind (the watermark);
 * - `cancelada`: no renewal is owed any more.
 */
export type RenewalStatus = 'al-dia' | 'por-renovar' | 'no-renovada' | 'cancelada';

/** The last year whose renewal must be done on `day` (`YYYY-MM-DD`, Bogotá). */
export function requiredRenewalYear(day: string, cutoff: string = defaultRenewalCutoff): number {
  const year = Number(day.slice(0, 4));
  return day.slice(5) > cutoff ? year : year - 1;
}

export function renewalStatus(
  entry: { readonly state: MatriculaState; readonly lastRenewedYear: number },
  at: Date,
  cutoff: string = defaultRenewalCutoff,
): RenewalStatus {
  if (entry.state === 'cancelada') return 'cancelada';
  const day = bogotaDate(at.toISOString());
  const required = requiredRenewalYear(day, cutoff);
  if (entry.lastRenewedYear < required) return 'no-renovada';
  return entry.lastRenewedYear < Number(day.slice(0, 4)) ? 'por-renovar' : 'al-dia';
}

/** The reminder the certificate's header carries while this year's renewal is due. */
export function renewalReminder(at: Date, cutoff: string = defaultRenewalCutoff): string {
  const year = bogotaDate(at.toISOString()).slice(0, 4);
  const [month, day] = cutoff.split('-');
  return `Recuerde renovar su matrícula mercantil de ${year} a más tardar el ${day}/${month}/${year}.`;
}
