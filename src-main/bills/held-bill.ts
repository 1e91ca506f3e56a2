/**
 * Which bill a citizen can have in hand (guide 000 §4: "es necesario que el usuario tenga una
 * factura impresa a la mano"). A bill issued today is still at the printer: the one at home is
 * the last one delivered, i.e. issued at least the delivery time before today. The questions
 * are about that bill and say which one it is.
 */
import { bogotaDate } from '../../src-shared/domain/calendar-es';

/** A monthly bill reaches the home a few days after it is issued (config `kiosk.billDeliveryDays`). */
export const defaultBillDeliveryDays = 5;

const dayMs = 86_400_000;

/** The latest issue date (`YYYY-MM-DD`, Bogotá) of a bill already delivered at `now`. */
export function deliveredCutoff(now: Date, deliveryDays: number): string {
  return bogotaDate(new Date(now.getTime() - deliveryDays * dayMs).toISOString());
}

const monthYear = new Intl.DateTimeFormat('es-CO', { timeZone: 'UTC', month: 'long', year: 'numeric' });

/** `2026-11` → `su factura de noviembre de 2026`: how a question names the bill. */
export function billName(period: string): string {
  const [year, month] = period.split('-').map(Number);
  return `su factura de ${monthYear.format(new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, 15)))}`;
}
