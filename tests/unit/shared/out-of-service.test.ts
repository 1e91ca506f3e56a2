import { describe, expect, it } from 'vitest';
import { serviceState, showOutOfService, type DeviceReadings } from '../../../src-shared/kiosk/out-of-service';

const allReady: DeviceReadings = { 'receipt-printer': 'ready', 'document-printer': 'ready', dispenser: 'ready' };

describe('out of service: a required device that is down', () => {
  it('serves when nothing is required, whatever the devices say', () => {
    const broken: DeviceReadings = {
      'receipt-printer': 'paper-end',
      'document-printer': 'offline',
      dispenser: 'jammed',
    };
    expect(serviceState([], broken)).toEqual({ inService: true, problems: [] });
  });

  it('serves when every required device is ready', () => {
    expect(serviceState(['receipt-printer', 'document-printer', 'dispenser'], allReady).inService).toBe(true);
  });

  it('names each required device that is down, in citizen words, and not the others', () => {
    const state = serviceState(['receipt-printer', 'dispenser'], {
      'receipt-printer': 'paper-end',
      'document-printer': 'offline',
      dispenser: 'jammed',
    });
    expect(state).toEqual({
      inService: false,
      problems: [
        { device: 'receipt-printer', words: 'La impresora de recibos se quedó sin papel.' },
        { device: 'dispenser', words: 'El dispensador de certificados tiene el papel atascado.' },
      ],
    });
  });

  it.each([
    ['paper-end', 'La impresora de recibos se quedó sin papel.'],
    ['cover-open', 'La impresora de recibos tiene la tapa abierta.'],
    ['offline', 'La impresora de recibos no responde.'],
    ['not-configured', 'La impresora de recibos no está instalada en este punto.'],
  ] as const)('a receipt printer %s is down', (state, words) => {
    expect(serviceState(['receipt-printer'], { ...allReady, 'receipt-printer': state }).problems).toEqual([
      { device: 'receipt-printer', words },
    ]);
  });

  it('a required device the kiosk does not have is down (an installer’s mistake, not the citizen’s to find)', () => {
    expect(serviceState(['dispenser'], { ...allReady, dispenser: null }).problems).toEqual([
      { device: 'dispenser', words: 'El dispensador de certificados no está instalado en este punto.' },
    ]);
    expect(serviceState(['document-printer'], { ...allReady, 'document-printer': null }).inService).toBe(false);
  });

  it('an unknown reading is not down: a printer that never answers status must not close the kiosk', () => {
    expect(
      serviceState(['receipt-printer', 'dispenser'], {
        ...allReady,
        'receipt-printer': 'unknown',
        dispenser: 'unknown',
      }).inService,
    ).toBe(true);
  });

  it('dispenser out of paper and offline are down', () => {
    expect(serviceState(['dispenser'], { ...allReady, dispenser: 'paper-out' }).problems[0]?.words).toBe(
      'El dispensador de certificados se quedó sin papel.',
    );
    expect(serviceState(['dispenser'], { ...allReady, dispenser: 'offline' }).inService).toBe(false);
  });
});

describe('when the «Fuera de servicio» screen shows', () => {
  const down = serviceState(['receipt-printer'], { ...allReady, 'receipt-printer': 'paper-end' });
  const up = serviceState(['receipt-printer'], allReady);

  it('takes over the start screen', () => {
    expect(showOutOfService(down, 'start', false)).toBe(true);
  });

  it('does not interrupt a citizen mid-visit', () => {
    expect(showOutOfService(down, 'visit', false)).toBe(false);
  });

  it('stays while the device is down, and leaves by itself when it is back', () => {
    expect(showOutOfService(down, 'visit', true)).toBe(true);
    expect(showOutOfService(up, 'start', true)).toBe(false);
    expect(showOutOfService(up, 'visit', true)).toBe(false);
  });

  it('gives way to the staff screens the gesture opens', () => {
    expect(showOutOfService(down, 'staff', true)).toBe(false);
  });
});
