import { describe, expect, it } from 'vitest';
import { TicketCode } from '../../../src-shared/tickets/ticket-fields';
import { readTicketNumber, formatTicketNumber } from '../../../src-shared/tickets/ticket-number';
import {
  nextTicketState,
  refusedTicketAction,
  ticketActions,
  ticketStates,
  type TicketAction,
  type TicketState,
} from '../../../src-shared/tickets/ticket-states';

/** Every pair the machine allows, written out once more by hand: a change to the machine must change this too. */
const allowed: Record<TicketState, Partial<Record<TicketAction, TicketState>>> = {
  abierto: {
    assign: 'en-atencion',
    'agent-message': 'en-atencion',
    'internal-note': 'abierto',
    'citizen-message': 'abierto',
    'propose-solution': 'solucion-propuesta',
  },
  'en-atencion': {
    assign: 'en-atencion',
    'agent-message': 'en-atencion',
    'internal-note': 'en-atencion',
    'citizen-message': 'en-atencion',
    'propose-solution': 'solucion-propuesta',
  },
  'solucion-propuesta': {
    assign: 'solucion-propuesta',
    'agent-message': 'solucion-propuesta',
    'internal-note': 'solucion-propuesta',
    'citizen-message': 'solucion-propuesta',
    'accept-solution': 'resuelto',
    'reject-solution': 'reabierto',
  },
  reabierto: {
    assign: 'en-atencion',
    'agent-message': 'en-atencion',
    'internal-note': 'reabierto',
    'citizen-message': 'reabierto',
    'propose-solution': 'solucion-propuesta',
  },
  resuelto: { 'internal-note': 'resuelto' },
};

describe('ticket state machine', () => {
  for (const state of ticketStates)
    for (const action of ticketActions)
      it(`${state} + ${action}`, () => {
        expect(nextTicketState(state, action)).toBe(allowed[state][action] ?? null);
        if (allowed[state][action] === undefined) expect(refusedTicketAction(state, action)).toMatch(/\S/);
      });
});

describe('ticket numbers', () => {
  it('reads what citizens type and refuses what cannot be one', () => {
    expect(formatTicketNumber(2026, 123)).toBe('TK-2026-000123');
    expect(readTicketNumber('tk 2026 123')?.text).toBe('TK-2026-000123');
    expect(readTicketNumber(' TK-2026-000123 ')?.text).toBe('TK-2026-000123');
    for (const bad of ['', 'TK-26-1', 'TK-2026-0', 'XX-2026-000001', "TK-2026-1' OR 1=1", 'TK-2026-0000001234567890'])
      expect(readTicketNumber(bad)).toBeNull();
  });
});

describe('the mailed code as typed', () => {
  it('takes spaces and dashes from a copied code, and refuses anything but six digits', () => {
    expect(TicketCode.parse(' 123 456\n')).toBe('123456');
    expect(TicketCode.parse('123-456')).toBe('123456');
    for (const bad of ['12345', '1234567', '12a456', '']) expect(TicketCode.safeParse(bad).success).toBe(false);
  });
});
