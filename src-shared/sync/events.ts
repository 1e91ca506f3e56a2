import { z } from 'zod';
import { maxCashRounding } from '../cashier/cash-rounding';
import { CloseFigures } from '../cashier/close-figures';
import { ApprovalProof } from './approval';

/**
 * The events devices push (outbox `type` → payload schema). The server refuses, as
 * `rejected`, an event whose type is not here or whose payload does not match: a rejected
 * event is parked on the device for staff and never blocks the ones after it.
 */

const isoInstant = z.iso.datetime({ offset: true });

/** The largest amount the server's `integer` columns hold; anything above is refused, not truncated. */
export const maxPesos = 2_147_483_647;

/** A staff member's username as the server knows it (staff_users.username). */
const StaffName = z.string().min(1).max(64);

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
  /** The bill's value the payment settles (its total): what the bill is credited with. */
  amount: z.number().int().positive().max(maxPesos),
  /**
   * Pesos of `amount` the cash did not bring in because the change was rounded up to a coin the
   * cashier can hand over (src-shared/cashier/cash-rounding.ts): the entity gives them up. The bill
   * counts as paid with `amount`; only the money received (`amount` less this) can become saldo
   * a favor. Absent from events written before the rounding: 0.
   */
  cashRounding: z.number().int().min(0).max(maxCashRounding).default(0),
  paidAt: isoInstant,
  /**
   * What the device says; the server records the channel its mode implies (a counter's
   * payments are `caja`, a field device's `campo`) and never takes this on its word.
   */
  channel: z.enum(['caja', 'campo', 'corresponsal']),
  /** Receipt number of the device's series: the prefix the server issued, a dash, the number. */
  reference: z.string().min(1).max(64),
  /** The cash session it was taken in (opened by an earlier `cash_session.opened`). */
  cashSessionId: z.uuid(),
  /** Staff username of the cashier; must be the session's and an active cashier or supervisor. */
  cashier: StaffName,
});
export type PaymentTaken = z.infer<typeof PaymentTaken>;

/**
 * A counter or field payment voided on the device with a supervisor's credentials. `approval`
 * is the supervisor's signature over the void (src-shared/sync/approval.ts), made with a key
 * only their password yields: the server checks it against its own copy of the key.
 */
export const PaymentVoided = z.object({
  paymentId: z.uuid(),
  reason: z.string().min(1).max(200),
  /** Staff username of the supervisor who approved it. */
  supervisor: StaffName,
  voidedAt: isoInstant,
  /** The cashier at the counter when it was voided. */
  cashier: StaffName,
  approval: ApprovalProof,
});
export type PaymentVoided = z.infer<typeof PaymentVoided>;

/** A cash session opened at a counter (the server keeps it as a record). */
export const CashSessionOpened = z.object({
  sessionId: z.uuid(),
  cashier: StaffName,
  openedAt: isoInstant,
  openingFloat: z.number().int().nonnegative().max(maxPesos),
});
export type CashSessionOpened = z.infer<typeof CashSessionOpened>;

/** A blind close and its arqueo (the server keeps it as a record). */
export const CashSessionClosed = CloseFigures.extend({
  sessionId: z.uuid(),
  cashier: StaffName,
  closedAt: isoInstant,
  /** The supervisor who approved a difference beyond the tolerance, with their signature. */
  approvedBy: StaffName.nullable(),
  approval: ApprovalProof.nullable(),
});
export type CashSessionClosed = z.infer<typeof CashSessionClosed>;

/**
 * A prepaid wallet recharge taken at a counter for a liquidación (docs/counter-recharge.md): the
 * money is in the cash session, the wallet is credited when the central server applies this.
 * `rechargeId` is chosen by the device, so the credit is the same however many times the event
 * arrives (its ledger key is `counter:<rechargeId>`). The server finds the liquidación by its
 * number, never by the device's word about its amount or state.
 */
export const WalletRechargeTaken = z.object({
  rechargeId: z.uuid(),
  /** The liquidación's number (its payment reference, AI 8020 on the volante). */
  liquidationNumber: z.number().int().positive().max(9_999_999_999),
  /** What the citizen paid and the receipt says: the pesos the wallet is credited with. */
  amount: z.number().int().positive().max(maxPesos),
  /** Pesos of `amount` the cash did not bring in (change rounded up), given up by the entity as for bills. */
  cashRounding: z.number().int().min(0).max(maxCashRounding),
  takenAt: isoInstant,
  /**
   * How the counter knew the liquidación: found on the central server (`server`), read from the
   * volante's barcode offline (`barcode`), or its number and amount typed offline (`typed`).
   * For the record only: the server checks the liquidación itself.
   */
  found: z.enum(['server', 'barcode', 'typed']),
  /** Receipt number of the device's series, shared with its bill payments. */
  reference: z.string().min(1).max(64),
  cashSessionId: z.uuid(),
  cashier: StaffName,
});
export type WalletRechargeTaken = z.infer<typeof WalletRechargeTaken>;

/** One collection day of a handover, as the laptop's records give it (valid payments only). */
export const FieldHandoverDay = z.object({
  /** The day's cash session (opened by an earlier `cash_session.opened` of the same laptop). */
  sessionId: z.uuid(),
  payments: z.number().int().nonnegative().max(1_000_000),
  /** What the day's bills were credited with: the sum of the payments' `amount`. */
  amount: z.number().int().nonnegative().max(maxPesos),
  /** Cash kept (received less change) and transfers: what the collector must hand over. */
  cash: z.number().int().nonnegative().max(maxPesos),
  transfer: z.number().int().nonnegative().max(maxPesos),
});
export type FieldHandoverDay = z.infer<typeof FieldHandoverDay>;

/**
 * The entrega de recaudo (docs/field-mode.md): a collector's days handed over at the office,
 * counted blind by a supervisor at the laptop. The supervisor signs the count
 * (`handoverApprovalMessage`); the server closes the days' cash sessions and keeps the count
 * beside its own figures for the same sessions.
 */
export const FieldHandover = z.object({
  handoverId: z.uuid(),
  /** Staff username of the collector whose days these are (each session's cashier). */
  collector: StaffName,
  /** The supervisor who counted and signed. */
  supervisor: StaffName,
  handedAt: isoInstant,
  days: z.array(FieldHandoverDay).min(1).max(62),
  countedCash: z.number().int().nonnegative().max(maxPesos),
  countedTransfer: z.number().int().nonnegative().max(maxPesos),
  /** Counted minus expected, both tenders; negative = money missing. */
  difference: z.number().int().min(-maxPesos).max(maxPesos),
  approval: ApprovalProof,
});
export type FieldHandover = z.infer<typeof FieldHandover>;

export const syncEventSchemas = {
  'kiosk.session_ended': KioskSessionEnded,
  'payment.taken': PaymentTaken,
  'payment.voided': PaymentVoided,
  'cash_session.opened': CashSessionOpened,
  'cash_session.closed': CashSessionClosed,
  'cashier.wallet_recharge_taken': WalletRechargeTaken,
  'field.handover': FieldHandover,
} as const;

export type SyncEventType = keyof typeof syncEventSchemas;

/** An event as the device's write path takes it: the payload typed by its kind. */
export type SyncEvent = {
  [K in SyncEventType]: { readonly type: K; readonly payload: z.input<(typeof syncEventSchemas)[K]> };
}[SyncEventType];

export const isSyncEventType = (type: string): type is SyncEventType => Object.hasOwn(syncEventSchemas, type);
