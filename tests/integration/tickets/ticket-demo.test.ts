import { expect, it } from 'vitest';
import { nextTicketState, type TicketAction, type TicketState } from '../../../src-shared/tickets/ticket-states';
import { seedDemoTickets } from '../../../src-server/tickets/ticket-demo';
import { describeEachServerDatabase } from '../../support/postgres';
import { startTestServer } from '../../support/server-harness';

/** What each event kind of the demo history is as a move of the state machine. */
const actionOf: Record<string, TicketAction | null> = {
  created: null,
  assigned: 'assign',
  message: 'agent-message',
  note: 'internal-note',
  solution: 'propose-solution',
  accepted: 'accept-solution',
  rejected: 'reject-solution',
};

describeEachServerDatabase('demo tickets', (variant) => {
  it(
    'follow the state machine, number each year in order, and come out the same for the same seed',
    { timeout: 120_000 },
    async () => {
      const t = await startTestServer(variant, { logLevel: 'silent' });
      const exec = t.server.database.exec;
      const now = new Date('2026-12-03T12:00:00Z');
      expect(await seedDemoTickets(exec, { seed: 1, tickets: 3_000, now })).toEqual({ tickets: 3_000 });
      // Loaded again: nothing, the tickets are there.
      expect(await seedDemoTickets(exec, { seed: 1, tickets: 3_000, now })).toEqual({ tickets: 0 });

      const tickets = (
        await exec.query<{
          id: string;
          number: string;
          state: TicketState;
          rating: number | null;
          created_at: Date;
          first_reply_at: Date | null;
        }>('SELECT id, number, state, rating, created_at, first_reply_at FROM tickets ORDER BY created_at')
      ).rows;
      const events = (
        await exec.query<{ ticket_id: string; kind: string; state_after: TicketState; at: Date }>(
          'SELECT ticket_id, kind, state_after, at FROM ticket_events ORDER BY id',
        )
      ).rows;
      const byTicket = new Map<string, typeof events>();
      for (const e of events) byTicket.set(e.ticket_id, [...(byTicket.get(e.ticket_id) ?? []), e]);
      const states = new Map<string, number>();
      for (const ticket of tickets) {
        let state: TicketState = 'abierto';
        for (const e of byTicket.get(ticket.id) ?? []) {
          const action = actionOf[e.kind];
          if (action === null) continue;
          const next = nextTicketState(state, action!);
          expect(next, `${ticket.number}: ${e.kind} from ${state}`).toBe(e.state_after);
          state = next!;
          expect(new Date(e.at).getTime()).toBeLessThanOrEqual(now.getTime());
        }
        expect(state).toBe(ticket.state);
        expect(ticket.rating !== null).toBe(ticket.state === 'resuelto');
        states.set(state, (states.get(state) ?? 0) + 1);
      }
      // Every state is there, mostly resolved.
      expect([...states.keys()].sort()).toEqual([
        'abierto',
        'en-atencion',
        'reabierto',
        'resuelto',
        'solucion-propuesta',
      ]);
      expect(states.get('resuelto')! / tickets.length).toBeGreaterThan(0.7);
      // Numbers: each year from 1 without gaps, in creation order.
      const perYear = new Map<string, number>();
      for (const ticket of tickets) {
        const [, year, sequence] = ticket.number.split('-');
        const expected = (perYear.get(year!) ?? 0) + 1;
        expect(Number(sequence)).toBe(expected);
        perYear.set(year!, expected);
      }
      const series = (
        await exec.query<{ year: number; last_sequence: number }>(
          'SELECT year, last_sequence FROM ticket_number_series',
        )
      ).rows;
      expect(Object.fromEntries(series.map((s) => [String(s.year), s.last_sequence]))).toEqual(
        Object.fromEntries(perYear),
      );

      // Same seed, another database: the same tickets.
      const u = await startTestServer(variant, { logLevel: 'silent' });
      await seedDemoTickets(u.server.database.exec, { seed: 1, tickets: 3_000, now });
      const again = await u.server.database.exec.query<{ number: string; email: string; state: string }>(
        'SELECT number, email, state FROM tickets ORDER BY number',
      );
      const first = await exec.query<{ number: string; email: string; state: string }>(
        'SELECT number, email, state FROM tickets ORDER BY number',
      );
      expect(again.rows).toEqual(first.rows);
    },
  );
});
