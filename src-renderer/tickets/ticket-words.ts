import { megabytesInWords } from '../../src-shared/api/document';
import type { TicketFileLimits } from '../../src-shared/server-api/tickets-api';
import { ticketStateLabels, type TicketState } from '../../src-shared/tickets/ticket-states';

/** Support tickets on the kiosk, in the citizen's words (docs/tickets-kiosk.md, guide 002). */

/** Without the central server nothing can be created or read. */
export const ticketsOfflineText =
  'Los tickets de soporte necesitan conexión con el servidor central y en este momento no la hay. ' +
  'Intente de nuevo en unos minutos o pida ayuda al personal de la oficina.';

export const createLead =
  'Cuéntenos qué necesita. Le enviaremos un código a su correo para confirmar que es usted antes de crear el ticket.';

export const lookupLead =
  'Escriba el número de cualquiera de sus tickets y el correo con el que lo creó: verá todos sus tickets y su estado.';

export const numberHint =
  'Por ejemplo TK-2026-000123 (también en minúsculas). Está en el correo de confirmación y en el recibo.';

/** Under the code: what a citizen who cannot read their mail does (guide 002). */
export const noMailAdvice = (phone: string): string =>
  `¿No tiene acceso a su correo? Llame a la línea de soporte ${phone}: allí validan su identidad y crean su ticket ` +
  'con los datos que acaba de escribir, durante el día de hoy.';

export const resolvedAdvice = 'Este ticket está resuelto y cerrado. Si necesita algo más, cree un ticket nuevo.';
export const solutionAdvice =
  'El equipo de soporte propuso una solución. Para aceptarla o rechazarla, abra el enlace que le enviamos al correo.';

/** «Hasta 5 archivos PDF, JPEG o PNG, de hasta 5 MB cada uno.» */
export function filesHint(limits: TicketFileLimits): string {
  const labels = limits.types.map((type) => (type === 'webp' ? 'WebP' : type.toUpperCase()));
  const kinds = labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} o ${labels.at(-1)}`;
  return `Hasta ${limits.maxCount} ${limits.maxCount === 1 ? 'archivo' : 'archivos'} ${kinds}, de hasta ${megabytesInWords(limits.maxBytes)} cada uno.`;
}

export const stateLabel = (state: TicketState): string => ticketStateLabels[state];

/** What each event of the history says, by who did it. */
export function eventTitle(kind: string, authorKind: 'citizen' | 'agent' | 'system'): string {
  switch (kind) {
    case 'created':
      return 'Ticket creado';
    case 'message':
      return authorKind === 'citizen' ? 'Su mensaje' : 'Respuesta del equipo de soporte';
    case 'assigned':
      return 'El equipo de soporte tomó su ticket';
    case 'solution':
      return 'Solución propuesta';
    case 'accepted':
      return 'Solución aceptada';
    case 'rejected':
      return 'Solución rechazada';
    case 'verified-by-phone':
      return 'Identidad confirmada por teléfono';
    default:
      return 'Novedad del ticket';
  }
}

/** «3 de diciembre de 2026, 4:25 p. m.», in Bogotá's time. */
export function dateTimeInWords(iso: string): string {
  return new Intl.DateTimeFormat('es-CO', {
    timeZone: 'America/Bogota',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));
}
