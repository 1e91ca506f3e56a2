import { describe, expect, it } from 'vitest';
import { channelText, dueStanding, duration, maskEmail } from '../../../src-server/console/ticket-format';
import { cursorText, readCursor } from '../../../src-server/console/ticket-queue-queries';
import { assigneeOf, queueHref, readQueueSearch, statesOf } from '../../../src-server/console/ticket-queue-search';

const hour = 3_600_000;

describe('the ticket console’s words', () => {
  it('writes durations to the precision a desk needs', () => {
    expect(duration(0)).toBe('0 min');
    expect(duration(45 * 60_000)).toBe('45 min');
    expect(duration(3 * hour)).toBe('3 h');
    expect(duration(3 * hour + 20 * 60_000)).toBe('3 h 20 min');
    expect(duration(50 * hour)).toBe('2 d 2 h');
    expect(duration(48 * hour)).toBe('2 d');
  });

  it('names where a ticket was filed: the device by its kind and name, a counter as «Caja»', () => {
    expect(channelText('web', null)).toBe('Página web');
    expect(channelText('kiosk', { name: 'Sede centro 1', mode: 'kiosk' })).toBe('Kiosco «Sede centro 1»');
    expect(channelText('kiosk', { name: 'Caja 2', mode: 'cashier' })).toBe('Caja «Caja 2»');
    expect(channelText('kiosk', { name: 'Ruta 14', mode: 'field' })).toBe('Equipo de campo «Ruta 14»');
  });

  it('marks «Vencido» only when the first answer is due and none was given', () => {
    const now = new Date('2026-12-03T12:00:00Z');
    const due = (offset: number) => new Date(now.getTime() + offset);
    expect(dueStanding({ dueAt: due(-4 * hour), firstReplyAt: null }, now)).toEqual({
      kind: 'overdue',
      mark: 'Vencido',
      text: 'hace 4 h',
    });
    expect(dueStanding({ dueAt: due(90 * 60_000), firstReplyAt: null }, now)).toMatchObject({
      kind: 'soon',
      mark: 'Vence pronto',
      text: 'en 1 h 30 min (08:30)',
    });
    expect(dueStanding({ dueAt: due(26 * hour), firstReplyAt: null }, now)).toEqual({
      kind: 'pending',
      mark: null,
      text: 'Vence en 1 d 2 h',
    });
    // Answered: never overdue again, whatever the clock says.
    expect(dueStanding({ dueAt: due(-4 * hour), firstReplyAt: due(-5 * hour) }, now).text).toBe('Respondido a tiempo');
    expect(dueStanding({ dueAt: due(-4 * hour), firstReplyAt: due(-1 * hour) }, now).text).toBe('Respondido 3 h tarde');
  });

  it('hides most of an address, never all of its domain', () => {
    expect(maskEmail('maria.lozano@correo.test')).toBe('ma•••••o@correo.test');
    expect(maskEmail('ana@x.co')).toBe('a•••@x.co');
    expect(maskEmail('sin-arroba')).toBe('•••');
  });
});

describe('the queue’s address', () => {
  it('reads every filter strictly and falls back to the defaults', () => {
    const search = readQueueSearch(
      {
        estado: 'reabierto',
        categoria: 'pagos',
        antiguedad: '3',
        asignado: 'u:soporte2',
        correo: ' A@B.CO ',
        vencidos: '1',
        orden: 'vencimiento',
      },
      ['pagos'],
    );
    expect(search).toMatchObject({
      state: 'reabierto',
      category: 'pagos',
      age: '3',
      email: 'a@b.co',
      overdueOnly: true,
      order: 'due',
    });
    expect(statesOf(search)).toEqual(['reabierto']);
    expect(assigneeOf(search, 'soporte1')).toEqual({ kind: 'user', username: 'soporte2' });
    expect(queueHref('/consola/tickets', search)).toBe(
      '/consola/tickets?estado=reabierto&categoria=pagos&antiguedad=3&asignado=u%3Asoporte2&correo=a%40b.co&vencidos=1&orden=vencimiento',
    );
    const junk = readQueueSearch(
      { estado: 'borrado', categoria: 'x', antiguedad: '30', asignado: 'u: x', correo: 'nada', orden: ['a'] },
      ['pagos'],
    );
    expect(junk).toMatchObject({
      state: 'por-atender',
      category: '',
      age: '',
      assignee: '',
      email: '',
      overdueOnly: false,
      order: 'recent',
      after: null,
    });
    expect(statesOf(junk)).toEqual(['abierto', 'en-atencion', 'reabierto']);
    expect(assigneeOf(readQueueSearch({ asignado: 'mios' }, []), 'soporte1')).toEqual({
      kind: 'user',
      username: 'soporte1',
    });
    expect(queueHref('/consola/tickets', junk)).toBe('/consola/tickets');
  });

  it('carries a page’s cursor exactly, and nothing else as one', () => {
    const recent = {
      order: 'recent',
      at: '2026-12-03T12:00:00.123456Z',
      id: '0193a000-0000-7000-8000-000000000001',
    } as const;
    const due = {
      order: 'due',
      answered: true,
      at: '2026-12-01T08:30:00.000000Z',
      id: '0193a000-0000-7000-8000-000000000002',
    } as const;
    expect(readCursor(cursorText(recent))).toEqual(recent);
    expect(readCursor(cursorText(due))).toEqual(due);
    for (const bad of [
      '',
      'r_2026-12-03_x',
      `r_2026-12-03T12:00:00.123456Z_${"'; DROP TABLE tickets; --"}`,
      'd_2_2026-12-01T08:30:00.000000Z_0193a000-0000-7000-8000-000000000002',
    ])
      expect(readCursor(bad)).toBeNull();
  });
});
