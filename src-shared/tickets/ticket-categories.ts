import { z } from 'zod';

/** A ticket category: what the citizen picks, and the hours support has to give a first answer. */
export const TicketCategory = z.object({
  code: z.string().regex(/^[a-z0-9-]{2,40}$/),
  label: z.string().min(2).max(80),
  /** Hours from creation to the first answer (the service level); the console marks it overdue after. */
  firstReplyHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
});
export type TicketCategory = z.infer<typeof TicketCategory>;

/** The list when VENTANILLA_TICKET_CATEGORIES does not give one: a utility's usual requests. */
export const defaultTicketCategories: readonly TicketCategory[] = [
  { code: 'facturacion', label: 'Factura y cobros', firstReplyHours: 48 },
  { code: 'pagos', label: 'Pagos y prepago', firstReplyHours: 24 },
  { code: 'lectura', label: 'Lectura y medidor', firstReplyHours: 72 },
  { code: 'servicio', label: 'Calidad del servicio', firstReplyHours: 24 },
  { code: 'cuenta', label: 'Mi cuenta y mis datos', firstReplyHours: 48 },
  { code: 'certificados', label: 'Certificados', firstReplyHours: 24 },
  { code: 'otro', label: 'Otra solicitud', firstReplyHours: 72 },
];
