/**
 * A liquidación (docs/wallet.md): what a citizen asks to pay into their prepaid wallet before
 * paying it. It has a number, a type (`prepago`), an amount, a state and a short recovery code
 * that lets the citizen resume it later («Recuperar transacción»).
 */
export const liquidationKinds = ['prepago'] as const;
export type LiquidationKind = (typeof liquidationKinds)[number];

/**
 * - `pendiente`: waiting for its payment, until it expires.
 * - `pagada`: a payment arrived and the wallet was credited (once).
 * - `vencida`: its expiry passed unpaid; a bank may still pay it late (credited and flagged).
 * - `anulada`: staff annulled it; a payment arriving later is still credited as balance and flagged.
 */
export const liquidationStates = ['pendiente', 'pagada', 'vencida', 'anulada'] as const;
export type LiquidationState = (typeof liquidationStates)[number];

/** The three ways a liquidación is paid. */
export const paymentChannels = ['gateway', 'bank', 'counter'] as const;
export type PaymentChannel = (typeof paymentChannels)[number];

export const paymentChannelLabel: Record<PaymentChannel, string> = {
  gateway: 'Pago en línea',
  bank: 'Banco o corresponsal',
  counter: 'Caja de la oficina',
};

/**
 * What a payment that reached a liquidación did:
 * - `paid`: it settled the liquidación; the wallet was credited.
 * - `late`: it paid a liquidación already `vencida` or `anulada`: credited, flagged for staff.
 * - `extra`: the liquidación was already paid (another channel got there first): the amount is
 *   credited as balance all the same and flagged — never lost.
 */
export const paymentOutcomes = ['paid', 'late', 'extra'] as const;
export type PaymentOutcome = (typeof paymentOutcomes)[number];

/**
 * What staff must look at (the console's «Revisiones»):
 * - `paid-after-expiry`, `paid-twice`: credited, only to be acknowledged.
 * - `unknown-reference`, `amount-mismatch`: money that arrived but was not applied (parked), to
 *   be applied to a liquidación or returned, with the record's raw line.
 * - `gateway-mismatch`: a gateway event whose amount, currency or reference disagreed.
 */
export const reviewKinds = [
  'paid-after-expiry',
  'paid-twice',
  'unknown-reference',
  'amount-mismatch',
  'gateway-mismatch',
] as const;
export type ReviewKind = (typeof reviewKinds)[number];

/** The statuses of an online gateway's transaction (Wompi's). */
export const gatewayStatuses = ['PENDING', 'APPROVED', 'DECLINED', 'VOIDED', 'ERROR'] as const;
export type GatewayStatus = (typeof gatewayStatuses)[number];

/** How a bank file's record ended (docs/bank-files.md). */
export const bankRecordOutcomes = ['applied', 'unknown-reference', 'amount-mismatch'] as const;
export type BankRecordOutcome = (typeof bankRecordOutcomes)[number];

/** The ledger owner of a citizen's wallet: its identification, `CC 1020304050` without dots. */
export const walletOwnerRef = (docType: string, docNumber: string): string => `${docType} ${docNumber}`;
