import { describe, expect, it } from 'vitest';
import { pairLines, receiptText, wrapText } from '../../../src-main/devices/receipt-printer/receipt-text';
import { conditionFromDleEot } from '../../../src-main/devices/receipt-printer/dle-eot';
import { parseReceiptPrinterAddress } from '../../../src-main/devices/receipt-printer/receipt-printer-address';

describe('receipt text', () => {
  it('keeps Spanish as it is and maps what code page 858 lacks', () => {
    expect(receiptText('Ñandú ¿Cómo? ¡Sí! Nº 5 ü m³ 20 °C')).toBe('Ñandú ¿Cómo? ¡Sí! Nº 5 ü m³ 20 °C');
    expect(receiptText('“Hola” — fin… № 3\u00a0$')).toBe('"Hola" - fin... Nº 3 $');
    expect(receiptText('Łucja Nguyễn 北')).toBe('Lucja Nguyen ?');
  });

  it('wraps between words and cuts a word longer than the line', () => {
    expect(wrapText('Evite la suspensión del servicio', 12)).toEqual(['Evite la', 'suspensión', 'del servicio']);
    expect(wrapText('www.acueducto-ibague.example', 10)).toEqual(['www.acuedu', 'cto-ibague', '.example']);
    expect(wrapText('', 10)).toEqual(['']);
  });

  it('puts a value at the right margin and wraps a long label above it', () => {
    expect(pairLines('Total', '$ 1.000', 20)).toEqual(['Total        $ 1.000']);
    expect(pairLines('Lectura anterior y actual', '10.559', 20)).toEqual([
      'Lectura anterior y',
      'actual        10.559',
    ]);
  });
});

describe('DLE EOT status', () => {
  it('reads ready, paper end, cover open and offline from the three answers', () => {
    expect(conditionFromDleEot({ printer: 0x12, offlineCause: 0x12, paperSensor: 0x12 }).condition).toBe('ready');
    expect(conditionFromDleEot({ printer: 0x12, offlineCause: 0x12, paperSensor: 0x1e })).toMatchObject({
      condition: 'ready',
      paperNearEnd: true,
    });
    expect(conditionFromDleEot({ printer: 0x1a, offlineCause: 0x32, paperSensor: 0x72 }).condition).toBe('paper-end');
    expect(conditionFromDleEot({ printer: 0x1a, offlineCause: 0x16, paperSensor: 0x12 }).condition).toBe('cover-open');
    expect(conditionFromDleEot({ printer: 0x1a, offlineCause: 0x52, paperSensor: 0x12 }).condition).toBe('offline');
  });

  it('calls a byte that is not a status answer unknown', () => {
    expect(conditionFromDleEot({ printer: 0x41, offlineCause: 0x12, paperSensor: 0x12 }).condition).toBe('unknown');
  });
});

describe('receipt printer address', () => {
  it('takes tcp://host[:port] and printer:QUEUE, and nothing else', () => {
    expect(parseReceiptPrinterAddress('tcp://192.168.1.50:9100')).toEqual({
      kind: 'tcp',
      host: '192.168.1.50',
      port: 9100,
    });
    expect(parseReceiptPrinterAddress('tcp://caja1-impresora')).toEqual({
      kind: 'tcp',
      host: 'caja1-impresora',
      port: 9100,
    });
    expect(parseReceiptPrinterAddress('printer:EPSON_TM_T20')).toEqual({ kind: 'queue', queue: 'EPSON_TM_T20' });
    expect(parseReceiptPrinterAddress('tcp://host:99999')).toBeNull();
    expect(parseReceiptPrinterAddress('http://host')).toBeNull();
    expect(parseReceiptPrinterAddress('printer:cola con espacios')).toBeNull();
  });
});
