import { z } from 'zod';
import { billStates, paymentChannels } from '../../domain/bill-state';
import { DocumentFile } from '../document';
import { defineOperation, kioskOnly, kioskVisit, openToAll } from '../operation';
import { PhoneLink } from '../phone-link';

/**
 * Utility bills at the kiosk (guide 000, sections 4–6): a citizen proves they know the
 * account by answering three questions about its own bills, and then, for the rest of the
 * kiosk session, may see and print the current bill, the payment history and previous bills.
 * Everything is answered from the device's replica, so it works offline; `dataAsOf` says how
 * fresh the replica is ("Datos actualizados al …").
 */

const codigoInternoMessage =
  'El código interno tiene solo números, hasta 10 dígitos: cópielo como aparece en su factura.';

/** The número printed on every bill: digits only, at most 10. */
export const CodigoInterno = z
  .number({ error: codigoInternoMessage })
  .int({ error: codigoInternoMessage })
  .positive({ error: codigoInternoMessage })
  .max(9_999_999_999, { error: codigoInternoMessage });

/** Grants the session access to one código interno after the questions were answered. */
export const AccessId = z.string().min(16).max(64);

export const ValidationQuestion = z.object({
  id: z.string(),
  /** The question in Spanish, naming the bill it is about, e.g. "¿Cuál es el valor total a pagar de su factura de noviembre de 2026?". */
  prompt: z.string(),
  /** Four options in random order; exactly one is right. */
  options: z.array(z.object({ id: z.string(), label: z.string() })).length(4),
});
export type ValidationQuestion = z.infer<typeof ValidationQuestion>;

export { billStates, paymentChannels } from '../../domain/bill-state';

export const SubscriberSummary = z.object({
  codigoInterno: z.number().int(),
  codigoRuta: z.string(),
  /** Shown only after validation; never logged. */
  holderName: z.string(),
  address: z.string(),
  estrato: z.number().int().min(1).max(6),
  uso: z.string(),
});

export const BillLine = z.object({ concept: z.string(), label: z.string(), amount: z.number().int() });

export const BillView = z.object({
  billNumber: z.number().int(),
  /** `YYYY-MM`. */
  period: z.string(),
  issuedOn: z.string(),
  dueOn: z.string(),
  suspensionOn: z.string(),
  previousReading: z.number().int(),
  currentReading: z.number().int(),
  consumptionM3: z.number().int(),
  lineItems: z.array(BillLine),
  previousBalance: z.number().int(),
  total: z.number().int(),
  state: z.enum(billStates),
  paidAt: z.string().nullable(),
});
export type BillView = z.infer<typeof BillView>;

export const PaymentView = z.object({
  paidAt: z.string(),
  amount: z.number().int(),
  channel: z.enum(paymentChannels),
  /** The period the payment settled, `YYYY-MM`. */
  period: z.string(),
});

const withAccess = z.object({ accessId: AccessId }).strict();
const withBill = z.object({ accessId: AccessId, billNumber: z.number().int().positive() }).strict();

export const billsOps = {
  'bills.startValidation': defineOperation({
    summary:
      'Start access to a código interno: three multiple-choice questions about the last bill delivered to it, ' +
      'the wrong options other subscribers’ real figures. `not-found` for an unknown code (or one with no bill ' +
      'delivered yet), `locked` while the code is locked on this device.',
    reach: 'local',
    modes: kioskOnly,
    auth: openToAll,
    input: z.object({ codigoInterno: CodigoInterno }).strict(),
    output: z.object({ challengeId: z.string(), questions: z.array(ValidationQuestion).length(3) }),
  }),
  'bills.answerValidation': defineOperation({
    summary:
      'Answer the three questions. All right → an access id for this kiosk session. Any wrong → ' +
      'attempts left (never which answer was wrong); the third failure locks the code for 15 minutes.',
    reach: 'local',
    modes: kioskOnly,
    auth: openToAll,
    input: z
      .object({
        challengeId: z.string().min(1).max(64),
        answers: z.array(z.object({ questionId: z.string().max(64), optionId: z.string().max(64) }).strict()).length(3),
      })
      .strict(),
    output: z.discriminatedUnion('passed', [
      z.object({ passed: z.literal(true), accessId: AccessId, subscriber: SubscriberSummary }),
      z.object({
        passed: z.literal(false),
        attemptsLeft: z.number().int().nonnegative(),
        /** ISO instant when the code unlocks, if this failure locked it. */
        lockedUntil: z.string().nullable(),
      }),
    ]),
  }),
  'bills.current': defineOperation({
    summary: 'The current (latest, not annulled) bill with the consumption of the last six periods.',
    reach: 'local',
    modes: kioskOnly,
    auth: kioskVisit,
    input: withAccess,
    output: z.object({
      subscriber: SubscriberSummary,
      bill: BillView,
      /** Oldest first, up to six periods ending at the bill's. */
      consumption: z.array(z.object({ period: z.string(), consumptionM3: z.number().int() })),
      dataAsOf: z.string().nullable(),
    }),
  }),
  'bills.payments': defineOperation({
    summary: 'The last 12 payments of the code, newest first.',
    reach: 'local',
    modes: kioskOnly,
    auth: kioskVisit,
    input: withAccess,
    output: z.object({ payments: z.array(PaymentView).max(12), dataAsOf: z.string().nullable() }),
  }),
  'bills.previous': defineOperation({
    summary:
      'The bills after the last payment that are still unpaid (the current one aside) and the five up to it, ' +
      'newest first, to choose one by period. `not-found` with the guide’s advice when there are none.',
    reach: 'local',
    modes: kioskOnly,
    auth: kioskVisit,
    input: withAccess,
    output: z.object({
      bills: z.array(
        z.object({
          billNumber: z.number().int(),
          period: z.string(),
          state: z.enum(billStates),
          total: z.number().int(),
        }),
      ),
      dataAsOf: z.string().nullable(),
    }),
  }),
  'bills.pdf': defineOperation({
    summary:
      'The PDF of one of the code’s bills: the current one with its payment barcode, a previous one ' +
      'with no barcode and a watermark of its state. `not-found` for a bill outside those.',
    reach: 'local',
    modes: kioskOnly,
    auth: kioskVisit,
    input: withBill,
    // Bytes, not base64 in JSON: IPC carries them as they are, the web host by a document id (web-documents.ts).
    output: DocumentFile,
  }),
  'bills.sendToPhone': defineOperation({
    summary:
      '«Llevar a mi celular»: the bill’s PDF (as in bills.pdf) held by the central server for a few minutes behind a ' +
      'single-use link, shown as a QR; nothing is kept on the kiosk. `offline` without the central server.',
    reach: 'server',
    modes: kioskOnly,
    auth: kioskVisit,
    input: withBill,
    output: PhoneLink,
  }),
  'bills.print': defineOperation({
    summary:
      'Queue the bill (as in bills.pdf) on the document printer, or as a short slip on the receipt ' +
      'printer when the kiosk has only that. `printer-offline` when no printer is configured.',
    reach: 'local',
    modes: kioskOnly,
    auth: kioskVisit,
    input: withBill,
    output: z.object({ jobId: z.string() }),
  }),
};
