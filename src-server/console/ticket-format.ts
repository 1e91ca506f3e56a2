import { formatBogotaShortDate, formatBogotaTime } from '../../src-shared/domain/bogota-time';
import type { TicketCategory } from '../../src-shared/tickets/ticket-categories';

/** How the ticket pages write categories, channels, durations, due times and addresses. */

export const categoryLabel = (categories: readonly TicketCategory[], code: string): string =>
  categories.find((c) => c.code === code)?.label ?? code;

export const channelLabel: Readonly<Record<string, string>> = {
  kiosk: 'Kiosco',
  web: 'Página web',
  phone: 'Teléfono (verificado por un agente)',
};

const deviceModeLabel: Readonly<Record<string, string>> = {
  kiosk: 'Kiosco',
  cashier: 'Caja',
  field: 'Equipo de campo',
};

/** «Página web», or the device by its kind and name: «Kiosco «Sede centro 1»», «Caja «Caja 2»». */
export function channelText(channel: string, device: { readonly name: string; readonly mode: string } | null): string {
  if (device === null) return channelLabel[channel] ?? channel;
  return `${deviceModeLabel[device.mode] ?? channelLabel[channel] ?? channel} «${device.name}»`;
}

/** `45 min`, `3 h 20 min`, `2 d 4 h`: how long, to the precision a desk needs. */
export function duration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/**
 * Where a ticket stands against its first-answer due time: a mark to stand out (`Vencido`,
 * `Vence pronto`) or none, and the words after it.
 */
export interface DueStanding {
  readonly kind: 'overdue' | 'soon' | 'pending' | 'answered';
  readonly mark: string | null;
  readonly text: string;
}

/** Under this, a ticket still waiting for its first answer is marked as about to be overdue. */
const soonMs = 2 * 3_600_000;

/**
 * «Vencido» when the first answer is due and none was given (due_at < now, first_reply_at null);
 * «Vence pronto» in the last two hours before; otherwise how long is left, or that it was
 * answered (and whether in time).
 */
export function dueStanding(t: { dueAt: Date; firstReplyAt: Date | null }, now: Date): DueStanding {
  if (t.firstReplyAt !== null)
    return t.firstReplyAt.getTime() <= t.dueAt.getTime()
      ? { kind: 'answered', mark: null, text: 'Respondido a tiempo' }
      : {
          kind: 'answered',
          mark: null,
          text: `Respondido ${duration(t.firstReplyAt.getTime() - t.dueAt.getTime())} tarde`,
        };
  const left = t.dueAt.getTime() - now.getTime();
  if (left < 0) return { kind: 'overdue', mark: 'Vencido', text: `hace ${duration(-left)}` };
  if (left < soonMs)
    return { kind: 'soon', mark: 'Vence pronto', text: `en ${duration(left)} (${formatBogotaTime(t.dueAt)})` };
  return { kind: 'pending', mark: null, text: `Vence en ${duration(left)}` };
}

/** `01/12/2026 21:31`: a moment to the minute, for lists. */
export const shortWhen = (at: Date | string): string => {
  const date = new Date(at);
  return `${formatBogotaShortDate(date)} ${formatBogotaTime(date)}`;
};

/**
 * `an•••••o@correo.test`: enough of an address for an agent on the phone to tell it is the
 * caller's (who says it whole), not enough to read it off the screen.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  const local = email.slice(0, at);
  const shown = local.length <= 3 ? `${local.slice(0, 1)}•••` : `${local.slice(0, 2)}•••••${local.slice(-1)}`;
  return `${shown}${email.slice(at)}`;
}

/** The history's words for each event (an assignment names its agent: the page writes that one). */
export function eventTitle(kind: string, authorKind: string): string {
  switch (kind) {
    case 'created':
      return 'El ciudadano creó el ticket';
    case 'verified-by-phone':
      return 'Identidad verificada por teléfono';
    case 'assigned':
      return 'Asignación';
    case 'message':
      return authorKind === 'citizen' ? 'Mensaje del ciudadano' : 'Respuesta al ciudadano';
    case 'note':
      return 'Nota interna (el ciudadano no la ve)';
    case 'solution':
      return 'Solución propuesta';
    case 'accepted':
      return 'El ciudadano aceptó la solución';
    case 'rejected':
      return 'El ciudadano rechazó la solución';
    default:
      return kind;
  }
}

/** `★★★★☆ 4 de 5` */
export const stars = (rating: number): string =>
  `${'★'.repeat(rating)}${'☆'.repeat(Math.max(0, 5 - rating))} ${rating} de 5`;

/** `12 KB`, `3,4 MB` */
export function fileSize(bytes: number): string {
  if (bytes < 1_048_576) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1_048_576).toLocaleString('es-CO', { maximumFractionDigits: 1 })} MB`;
}
