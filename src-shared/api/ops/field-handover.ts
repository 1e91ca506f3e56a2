import { z } from 'zod';
import { CashCount } from '../../cashier/denominations';
import type { DeviceMode } from '../../domain/device-mode';
import { DocumentFile } from '../document';
import { counterStaff, defineOperation } from '../operation';
import { printed, staffSession } from './counter-fields';
import { FieldDayView } from './field';

/**
 * The entrega de recaudo (docs/field-mode.md, issue 16): back at the office, the collector's
 * days are sent and checked against the central server, then a supervisor counts the cash
 * blind at the laptop and signs; the difference is kept, the report printed and as PDF.
 */

const fieldOnly: readonly DeviceMode[] = ['field'];

/** Saldo a favor the central server made of a payment of these days (a bill also paid at a bank). */
export const HandoverCredit = z.object({
  receiptNumber: z.string(),
  codigoInterno: z.number().int(),
  holderName: z.string(),
  period: z.string(),
  amount: z.number().int().positive(),
  /** Spanish, the server's: «Factura 2026-10 ya estaba pagada: $ 45.000 quedan como saldo a favor.» */
  reason: z.string(),
});
export type HandoverCredit = z.infer<typeof HandoverCredit>;

/** Where the handover stands before the count (`field.handoverCheck`). */
export const HandoverCheck = z.object({
  /**
   * `sending`: payments still on their way to the server (ask again); `offline`: the server does
   * not answer; `ready`: all sent and compared; `nothing`: no day to hand over.
   */
  stage: z.enum(['sending', 'offline', 'ready', 'nothing']),
  /** Money records of these days not yet accepted by the server. */
  unsent: z.number().int().nonnegative(),
  /** The days to hand over, oldest first: dates and payment counts (the amounts come after the count). */
  days: z.array(z.object({ id: z.string(), date: z.string(), payments: z.number().int().nonnegative() })),
  /** Spanish, one per day whose payments differ from the server's (or that the server refused). */
  differences: z.array(z.string()),
  credits: z.array(HandoverCredit),
  /** Spanish, the stage in one sentence. */
  message: z.string(),
});
export type HandoverCheck = z.infer<typeof HandoverCheck>;

export const HandoverView = z.object({
  id: z.string(),
  handedAt: z.string(),
  collector: z.string(),
  supervisor: z.string(),
  days: z.array(FieldDayView),
  expectedCash: z.number().int(),
  expectedTransfer: z.number().int(),
  countedCash: z.number().int(),
  countedTransfer: z.number().int(),
  /** Counted minus expected; negative = money missing. */
  difference: z.number().int(),
  /** Spanish lines the report carries: saldo a favor and differences with the server. */
  notes: z.array(z.string()),
});
export type HandoverView = z.infer<typeof HandoverView>;

const supervisor = z
  .object({
    username: z.string().trim().min(1, 'Escriba el usuario del supervisor.').max(64),
    password: z.string().min(1, 'Escriba la contraseña del supervisor.').max(256),
  })
  .strict();

export const fieldHandoverOps = {
  'field.handoverCheck': defineOperation({
    summary:
      'Before the entrega de recaudo: sends what is left of the signed-in collector’s days, then compares each day’s payments with the central server’s and lists the saldo a favor it made. Ask again while `sending`.',
    reach: 'server',
    modes: fieldOnly,
    auth: counterStaff,
    input: z.object({ staffSession }).strict(),
    output: HandoverCheck,
  }),
  'field.handOver': defineOperation({
    summary:
      'The entrega de recaudo: a supervisor’s blind count of the collector’s days (cash by piece, transfers checked) with their user and password; records the difference, ends the days, sends the signed handover and prints the report.',
    reach: 'server',
    modes: fieldOnly,
    auth: counterStaff,
    input: z
      .object({
        staffSession,
        cash: CashCount,
        transfer: z
          .number({ error: 'Escriba el total de transferencias verificadas (0 si no hubo).' })
          .int({ error: 'El valor es en pesos, sin centavos.' })
          .min(0)
          .max(1_000_000_000),
        supervisor,
        /** The supervisor saw the differences with the server and hands over anyway. */
        differencesSeen: z.literal(true).optional(),
      })
      .strict(),
    output: z.object({ handover: HandoverView }).merge(printed),
  }),
  'field.handoverPdf': defineOperation({
    summary: 'An entrega de recaudo’s report as a PDF, the same lines the printer printed.',
    reach: 'local',
    modes: fieldOnly,
    auth: counterStaff,
    input: z.object({ staffSession, handoverId: z.string().min(16).max(64) }).strict(),
    output: DocumentFile,
  }),
  'field.handoverReprint': defineOperation({
    summary: 'Prints an entrega de recaudo’s report again, marked COPIA.',
    reach: 'local',
    modes: fieldOnly,
    auth: counterStaff,
    input: z.object({ staffSession, handoverId: z.string().min(16).max(64) }).strict(),
    output: printed,
  }),
};
