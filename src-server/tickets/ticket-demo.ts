import { personName } from '../../db/seed/people';
import { Rng, streams, WeightedTable } from '../../db/seed/random';
import { uuidV7 } from '../../db/seed/uuid-v7';
import { defaultTicketCategories } from '../../src-shared/tickets/ticket-categories';
import { formatTicketNumber } from '../../src-shared/tickets/ticket-number';
import type { TicketState } from '../../src-shared/tickets/ticket-states';
import type { SqlExecutor } from '../db/sql-executor';
import { runInTransaction } from '../db/transaction';
import { demoTicketTexts } from './ticket-demo-texts';

/**
 * Demo support tickets (docs/tickets.md): `tickets` over the two years before `now`, across the
 * default categories, each with a history that follows the state machine — most old ones
 * resolved and rated, recent ones open, in attention, waiting on a proposed solution or reopened.
 * The same seed, count and `now` give the same tickets. No attachments: their files would live
 * on disk, outside the database.
 */
export interface DemoTicketOptions {
  readonly seed: number;
  readonly tickets: number;
  readonly now: Date;
}

const hour = 3_600_000;
const day = 24 * hour;
const agents = ['soporte1', 'soporte2'];
const categories = new WeightedTable(defaultTicketCategories.map((c, i) => [c, [30, 20, 15, 15, 10, 5, 5][i] ?? 5]));
const ratings = new WeightedTable<number>([
  [5, 45],
  [4, 30],
  [3, 12],
  [2, 6],
  [1, 7],
]);
const ratingComments = [
  'Muy buena atención.',
  'Gracias, quedó resuelto.',
  'Se demoraron, pero lo solucionaron.',
  null,
  null,
];

interface Row {
  readonly ticket: unknown[];
  readonly events: unknown[][];
}

const batchSize = 2_000;

export async function seedDemoTickets(exec: SqlExecutor, options: DemoTicketOptions): Promise<{ tickets: number }> {
  const { rows } = await exec.query<{ n: string | number }>('SELECT count(*) AS n FROM tickets');
  if (Number(rows[0]?.n) > 0 || options.tickets <= 0) return { tickets: 0 };
  const sequences = new Map<number, number>();
  const span = 730 * day;
  const start = options.now.getTime() - span;
  for (let from = 0; from < options.tickets; from += batchSize) {
    const batch: Row[] = [];
    for (let i = from; i < Math.min(options.tickets, from + batchSize); i += 1) {
      const rng = Rng.derive(options.seed, streams.tickets, i);
      const createdAt = start + Math.floor((i / options.tickets) * (span - 2 * hour)) + rng.int(0, 30 * 60_000);
      const year = new Date(createdAt - 5 * hour).getUTCFullYear();
      const sequence = (sequences.get(year) ?? 0) + 1;
      sequences.set(year, sequence);
      batch.push(demoTicket(rng, options, createdAt, formatTicketNumber(year, sequence)));
    }
    await runInTransaction(exec, async (tx) => {
      await tx.query(
        `INSERT INTO tickets (id, number, name, email, phone, category, subject, description, state, channel, assignee,
           created_at, due_at, first_reply_at, updated_at, resolved_at, rating, rating_comment)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
           $9::text[], $10::text[], $11::text[], $12::timestamptz[], $13::timestamptz[], $14::timestamptz[], $15::timestamptz[],
           $16::timestamptz[], $17::smallint[], $18::text[])`,
        columns(
          batch.map((r) => r.ticket),
          18,
        ),
      );
      await tx.query(
        `INSERT INTO ticket_events (id, ticket_id, at, kind, author_kind, author, body, internal, state_after)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[],
           $8::boolean[], $9::text[])`,
        columns(
          batch.flatMap((r) => r.events),
          9,
        ),
      );
    });
  }
  for (const [year, last] of sequences)
    await exec.query(
      `INSERT INTO ticket_number_series (year, last_sequence) VALUES ($1, $2)
       ON CONFLICT (year) DO UPDATE SET last_sequence = GREATEST(ticket_number_series.last_sequence, EXCLUDED.last_sequence)`,
      [year, last],
    );
  await exec.query('ANALYZE tickets, ticket_events');
  return { tickets: options.tickets };
}

function columns(rows: unknown[][], width: number): unknown[][] {
  const out: unknown[][] = Array.from({ length: width }, () => []);
  for (const row of rows) row.forEach((value, i) => out[i]?.push(value));
  return out;
}

/** Where a ticket of this age stands: most old ones resolved, recent ones still moving. */
const oldStates = new WeightedTable<TicketState>([
  ['resuelto', 93],
  ['solucion-propuesta', 4],
  ['en-atencion', 3],
]);
const weekStates = new WeightedTable<TicketState>([
  ['resuelto', 60],
  ['solucion-propuesta', 15],
  ['en-atencion', 15],
  ['reabierto', 5],
  ['abierto', 5],
]);
const newStates = new WeightedTable<TicketState>([
  ['abierto', 35],
  ['en-atencion', 30],
  ['solucion-propuesta', 20],
  ['reabierto', 5],
  ['resuelto', 10],
]);

function stateFor(rng: Rng, ageMs: number): TicketState {
  return (ageMs > 30 * day ? oldStates : ageMs > 7 * day ? weekStates : newStates).pick(rng);
}

function demoTicket(rng: Rng, options: DemoTicketOptions, createdAt: number, number: string): Row {
  const now = options.now.getTime();
  // About 45,000 citizens for 100,000 tickets: many have several.
  const person = rng.int(0, Math.max(1, Math.floor(options.tickets * 0.45)));
  const personRng = Rng.derive(options.seed, streams.tickets, 1_000_000_000 + person);
  const name = personName(personRng);
  const email = `${slug(name)}.${person}@correo.example`;
  const phone = `3${personRng.digits(2)} ${personRng.digits(3)} ${personRng.digits(4)}`;
  const category = categories.pick(rng);
  const texts = demoTicketTexts[category.code] ?? demoTicketTexts.otro!;
  const pick = rng.int(0, texts.subjects.length - 1);
  const state = stateFor(rng, now - createdAt);
  const id = uuidV7(createdAt, rng);
  const events: unknown[][] = [];
  let at = createdAt;
  const event = (
    kind: string,
    authorKind: string,
    author: string | null,
    body: string | null,
    after: TicketState,
    internal = false,
  ) => {
    events.push([uuidV7(at, rng), id, new Date(at).toISOString(), kind, authorKind, author, body, internal, after]);
  };
  event('created', 'citizen', null, null, 'abierto');
  const dueAt = createdAt + category.firstReplyHours * hour;
  let assignee: string | null = null;
  let firstReplyAt: number | null = null;
  // Time left before now for the rest of the history: every event stays in the past.
  const step = (maxMs: number) => {
    at = Math.min(now - 60_000, at + rng.int(10 * 60_000, Math.max(10 * 60_000, maxMs)));
  };
  if (state !== 'abierto') {
    assignee = rng.pick(agents);
    step(4 * hour);
    event('assigned', 'agent', assignee, assignee, 'en-atencion');
    // About one in six first answers arrives after the service level.
    step(rng.chance(0.17) ? category.firstReplyHours * 2 * hour : category.firstReplyHours * 0.8 * hour);
    event('message', 'agent', assignee, rng.pick(texts.answers), 'en-atencion');
    firstReplyAt = at;
    if (rng.chance(0.4)) {
      step(day);
      event('note', 'agent', assignee, 'Verificado en el sistema comercial.', 'en-atencion', true);
    }
  }
  let current: TicketState = state === 'abierto' ? 'abierto' : 'en-atencion';
  let resolvedAt: number | null = null;
  let rating: number | null = null;
  let ratingComment: string | null = null;
  if (state === 'solucion-propuesta' || state === 'resuelto' || state === 'reabierto') {
    const rejectedFirst = state === 'reabierto' || (state === 'resuelto' && rng.chance(0.1));
    step(2 * day);
    event('solution', 'agent', assignee, rng.pick(texts.solutions), 'solucion-propuesta');
    current = 'solucion-propuesta';
    if (rejectedFirst) {
      step(2 * day);
      event('rejected', 'citizen', null, 'El problema sigue igual.', 'reabierto');
      current = 'reabierto';
      if (state === 'resuelto') {
        step(2 * day);
        event('solution', 'agent', assignee, rng.pick(texts.solutions), 'solucion-propuesta');
        current = 'solucion-propuesta';
      }
    }
    if (state === 'resuelto') {
      step(3 * day);
      rating = ratings.pick(rng);
      ratingComment = rng.pick(ratingComments);
      event('accepted', 'citizen', null, ratingComment, 'resuelto');
      current = 'resuelto';
      resolvedAt = at;
    }
  }
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    ticket: [
      id,
      number,
      name,
      email,
      phone,
      category.code,
      texts.subjects[pick],
      texts.descriptions[pick] ?? texts.descriptions[0],
      current,
      rng.chance(0.6) ? 'kiosk' : 'web',
      assignee,
      iso(createdAt),
      iso(dueAt),
      iso(firstReplyAt),
      iso(at),
      iso(resolvedAt),
      rating,
      ratingComment,
    ],
    events,
  };
}

function slug(name: string): string {
  const [first = 'ciudadano', , last = 'demo'] = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/\s+/);
  return `${first}.${last}`.replace(/[^a-z.]/g, '');
}
