import { z } from 'zod';

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

export const syncEventSchemas = {
  'kiosk.session_ended': KioskSessionEnded,
  'payment.taken': PaymentTaken,
} as const;

export type SyncEventType = keyof typeof syncEventSchemas;

export const isSyncEventType = (type: string): type is SyncEventType => Object.hasOwn(syncEventSchemas, type);
