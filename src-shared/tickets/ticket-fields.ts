import { z } from 'zod';

/** What a citizen fills in to create a ticket, with the messages the screens show. */
export const TicketFields = z
  .object({
    name: z
      .string()
      .trim()
      .min(3, { error: 'Escriba su nombre completo.' })
      .max(120, { error: 'El nombre es demasiado largo (máximo 120 caracteres).' }),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254, { error: 'El correo es demasiado largo.' })
      .pipe(z.email({ error: 'Escriba un correo válido, por ejemplo nombre@correo.com.' })),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9 +()-]{7,20}$/, { error: 'Escriba un teléfono de 7 a 10 dígitos, solo con números.' }),
    category: z.string().min(1, { error: 'Elija una categoría.' }).max(40),
    subject: z
      .string()
      .trim()
      .min(5, { error: 'Escriba el asunto en pocas palabras (al menos 5 letras).' })
      .max(150, { error: 'El asunto es demasiado largo (máximo 150 caracteres).' }),
    description: z
      .string()
      .trim()
      .min(10, { error: 'Cuéntenos qué pasa (al menos 10 letras).' })
      .max(5000, { error: 'La descripción es demasiado larga (máximo 5.000 caracteres).' }),
  })
  .strict();
export type TicketFields = z.infer<typeof TicketFields>;

/** The 6 digits mailed before a ticket exists. */
export const TicketCode = z
  .string()
  // Copied from a mail client it may come as «123 456» or with a line break.
  .transform((typed) => typed.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, { error: 'El código tiene 6 números: cópielo del correo.' }));

/** A message on a ticket, from either side. */
export const TicketMessageBody = z
  .string()
  .trim()
  .min(2, { error: 'Escriba el mensaje.' })
  .max(5000, { error: 'El mensaje es demasiado largo (máximo 5.000 caracteres).' });
