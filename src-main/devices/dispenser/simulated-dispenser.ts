import type { DispenseDocument, DispenseResult, Dispenser, DispenserStatus } from './dispenser';

/**
 * A certificate dispenser in memory, for development and tests (docs/architecture.md): a stack
 * of sheets, one per document, and faults on request — the next dispense jams (and the
 * dispenser stays jammed until cleared), or stops answering after taking the document; a
 * dispense can be held mid-way, as a power cut would find it. It keeps what came out, so a
 * test counts certificates, not calls.
 */
export class SimulatedDispenser implements Dispenser {
  readonly name = 'simulador';
  /** Documents that came out whole, in order. */
  readonly dispensed: DispenseDocument[] = [];
  private jammed = false;
  private online = true;
  private readonly faults: ('ok' | 'jam' | 'no-answer')[] = [];
  private gate: Promise<void> | null = null;

  /** `lowAt`: from this many sheets down to one, the status warns `paperLow`. */
  constructor(
    private sheets = 50,
    private readonly lowAt = 5,
  ) {}

  status(): Promise<DispenserStatus> {
    const paperLow = this.sheets > 0 && this.sheets <= this.lowAt;
    return Promise.resolve({ condition: this.condition(), detail: null, paperLow });
  }

  async dispense(document: DispenseDocument): Promise<DispenseResult> {
    const before = this.condition();
    if (before !== 'ready') return { kind: 'stopped', condition: before, detail: 'not ready' };
    const gate = this.gate;
    this.gate = null;
    if (gate !== null) await gate;
    const fault = this.faults.shift();
    if (fault === 'jam') {
      this.jammed = true;
      this.sheets -= 1;
      return { kind: 'stopped', condition: 'jammed', detail: 'sheet stuck at the presenter' };
    }
    this.sheets -= 1;
    this.dispensed.push(document);
    // It came out, but the answer did not reach us.
    if (fault === 'no-answer') return { kind: 'no-answer', detail: 'no answer after the document was taken' };
    return { kind: 'dispensed' };
  }

  /** The next dispense goes well: a place in the list of faults, so the one after can fail. */
  passNext(): void {
    this.faults.push('ok');
  }

  /** The next dispense jams; the dispenser reports `jammed` until `clearJam`. */
  jamNext(): void {
    this.faults.push('jam');
  }

  /** The next dispense gives out the document and never says so. */
  loseNextAnswer(): void {
    this.faults.push('no-answer');
  }

  clearJam(): void {
    this.jammed = false;
  }

  loadPaper(sheets: number): void {
    this.sheets += sheets;
  }

  setOnline(online: boolean): void {
    this.online = online;
  }

  /** Holds the next dispense mid-way until the returned function is called. */
  hold(): () => void {
    let release = (): void => undefined;
    this.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    return release;
  }

  private condition(): DispenserStatus['condition'] {
    if (!this.online) return 'offline';
    if (this.jammed) return 'jammed';
    return this.sheets > 0 ? 'ready' : 'paper-out';
  }
}
