import { describe, expect, it } from 'vitest';
import { buildBillDocument, type BillDocument, type BillDocumentInput } from '../../../src-shared/domain/bill-document';
import { watermarkFor } from '../../../src-shared/domain/bill-watermark';
import { GS } from '../../../src-shared/domain/gs1-128';
import {
  sampleBill,
  sampleCurrentBill,
  sampleEntity,
  sampleHistory,
  sampleSubscriber,
} from '../../support/bill-fixtures';

const currentInput: BillDocumentInput = {
  mode: 'current',
  entity: sampleEntity,
  subscriber: sampleSubscriber,
  bill: sampleCurrentBill,
  history: sampleHistory,
};

function build(input: BillDocumentInput): BillDocument {
  const result = buildBillDocument(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('watermarkFor', () => {
  it('marks every previous bill with its state, in the guide’s words', () => {
    expect(watermarkFor('previous', 'pagada')).toBe('FACTURA PAGADA');
    expect(watermarkFor('previous', 'vencida')).toBe('FACTURA VENCIDA');
    expect(watermarkFor('previous', 'anulada')).toBe('FACTURA ANULADA');
    // Not "pendiente": the state may change the same day at a bank (documented in the module).
    expect(watermarkFor('previous', 'pendiente')).toBe('COPIA INFORMATIVA');
  });

  it('leaves a payable current bill clean and marks one that must not be paid', () => {
    expect(watermarkFor('current', 'pendiente')).toBeNull();
    expect(watermarkFor('current', 'vencida')).toBeNull();
    expect(watermarkFor('current', 'pagada')).toBe('FACTURA PAGADA');
    expect(watermarkFor('current', 'anulada')).toBe('FACTURA ANULADA');
  });
});

describe('buildBillDocument', () => {
  it('gives the current bill its barcode with the código interno as reference, the total and the due date', () => {
    const doc = build(currentInput);
    expect(doc.payment.kind).toBe('barcode');
    if (doc.payment.kind !== 'barcode') return;
    expect(doc.payment.barcode.hri).toBe('(415)7709998000421(8020)000000104233(3900)0000147580(96)20260320');
    expect(doc.payment.barcode.data).toBe(`41577099980004218020000000104233${GS}39000000147580${GS}9620260320`);
    expect(doc.watermark).toBeNull();
  });

  it('prints the entity NIT with its check digit and the subscriber block', () => {
    const doc = build(currentInput);
    expect(doc.entity.nit).toBe('800.089.809-6'); // 764 mod 11 = 5 → 11 − 5;
    expect(doc.subscriber).toEqual({
      codigoInterno: '104233',
      codigoRuta: '03-117-0452',
      holderName: 'María Fernanda Ñáñez Peña',
      address: 'Carrera 4 No. 12-35, apto 201',
      place: 'Belén, Ibagué',
      estrato: 2,
      uso: 'Residencial',
      meterSerial: 'MED-20318877',
    });
  });

  it('shows dates the Colombian way, the period in words, and the money as stored', () => {
    const { bill } = build(currentInput);
    expect(bill.periodLabel).toBe('Marzo de 2026');
    expect([bill.issuedOn, bill.dueOn, bill.suspensionOn]).toEqual(['05/03/2026', '20/03/2026', '28/03/2026']);
    expect(bill.periodCharges).toBe(82_370);
    expect(bill.previousBalance).toBe(65_210);
    expect(bill.total).toBe(147_580);
    expect(bill.lines.map((l) => l.kind)).toEqual(['charge', 'charge', 'charge', 'charge', 'charge', 'subsidy']);
    expect(bill.stateLabel).toBe('Pendiente de pago');
  });

  it('charts six periods ending at the bill’s, skipping the annulled bill and marking gaps', () => {
    const doc = build(currentInput);
    expect(doc.consumption.map((b) => [b.label, b.consumptionM3])).toEqual([
      ['oct 25', 14],
      ['nov 25', 16],
      ['dic 25', 19],
      ['ene 26', 15],
      ['feb 26', 13],
      ['mar 26', 17],
    ]);
    expect(doc.consumption.at(-1)?.isBillPeriod).toBe(true);
    expect(doc.averageM3).toBe(15); // (14+16+19+15+13)/5 = 15.4
    const older = build({ ...currentInput, bill: sampleBill('2025-11'), mode: 'previous' });
    expect(older.consumption.map((b) => b.consumptionM3)).toEqual([null, null, null, null, 14, 16]);
    expect(older.averageM3).toBe(14);
  });

  it('shows an annulled bill with its own wrong consumption when it is the one asked for', () => {
    const doc = build({ ...currentInput, mode: 'previous', bill: sampleBill('2026-01', 'anulada') });
    expect(doc.consumption.at(-1)?.consumptionM3).toBe(512);
    expect(doc.watermark).toBe('FACTURA ANULADA');
  });

  it('never gives a previous bill a barcode, and watermarks it', () => {
    const doc = build({ ...currentInput, mode: 'previous', bill: sampleBill('2025-12') });
    expect(doc.payment).toEqual({
      kind: 'none',
      reason: 'previous',
      message: 'Copia informativa, sin código de barras. Para pagar, imprima la factura actual.',
    });
    expect(doc.watermark).toBe('FACTURA PAGADA');
    expect(doc.bill.paidOn).toBe('21/12/2025'); // 02:30 UTC on the 22nd is the 21st in Bogotá
  });

  it('refuses a barcode for a paid current bill, a credit balance, or a missing convenio', () => {
    const paid = build({
      ...currentInput,
      bill: { ...sampleCurrentBill, state: 'pagada', paidAt: '2026-03-10T15:00:00Z' },
    });
    expect(paid.payment.kind === 'none' && paid.payment.reason).toBe('paid');
    expect(paid.watermark).toBe('FACTURA PAGADA');
    const credit = build({ ...currentInput, bill: { ...sampleCurrentBill, total: -12_000 } });
    expect(credit.payment).toMatchObject({ kind: 'none', reason: 'nothing-to-pay' });
    expect(credit.payment.kind === 'none' && credit.payment.message).toMatch(/saldo a favor es \$\s12\.000/);
    const { paymentBarcode: _unused, ...noConvenio } = sampleEntity;
    expect(build({ ...currentInput, entity: noConvenio }).payment).toMatchObject({
      kind: 'none',
      reason: 'not-configured',
    });
  });

  it('says not-encodable when the total does not fit the convenio’s amount length', () => {
    const tight = {
      ...sampleEntity,
      paymentBarcode: { gln: '7709998000421', referenceLength: 12, amountAi: '3900' as const, amountLength: 5 },
    };
    expect(build({ ...currentInput, entity: tight }).payment).toMatchObject({ kind: 'none', reason: 'not-encodable' });
  });

  it('warns about an overdue current bill and the suspension date', () => {
    const doc = build({ ...currentInput, bill: sampleBill('2026-02') });
    expect(doc.notices).toEqual([
      'Factura vencida. Si el banco no la recibe, páguela en las cajas de la empresa.',
      'Evite la suspensión del servicio: pague antes del 28/02/2026.',
    ]);
    expect(build(currentInput).notices).toEqual(['Evite la suspensión del servicio: pague antes del 28/03/2026.']);
  });

  it('refuses a bill of another subscriber and a state it does not know', () => {
    expect(buildBillDocument({ ...currentInput, bill: { ...sampleCurrentBill, codigoInterno: 1 } }).ok).toBe(false);
    expect(buildBillDocument({ ...currentInput, bill: { ...sampleCurrentBill, state: 'en-cobro' } }).ok).toBe(false);
  });
});
