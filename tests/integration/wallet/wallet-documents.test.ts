import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeReceipt } from '../../../src-main/devices/receipt-printer/escpos-encoder';
import { renderKardexPdf, type KardexPdfRow } from '../../../src-server/wallet/documents/kardex-pdf';
import { renderPaymentSupportPdf } from '../../../src-server/wallet/documents/payment-support-pdf';
import { renderVolantePdf } from '../../../src-server/wallet/documents/volante-pdf';
import { GS } from '../../../src-shared/domain/gs1-128';
import type { HolderData } from '../../../src-shared/wallet/holder-fields';
import type { DocumentEntity } from '../../../src-shared/wallet/volante';
import { readVolanteScan } from '../../../src-shared/wallet/volante-barcode';
import { volanteSlip } from '../../../src-shared/wallet/volante-slip';
import { decodeEscpos, printedLines } from '../../support/escpos-decoder';
import { decodeBarcodes, describeBarcodes, pdfText, renderPng } from '../../support/poppler-zbar';
import { tempDir } from '../../support/temp-dir';

/**
 * The wallet's documents read back as an outsider would: poppler's text, zbar's reading of the
 * volante's GS1-128 (from the PDF at 300 dpi and from the thermal slip's raster), and the
 * kardex statement's pages and figures.
 */
const dir = tempDir('wallet-documents');
afterAll(() => (process.env.KEEP_DOCS ? undefined : dir.remove()));

const entity: DocumentEntity = {
  name: 'Cámara de Comercio de Ibagué',
  nit: '890700642',
  address: 'Carrera 3 No. 8-39, Ibagué',
  phone: '(608) 277 2000',
  website: 'www.ccibague.org',
};
const gln = '7709998000018';

const natural: HolderData = {
  docType: 'CC',
  docNumber: '1000000002',
  identity: {
    personKind: 'natural',
    firstSurname: 'APELLIDO1',
    secondSurname: 'APELLIDO2',
    firstName: 'NOMBRE1',
    secondName: 'NOMBRE2',
  },
  contact: {
    email: 'cliente@ejemplo.co',
    mobile: '3000000002',
    landline: '6080000',
    address: 'CALLE 10 N 3-76',
    municipality: 'IBAGUE (TOL)',
  },
};

const company: HolderData = {
  docType: 'NIT',
  docNumber: '9001234568',
  identity: { personKind: 'juridica', businessName: 'Ferretería Ñañez y Cía S.A.S.' },
  contact: {
    email: 'pagos@ferreteria.example',
    mobile: '3151234567',
    landline: null,
    address: 'Carrera 5 No. 12-40',
    municipality: 'Ibagué',
  },
};

async function write(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(dir.path, name);
  writeFileSync(file, bytes);
  return file;
}

/** 23:59 in Bogotá on 2026-12-08 is already the 9th in UTC: the due date is Bogotá's day. */
const liquidation = {
  number: 100_001,
  amount: 150_000,
  expiresAt: new Date('2026-12-09T04:59:00Z'),
  recoveryCode: 'XLrWX7',
  client: natural,
};
const banks = [
  { code: '0023', name: 'Banco de Occidente' },
  { code: '0051', name: 'Banco Davivienda' },
  { code: '0032', name: 'Banco Caja Social' },
];
const elementString = `415770999800001880200000100001${GS}39000000150000${GS}9620261208`;

describe('volante de pago en bancos (PDF)', () => {
  it('says what a bank cashier and the citizen need, and its barcode decodes to the GS1 data', async () => {
    const rendered = await renderVolantePdf({ entity, liquidation, gln, banks });
    if (!rendered.ok) throw new Error(rendered.error.message);
    const file = await write('volante.pdf', rendered.value);
    const text = await pdfText(file);
    expect(text).toContain('Cámara de Comercio de Ibagué');
    expect(text).toContain('NIT 890.700.642-');
    expect(text).toContain('VOLANTE DE PAGO EN BANCOS Y CORRESPONSALES BANCARIOS');
    expect(text).toContain('Liquidación Nro. 100001');
    expect(text).toContain('prepago');
    expect(text).toContain('$ 150.000');
    expect(text).toContain('08/12/2026');
    expect(text).toContain('APELLIDO1 APELLIDO2 NOMBRE1 NOMBRE2');
    expect(text).toContain('CC 1.000.000.002');
    expect(text).toContain('XLrWX7');
    for (const bank of banks) expect(text).toContain(bank.name);
    expect(text).toContain('(415)7709998000018(8020)0000100001(3900)0000150000(96)20261208');
    expect(text).toContain('Señor cajero: por favor no coloque el sello sobre el código de barras.');

    const pdf = await PDFDocument.load(readFileSync(file));
    expect(pdf.getPageCount()).toBe(1);
    // The coupon: from its cut line (300 pt from the bottom) down 150 pt.
    const png = await renderPng(file, 300, { top: 792 - 300, height: 150 });
    expect((await decodeBarcodes(png)).symbols).toEqual([elementString]);
    expect(await describeBarcodes(png)).toMatch(/type='CODE-128'[^>]*modifiers='GS1'/);
    // What the counter's scanner reads back: the liquidación, its amount and due date.
    expect(readVolanteScan(elementString, gln)).toEqual({
      ok: true,
      value: { liquidationNumber: 100_001, amount: 150_000, dueOn: '2026-12-08', gln },
    });
  });

  it('lists a long list of banks in two columns, the coupon and its barcode untouched', async () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      code: String(i).padStart(4, '0'),
      name: `Banco Aliado ${i + 1}`,
    }));
    const rendered = await renderVolantePdf({ entity, liquidation, gln, banks: many });
    if (!rendered.ok) throw new Error(rendered.error.message);
    const file = await write('volante-banks.pdf', rendered.value);
    const text = await pdfText(file);
    for (const bank of many) expect(text).toMatch(new RegExp(`${bank.name}\\b`));
    const png = await renderPng(file, 300, { top: 792 - 300, height: 150 });
    expect((await decodeBarcodes(png)).symbols).toEqual([elementString]);
  });

  it('is refused, in Spanish, for a liquidación whose amount does not fit the barcode', async () => {
    const rendered = await renderVolantePdf({
      entity,
      liquidation: { ...liquidation, amount: 100_000_000_000 },
      gln,
      banks,
    });
    expect(rendered).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!rendered.ok) expect(rendered.error.message).toMatch(/^No se puede imprimir el volante/);
  });
});

describe('volante as a thermal slip', () => {
  it('prints the same facts and a barcode zbar reads from the printed raster', async () => {
    const slip = volanteSlip({ entity, liquidation, gln, banks: banks.map((b) => b.name) });
    if (!slip.ok) throw new Error(slip.error.message);
    const events = decodeEscpos(await encodeReceipt(slip.value, { type: 'epson', paper: 80 }));
    const lines = printedLines(events).join('\n');
    expect(lines).toContain('VOLANTE DE PAGO EN BANCOS Y CORRESPONSALES');
    expect(lines).toMatch(/Liquidación Nro\.\s+100001/);
    expect(lines).toMatch(/Valor a pagar\s+\$ 150\.000/);
    expect(lines).toMatch(/Pague hasta\s+08\/12\/2026/);
    expect(lines).toContain('Banco Davivienda');
    expect(lines).toContain('(415)7709998000018');
    const raster = events.find((e) => e.kind === 'raster');
    if (raster?.kind !== 'raster') throw new Error('no barcode raster printed');
    const png = path.join(dir.path, 'volante-slip.png');
    writeFileSync(png, raster.png);
    expect((await decodeBarcodes(png)).symbols).toEqual([elementString]);
  });
});

describe('kardex statement (PDF)', () => {
  /** `count` movements: recharges of 50.000 and spends of 7.300, the ledger's running balance. */
  function movements(count: number): KardexPdfRow[] {
    const rows: KardexPdfRow[] = [];
    let balance = 0;
    for (let i = 0; i < count; i += 1) {
      const amount = i % 3 === 0 ? 50_000 : -7_300;
      balance += amount;
      rows.push({
        at: new Date(Date.UTC(2026, 10, 1, 15, i)),
        description:
          amount > 0 ? `Recarga: pago en línea, liquidación ${100_001 + i}` : 'Certificado de matrícula mercantil',
        amount,
        balanceAfter: balance,
      });
    }
    return rows;
  }
  const holder = { name: 'APELLIDO1 APELLIDO2 NOMBRE1 NOMBRE2', docType: 'CC' as const, docNumber: '1000000002' };

  it('runs over as many pages as the movements need, and ends at the balance', async () => {
    const rows = movements(130);
    const balance = rows.at(-1)?.balanceAfter ?? 0;
    const rendered = await renderKardexPdf({
      entity,
      holder,
      generatedAt: new Date('2026-12-03T15:00:00Z'),
      balance,
      rows,
    });
    if (!rendered.ok) throw new Error(rendered.error.message);
    const file = await write('kardex.pdf', rendered.value);
    const pdf = await PDFDocument.load(readFileSync(file));
    const pages = pdf.getPageCount();
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = await pdfText(file);
    expect(text).toContain('EXTRACTO DEL PREPAGO');
    expect(text).toContain('CC 1.000.000.002');
    expect(text).toContain('Corte: 03/12/2026 10:00');
    expect(text).toContain(`Página ${pages} de ${pages}`);
    // Every movement is listed once, in order: the first and last spend's lines.
    expect(text.match(/Certificado de matrícula mercantil/g)?.length).toBe(rows.filter((r) => r.amount < 0).length);
    expect(text).toContain('liquidación 100130');
    const last = text.slice(text.lastIndexOf(`Página ${pages - 1} de ${pages}`));
    expect(last).toMatch(new RegExp(`SALDO FINAL\\s+\\$ ${balance.toLocaleString('de-DE')}`));
    expect(text).toMatch(new RegExp(`Saldo disponible[\\s\\S]*\\$ ${balance.toLocaleString('de-DE')}`));
  });

  it('is refused when the movements do not add up to the balance', async () => {
    const rows = movements(5);
    const wrongBalance = await renderKardexPdf({
      entity,
      holder,
      generatedAt: new Date(),
      balance: (rows.at(-1)?.balanceAfter ?? 0) + 1,
      rows,
    });
    expect(wrongBalance).toMatchObject({ ok: false, error: { code: 'internal' } });
    const broken = rows.map((r, i) => (i === 2 ? { ...r, balanceAfter: r.balanceAfter + 100 } : r));
    const brokenChain = await renderKardexPdf({
      entity,
      holder,
      generatedAt: new Date(),
      balance: rows.at(-1)?.balanceAfter ?? 0,
      rows: broken,
    });
    expect(brokenChain).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('states an empty wallet plainly', async () => {
    const rendered = await renderKardexPdf({ entity, holder, generatedAt: new Date(), balance: 0, rows: [] });
    if (!rendered.ok) throw new Error(rendered.error.message);
    const text = await pdfText(await write('kardex-empty.pdf', rendered.value));
    expect(text).toContain('Sin movimientos.');
    expect(text).toMatch(/SALDO FINAL\s+\$ ?0\b/);
  });
});

describe('soporte del pago (recibo de caja PDF)', () => {
  it('lists the client data the guide asks for, the payment and the new balance', async () => {
    const bytes = await renderPaymentSupportPdf({
      entity,
      receiptNumber: '000042',
      liquidation: { number: 100_001, amount: 150_000 },
      client: natural,
      amount: 150_000,
      channel: 'bank',
      paidAt: new Date('2026-12-03T15:30:00Z'),
      newBalance: 230_000,
    });
    const text = await pdfText(await write('soporte.pdf', bytes));
    for (const expected of [
      'RECIBO DE CAJA',
      'Nro. 000042',
      'DATOS DEL CLIENTE',
      'Persona natural',
      'Cédula de ciudadanía (CC)',
      'CC 1.000.000.002',
      'APELLIDO1',
      'APELLIDO2',
      'NOMBRE1',
      'NOMBRE2',
      'CALLE 10 N 3-76',
      '6080000',
      '3000000002',
      'IBAGUE (TOL)',
      'cliente@ejemplo.co',
      'Liquidación Nro.',
      '100001',
      'Banco o corresponsal',
      '03/12/2026 10:30',
      '$ 150.000',
      '$ 230.000',
    ])
      expect(text).toContain(expected);
  });

  it('names a persona jurídica by its razón social and NIT with check digit', async () => {
    const bytes = await renderPaymentSupportPdf({
      entity,
      receiptNumber: '000043',
      liquidation: { number: 100_002, amount: 80_000 },
      client: company,
      amount: 80_000,
      channel: 'gateway',
      paidAt: new Date('2026-12-03T15:30:00Z'),
      newBalance: 80_000,
      note: 'La liquidación ya estaba pagada: este valor quedó como saldo de su prepago.',
    });
    const text = await pdfText(await write('soporte-juridica.pdf', bytes));
    expect(text).toContain('Persona jurídica');
    expect(text).toContain('Ferretería Ñañez y Cía S.A.S.');
    expect(text).toContain('NIT 900.123.456-8');
    expect(text).toContain('Pago en línea');
    expect(text).toContain('quedó como saldo de su prepago');
    expect(text).not.toContain('Primer apellido');
  });
});
