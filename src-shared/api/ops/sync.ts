import { z } from 'zod';
import { anyMode, defineOperation, staffModes, openToAll, supervisorGrant } from '../operation';

/** An outbox event the server refused for good, as a supervisor sees it. */
export const ParkedEvent = z.object({
  id: z.string(),
  /** `domain.event`, e.g. `payment.taken`. */
  type: z.string(),
  /** In Spanish, what the event was (e.g. "Pago de $ 52.300 a la factura 2026-10 del código 100005"). */
  summary: z.string(),
  createdAt: z.string(),
  attempts: z.number().int().nonnegative(),
  /** The server's reason, in Spanish. */
  reason: z.string().nullable(),
});
export type ParkedEvent = z.infer<typeof ParkedEvent>;

const grant = z.string().min(16).max(64);

export const syncOps = {
  'sync.now': defineOperation({
    summary: 'Pull and push now instead of waiting for the schedule.',
    reach: 'local',
    modes: anyMode,
    auth: openToAll,
    input: z.object({}).strict(),
    output: z.object({ requested: z.literal(true) }),
  }),
  'sync.parked': defineOperation({
    summary: 'Events the server rejected, parked on this device (supervisor or admin grant).',
    reach: 'local',
    modes: staffModes,
    auth: supervisorGrant,
    input: z.object({ grantId: grant }).strict(),
    output: z.object({ events: z.array(ParkedEvent) }),
  }),
  'sync.resolveParked': defineOperation({
    summary:
      'A supervisor sends a parked event again (`retry`: back to the queue, in its original order) or ' +
      'discards it (`discard`: kept on the device, never sent). Audit-logged.',
    reach: 'local',
    modes: staffModes,
    auth: supervisorGrant,
    input: z
      .object({ grantId: grant, eventId: z.string().min(1).max(64), action: z.enum(['retry', 'discard']) })
      .strict(),
    output: z.object({ state: z.enum(['pending', 'discarded']) }),
  }),
};
