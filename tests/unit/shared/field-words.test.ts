import { describe, expect, it } from 'vitest';
import { agoLabel, dataAgeLabel, outboxLine, paidElsewhereRisk } from '../../../src-shared/field/field-words';

/** The field laptop's words about its data and its unsent payments, and the «paid elsewhere» rule (docs/field-mode.md). */
describe('field words', () => {
  it('says when the data were pulled, in Bogotá', () => {
    expect(dataAgeLabel('2026-12-03T11:10:00Z')).toBe('Datos del 03/12/2026 06:10');
    // 02:30 UTC on the 4th is still the 3rd in Bogotá.
    expect(dataAgeLabel('2026-12-04T02:30:00Z')).toBe('Datos del 03/12/2026 21:30');
    expect(dataAgeLabel(null)).toBe('Sin datos descargados del servidor central');
  });

  it('counts the unsent payments and the age of the oldest', () => {
    const now = new Date('2026-12-05T12:00:00Z');
    expect(outboxLine(34, '2026-12-03T09:00:00Z', now)).toBe('34 pagos sin enviar, el más antiguo de hace 2 días');
    expect(outboxLine(1, '2026-12-05T09:00:00Z', now)).toBe('1 pago sin enviar, de hace 3 horas');
    expect(outboxLine(0, null, now)).toBe('Todos los pagos están enviados al servidor central.');
    expect(agoLabel('2026-12-05T11:59:30Z', now)).toBe('hace un momento');
    expect(agoLabel('2026-12-05T11:59:00Z', now)).toBe('hace 1 minuto');
    expect(agoLabel('2026-12-04T11:00:00Z', now)).toBe('hace 1 día');
  });

  it('warns of a bill possibly paid elsewhere: no data, data over a day old, or a due date after the pull', () => {
    const now = new Date('2026-12-10T15:00:00Z');
    expect(paidElsewhereRisk('2026-12-20', null, now)).toMatch(/no tiene datos/);
    expect(paidElsewhereRisk('2026-12-20', '2026-12-09T14:00:00Z', now)).toMatch(/más de 24 horas/);
    // Pulled yesterday evening (Bogotá), due today: people pay at the bank on the last day.
    expect(paidElsewhereRisk('2026-12-10', '2026-12-09T23:00:00Z', now)).toMatch(/venció después/);
    // Pulled this morning, due later or due before the pull: nothing to ask.
    expect(paidElsewhereRisk('2026-12-20', '2026-12-10T11:00:00Z', now)).toBeNull();
    expect(paidElsewhereRisk('2026-12-01', '2026-12-10T11:00:00Z', now)).toBeNull();
  });
});
