/**
 * The states of a bill, defined once (the server's check constraint `bills_state_check`, the
 * replica, the contract and the screens all take them from here).
 *
 * - `pendiente`: issued, not paid, before its due date.
 * - `vencida`: not paid after its due date.
 * - `pagada`: paid (by any channel).
 * - `anulada`: annulled by the entity and reissued under another number.
 */
export const billStates = ['pagada', 'pendiente', 'vencida', 'anulada'] as const;
export type BillState = (typeof billStates)[number];

export const isBillState = (value: string): value is BillState => (billStates as readonly string[]).includes(value);

/** The states in which the bill's total is still owed. */
export const owedBillStates: readonly BillState[] = ['pendiente', 'vencida'];

/** The ways money reaches the entity, defined once (`payments_channel_check`). */
export const paymentChannels = ['banco', 'caja', 'campo', 'en-linea', 'corresponsal'] as const;
export type PaymentChannel = (typeof paymentChannels)[number];
