import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bands, page } from '../../../src-main/documents/bill-pdf-layout';
import { billPdfFileName, renderBillPdf } from '../../../src-main/documents/bill-pdf';
import { buildBillDocument, type BillDocument, type BillDocumentInput } from '../../../src-shared/domain/bill-document';
import type { EntitySetting } from '../../../src-shared/domain/entity-setting';
import { GS } from '../../../src-shared/domain/gs1-128';
import { parseScannedPayment } from '../../../src-shared/domain/gs1-128-scan';
import {
  sampleBill,
  sampleCurrentBill,
  sampleEntity,
  sampleHistory,
  sampleSubscriber,
} from '../../support/bill-fixtures';
import { tempDir } from '../../support/temp-dir';
import { decodeBarcodes, describeBarcodes, pdfText, renderPng, watermarkPixels } from '../../support/poppler-zbar';

/**
 * The bill PDF read back by poppler and zbar: the text a citizen reads, and the payment barcode
 * decoded from a 300 dpi render to exactly the GS1 data a bank's scanner would send. zbar
 * 0.23 (Debian 12) prints GS1-128 with --raw as the element string with ASCII GS (0x1D) for
 * each separator FNC1 and no `]C1` prefix; its XML report marks the leading FNC1 as
 * modifiers='GS1'.
 */

const dir = tempDir('bill-pdf');
afterAll(() => dir.remove());

function documentFor(input: Partial<BillDocumentInput>): BillDocument {
  const result = buildBillDocument({
    mode: 'current',
    entity: sampleEntity,
    subscriber: sampleSubscriber,
    bill: sampleCurrentBill,
    history: sampleHistory,
    ...input,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function writePdf(name: string, doc: BillDocument): Promise<string> {
  const file = path.join(dir.path, name);
  writeFileSync(file, await renderBillPdf(doc));
  return file;
}

/** The coupon band, where the barcode is: from the coupon's cut line down 140 pt. */
const couponCrop = { top: page.height - bands.couponTop, height: 140 };

describe('current bill PDF', () => {
  let file = '';
  beforeAll(async () => {
    file = await writePdf('current.pdf', documentFor({}));
  });

  it('reads back with the entity, its NIT with check digit, the account, the total and the due date', async () => {
    const textOut = await pdfText(file);
    expect(textOut).toContain('Empresa Ibaguereña de Acueducto y');
    expect(textOut).toContain('NIT 800.089.809-6');
    expect(textOut).toContain('María Fernanda Ñáñez Peña');
    expect(textOut).toMatch(/Código interno[\s\S]*104233/);
    expect(textOut).toContain('03-117-0452');
    expect(textOut).toMatch(/TOTAL A PAGAR\s+\$ 147\.580/);
    expect(textOut).toContain('Pague hasta el 20/03/2026');
    expect(textOut).toContain('Subsidio estrato 2 (40 %)');
    expect(textOut).toMatch(/Saldo anterior\s+\$ 65\.210/);
    expect(textOut).toContain('Consumo del periodo');
    expect(textOut).toContain('17 m³');
    expect(textOut).toContain('Bancos: Bancolombia');
    expect(textOut).toContain('(415)7709998000421(8020)000000104233(3900)0000147580(96)20260320');
    expect(textOut).toContain('Señor cajero: por favor no coloque el sello sobre el código de barras.');
    expect(textOut).not.toContain('FACTURA PAGADA');
  });

  it('has a barcode that decodes to exactly the GS1 element string, with the leading FNC1', async () => {
    const png = await renderPng(file, 300, couponCrop);
    const decoded = await decodeBarcodes(png);
    expect(decoded.symbols).toEqual([`41577099980004218020000000104233${GS}39000000147580${GS}9620260320`]);
    expect(await describeBarcodes(png)).toMatch(/type='CODE-128'[^>]*modifiers='GS1'/);
  });

  it('decodes back through the cashier parser to the reference, amount and due date', async () => {
    const decoded = await decodeBarcodes(await renderPng(file, 300, couponCrop));
    const config = sampleEntity.paymentBarcode;
    if (!config) throw new Error('the sample entity has a convenio');
    expect(parseScannedPayment(decoded.symbols[0] ?? '', config)).toEqual({
      ok: true,
      value: { gln: '7709998000421', reference: '000000104233', amountPesos: 147_580, dueOn: '2026-03-20' },
    });
  });

  it('is one US-letter page with no watermark tint', async () => {
    const pdf = await PDFDocument.load(readFileSync(file));
    expect(pdf.getPages().map((p) => p.getSize())).toEqual([{ width: 612, height: 792 }]);
    // The red notice under the total tints ≈ 70 pixels at 24 dpi; a watermark ≈ 1,500.
    expect(await watermarkPixels(file)).toBeLessThan(300);
    expect(billPdfFileName(documentFor({}))).toBe('factura-104233-2026-03.pdf');
  });
});

describe('barcode lengths from the convenio', () => {
  it('encodes an 18-digit reference and a 14-digit 3902 amount that zbar reads back', async () => {
    const entity: EntitySetting = {
      ...sampleEntity,
      paymentBarcode: { gln: '7709998105867', referenceLength: 18, amountAi: '3902', amountLength: 14 },
    };
    const file = await writePdf('long-convenio.pdf', documentFor({ entity }));
    const decoded = await decodeBarcodes(await renderPng(file, 300, couponCrop));
    expect(decoded.symbols).toEqual([
      `4157709998105867802000000000000010423${'3'}${GS}390200000014758000${GS}9620260320`,
    ]);
  });
});

describe('awkward data', () => {
  it('fits long names, many lines and points, and letters outside WinAnsi, and the barcode still reads', async () => {
    const entity: EntitySetting = {
      ...sampleEntity,
      name: 'Empresa de Servicios Públicos Domiciliarios de Acueducto, Alcantarillado y Aseo del Municipio (demostración larga)',
      paymentPoints: Array.from(
        { length: 8 },
        (_, i) => `Punto de pago número ${i + 1} con un horario muy largo de lunes a domingo`,
      ),
    };
    const many = Array.from({ length: 12 }, (_, i) => ({ concept: `c${i}`, label: `Concepto ${i + 1}`, amount: 1000 }));
    const bill = { ...sampleCurrentBill, lineItems: many, total: 12_000 + sampleCurrentBill.previousBalance };
    const subscriber = {
      ...sampleSubscriber,
      holderName: 'Nguyễn Thị Łucja Ñáñez de la Santísima Trinidad Pérez-Rodríguez ≤ 北',
    };
    const file = await writePdf('awkward.pdf', documentFor({ entity, bill, subscriber }));
    const textOut = await pdfText(file);
    expect(textOut).toContain('Otros conceptos (4)');
    expect(textOut).toMatch(/TOTAL A PAGAR\s+\$ 77\.210/);
    const decoded = await decodeBarcodes(await renderPng(file, 300, couponCrop));
    expect(decoded.symbols).toEqual([`41577099980004218020000000104233${GS}39000000077210${GS}9620260320`]);
  });
});

describe('previous bill PDF', () => {
  let file = '';
  beforeAll(async () => {
    file = await writePdf('previous.pdf', documentFor({ mode: 'previous', bill: sampleBill('2025-12') }));
  });

  it('has no barcode anywhere on the page', async () => {
    expect((await decodeBarcodes(await renderPng(file, 300))).symbols).toEqual([]);
    const textOut = await pdfText(file);
    expect(textOut).not.toContain('(415)');
    expect(textOut).not.toContain('Señor cajero');
    expect(textOut).toContain('Copia informativa, sin código de barras. Para pagar, imprima la factura actual.');
  });

  it('carries its state as a visible diagonal watermark', async () => {
    // Poppler splits text at an angle into single letters, in drawing order: the watermark is
    // drawn last, so its letters close the raw text.
    const raw = (await pdfText(file, 'raw')).replace(/\s+/g, '');
    expect(raw.endsWith('FACTURAPAGADA')).toBe(true);
    expect(await watermarkPixels(file)).toBeGreaterThan(800);
  });

  it('says FACTURA VENCIDA and FACTURA ANULADA for those states', async () => {
    const overdue = await writePdf('overdue.pdf', documentFor({ mode: 'previous', bill: sampleBill('2026-02') }));
    expect((await pdfText(overdue, 'raw')).replace(/\s+/g, '').endsWith('FACTURAVENCIDA')).toBe(true);
    const annulled = await writePdf(
      'annulled.pdf',
      documentFor({ mode: 'previous', bill: sampleBill('2026-01', 'anulada') }),
    );
    expect((await pdfText(annulled, 'raw')).replace(/\s+/g, '').endsWith('FACTURAANULADA')).toBe(true);
  });
});
