import { z } from 'zod';

/**
 * Before an entrega de recaudo (docs/field-mode.md) the laptop asks the central server for its
 * own figures of the collector's days: the payments it holds for each day's cash session and
 * the saldo a favor it made of any of them (a bill also paid at a bank). Only the calling
 * device's sessions are answered; another device's id reads as unknown.
 */
export const HandoverFiguresRequest = z
  .object({
    sessions: z
      .array(z.uuid({ error: 'Un día de la entrega no es válido.' }))
      .min(1)
      .max(62),
  })
  .strict();
export type HandoverFiguresRequest = z.infer<typeof HandoverFiguresRequest>;

export const HandoverFiguresValue = z.object({
  serverTime: z.string(),
  sessions: z.array(
    z.object({
      sessionId: z.string(),
      /** The server received this laptop's opening of the day. */
      known: z.boolean(),
      /** Already handed over (or closed). */
      closed: z.boolean(),
      /** Valid payments and the sum of their amounts, as the server holds them. */
      payments: z.number().int().nonnegative(),
      amount: z.number().int().nonnegative(),
    }),
  ),
  /** Saldo a favor the server made of payments of these days, with its reason in Spanish. */
  credits: z.array(
    z.object({
      paymentId: z.string(),
      reference: z.string(),
      codigoInterno: z.number().int(),
      period: z.string(),
      amount: z.number().int().positive(),
      reason: z.string(),
    }),
  ),
});
export type HandoverFiguresValue = z.infer<typeof HandoverFiguresValue>;
