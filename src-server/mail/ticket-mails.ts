import { assertNever } from '../../src-shared/api/result';
import type { EntityWords, MailContent } from './mail-layout';

/** What every ticket mail names: which ticket, about what. */
interface TicketRef {
  readonly to: string;
  readonly fullName: string;
  readonly number: string;
  readonly subject: string;
}

/**
 * The mails of support tickets (docs/tickets.md), members of MailMessage (mail-messages.ts).
 * Citizens get the code, the confirmation, agents' messages, the proposed solution (with the
 * link to accept or reject it) and the closing; the support team's address gets citizens'
 * messages and reopened tickets. Internal notes are never mailed.
 */
export type TicketMail =
  /** The 6-digit code to type before the ticket exists. */
  | {
      readonly kind: 'ticket-code';
      readonly to: string;
      readonly fullName: string;
      readonly code: string;
      readonly validMinutes: number;
      /** The support line, for a citizen who cannot read this mailbox after all. */
      readonly supportPhone: string;
    }
  | (TicketRef & { readonly kind: 'ticket-created'; readonly category: string })
  /** A message on the ticket from the other side; `fromCitizen` mails go to the support team. */
  | (TicketRef & { readonly kind: 'ticket-message'; readonly fromCitizen: boolean; readonly body: string })
  | (TicketRef & {
      readonly kind: 'ticket-solution';
      readonly solution: string;
      /** The ticket's page with a token: accept or reject without an account. */
      readonly url: string;
      readonly validDays: number;
    })
  /** To the support team: the citizen rejected the solution. */
  | (TicketRef & { readonly kind: 'ticket-reopened'; readonly reason: string })
  | (TicketRef & { readonly kind: 'ticket-resolved'; readonly rating: number });

export type TicketMailKind = TicketMail['kind'];

export const ticketMailKinds: readonly TicketMailKind[] = [
  'ticket-code',
  'ticket-created',
  'ticket-message',
  'ticket-solution',
  'ticket-reopened',
  'ticket-resolved',
];

export function ticketMailContent(message: TicketMail, names: EntityWords, suffix: string): MailContent {
  switch (message.kind) {
    case 'ticket-code':
      return {
        subject: `Código para crear su ticket de soporte${suffix}`,
        title: 'Código de verificación',
        fullName: message.fullName,
        blocks: [
          {
            kind: 'paragraph',
            text: `Para crear su ticket de soporte en ${names.inSentence}, escriba este código en la pantalla donde lo está creando:`,
          },
          { kind: 'fields', rows: [{ label: 'Código de verificación', value: message.code }] },
          {
            kind: 'notice',
            text: `El código sirve una sola vez y durante ${String(message.validMinutes)} minutos. Nadie de ${names.inSentence} se lo pedirá por teléfono.`,
          },
          {
            kind: 'paragraph',
            text: `Si usted no está creando un ticket, ignore este mensaje: sin el código no se crea nada. Si no puede usar este correo, llame a la línea de soporte ${message.supportPhone}.`,
          },
        ],
      };
    case 'ticket-created':
      return {
        subject: `Ticket ${message.number} creado: ${message.subject}${suffix}`,
        title: `Su ticket ${message.number}`,
        fullName: message.fullName,
        blocks: [
          { kind: 'paragraph', text: `Recibimos su solicitud de soporte en ${names.inSentence}.` },
          {
            kind: 'fields',
            rows: [
              { label: 'Ticket', value: message.number },
              { label: 'Categoría', value: message.category },
              { label: 'Asunto', value: message.subject },
            ],
          },
          {
            kind: 'paragraph',
            text: 'Con el número del ticket y este correo puede ver su lista de tickets, su estado y sus mensajes en «Ver mi lista de tickets», en el kiosco o en la página de soporte.',
          },
        ],
      };
    case 'ticket-message':
      return {
        subject: message.fromCitizen
          ? `Mensaje del ciudadano en el ticket ${message.number}${suffix}`
          : `Respuesta a su ticket ${message.number}${suffix}`,
        title: message.fromCitizen
          ? `Mensaje en el ticket ${message.number}`
          : `Respuesta a su ticket ${message.number}`,
        fullName: message.fullName,
        blocks: [
          {
            kind: 'paragraph',
            text: message.fromCitizen
              ? `El ciudadano escribió en el ticket ${message.number} («${message.subject}»):`
              : `El equipo de soporte de ${names.inSentence} respondió su ticket ${message.number} («${message.subject}»):`,
          },
          { kind: 'notice', text: message.body },
          {
            kind: 'paragraph',
            text: message.fromCitizen
              ? 'Respóndalo desde la consola de soporte.'
              : 'Para responder, use «Agregar o enviar un mensaje» en el ticket, desde «Ver mi lista de tickets».',
          },
        ],
      };
    case 'ticket-solution':
      return {
        subject: `Solución propuesta para su ticket ${message.number}${suffix}`,
        title: `Solución para su ticket ${message.number}`,
        fullName: message.fullName,
        blocks: [
          {
            kind: 'paragraph',
            text: `El equipo de soporte de ${names.inSentence} propone esta solución para su ticket ${message.number} («${message.subject}»):`,
          },
          { kind: 'notice', text: message.solution },
          { kind: 'paragraph', text: 'Abra este enlace para aceptarla o rechazarla:' },
          { kind: 'paragraph', text: message.url },
          {
            kind: 'paragraph',
            text: `El enlace sirve durante ${String(message.validDays)} días. Si la rechaza, díganos por qué y el ticket seguirá en atención; si la acepta, califique el servicio y el ticket queda resuelto.`,
          },
        ],
      };
    case 'ticket-reopened':
      return {
        subject: `Ticket ${message.number} reabierto: el ciudadano rechazó la solución${suffix}`,
        title: `Ticket ${message.number} reabierto`,
        fullName: message.fullName,
        blocks: [
          {
            kind: 'paragraph',
            text: `El ciudadano rechazó la solución del ticket ${message.number} («${message.subject}»). Su motivo:`,
          },
          { kind: 'notice', text: message.reason },
          { kind: 'paragraph', text: 'El ticket vuelve a la cola de soporte.' },
        ],
      };
    case 'ticket-resolved':
      return {
        subject: `Ticket ${message.number} resuelto${suffix}`,
        title: `Ticket ${message.number} resuelto`,
        fullName: message.fullName,
        blocks: [
          {
            kind: 'paragraph',
            text: `Gracias por aceptar la solución y calificar el servicio (${String(message.rating)} de 5). Su ticket ${message.number} («${message.subject}») quedó cerrado como Resuelto.`,
          },
          { kind: 'paragraph', text: 'Si necesita algo más, cree un ticket nuevo.' },
        ],
      };
    default:
      return assertNever(message);
  }
}
