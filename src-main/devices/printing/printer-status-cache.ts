import type { DeviceStatus } from '../../../src-shared/api/ops/status';
import type { DocumentPrinter, PrinterCondition, PrinterStatus } from '../document-printer/document-printer';

/**
 * The printer's status for the status strip, which every screen polls every few seconds: asking
 * CUPS each time would cost a process per poll. A reading younger than the TTL is returned as
 * it is; an older one is returned too, while a fresh one is fetched behind it; only the very
 * first call waits. Concurrent refreshes share one question to the print system.
 */
export class PrinterStatusCache {
  private last: { status: PrinterStatus; at: number } | null = null;
  private inFlight: Promise<PrinterStatus> | null = null;

  constructor(
    private readonly printer: DocumentPrinter,
    private readonly ttlMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  get printerName(): string | null {
    return this.printer.name;
  }

  async current(): Promise<PrinterStatus> {
    const last = this.last;
    if (last === null) return this.refresh();
    if (this.clock() - last.at >= this.ttlMs) void this.refresh();
    return last.status;
  }

  /** Asks the printer now (the queue does before every job) and keeps the answer. */
  refresh(): Promise<PrinterStatus> {
    this.inFlight ??= this.printer
      .status()
      .catch((): PrinterStatus => ({ condition: 'unknown', detail: 'status check failed' }))
      .then((status) => {
        this.last = { status, at: this.clock() };
        return status;
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  /** Waits for a question in flight, so nothing runs after the app stopped. */
  async stop(): Promise<void> {
    await this.inFlight;
  }
}

/**
 * The status strip's words for a condition. The contract has no "paused" or "missing queue":
 * both mean documents will not come out, which the strip says as "desconectada".
 */
export function stripState(condition: PrinterCondition): DeviceStatus['printer']['state'] {
  switch (condition) {
    case 'ready':
    case 'offline':
    case 'paper-end':
    case 'cover-open':
    case 'not-configured':
    case 'unknown':
      return condition;
    case 'paused':
    case 'not-found':
      return 'offline';
  }
}
