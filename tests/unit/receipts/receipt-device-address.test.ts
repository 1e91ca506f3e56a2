import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src-main/config/app-config';
import { parseReceiptPrinterAddress } from '../../../src-main/devices/receipt-printer/receipt-printer-address';
import { tempDir } from '../../support/temp-dir';

/** `printers.receipt` as a device path: the portable Bluetooth printer (docs/portable-printers.md). */
describe('a receipt printer on a device path', () => {
  it('reads serial://, a plain path under /dev and a Windows COM port', () => {
    expect(parseReceiptPrinterAddress('serial:///dev/rfcomm0')).toEqual({ kind: 'device', path: '/dev/rfcomm0' });
    expect(parseReceiptPrinterAddress('/dev/rfcomm0')).toEqual({ kind: 'device', path: '/dev/rfcomm0' });
    expect(parseReceiptPrinterAddress(' /dev/tty.PT-210-SerialPort ')).toEqual({
      kind: 'device',
      path: '/dev/tty.PT-210-SerialPort',
    });
    expect(parseReceiptPrinterAddress('/dev/usb/lp0')).toEqual({ kind: 'device', path: '/dev/usb/lp0' });
    expect(parseReceiptPrinterAddress('COM5')).toEqual({ kind: 'device', path: '\\\\.\\COM5' });
    expect(parseReceiptPrinterAddress('com12')).toEqual({ kind: 'device', path: '\\\\.\\COM12' });
    expect(parseReceiptPrinterAddress('serial://COM5')).toEqual({ kind: 'device', path: '\\\\.\\COM5' });
    expect(parseReceiptPrinterAddress('\\\\.\\COM5')).toEqual({ kind: 'device', path: '\\\\.\\COM5' });
    // The existing forms are unchanged.
    expect(parseReceiptPrinterAddress('tcp://192.168.1.60')).toEqual({ kind: 'tcp', host: '192.168.1.60', port: 9100 });
    expect(parseReceiptPrinterAddress('printer:TM_T20')).toEqual({ kind: 'queue', queue: 'TM_T20' });
  });

  it('refuses a path that is not a device, climbs out of /dev, or could be read as a command', () => {
    for (const address of [
      '/tmp/recibos.bin',
      '/home/cajero/.bashrc',
      '/dev/../etc/passwd',
      '/dev/rfcomm0/..',
      'serial://dev/rfcomm0',
      'serial:///tmp/x',
      'file:///dev/rfcomm0',
      '/dev/rfcomm0; rm -rf /',
      '/dev/rfcomm 0',
      '/dev/',
      'rfcomm0',
      'COM0',
      'COM5:',
      'LPT1',
    ])
      expect(parseReceiptPrinterAddress(address), address).toBeNull();
  });
});

describe('the config file', () => {
  const dirs: { remove(): void }[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => d.remove()));
  const load = (printers: unknown) => {
    const dir = tempDir('config-device');
    dirs.push(dir);
    writeFileSync(path.join(dir.path, 'ventanilla.json'), JSON.stringify({ printers }));
    return () => loadConfig({ VENTANILLA_DATA_DIR: dir.path }, { dataDir: dir.path, version: '1' });
  };

  it('takes the field printer: a device path on a 58 mm roll', () => {
    expect(load({ receipt: 'serial:///dev/rfcomm0', receiptPaper: 58 })().printers).toEqual({
      receipt: 'serial:///dev/rfcomm0',
      receiptType: 'epson',
      receiptPaper: 58,
      document: null,
    });
    expect(load({ receipt: 'COM5', receiptPaper: 58 })().printers.receipt).toBe('COM5');
  });

  it('names the key and says in Spanish what to write when the path or the width is wrong', () => {
    expect(load({ receipt: '/tmp/recibos.bin' })).toThrow(
      /printers\.receipt.*serial:\/\/\/dev\/rfcomm0 \(Linux\) o COM5/,
    );
    expect(load({ receiptPaper: 57 })).toThrow(/printers\.receiptPaper.*use 80 o 58/);
  });
});
