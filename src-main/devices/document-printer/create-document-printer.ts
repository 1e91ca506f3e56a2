import { CupsPrinter, type CupsPrinterOptions } from './cups/cups-printer';
import type { DocumentPrinter } from './document-printer';
import { UnavailablePrinter } from './unavailable-printer';

/**
 * The seam for Windows (and, if ever wanted, macOS without CUPS's tools): a driver built on
 * Electron's `webContents.print({ deviceName, silent: true })` that loads the PDF in a hidden
 * window. It can only live in `src-main/electron/` (the only place allowed to import electron),
 * so the Electron host passes it in here. Not written yet: Electron cannot run on the build
 * machines (docs/architecture.md), so it could not be tested.
 */
export type ElectronPrinterFactory = (printerName: string) => DocumentPrinter;

export interface DocumentPrinterChoice {
  /** `config.printers.document`: a CUPS queue name, or null for none. */
  readonly printerName: string | null;
  readonly platform: NodeJS.Platform;
  readonly electronPrinter?: ElectronPrinterFactory | undefined;
  readonly cups?: CupsPrinterOptions;
}

/** CUPS where the OS has it (Linux, macOS); Electron's printing where the host provides it; else none. */
export function createDocumentPrinter(choice: DocumentPrinterChoice): DocumentPrinter {
  const name = choice.printerName;
  if (name === null) return new UnavailablePrinter('not-configured');
  if (choice.platform === 'win32') {
    return choice.electronPrinter?.(name) ?? new UnavailablePrinter('unsupported-platform', name);
  }
  return new CupsPrinter(name, choice.cups);
}
