import type { DispenserStatus, Dispenser } from '../devices/dispenser/dispenser';

/**
 * The dispenser's status for the status strip, asked at most once per `ttlMs`: every screen
 * polls the strip, and a CUPS dispenser answers over IPP. A purchase never reads this cache; it
 * asks the dispenser itself right before charging.
 */
export class DispenserStatusCache {
  private last: { readonly at: number; readonly status: DispenserStatus } | null = null;
  private asking: Promise<DispenserStatus> | null = null;

  constructor(
    private readonly dispenser: Dispenser,
    private readonly ttlMs = 5_000,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  /** Something happened at the dispenser (a job ended): the next read asks it again. */
  forget(): void {
    this.last = null;
  }

  async current(): Promise<DispenserStatus> {
    const last = this.last;
    if (last !== null && this.clock() - last.at < this.ttlMs) return last.status;
    this.asking ??= this.dispenser.status().then((status) => {
      this.last = { at: this.clock(), status };
      this.asking = null;
      return status;
    });
    return this.asking;
  }
}
