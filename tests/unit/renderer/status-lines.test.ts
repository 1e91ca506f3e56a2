import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../src-shared/api/ops/status';
import { statusLines } from '../../../src-renderer/status-strip/status-lines';

const base: DeviceStatus = {
  server: { state: 'online', lastContactAt: '2026-11-22T15:00:00.000Z', subscribers: 1234567 },
  sync: {
    lastPullAt: null,
    lastPushAt: null,
    pendingEvents: 0,
    oldestPendingAt: null,
    parkedEvents: 0,
    lastError: null,
    progress: null,
    clockOffsetSeconds: null,
  },
  printer: { state: 'not-configured', name: null },
};
// 10:30 in Bogotá (UTC−5).
const now = new Date('2026-11-22T15:30:00.000Z');
const texts = (status: DeviceStatus): string[] => statusLines(status, now).map((line) => line.text);

describe('status strip lines', () => {
  it('says connected, never synced, no printer and the subscriber count with es-CO grouping', () => {
    expect(texts(base)).toEqual([
      'Conectado al servidor central',
      'Aún no ha sincronizado',
      'Sin impresora configurada',
      '1.234.567 suscriptores',
    ]);
  });

  it('adds the kiosk’s certificate dispenser after the printer, in words a citizen reads', () => {
    const line = (dispenser: DeviceStatus['dispenser']) =>
      statusLines({ ...base, dispenser }, now).find((l) => l.key === 'dispenser');
    expect(line(undefined)).toBeUndefined();
    expect(line({ state: 'ready', paperLow: false })).toEqual({
      key: 'dispenser',
      text: 'Dispensador de certificados listo',
      tone: 'ok',
    });
    expect(line({ state: 'ready', paperLow: true })?.text).toBe('Dispensador de certificados: queda poco papel');
    expect(line({ state: 'paper-out', paperLow: false })).toMatchObject({
      text: 'Dispensador de certificados sin papel',
      tone: 'problem',
    });
    expect(line({ state: 'jammed', paperLow: false })?.text).toBe('Dispensador de certificados atascado');
    expect(texts({ ...base, dispenser: { state: 'offline', paperLow: false } })).toEqual([
      'Conectado al servidor central',
      'Aún no ha sincronizado',
      'Sin impresora configurada',
      'Dispensador de certificados desconectado',
      '1.234.567 suscriptores',
    ]);
  });

  it('tells a citizen what still works offline, and a cashier that payments go on', () => {
    const offline: DeviceStatus = { ...base, server: { ...base.server, state: 'offline' } };
    expect(texts(offline)[0]).toBe('Sin conexión: puede consultar e imprimir facturas con los datos guardados');
    expect(statusLines(offline, now, 'counter')[0]?.text).toBe(
      'Sin conexión: puede seguir cobrando; los pagos se envían cuando vuelva la conexión',
    );
  });

  it('tells a field collector offline that collecting goes on, and leaves out what the field bar already says', () => {
    const busy: DeviceStatus = {
      ...base,
      server: { ...base.server, state: 'offline' },
      sync: { ...base.sync, lastPullAt: '2026-11-20T11:00:00.000Z', pendingEvents: 3, parkedEvents: 1 },
      printer: { state: 'ready', name: 'Portátil' },
    };
    expect(statusLines(busy, now, 'field').map((line) => line.text)).toEqual([
      'Sin conexión: puede seguir cobrando con los datos guardados; los pagos se envían cuando vuelva la conexión',
      '1 registro detenido: avise a un supervisor',
      'Impresora lista',
    ]);
    expect(statusLines(base, now, 'field')[0]).toEqual({
      key: 'server',
      text: 'Conectado al servidor central',
      tone: 'ok',
    });
  });

  it('shows the last download and the last send in Bogotá time, relative to today', () => {
    const synced = {
      ...base,
      sync: { ...base.sync, lastPullAt: '2026-11-22T14:05:00.000Z', lastPushAt: '2026-11-21T20:00:00.000Z' },
    };
    expect(texts(synced)[1]).toBe('Sincronización: datos hoy 09:05 · envío ayer 15:00');
    const yesterday = { ...base, sync: { ...base.sync, lastPushAt: '2026-11-21T23:10:00.000Z' } };
    expect(texts(yesterday)[1]).toBe('Sincronización: envío ayer 18:10');
  });

  it('shows the first download as a percentage with the time left, instead of the last sync', () => {
    const downloading = {
      ...base,
      sync: { ...base.sync, progress: { rowsDone: 350_000, rowsTotal: 1_400_000, percent: 25, secondsLeft: 180 } },
    };
    expect(texts(downloading)[1]).toBe('Descargando datos: 25 % (350.000 de 1.400.000, faltan unos 3 min)');
  });

  it('says how long the oldest pending record has waited once it is more than a few minutes', () => {
    const fresh = { ...base, sync: { ...base.sync, pendingEvents: 3, oldestPendingAt: '2026-11-22T15:28:00.000Z' } };
    expect(texts(fresh)).toContain('3 registros pendientes de envío');
    const stale = { ...base, sync: { ...base.sync, pendingEvents: 3, oldestPendingAt: '2026-11-21T12:00:00.000Z' } };
    expect(statusLines(stale, now).find((l) => l.key === 'pending')).toEqual({
      key: 'pending',
      text: '3 registros pendientes de envío (el más antiguo, de hace 27 h)',
      tone: 'attention',
    });
  });

  it('flags parked records, a failing sync and a clock more than five minutes off', () => {
    const status = {
      ...base,
      sync: { ...base.sync, parkedEvents: 2, lastError: 'El servidor…', clockOffsetSeconds: -420 },
    };
    const lines = statusLines(status, now);
    expect(lines.find((l) => l.key === 'parked')).toEqual({
      key: 'parked',
      text: '2 registros detenidos: avise a un supervisor',
      tone: 'problem',
    });
    expect(lines.find((l) => l.key === 'sync')?.tone).toBe('problem');
    expect(lines.find((l) => l.key === 'clock')?.tone).toBe('problem');
    expect(
      statusLines({ ...base, sync: { ...base.sync, clockOffsetSeconds: 200 } }, now).some((l) => l.key === 'clock'),
    ).toBe(false);
  });

  it('counts pending events in singular and plural, and only when there are some', () => {
    expect(texts({ ...base, sync: { ...base.sync, pendingEvents: 1 } })).toContain('1 registro pendiente de envío');
    expect(texts({ ...base, sync: { ...base.sync, pendingEvents: 2500 } })).toContain(
      '2.500 registros pendientes de envío',
    );
    expect(texts(base).some((text) => text.includes('pendiente'))).toBe(false);
  });

  it('names printer problems plainly and marks them as problems', () => {
    const lines = statusLines({ ...base, printer: { state: 'paper-end', name: 'Epson' } }, now);
    expect(lines.find((line) => line.key === 'printer')).toEqual({
      key: 'printer',
      text: 'Impresora sin papel',
      tone: 'problem',
    });
  });
});
