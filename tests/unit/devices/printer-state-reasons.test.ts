import { describe, expect, it } from 'vitest';
import { dispenserConditionMessage } from '../../../src-main/devices/dispenser/dispenser-messages';
import { SimulatedDispenser } from '../../../src-main/devices/dispenser/simulated-dispenser';
import {
  conditionOfReasons,
  statusOfReport,
  type PrinterReport,
} from '../../../src-main/devices/dispenser/ipp/printer-state-reasons';

const idle: PrinterReport = { state: 3, reasons: ['none'], message: null, acceptingJobs: true };

describe('the dispenser’s state from IPP printer-state-reasons', () => {
  it('an idle printer with no reason is ready, without detail or paper warning', () => {
    expect(statusOfReport(idle)).toEqual({ condition: 'ready', detail: null, paperLow: false });
    expect(statusOfReport({ ...idle, state: 4, reasons: ['connecting-to-device'] })).toMatchObject({
      condition: 'ready',
      detail: null,
    });
  });

  it.each([
    [['media-empty'], 'paper-out'],
    [['media-empty-error'], 'paper-out'],
    [['media-empty-warning'], 'paper-out'],
    [['media-needed-error'], 'paper-out'],
    [['media-jam-error'], 'jammed'],
    [['media-jam'], 'jammed'],
    [['door-open-error'], 'offline'],
    [['cover-open'], 'offline'],
    [['offline-report'], 'offline'],
    [['shutdown'], 'offline'],
    // Worst first: no paper is what staff must fix before the jam is even reachable.
    [['media-jam-error', 'media-empty-error'], 'paper-out'],
    [['door-open-error', 'media-jam-error'], 'jammed'],
  ] as const)('%j → %s', (reasons, condition) => {
    expect(conditionOfReasons(reasons)).toBe(condition);
    expect(statusOfReport({ ...idle, reasons })).toMatchObject({ condition, detail: reasons.join(' ') });
  });

  it('media-low keeps the dispenser ready and says so in paperLow and detail', () => {
    expect(statusOfReport({ ...idle, reasons: ['media-low-report'] })).toEqual({
      condition: 'ready',
      detail: 'media-low-report',
      paperLow: true,
    });
    expect(statusOfReport({ ...idle, reasons: ['media-low-warning', 'media-empty-error'] })).toMatchObject({
      condition: 'paper-out',
      paperLow: true,
    });
  });

  it('advice that is not ours to judge (a -report, a toner warning) is detail only', () => {
    expect(statusOfReport({ ...idle, reasons: ['door-open-report', 'toner-low-warning'] })).toEqual({
      condition: 'ready',
      detail: 'door-open-report toner-low-warning',
      paperLow: false,
    });
  });

  it('a stopped queue or one refusing jobs is offline, with the scheduler’s message for staff', () => {
    expect(statusOfReport({ ...idle, state: 5, reasons: ['paused'], message: 'Paused' })).toEqual({
      condition: 'offline',
      detail: 'printer stopped; Paused',
      paperLow: false,
    });
    expect(statusOfReport({ ...idle, acceptingJobs: false })).toMatchObject({
      condition: 'offline',
      detail: 'not accepting jobs',
    });
    // A reason that names the fault wins over the bare "stopped".
    expect(statusOfReport({ ...idle, state: 5, reasons: ['media-jam-error'] })).toMatchObject({ condition: 'jammed' });
  });

  it('an answer without printer-state is unknown, which does not stop a sale by itself', () => {
    const status = statusOfReport({ state: null, reasons: [], message: null, acceptingJobs: null });
    expect(status).toMatchObject({ condition: 'unknown' });
    expect(dispenserConditionMessage(status.condition)).toBeNull();
  });

  it('each blocking condition has the Spanish sentence the kiosk shows', () => {
    const shown = (reasons: string[]) => dispenserConditionMessage(statusOfReport({ ...idle, reasons }).condition);
    expect(shown(['media-empty-error'])).toBe('El dispensador de certificados no tiene papel; avise a un funcionario.');
    expect(shown(['media-jam-error'])).toBe(
      'El dispensador de certificados se atascó y el certificado no salió; avise a un funcionario.',
    );
    expect(shown(['door-open-error'])).toBe('El dispensador de certificados no responde; avise a un funcionario.');
    expect(shown(['media-low-report'])).toBeNull();
  });
});

describe('the simulator’s paper warning', () => {
  it('warns paperLow from its threshold down to one sheet, and not when empty (that is paper-out)', async () => {
    const dispenser = new SimulatedDispenser(3, 2);
    const document = { title: 'c', contentType: 'application/pdf', content: new Uint8Array(1) };
    expect(await dispenser.status()).toEqual({ condition: 'ready', detail: null, paperLow: false });
    await dispenser.dispense(document);
    expect(await dispenser.status()).toEqual({ condition: 'ready', detail: null, paperLow: true });
    await dispenser.dispense(document);
    await dispenser.dispense(document);
    expect(await dispenser.status()).toEqual({ condition: 'paper-out', detail: null, paperLow: false });
  });
});
