import { describe, expect, it } from 'vitest';
import type { DeviceReport } from '../../../src-shared/server-api/device-report';
import { fleetAlerts, fleetLimits, fleetState, type FleetInput } from '../../../src-server/console/fleet-alerts';

const now = new Date('2026-12-04T15:00:00.000Z');
const ago = (ms: number): Date => new Date(now.getTime() - ms);

function report(over: Partial<DeviceReport> = {}): DeviceReport {
  return {
    appVersion: '1.0.0',
    mode: 'kiosk',
    madeAt: now.toISOString(),
    printer: { state: 'ready', name: 'Recibos' },
    dispenser: { state: 'ready', paperLow: false },
    outbox: { pending: 0, parked: 0, oldestPendingAt: null },
    clockOffsetSeconds: 0,
    freeDiskBytes: 10_000_000_000,
    ...over,
  };
}

const input = (over: Partial<FleetInput> = {}): FleetInput => ({
  mode: 'kiosk',
  receivedAt: ago(10_000),
  report: report(),
  ...over,
});

const judge = (i: FleetInput) => {
  const alerts = fleetAlerts(i, now);
  return { codes: alerts.map((a) => a.code), state: fleetState(alerts), alerts };
};

describe('fleet alert rules', () => {
  it('a device that reported a moment ago with everything ready is ok', () => {
    expect(judge(input())).toMatchObject({ codes: [], state: 'ok' });
  });

  it('silence: exactly 5 minutes is still ok; a millisecond more is down; never reported is down', () => {
    expect(judge(input({ receivedAt: ago(fleetLimits.silentMs) })).state).toBe('ok');
    const silent = judge(input({ receivedAt: ago(fleetLimits.silentMs + 1) }));
    expect(silent).toMatchObject({ codes: ['silent'], state: 'caido' });
    expect(judge(input({ receivedAt: ago(6 * 60_000) })).alerts[0]?.text).toBe('Sin reporte hace 6 minutos');
    expect(judge(input({ receivedAt: null, report: null }))).toMatchObject({
      codes: ['never-reported'],
      state: 'caido',
    });
  });

  it('printer out of paper: down on a kiosk (required), a warning on a counter or a field laptop', () => {
    const paperEnd = report({ printer: { state: 'paper-end', name: 'Recibos' } });
    const kiosk = judge(input({ report: paperEnd }));
    expect(kiosk).toMatchObject({ codes: ['printer'], state: 'caido' });
    expect(kiosk.alerts[0]?.text).toBe('La impresora no tiene papel');
    expect(judge(input({ mode: 'cashier', report: { ...paperEnd, mode: 'cashier', dispenser: null } })).state).toBe(
      'atencion',
    );
    expect(judge(input({ mode: 'field', report: { ...paperEnd, mode: 'field', dispenser: null } })).state).toBe(
      'atencion',
    );
    for (const state of ['cover-open', 'offline'] as const)
      expect(judge(input({ report: report({ printer: { state, name: null } }) })).state).toBe('caido');
    for (const state of ['ready', 'unknown', 'not-configured'] as const)
      expect(judge(input({ report: report({ printer: { state, name: null } }) })).codes).toEqual([]);
  });

  it('dispenser out of paper or jammed is down on a kiosk; paper low is a warning', () => {
    expect(judge(input({ report: report({ dispenser: { state: 'paper-out', paperLow: true } }) }))).toMatchObject({
      codes: ['dispenser'],
      state: 'caido',
    });
    expect(judge(input({ report: report({ dispenser: { state: 'jammed', paperLow: false } }) })).state).toBe('caido');
    expect(judge(input({ report: report({ dispenser: { state: 'ready', paperLow: true } }) }))).toMatchObject({
      codes: ['paper-low'],
      state: 'atencion',
    });
  });

  it('outbox: the oldest waiting event at exactly one hour is ok; older is a warning', () => {
    const at = (ms: number) => report({ outbox: { pending: 3, parked: 0, oldestPendingAt: ago(ms).toISOString() } });
    expect(judge(input({ report: at(fleetLimits.outboxMs) })).codes).toEqual([]);
    expect(judge(input({ report: at(fleetLimits.outboxMs + 1000) }))).toMatchObject({
      codes: ['outbox-old'],
      state: 'atencion',
    });
  });

  it('clock: 120 s either way is ok; 121 s either way is a warning', () => {
    for (const s of [120, -120, 0])
      expect(judge(input({ report: report({ clockOffsetSeconds: s }) })).codes).toEqual([]);
    expect(judge(input({ report: report({ clockOffsetSeconds: null }) })).codes).toEqual([]);
    const behind = judge(input({ report: report({ clockOffsetSeconds: 121 }) }));
    expect(behind).toMatchObject({ codes: ['clock'], state: 'atencion' });
    expect(behind.alerts[0]?.text).toContain('atrasado');
    expect(judge(input({ report: report({ clockOffsetSeconds: -300 }) })).alerts[0]?.text).toBe(
      'El reloj está 5 minutos adelantado',
    );
  });

  it('parked events: none is ok; one is a warning', () => {
    expect(
      judge(input({ report: report({ outbox: { pending: 0, parked: 1, oldestPendingAt: null } }) })),
    ).toMatchObject({ codes: ['parked'], state: 'atencion' });
  });

  it('an update given up on the device is a warning; one downloading or waiting is not', () => {
    const rolledBack = judge(
      input({ report: report({ update: { state: 'rolled-back', version: '1.2.0', detail: null } }) }),
    );
    expect(rolledBack).toMatchObject({ codes: ['update-rolled-back'], state: 'atencion' });
    expect(rolledBack.alerts[0]?.text).toBe('La versión 1.2.0 no arrancó en este equipo y se descartó');
    for (const state of ['downloading', 'waiting'] as const)
      expect(judge(input({ report: report({ update: { state, version: '1.2.0', detail: null } }) })).state).toBe('ok');
  });

  it('the worst alert decides, and comes first', () => {
    const r = judge(
      input({
        receivedAt: ago(fleetLimits.silentMs + 60_000),
        report: report({ clockOffsetSeconds: 500, printer: { state: 'paper-end', name: null } }),
      }),
    );
    expect(r.state).toBe('caido');
    expect(r.alerts.map((a) => a.level)).toEqual(['caido', 'caido', 'atencion']);
  });
});
