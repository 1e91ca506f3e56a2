import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src-main/config/app-config';
import { ConfigFile } from '../../../src-main/config/config-file';
import { tempDir } from '../../support/temp-dir';

const dirs: { remove(): void }[] = [];
const newDir = (): string => {
  const d = tempDir('config');
  dirs.push(d);
  return d.path;
};
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

describe('app configuration', () => {
  it('starts with documented defaults when there is no file', () => {
    const dir = newDir();
    const config = loadConfig({ VENTANILLA_DATA_DIR: dir }, { dataDir: '/ignored', version: '1.2.3' });
    expect(config.dataDir).toBe(dir);
    expect(config.port).toBe(5180);
    expect(config.serverUrl).toBeNull();
    expect(config.databaseUrl).toBeNull();
    // No mode of its own: the device is what the central server enrolls it as.
    expect(config.device.mode).toBeUndefined();
    expect(config.kiosk).toEqual({ idleSeconds: 90, warningSeconds: 20, billDeliveryDays: 5, requiredDevices: [] });
  });

  it('reads the config file in the data dir and the environment', () => {
    const dir = newDir();
    writeFileSync(
      path.join(dir, 'ventanilla.json'),
      JSON.stringify({ device: { mode: 'cashier', name: 'Caja 2' }, kiosk: { idleSeconds: 30 } }),
    );
    const config = loadConfig(
      {
        VENTANILLA_DATA_DIR: dir,
        VENTANILLA_PORT: '8088',
        VENTANILLA_SERVER_URL: 'https://central.example.co/',
        DATABASE_URL: 'postgres://x@127.0.0.1/db',
      },
      { dataDir: '/ignored', version: '1' },
    );
    expect(config.device).toEqual({ mode: 'cashier', name: 'Caja 2' });
    expect(config.kiosk).toEqual({ idleSeconds: 30, warningSeconds: 20, billDeliveryDays: 5, requiredDevices: [] });
    expect(config.port).toBe(8088);
    expect(config.serverUrl).toBe('https://central.example.co');
    expect(config.databaseUrl).toBe('postgres://x@127.0.0.1/db');
  });

  it('explains a broken file or variable in Spanish', () => {
    const dir = newDir();
    writeFileSync(path.join(dir, 'ventanilla.json'), JSON.stringify({ device: { mode: 'cajero' } }));
    expect(() => loadConfig({ VENTANILLA_DATA_DIR: dir }, { dataDir: dir, version: '1' })).toThrow(/device\.mode/);
    writeFileSync(path.join(dir, 'ventanilla.json'), JSON.stringify({ kiosk: { billDeliveryDays: -1 } }));
    expect(() => loadConfig({ VENTANILLA_DATA_DIR: dir }, { dataDir: dir, version: '1' })).toThrow(
      /kiosk\.billDeliveryDays/,
    );
    writeFileSync(path.join(dir, 'ventanilla.json'), '{ no es json');
    expect(() => loadConfig({ VENTANILLA_DATA_DIR: dir }, { dataDir: dir, version: '1' })).toThrow(ConfigError);
    const empty = newDir();
    expect(() =>
      loadConfig({ VENTANILLA_DATA_DIR: empty, VENTANILLA_PORT: 'ochenta' }, { dataDir: empty, version: '1' }),
    ).toThrow(/VENTANILLA_PORT/);
    expect(() =>
      loadConfig({ VENTANILLA_DATA_DIR: empty, VENTANILLA_SERVER_URL: 'ftp://x' }, { dataDir: empty, version: '1' }),
    ).toThrow(/VENTANILLA_SERVER_URL/);
    expect(() =>
      loadConfig({ VENTANILLA_DATA_DIR: empty, LOG_LEVEL: 'verbose' }, { dataDir: empty, version: '1' }),
    ).toThrow(ConfigError);
    expect(
      loadConfig({ VENTANILLA_DATA_DIR: empty, LOG_LEVEL: 'DEBUG' }, { dataDir: empty, version: '1' }).logLevel,
    ).toBe('debug');
  });

  it('takes a receipt printer as tcp://host:port or printer:QUEUE, and names the key when it is neither', () => {
    const dir = newDir();
    const file = path.join(dir, 'ventanilla.json');
    writeFileSync(
      file,
      JSON.stringify({ printers: { receipt: 'tcp://192.168.1.60:9100', receiptType: 'star', receiptPaper: 58 } }),
    );
    expect(loadConfig({ VENTANILLA_DATA_DIR: dir }, { dataDir: dir, version: '1' }).printers).toEqual({
      receipt: 'tcp://192.168.1.60:9100',
      receiptType: 'star',
      receiptPaper: 58,
      document: null,
    });
    writeFileSync(file, JSON.stringify({ printers: { receipt: '192.168.1.60' } }));
    expect(() => loadConfig({ VENTANILLA_DATA_DIR: dir }, { dataDir: dir, version: '1' })).toThrow(/printers\.receipt/);
    writeFileSync(file, JSON.stringify({ printers: { receiptPaper: 76 } }));
    expect(() => loadConfig({ VENTANILLA_DATA_DIR: dir }, { dataDir: dir, version: '1' })).toThrow(
      /printers\.receiptPaper/,
    );
  });
});

describe('the certificate dispenser in the config file', () => {
  const load = (file: unknown) => {
    const dir = newDir();
    writeFileSync(path.join(dir, 'ventanilla.json'), JSON.stringify(file));
    return loadConfig({ VENTANILLA_DATA_DIR: dir }, { dataDir: dir, version: '1' });
  };

  it('is the simulator by default, and a CUPS queue or IPP URI when configured', () => {
    expect(load({}).dispenser).toEqual({ kind: 'simulated', sheets: 50, script: [] });
    expect(
      load({ dispenser: { kind: 'cups', target: 'ventanilla-dispensador', answerTimeoutMs: 90_000 } }).dispenser,
    ).toEqual({ kind: 'cups', target: 'ventanilla-dispensador', answerTimeoutMs: 90_000 });
    expect(load({ dispenser: { kind: 'simulated', script: ['ok', 'jam'] } }).dispenser).toEqual({
      kind: 'simulated',
      sheets: 50,
      script: ['ok', 'jam'],
    });
  });

  it('names the key of a dispenser it does not know', () => {
    expect(() => load({ dispenser: { kind: 'epson' } })).toThrow(ConfigError);
    expect(() => load({ dispenser: { kind: 'cups' } })).toThrow(/dispenser\.target/);
  });
});

describe('config.example.json', () => {
  it('is a valid config file equal to the defaults it documents', () => {
    const dir = newDir();
    const example = loadConfig(
      { VENTANILLA_DATA_DIR: dir, VENTANILLA_CONFIG: path.resolve('config.example.json') },
      { dataDir: dir, version: '1' },
    );
    const defaults = loadConfig({ VENTANILLA_DATA_DIR: dir }, { dataDir: dir, version: '1' });
    expect(example).toEqual(defaults);
  });

  it('lists every key that has a default, and no other', () => {
    // `device.mode` has no default (unset: the device works as the server enrolled it), so the
    // example leaves it out like the defaults do.
    const keyPaths = (value: unknown, prefix = ''): string[] =>
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? Object.entries(value).flatMap(([key, inner]) => keyPaths(inner, `${prefix}${key}.`))
        : [prefix.slice(0, -1)];
    const example: unknown = JSON.parse(readFileSync(path.resolve('config.example.json'), 'utf8'));
    expect(keyPaths(example).sort()).toEqual(keyPaths(ConfigFile.parse({})).sort());
  });
});
