/**
 * The certificate dispenser behind an interface (STYLE §11; docs/architecture.md): a kiosk's
 * printer-and-presenter that pushes a certificate out to the citizen. The certificates feature
 * will run each dispense as a persisted job (`dispense-work.ts` over the job runner), so a jam
 * is reported and refunded, and a dispense the power cut short is `unknown` — never refunded
 * and never dispensed again by itself. Implementations: `SimulatedDispenser` (development and
 * tests); `CupsDispenser` (`ipp/cups-dispenser.ts`), a CUPS queue watched over IPP.
 */

/** What the dispenser says about itself, in our words. */
export const dispenserConditions = ['ready', 'paper-out', 'jammed', 'offline', 'unknown'] as const;
export type DispenserCondition = (typeof dispenserConditions)[number];

export interface DispenserStatus {
  readonly condition: DispenserCondition;
  /** The device's own words, for logs and staff; may be English. */
  readonly detail: string | null;
  /**
   * The device warns that paper is running low (IPP `media-low`) while it can still dispense:
   * shown to staff, and the feature decides whether a purchase of several copies may start.
   * Absent when the device does not tell.
   */
  readonly paperLow?: boolean;
}

/** A document to dispense: a certificate's PDF and a short title. */
export interface DispenseDocument {
  /** For logs and staff screens; never personal data. */
  readonly title: string;
  readonly contentType: string;
  readonly content: Uint8Array;
}

/** How one dispense ended, as the device tells it. */
export type DispenseResult =
  /** The document came out whole and was presented. */
  | { readonly kind: 'dispensed' }
  /** It stopped and the document did not come out whole (a jam, paper out mid-way, offline before starting). */
  | {
      readonly kind: 'stopped';
      readonly condition: Exclude<DispenserCondition, 'ready'>;
      readonly detail: string | null;
    }
  /** It took the document and then stopped answering: the document may have come out. */
  | { readonly kind: 'no-answer'; readonly detail: string };

/** What the caller of a dispense may hear before it ends. */
export interface DispenseHooks {
  /**
   * Called once, when the device has taken the document and named the job (a CUPS job id),
   * before the job ends. The caller persists it, so that after a restart the job is followed by
   * that name (`Dispenser.follow`) and never sent again.
   */
  readonly onHandedOver?: (deviceRef: string) => void;
  /**
   * True once the caller is stopping (the app quits): a dispenser following a job stops asking
   * and answers `no-answer`, and the device keeps the job, to be followed after the restart.
   */
  readonly stopping?: () => boolean;
  /** The caller's pause between two questions, which its stop cuts short; the dispenser's own timer otherwise. */
  readonly pause?: (ms: number) => Promise<void>;
}

export interface Dispenser {
  /** How logs name it (a CUPS queue, `simulador`). */
  readonly name: string;
  /** Asks the device now; never throws (one that does not answer is `offline` or `unknown`). */
  status(): Promise<DispenserStatus>;
  /** Prints and presents one document; never throws (every ending is a `DispenseResult`). */
  dispense(document: DispenseDocument, hooks?: DispenseHooks): Promise<DispenseResult>;
  /**
   * How a job the device already took ends, found by the name `onHandedOver` gave: followed as
   * `dispense` follows it, never sent again. Never throws. Absent on a dispenser that cannot be
   * asked about a job (the simulator): such a job is `unknown` after a restart.
   */
  follow?(deviceRef: string, hooks?: Pick<DispenseHooks, 'stopping' | 'pause'>): Promise<DispenseResult>;
}
