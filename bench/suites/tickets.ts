import { randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { openServerDatabase, type ServerDatabase } from '../../src-server/db/open';
import { migrateServerDatabase } from '../../src-server/db/migrate';
import { queuePage, type QueueQuery } from '../../src-server/console/ticket-queue-queries';
import { createServerLogger } from '../../src-server/logger';
import { defaultAttachmentLimits, TicketAttachments } from '../../src-server/tickets/attachments';
import { openCitizenTickets } from '../../src-server/tickets/ticket-access';
import { defaultTicketConfig } from '../../src-server/tickets/ticket-config';
import type { TicketContext } from '../../src-server/tickets/ticket-context';
import { seedDemoTickets } from '../../src-server/tickets/ticket-demo';
import { confirmTicketCode, startTicket } from '../../src-server/tickets/ticket-drafts';
import { ticketsOfEmail } from '../../src-server/tickets/ticket-queries';
import { TicketFields } from '../../src-shared/tickets/ticket-fields';
import { tempDir } from '../../tests/support/temp-dir';
import { countOption, Latencies } from '../support/latency';
import type { BenchContext, Metrics } from '../suite';

/**
 * `tickets` (docs/tickets.md), on PGlite with --tickets (100,000) demo tickets:
 *
 * - `tickets.list_by_email_p99_ms`: «Ver mi lista de tickets» — the number and email checked
 *   and every ticket of the address read (target ≤ 5 ms); `tickets.list_with_throttle_p99_ms` adds
 *   what each lookup also writes: its try counted and given back (login-throttle.ts). Beside
 *   them `tickets.raw_pk_read_p99_ms`: one ticket read by its primary key, the same run.
 * - `tickets.console_queue_p99_ms`: the first page (50 rows) of the agents' queue, each run with
 *   other filters in turn — open states newest first, one state most overdue first, a category
 *   with an age, unassigned, one agent's, overdue only (src-server/console/ticket-queue-queries.ts);
 *   beside `tickets.raw_first_page_p99_ms`: 50 rows of one state by the (state, created_at) index.
 * - `tickets.create_p99_ms`: a ticket created with one 1 MB photo (a 1,150 × 1,150 JPEG):
 *   the photo checked and re-encoded without metadata, stored with fsync, the draft and its
 *   code mail, then the code typed and the ticket, its event and its confirmation mail
 *   committed. Beside it `tickets.raw_file_fsync_p99_ms`: the same megabyte written and fsynced.
 *
 * Options: --runs N (300), --tickets N (100000).
 */
export const name = 'tickets';

export async function run(ctx: BenchContext): Promise<Metrics> {
  const { values } = parseArgs({
    args: [...ctx.args],
    strict: false,
    options: { runs: { type: 'string' }, tickets: { type: 'string' } },
  });
  const runs = countOption(values, 'runs', 300);
  const tickets = countOption(values, 'tickets', 100_000);
  const dir = tempDir('bench-tickets');
  const database = await openServerDatabase(
    { dataDir: dir.path, databaseUrl: null },
    { logger: createServerLogger('silent') },
  );
  try {
    await migrateServerDatabase(database.exec);
    ctx.log(`${tickets} tickets de demostración…`);
    await seedDemoTickets(database.exec, { seed: 1, tickets, now: new Date() });
    const ticketCtx = context(database, dir.path);
    ctx.log(`${runs} listas por número y correo…`);
    const lists = await measureLists(ticketCtx, runs);
    ctx.log(`${runs} primeras páginas de la cola de soporte con filtros…`);
    const queue = await measureQueue(ticketCtx, runs);
    ctx.log(`${runs} tickets creados con una foto de 1 MB…`);
    const create = await measureCreate(ticketCtx, dir.path, runs);
    return { ...lists, ...queue, ...create };
  } finally {
    await database.close();
    dir.remove();
  }
}

function context(database: ServerDatabase, dataDir: string): TicketContext {
  const log = createServerLogger('silent');
  return {
    database,
    config: defaultTicketConfig,
    attachments: new TicketAttachments({ ...defaultAttachmentLimits, dir: path.join(dataDir, 'attachments') }, log),
    mail: { wake: () => undefined },
    log,
    now: () => new Date(),
    publicBaseUrl: 'https://ventanilla.example',
  };
}

async function measureLists(ctx: TicketContext, runs: number): Promise<Metrics> {
  const exec = ctx.database.exec;
  const { rows } = await exec.query<{ id: string; number: string; email: string }>(
    'SELECT id, number, email FROM tickets ORDER BY random() LIMIT $1',
    [runs],
  );
  const list = new Latencies();
  const throttled = new Latencies();
  const raw = new Latencies();
  for (const [i, row] of rows.entries()) {
    await list.timeAsync(async () => {
      const { rows: found } = await exec.query('SELECT id FROM tickets WHERE number = $1 AND email = $2', [
        row.number,
        row.email,
      ]);
      if (found.length !== 1) throw new Error('the pair should open its tickets');
      return ticketsOfEmail(exec, row.email);
    });
    await throttled.timeAsync(async () => {
      const opened = await openCitizenTickets(ctx, row.number, row.email, { channel: 'web' }, `bench-${i % 50}`);
      if (!opened.ok) throw new Error(opened.error.message);
      return ticketsOfEmail(exec, opened.value.email);
    });
    await raw.timeAsync(() => exec.query('SELECT * FROM tickets WHERE id = $1', [row.id]));
  }
  return {
    'tickets.list_by_email_p99_ms': list.percentile(99),
    'tickets.list_with_throttle_p99_ms': throttled.percentile(99),
    'tickets.raw_pk_read_p99_ms': raw.percentile(99),
  };
}

async function measureQueue(ctx: TicketContext, runs: number): Promise<Metrics> {
  const base: QueueQuery = {
    states: ['abierto', 'en-atencion', 'solucion-propuesta', 'reabierto'],
    category: null,
    olderThanDays: null,
    assignee: { kind: 'any' },
    email: null,
    overdueOnly: false,
    order: 'recent',
    after: null,
    limit: 50,
    now: new Date(),
  };
  const filters: QueueQuery[] = [
    base,
    { ...base, states: ['abierto'], order: 'due' },
    { ...base, category: 'facturacion', olderThanDays: 3 },
    { ...base, assignee: { kind: 'none' } },
    { ...base, assignee: { kind: 'user', username: 'soporte1' }, order: 'due' },
    { ...base, overdueOnly: true, order: 'due' },
    { ...base, states: ['resuelto'] },
  ];
  const queue = new Latencies();
  const raw = new Latencies();
  const perFilter = filters.map(() => new Latencies());
  for (let i = 0; i < runs; i += 1) {
    const filter = filters[i % filters.length]!;
    const started = performance.now();
    await queue.timeAsync(() => queuePage(ctx.database.exec, { ...filter, now: new Date() }));
    perFilter[i % filters.length]!.add(performance.now() - started);
    await raw.timeAsync(() =>
      ctx.database.exec.query('SELECT * FROM tickets WHERE state = $1 ORDER BY created_at DESC LIMIT 50', ['abierto']),
    );
  }
  return {
    'tickets.console_queue_p99_ms': queue.percentile(99),
    // The slowest filter's median, to find it when the p99 moves.
    'tickets.console_queue_worst_filter_p50_ms': Math.max(...perFilter.map((l) => l.percentile(50))),
    'tickets.raw_first_page_p99_ms': raw.percentile(99),
  };
}

async function measureCreate(ctx: TicketContext, dataDir: string, runs: number): Promise<Metrics> {
  // A photo as a kiosk camera makes one: noise compresses badly, so 1,150 × 1,150 at quality 90 is about 1 MB.
  const side = 1150;
  const noise = randomBytes(side * side * 3 + 3000);
  const photo = await sharp(noise.subarray(0, side * side * 3), { raw: { width: side, height: side, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
  const create = new Latencies();
  const fsynced = new Latencies();
  for (let i = 0; i < runs; i += 1) {
    // Each photo differs (one byte in its pixels' noise would change the re-encoding): stored as a new file every time.
    const offset = (i % 1000) * 3;
    const bytes = await sharp(noise.subarray(offset, offset + side * side * 3), {
      raw: { width: side, height: side, channels: 3 },
    })
      .jpeg({ quality: 90 })
      .toBuffer();
    const fields = TicketFields.parse({
      name: 'Ana María Restrepo',
      email: `bench.${i}@correo.example`,
      phone: '310 555 0101',
      category: 'facturacion',
      subject: 'Cobro doble en la factura',
      description: 'En la factura de octubre aparece dos veces el cargo de alcantarillado.',
    });
    await create.timeAsync(async () => {
      const started = await startTicket(ctx, fields, [{ name: 'factura.jpg', bytes }], { channel: 'web' });
      if (!started.ok) throw new Error(started.error.message);
      const code = await mailedCode(ctx, fields.email);
      const created = await confirmTicketCode(ctx, started.value.draftId, code, { channel: 'web' });
      if (!created.ok) throw new Error(created.error.message);
    });
    await fsynced.timeAsync(async () => {
      const file = await open(path.join(dataDir, `raw-${i}.bin`), 'w');
      try {
        await file.write(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
    });
  }
  return {
    'tickets.create_p99_ms': create.percentile(99),
    'tickets.create_photo_bytes': photo.length,
    'tickets.raw_file_fsync_p99_ms': fsynced.percentile(99),
  };
}

/** The code as the citizen reads it in the mail (the bench measures the reading too: it is one indexed query). */
async function mailedCode(ctx: TicketContext, email: string): Promise<string> {
  const { rows } = await ctx.database.exec.query<{ text: string }>(
    "SELECT text FROM mail_outbox WHERE recipient = $1 AND template = 'ticket-code' ORDER BY id DESC LIMIT 1",
    [email],
  );
  const code = /\b(\d{6})\b/.exec(rows[0]?.text ?? '')?.[1];
  if (code === undefined) throw new Error('no code mailed');
  return code;
}
