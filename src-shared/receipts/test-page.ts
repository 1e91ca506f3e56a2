import type { ReceiptModel } from './receipt-model';

/**
 * The installer's check of a receipt printer (docs/architecture.md): every Spanish letter and sign the
 * receipts use, a ruler of the roll's width, a barcode and the cut. If a line shows other
 * characters, the printer's code page is not 858.
 */
export function receiptTestPage(deviceName: string, columns: number, printedAt: string): ReceiptModel {
  const ruler = '1234567890'.repeat(Math.ceil(columns / 10)).slice(0, columns);
  return {
    lines: [
      { kind: 'text', text: 'PÁGINA DE PRUEBA', align: 'center', bold: true, large: true },
      { kind: 'text', text: `${deviceName} · ${printedAt}`, align: 'center' },
      { kind: 'rule' },
      { kind: 'text', text: 'Deben verse exactamente así:' },
      { kind: 'text', text: 'ñ Ñ á é í ó ú Á É Í Ó Ú ü Ü', bold: true },
      { kind: 'text', text: '¿Cómo está? ¡Bien! Nº 123 · 25 °C · 17 m³', bold: true },
      { kind: 'text', text: 'Año, señor, niño, pingüino, acción', bold: true },
      { kind: 'rule' },
      { kind: 'text', text: `Ancho del rollo: ${columns} caracteres` },
      { kind: 'text', text: ruler },
      { kind: 'pair', left: 'Izquierda', right: 'Derecha' },
      { kind: 'code128', data: 'PRUEBA-123' },
      { kind: 'text', text: 'Si la hoja se cortó abajo, el corte funciona.', align: 'center' },
    ],
    cut: true,
    openDrawer: false,
  };
}
