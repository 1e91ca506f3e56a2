import { describe, expect, it } from 'vitest';
import { code128Dots, encodeReceipt } from '../../../src-main/devices/receipt-printer/escpos-encoder';
import { paymentReceipt, sessionReport, type ReceiptFacts } from '../../../src-shared/cashier/receipt-layout';
import { rechargeReceipt } from '../../../src-shared/cashier/recharge-receipt';
import { buildBillDocument } from '../../../src-shared/domain/bill-document';
import { billSlip } from '../../../src-shared/domain/bill-slip';
import { formatCop } from '../../../src-shared/domain/money';
import { ticketReceipt } from '../../../src-shared/tickets/ticket-receipt';
import { sampleCurrentBill, sampleEntity, sampleHistory, sampleSubscriber } from '../../support/bill-fixtures';
import { receiptPapers, type ReceiptModel, type ReceiptPaper } from '../../../src-shared/receipts/receipt-model';
import { receiptTestPage } from '../../../src-shared/receipts/test-page';
import { decodeEscpos, printedLines, type EscposEvent } from '../../support/escpos-decoder';

/**
 * Issue 16 item 4: a field collector's receipt comes out of a 58 mm printer, 32 characters a
 * line of font A, where a counter's 80 mm roll has 48. Every receipt is encoded at both widths
 * and read back as the printer would: no line wider than the roll (a double-size character
 * takes two columns), amounts at the right margin, the totals there, barcodes within the dots.
 */
const facts: ReceiptFacts = {
  entity: {
    name: 'Empresa Ibaguereña de Acueducto y Alcantarillado S.A. E.S.P.',
    nit: '800089809',
    city: 'Ibagué, Tolima',
  },
  deviceName: 'Recaudo en campo ruta 12',
  cashierName: 'MARTHA LUCÍA OYOLA PRADA',
  receiptNumber: 'CAMPO1-000123',
  takenAt: '03/12/2026 10:42',
  codigoInterno: 104233,
  holderName: 'MARÍA FERNANDA ÑÁÑEZ PEÑA DE LOS RÍOS VILLALOBOS',
  billNumber: 20261100000001,
  periodLabel: 'Noviembre de 2026',
  amount: 1_147_580,
  cash: 1_147_580,
  cashReceived: 1_200_000,
  card: 0,
  cardVouchers: [],
  check: 0,
  checks: [],
  change: 52_420,
  rounding: 0,
  warning: 'Factura vencida: se recibió con advertencia porque la entidad la acepta hasta el corte.',
  voided: false,
};

const printed = (pesos: number) => formatCop(pesos).replace('\u00a0', ' ');

async function layout(model: ReceiptModel, paper: ReceiptPaper): Promise<EscposEvent[]> {
  return decodeEscpos(await encodeReceipt(model, { type: 'epson', paper }));
}

/** Every printed line within the roll, counting a double-width character (ESC ! bit 5) as two columns. */
function expectWithin(events: readonly EscposEvent[], paper: ReceiptPaper): void {
  const { columns, dots } = receiptPapers[paper];
  for (const event of events) {
    if (event.kind === 'text') {
      const width = event.line.length * ((event.size & 0x20) !== 0 ? 2 : 1);
      expect(width, `«${event.line}» on a ${paper} mm roll`).toBeLessThanOrEqual(columns);
    }
    if (event.kind === 'raster') expect(event.widthDots).toBeLessThanOrEqual(dots);
    if (event.kind === 'barcode') expect(code128Dots(event.data)).toBeLessThanOrEqual(dots);
  }
}

describe.each([58, 80] as const)('receipts on a %i mm roll', (paper) => {
  const { columns } = receiptPapers[paper];

  it('lays out a counter payment receipt: no line too wide, the amounts at the right margin', async () => {
    const events = await layout(paymentReceipt(facts, false), paper);
    expectWithin(events, paper);
    const lines = printedLines(events);
    for (const [label, pesos] of [
      ['VALOR PAGADO', facts.amount],
      ['Efectivo recibido', facts.cashReceived],
      ['Cambio', facts.change],
    ] as const) {
      const line = lines.find((l) => l.startsWith(label));
      expect(line, label).toBeDefined();
      expect(line).toMatch(new RegExp(`^${label} +${printed(pesos).replace(/[$.]/g, '\\$&')}$`));
      expect(line?.length, `${label} ends at the margin`).toBe(columns);
    }
    expect(lines).toContain('RECIBO DE CAJA');
    expect(lines.join(' ')).toContain('MARÍA FERNANDA ÑÁÑEZ PEÑA DE LOS');
    expect(lines.join(' ')).toContain('se recibió con advertencia');
    expect(events).toContainEqual(expect.objectContaining({ kind: 'barcode', data: 'CAMPO1-000123' }));
  });

  it('lays out a reprint and a voided payment with their marks within the roll', async () => {
    const copy = await layout(paymentReceipt({ ...facts, voided: true }, true), paper);
    expectWithin(copy, paper);
    expect(printedLines(copy)).toEqual(expect.arrayContaining(['*** COPIA ***', '*** PAGO ANULADO ***']));
  });

  it('lays out a Z report with its arqueo and totals', async () => {
    const events = await layout(
      sessionReport({
        entity: facts.entity,
        deviceName: facts.deviceName,
        cashierName: facts.cashierName,
        openedAt: '03/12/2026 06:10',
        printedAt: '03/12/2026 18:02',
        openingFloat: 200_000,
        totals: {
          payments: 34,
          voided: 1,
          billed: 12_345_678,
          recharges: 2,
          recharged: 100_000,
          cash: 12_445_628,
          card: 0,
          check: 0,
          rounding: 50,
          collected: 12_445_628,
        },
        parkedMoneyEvents: 2,
        close: {
          closedAt: '03/12/2026 18:02',
          expectedCash: 12_645_628,
          countedCash: 12_644_628,
          expectedCard: 0,
          countedCard: 0,
          expectedCheck: 0,
          countedCheck: 0,
          difference: -1_000,
          approvedBy: 'CARLOS ANDRÉS SUPERVISOR',
        },
      }),
      paper,
    );
    expectWithin(events, paper);
    const lines = printedLines(events);
    expect(lines).toContainEqual(`TOTAL RECAUDADO${printed(12_445_628).padStart(columns - 'TOTAL RECAUDADO'.length)}`);
    expect(lines).toContainEqual(`DIFERENCIA${printed(-1_000).padStart(columns - 'DIFERENCIA'.length)}`);
  });

  it('lays out a wallet recharge receipt and the test page', async () => {
    const recharge = await layout(
      rechargeReceipt(
        {
          ...facts,
          liquidationNumber: 9_000_123,
          holder: { identification: 'CC 1020304050', name: 'MARÍA FERNANDA ÑÁÑEZ PEÑA' },
          confirmedOnline: false,
          amount: 50_000,
        },
        false,
      ),
      paper,
    );
    expectWithin(recharge, paper);
    const test = await layout(receiptTestPage('Recaudo en campo ruta 12', columns, '03/12/2026 10:42'), paper);
    expectWithin(test, paper);
    expect(printedLines(test)).toContain(`Ancho del rollo: ${columns} caracteres`);
  });
});

describe.each([58, 80] as const)('slips on a %i mm roll', (paper) => {
  it("lays out a bill's slip, its payment barcode as an image the width of the roll", async () => {
    const doc = buildBillDocument({
      mode: 'current',
      entity: sampleEntity,
      subscriber: sampleSubscriber,
      bill: sampleCurrentBill,
      history: sampleHistory,
    });
    if (!doc.ok) throw new Error(doc.error.message);
    const events = await layout(billSlip(doc.value), paper);
    expectWithin(events, paper);
    const { columns, dots } = receiptPapers[paper];
    expect(printedLines(events)).toContainEqual(`TOTAL A PAGAR${printed(147_580).padStart(columns - 13)}`);
    expect(events).toContainEqual(expect.objectContaining({ kind: 'raster', widthDots: dots }));
  });

  it("lays out a support ticket's number slip, the number large and as a barcode", async () => {
    const events = await layout(
      ticketReceipt(
        {
          number: 'TK-2026-000999',
          subject: 'Cobro doble',
          categoryLabel: 'Facturación y cobros',
          createdAt: '2026-12-03T15:42:00.000Z',
          email: 'maria.fernanda.nanez@example.com',
        },
        '2026-12-03T15:43:00.000Z',
      ),
      paper,
    );
    expectWithin(events, paper);
    expect(events).toContainEqual(expect.objectContaining({ kind: 'text', line: 'TK-2026-000999' }));
    expect(events).toContainEqual(expect.objectContaining({ kind: 'barcode', data: 'TK-2026-000999' }));
  });
});

describe('the receipt number barcode on a 58 mm roll', () => {
  it('is printed when it fits the 384 dots, and left out (the number stays in text) when it would not', async () => {
    expect(code128Dots('CAJA1-000001')).toBeLessThanOrEqual(384);
    const long = { ...facts, receiptNumber: 'RECAUDOCAM-000123' };
    const narrow = await layout(paymentReceipt(long, false), 58);
    expect(narrow.some((e) => e.kind === 'barcode')).toBe(false);
    expect(printedLines(narrow)).toContainEqual(expect.stringMatching(/^Recibo Nº +RECAUDOCAM-000123$/));
    const wide = await layout(paymentReceipt(long, false), 80);
    expect(wide).toContainEqual(expect.objectContaining({ kind: 'barcode', data: 'RECAUDOCAM-000123' }));
  });
});
