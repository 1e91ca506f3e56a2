import type { DocumentPrinter, PrinterStatus, SystemJobState } from './document-printer';
import { PrintFailure } from './document-printer';
import { printMessages } from '../printing/print-messages';

export type UnavailableReason = 'not-configured' | 'unsupported-platform';

/**
 * The printer of a device that cannot print documents: none is configured (the screens then
 * show the PDF to save instead), or the platform has no driver yet. Every job sent here fails
 * with a Spanish reason and stays in the store for a reprint once a printer exists.
 */
export class UnavailablePrinter implements DocumentPrinter {
  constructor(
    private readonly reason: UnavailableReason,
    readonly name: string | null = null,
    /** What a job sent here fails with, when the default (the document printer's words) does not fit. */
    private readonly message: string | null = null,
  ) {}

  status(): Promise<PrinterStatus> {
    return Promise.resolve({
      condition: this.reason === 'not-configured' ? 'not-configured' : 'unknown',
      detail: this.reason,
    });
  }

  submit(): Promise<string> {
    const message =
      this.message ??
      (this.reason === 'not-configured' ? printMessages.notConfigured : printMessages.unsupportedPlatform);
    return Promise.reject(new PrintFailure('permanent', message, this.reason));
  }

  jobState(): Promise<SystemJobState> {
    return Promise.resolve('unknown');
  }

  cancel(): Promise<void> {
    return Promise.resolve();
  }
}
