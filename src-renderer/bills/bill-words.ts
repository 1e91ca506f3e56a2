import type { BillState, PaymentChannel } from '../../src-shared/domain/bill-state';
import { formatBogotaShortDate } from '../../src-shared/domain/bogota-time';

/**
 * How bills, periods and payments read on the kiosk, in es-CO. Periods (`YYYY-MM`) and
 * calendar dates (`YYYY-MM-DD`) are civil values, not instants: they are formatted in UTC so
 * the kiosk's own time zone can never move them to the day before.
 */

const monthYear = new Intl.DateTimeFormat('es-CO', { timeZone: 'UTC', month: 'long', year: 'numeric' });
const shortMonth = new Intl.DateTimeFormat('es-CO', { timeZone: 'UTC', month: 'short' });
const longDay = new Intl.DateTimeFormat('es-CO', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

function civilDate(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (match === null) return null;
  const [, year, month, day] = match;
  return new Date(Date.UTC(Number(year), Number(month) - 1, day === undefined ? 15 : Number(day)));
}

/** `2025-03` → `marzo de 2025`. */
export function formatPeriod(period: string): string {
  const date = civilDate(period);
  return date === null ? period : monthYear.format(date);
}

/** `2025-03` → `mar 2025`, for the chart's axis. */
export function formatPeriodShort(period: string): string {
  const date = civilDate(period);
  if (date === null) return period;
  return `${shortMonth.format(date).replace('.', '')} ${date.getUTCFullYear()}`;
}

/** `2025-03-20` → `20 de marzo de 2025`. */
export function formatCalendarDate(day: string): string {
  const date = civilDate(day);
  return date === null ? day : longDay.format(date);
}

/** An instant as the day it was in Colombia: `21/11/2025`. */
export function formatBogotaDay(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : formatBogotaShortDate(date);
}

export const billStateWords: Record<BillState, string> = {
  pagada: 'Pagada',
  pendiente: 'Pendiente de pago',
  vencida: 'Vencida',
  anulada: 'Anulada',
};

/** Where a payment was made, as a citizen would say it. */
export const paymentChannelWords: Record<PaymentChannel, string> = {
  banco: 'En banco',
  caja: 'En caja de la oficina',
  campo: 'Con el recaudador en su barrio',
  'en-linea': 'En línea (PSE)',
  corresponsal: 'En corresponsal bancario',
};
