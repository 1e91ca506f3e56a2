import { z } from 'zod';
import { FieldTender } from '../../cashier/tenders';
import { billStates } from '../../domain/bill-state';
import type { DeviceMode } from '../../domain/device-mode';
import { defineOperation, counterStaff, openToAll } from '../operation';
import { CodigoInterno } from './bills';
import { printed, staffSession } from './counter-fields';
import { StaffGrant } from './staff';

/**
 * Field mode (docs/field-mode.md, issue 16): a collector on foot with a laptop and a portable
 * receipt printer, offline for days. Signs in as at the counter (replicated staff accounts),
 * opens the collection day (a cash session), finds subscribers on the route sheet and collects
 * cash or transfers with the counter's payment code; every payment waits in the outbox until
 * the laptop reaches the central server.
 */

const fieldOnly: readonly DeviceMode[] = ['field'];

/** One collection day: the cash session opened for a local date, with its totals by tender. */
export const FieldDayView = z.object({
  id: z.string(),
  /** `YYYY-MM-DD`, Bogotá. */
  date: z.string(),
  /** `open` while it is today's; `ended` once a later day was opened; `handed` once handed over at the office. */
  state: z.enum(['open', 'ended', 'handed']),
  collector: z.string(),
  openedAt: z.string(),
  /** Valid payments. */
  payments: z.number().int().nonnegative(),
  /** Cash kept (received less change), valid payments. */
  cash: z.number().int(),
  transfer: z.number().int(),
  total: z.number().int(),
  /** Valid payments flagged «para anular en la oficina» (one voided since on the laptop no longer counts). */
  flagged: z.number().int().nonnegative(),
});
export type FieldDayView = z.infer<typeof FieldDayView>;

/** The data's age and the unsent payments, always on screen. */
export const FieldStatus = z.object({
  /** The replica's last successful pull (ISO), or null if it never pulled. */
  lastPullAt: z.string().nullable(),
  outbox: z.object({
    /** Payments not yet accepted by the central server. */
    pending: z.number().int().nonnegative(),
    /** The oldest of them (ISO), or null. */
    oldestAt: z.string().nullable(),
  }),
  today: FieldDayView.nullable(),
});
export type FieldStatus = z.infer<typeof FieldStatus>;

/** A subscriber on the route sheet, in route order. */
export const RouteSheetRow = z.object({
  codigoInterno: z.number().int(),
  /** `ciclo-ruta-secuencia`, `03-117-0042`. */
  codigoRuta: z.string(),
  holderName: z.string(),
  address: z.string(),
  meterSerial: z.string(),
  /** Bills still owed (the replica's pending or overdue, not collected on this laptop). */
  pendingBills: z.number().int().nonnegative(),
  pendingTotal: z.number().int().nonnegative(),
});
export type RouteSheetRow = z.infer<typeof RouteSheetRow>;

export const FieldBill = z.object({
  billNumber: z.number().int(),
  period: z.string(),
  periodLabel: z.string(),
  total: z.number().int(),
  dueOn: z.string(),
  state: z.enum(billStates),
  /** False once paid (here or as the replica says) or annulled: the field never collects it. */
  owed: z.boolean(),
  /** Spanish: why it is not owed, or that it is overdue. */
  warning: z.string().nullable(),
  /** Spanish, when it may have been paid elsewhere since the last sync (field-words.ts): ask first. */
  paidElsewhereRisk: z.string().nullable(),
});
export type FieldBill = z.infer<typeof FieldBill>;

export const FieldSubscriber = RouteSheetRow.omit({ pendingBills: true, pendingTotal: true }).extend({
  bills: z.array(FieldBill),
  /** Change is rounded up to this many pesos. */
  cashRoundingStep: z.number().int().positive(),
});
export type FieldSubscriber = z.infer<typeof FieldSubscriber>;

export const FieldPaymentView = z.object({
  id: z.string(),
  receiptNumber: z.string(),
  codigoInterno: z.number().int(),
  holderName: z.string(),
  billNumber: z.number().int(),
  period: z.string(),
  /** What the payment settles: the bill's total, or more (saldo a favor). */
  amount: z.number().int(),
  cash: z.number().int(),
  transfer: z.number().int(),
  change: z.number().int(),
  /** `Nequi 12345678`, for a transfer. */
  transferReference: z.string().nullable(),
  takenAt: z.string(),
  state: z.enum(['valid', 'voided']),
  /** Spanish, as printed: saldo a favor. */
  warning: z.string().nullable(),
  /** The reason, once the collector flagged it «para anular en la oficina». */
  flaggedForOffice: z.string().nullable(),
});
export type FieldPaymentView = z.infer<typeof FieldPaymentView>;

/** What «Preparar salida» found (src-main/field/field-prepare.ts). */
export const FieldPrepareResult = z.object({
  /** The replica matches the server for every route: a collection day may open. */
  ok: z.boolean(),
  /** When this check ended (ISO). */
  preparedAt: z.string(),
  /** The data's age: the replica's last successful pull (ISO). */
  dataAsOf: z.string().nullable(),
  /** The replica's rows per route. */
  routes: z.array(
    z.object({
      route: z.string(),
      subscribers: z.number().int().nonnegative(),
      bills: z.number().int().nonnegative(),
      payments: z.number().int().nonnegative(),
    }),
  ),
  /** Spanish, one per table and route that differs: «Faltan 12 facturas de la ruta 01-001: vuelva a descargar.» */
  differences: z.array(z.string()),
  /** Spanish, the outcome in one sentence. */
  message: z.string(),
});
export type FieldPrepareResult = z.infer<typeof FieldPrepareResult>;

/** The largest payment a collector takes on foot: more is refused, never typed by mistake. */
export const maxFieldAmount = 20_000_000;

export const fieldOps = {
  'field.signIn': defineOperation({
    summary: 'A collector (cajero or supervisor) signs in on the field laptop; works offline. Gives a staff session.',
    reach: 'local',
    modes: fieldOnly,
    auth: openToAll,
    input: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }).strict(),
    output: z.object({ staffSession, staff: StaffGrant.omit({ grantId: true }) }),
  }),
  'field.signOut': defineOperation({
    summary: 'Ends the staff session (the collection day stays open).',
    reach: 'local',
    modes: fieldOnly,
    auth: openToAll,
    input: z.object({ staffSession }).strict(),
    output: z.object({ signedOut: z.literal(true) }),
  }),
  'field.status': defineOperation({
    summary: 'The data’s age, the unsent payments and today’s collection day.',
    reach: 'local',
    modes: fieldOnly,
    auth: counterStaff,
    input: z.object({ staffSession }).strict(),
    output: FieldStatus,
  }),
  'field.prepare': defineOperation({
    summary:
      '«Preparar salida»: catches up the replica, compares its row counts and checksums per route with the central server’s, and records the outcome (a new collection day opens only after an ok). `redownload` first empties the routes’ rows and downloads them again (the outbox stays).',
    reach: 'server',
    modes: fieldOnly,
    auth: counterStaff,
    input: z.object({ staffSession, redownload: z.boolean().default(false) }).strict(),
    output: FieldPrepareResult,
  }),
  'field.openDay': defineOperation({
    summary:
      'Opens today’s collection day (a cash session; an earlier day still open ends, to be handed over at the office). Today’s, if already open. A new day is refused until «Preparar salida» ended ok for the routes the replica holds.',
    reach: 'local',
    modes: fieldOnly,
    auth: counterStaff,
    input: z.object({ staffSession }).strict(),
    output: FieldDayView,
  }),
  'field.routeSheet': defineOperation({
    summary:
      'The subscribers of the device’s routes in route order with their owed bills; a query finds by código interno, meter serial or address.',
    reach: 'local',
    modes: fieldOnly,
    auth: counterStaff,
    input: z
      .object({
        staffSession,
        query: z.string().trim().max(60).default(''),
        /** Route order from this código de ruta on (exclusive), for the next page. */
        after: z.string().max(40).optional(),
        limit: z.number().int().min(1).max(100).default(40),
      })
      .strict(),
    output: z.object({ rows: z.array(RouteSheetRow), more: z.boolean() }),
  }),
  'field.subscriber': defineOperation({
    summary:
      'A subscriber of the routes with their bills, each marked owed or not and whether it may be paid elsewhere.',
    reach: 'local',
    modes: fieldOnly,
    auth: counterStaff,
    input: z.object({ staffSession, codigoInterno: CodigoInterno }).strict(),
    output: FieldSubscriber,
  }),
  'field.collect': defineOperation({
    summary:
      'Collects one owed bill in cash (change rounded up) or by transfer (reference required): payment + receipt number + outbox event in one commit (the counter’s code), then the receipt printed if there is a printer.',
    reach: 'local',
    modes: fieldOnly,
    auth: counterStaff,
    input: z
      .object({
        staffSession,
        codigoInterno: CodigoInterno,
        billNumber: z.number().int().positive(),
        /** What the subscriber pays: the bill’s total, or more (the excess is saldo a favor). */
        amount: z
          .number({ error: 'Escriba el valor a pagar.' })
          .int({ error: 'El valor es en pesos, sin centavos.' })
          .positive({ error: 'El valor a pagar debe ser mayor que cero.' })
          .max(maxFieldAmount, { error: 'El valor a pagar es demasiado alto para un cobro en terreno.' }),
        tender: FieldTender,
        /** The collector asked and the subscriber has not paid it elsewhere (a bill with `paidElsewhereRisk`). */
        notPaidElsewhere: z.literal(true).optional(),
        /** The collector confirmed an amount above the bill (saldo a favor). */
        aboveBillConfirmed: z.literal(true).optional(),
      })
      .strict(),
    output: z.object({ payment: FieldPaymentView }).merge(printed),
  }),
  'field.days': defineOperation({
    summary: 'The collection days on this laptop, newest first, with their totals by tender.',
    reach: 'local',
    modes: fieldOnly,
    auth: counterStaff,
    input: z.object({ staffSession }).strict(),
    output: z.object({ days: z.array(FieldDayView) }),
  }),
  'field.dayPayments': defineOperation({
    summary: 'A collection day’s payments, newest first.',
    reach: 'local',
    modes: fieldOnly,
    auth: counterStaff,
    input: z.object({ staffSession, dayId: z.string().min(16).max(64) }).strict(),
    output: z.object({ day: FieldDayView, payments: z.array(FieldPaymentView) }),
  }),
  'field.reprint': defineOperation({
    summary: 'Prints a payment’s receipt again, marked COPIA.',
    reach: 'local',
    modes: fieldOnly,
    auth: counterStaff,
    input: z.object({ staffSession, paymentId: z.string().min(1).max(64) }).strict(),
    output: printed,
  }),
  'field.flagVoid': defineOperation({
    summary:
      'Flags a payment «para anular en la oficina» with a reason, when no supervisor is at hand to void it on the laptop (field.voidPayment): a supervisor voids it at the office counter.',
    reach: 'local',
    modes: fieldOnly,
    auth: counterStaff,
    input: z
      .object({
        staffSession,
        paymentId: z.string().min(1).max(64),
        reason: z.string().trim().min(5, 'Escriba el motivo (al menos 5 letras).').max(200),
      })
      .strict(),
    output: z.object({ payment: FieldPaymentView }),
  }),
  'field.voidPayment': defineOperation({
    summary:
      'Voids a payment of this laptop with a supervisor present (their user and password, never the collector who took it) and a reason, while its day is not handed over: the payment marked voided, an audit line and the supervisor’s signed `payment.voided` event in one commit. A payment flagged for the office may be voided this way.',
    reach: 'local',
    modes: fieldOnly,
    auth: counterStaff,
    input: z
      .object({
        staffSession,
        paymentId: z.string().min(1).max(64),
        reason: z
          .string()
          .trim()
          .min(5, 'Escriba el motivo (al menos 5 letras).')
          .max(200, 'El motivo admite hasta 200 letras.'),
        supervisor: z
          .object({
            username: z.string().trim().min(1, 'Escriba el usuario del supervisor.').max(64),
            password: z.string().min(1, 'Escriba la contraseña del supervisor.').max(256),
          })
          .strict(),
      })
      .strict(),
    output: z.object({ payment: FieldPaymentView }),
  }),
};
