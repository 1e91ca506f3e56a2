import { formatBogotaDateTime } from '../domain/calendar-es';
import type { ReceiptModel } from '../receipts/receipt-model';
import type { TicketCreatedValue } from '../server-api/tickets-api';
import { maskEmail } from '../wallet/masks';

/**
 * The slip «Imprimir el número» gives (docs/tickets-kiosk.md): the ticket's number large, when it
 * was created, its category, and how to follow it. The email is masked: the number and the
 * email together open the citizen's tickets, so a slip forgotten in the tray must not hold
 * both. Pure: the thermal printer's encoder turns it into bytes.
 */
export function ticketReceipt(ticket: TicketCreatedValue, printedAt: string): ReceiptModel {
  return {
    lines: [
      { kind: 'text', text: 'Ticket de soporte', align: 'center', bold: true },
      { kind: 'text', text: formatBogotaDateTime(printedAt), align: 'center' },
      { kind: 'rule' },
      { kind: 'text', text: 'Número del ticket', align: 'center' },
      { kind: 'text', text: ticket.number, align: 'center', bold: true, large: true },
      { kind: 'feed', lines: 1 },
      { kind: 'pair', left: 'Creado', right: formatBogotaDateTime(ticket.createdAt) },
      { kind: 'text', text: `Categoría: ${ticket.categoryLabel}` },
      { kind: 'text', text: `Correo: ${maskEmail(ticket.email)}` },
      { kind: 'rule' },
      {
        kind: 'text',
        text:
          'Le enviamos un correo de confirmación. Para ver su ticket, sus mensajes y su estado, toque ' +
          '«Ver mi lista de tickets» en el kiosco y escriba este número y su correo.',
      },
      { kind: 'code128', data: ticket.number },
      { kind: 'feed', lines: 1 },
    ],
    cut: true,
    openDrawer: false,
  };
}
