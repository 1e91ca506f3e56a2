import { BreakLine, CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { receiptPapers, type ReceiptLine, type ReceiptModel } from '../../../src-shared/receipts/receipt-model';
import { receiptPrinterDrawer } from '../cash-drawer/cash-drawer';
import { ladderBarcodePng } from './ladder-barcode';
import type { ReceiptPrinterProfile, ReceiptPrinterType } from './receipt-profile';
import { pairLines, receiptText, wrapText } from './receipt-text';

/**
 * The cut, with the feed left to the printer: each model knows the distance from its head to
 * its blade. EPSON GS V 66 0 feeds to the cutting position and cuts partially; STAR line mode's
 * ESC d 3 does the same. (node-thermal-printer's partialCut sends three ESC d 4 first: some
 * 50 mm of blank paper on every receipt.) Then ESC @, so the next job starts clean.
 */
const partialCutAtCutter: Readonly<Record<ReceiptPrinterType, Buffer>> = {
  epson: Buffer.from([0x1d, 0x56, 66, 0, 0x1b, 0x40]),
  star: Buffer.from([0x1b, 0x64, 0x03, 0x1b, 0x40]),
};

/**
 * A receipt model as printer bytes, with node-thermal-printer as the encoder (EPSON ESC/POS and
 * STAR line mode): initialise, code page 858, then each line. The wrapping is ours, so a label
 * and a value never share a line in a way the library's `leftRight` would overflow.
 * Pure: no printer, no socket (the transport is `escpos-tcp-printer.ts` or a CUPS raw queue).
 */
export async function encodeReceipt(model: ReceiptModel, profile: ReceiptPrinterProfile): Promise<Buffer> {
  const paper = receiptPapers[profile.paper];
  const printer = new ThermalPrinter({
    type: profile.type === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON,
    // No interface: this object only encodes; bytes go out through our own transports.
    interface: '',
    width: paper.columns,
    breakLine: BreakLine.NONE,
  });
  printer.add(Buffer.from([0x1b, 0x40]));
  printer.setCharacterSet(CharacterSet.PC858_EURO);
  for (const line of model.lines) await encodeLine(printer, line, paper.columns, paper.dots, profile.type);
  // The drawer is wired to this printer: it opens as the receipt prints (devices/cash-drawer).
  if (model.openDrawer) printer.add(receiptPrinterDrawer(profile.type).kickBytes());
  if (model.cut) printer.add(partialCutAtCutter[profile.type]);
  return Buffer.from(printer.getBuffer());
}

type Printer = InstanceType<typeof ThermalPrinter>;

/** Dots of the module the receipt's Code 128 is printed with (0.25 mm at 203 dpi, what scanners read). */
const code128ModuleDots = 2;

/**
 * The width in dots of a Code 128 (code set B) symbol of `data`: start, data and check symbols of
 * 11 modules and a 13-module stop. The quiet zones lie in the roll's unprinted margins (about
 * 5 mm either side of a 58 mm roll's 48 mm print area). On 384 dots that is 14 characters at
 * most: `CAJA1-000001` fits, a receipt number with a 10-letter prefix does not.
 */
export function code128Dots(data: string): number {
  return (11 * (data.length + 2) + 13) * code128ModuleDots;
}

async function encodeLine(
  printer: Printer,
  line: ReceiptLine,
  columns: number,
  dots: number,
  type: ReceiptPrinterType,
): Promise<void> {
  switch (line.kind) {
    case 'text': {
      const width = line.large ? Math.floor(columns / 2) : columns;
      if (line.align === 'center') printer.alignCenter();
      else if (line.align === 'right') printer.alignRight();
      if (line.bold) printer.bold(true);
      if (line.large) printer.setTextQuadArea();
      for (const text of wrapText(receiptText(line.text), width)) printer.println(text);
      if (line.large) printer.setTextNormal();
      if (line.bold) printer.bold(false);
      printer.alignLeft();
      return;
    }
    case 'pair':
      if (line.bold) printer.bold(true);
      for (const text of pairLines(receiptText(line.left), receiptText(line.right), columns)) printer.println(text);
      if (line.bold) printer.bold(false);
      return;
    case 'rule':
      printer.println('-'.repeat(columns));
      return;
    case 'feed':
      for (let i = 0; i < line.lines; i += 1) printer.newLine();
      return;
    case 'code128':
      // A symbol wider than the roll is dropped or mangled by the printer; the number is on the receipt in text.
      if (code128Dots(line.data) > dots) return;
      printer.alignCenter();
      if (type === 'star') printer.code128(line.data, { text: 2, width: 'MEDIUM', height: 60 });
      else printer.printBarcode(line.data, 73, { hriPos: 2, hriFont: 0, width: code128ModuleDots, height: 80 });
      printer.newLine();
      printer.alignLeft();
      return;
    case 'gs1-128':
      await printer.printImageBuffer(ladderBarcodePng(line.data, dots));
      printer.alignCenter();
      for (const text of wrapText(line.hri, columns)) printer.println(text);
      printer.alignLeft();
      return;
  }
}
