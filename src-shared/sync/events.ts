import { z } from 'zod';
import { CloseFigures } from '../cashier/close-figures';

/**
 * The events devices push (outbox `type` → payload schema). The server refuses, as
 * `rejected`, an event whose type is not here or whose payload does not match: a rejected
 * event is parked on the device for staff and never blocks the ones after it.
 */

const isoInstant = z.iso.datetime({ offset: true });

export const KioskSessionEnded = z.object({
  reason: z.enum(['idle', 'user']),
  durationSeconds: z.number().int().nonnegative(),
  at: isoInstant,
  deviceId: z.string().nullable().optional(),
});

/**
 * Money received at a counter or in the field for one bill. The payment's id is chosen by
 * the device, so the payment row is the same however many times the event arrives.
 */
export const PaymentTaken = z.object({
  paymentId: z.uuid(),
  codigoInterno: z.number().int().positive(),
  billNumber: z.number().int().positive(),
  period: z.string().regex(/^\d{4}-\d{2}$/),
  amount: z.number().int().positive(),
  paidAt: isoInstant,
  channel: z.enum(['caja', 'corresponsal']),
  /** Receipt number of the device's series. */
  reference: z.string().min(1).max(64),
});
export type PaymentTaken = z.infer<typeof PaymentTaken>;

/** A counter payment voided on the device with a supervisor's credentials. */
export const PaymentVoided = z.object({
  paymentId: z.uuid(),
  reason: z.string().min(1).max(200),
  /** Staff username of the supervisor who approved it. */
  supervisor: z.string().min(1).max(64),
  voidedAt: isoInstant,
});
export type PaymentVoided = z.infer<typeof PaymentVoided>;

/** A cash session opened at a counter (the server keeps it as a record). */
export const CashSessionOpened = z.object({
  sessionId: z.uuid(),
  cashier: z.string().min(1).max(64),
  openedAt: isoInstant,
  openingFloat: z.number().int().nonnegative(),
});

/** A blind close and its arqueo (the server keeps it as a record). */
export const CashSessionClosed = CloseFigures.extend({
  sessionId: z.uuid(),
  cashier: z.string().min(1).max(64),
  closedAt: isoInstant,
  approvedBy: z.string().nullable(),
});

export const syncEventSchemas = {
  'kiosk.session_ended': KioskSessionEnded,
  'payment.taken': PaymentTaken,
  'payment.voided': PaymentVoided,
  'cash_session.opened': CashSessionOpened,
  'cash_session.closed': CashSessionClosed,
} as const;

export type SyncEventType = keyof typeof syncEventSchemas;

export const isSyncEventType = (type: string): type is SyncEventType => Object.hasOwn(syncEventSchemas, type);
