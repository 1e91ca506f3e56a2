/**
 * How a bought certificate's copy ends (docs/certificates.md). The price of each copy is held on
 * the wallet when the purchase is made; what the dispenser says about the copy moves that hold:
 *
 * - `held`: issued, on its way to the dispenser;
 * - `delivered`: the dispenser completed the job — the hold is settled into revenue;
 * - `refunded`: the job was aborted, canceled or refused — the hold goes back to the wallet;
 * - `unknown`: no answer in time — the hold stays, the copy can be dispensed again by its code
 *   without a new charge, and staff decide in the console (delivered or refunded).
 *
 * One table of transitions for the server and the screens; any other is refused.
 */
export const issuedCertificateStates = ['held', 'delivered', 'refunded', 'unknown'] as const;
export type IssuedCertificateState = (typeof issuedCertificateStates)[number];

/** Who may move a copy: the kiosk that dispensed it, or staff in the console. */
export type DeliveryActor = 'kiosk' | 'staff';

const transitions: Readonly<
  Record<IssuedCertificateState, Readonly<Record<DeliveryActor, readonly IssuedCertificateState[]>>>
> = {
  // Staff decide a held copy too, but only one its kiosk stopped reporting on (see
  // staffMayDecideHeldAfterMs): a kiosk that died for good leaves its copies held.
  held: { kiosk: ['delivered', 'refunded', 'unknown'], staff: ['delivered', 'refunded'] },
  // The kiosk may still learn the end of a job it lost track of (after a restart it asks the
  // queue again); staff decide the rest.
  unknown: { kiosk: ['delivered', 'refunded'], staff: ['delivered', 'refunded'] },
  delivered: { kiosk: [], staff: [] },
  refunded: { kiosk: [], staff: [] },
};

export function canMoveCertificate(
  from: IssuedCertificateState,
  to: IssuedCertificateState,
  actor: DeliveryActor,
): boolean {
  return transitions[from][actor].includes(to);
}

/** A held copy staff may decide: its kiosk has had this long to report on it. */
export const staffMayDecideHeldAfterMs = 30 * 60_000;

/** What the kiosk reports about one copy's dispensing. */
export const dispenseOutcomes = ['completed', 'failed', 'unknown'] as const;
export type DispenseOutcome = (typeof dispenseOutcomes)[number];

export const stateAfterOutcome: Readonly<Record<DispenseOutcome, IssuedCertificateState>> = {
  completed: 'delivered',
  failed: 'refunded',
  unknown: 'unknown',
};

/** Spanish words for each state, for the console and the verification page. */
export const issuedCertificateStateLabels: Readonly<Record<IssuedCertificateState, string>> = {
  held: 'En entrega',
  delivered: 'Entregado',
  refunded: 'No entregado: valor devuelto al prepago',
  unknown: 'Entrega sin confirmar: en revisión',
};
