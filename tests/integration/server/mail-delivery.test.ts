import { beforeAll, expect, it, onTestFinished } from 'vitest';
import { demoEntity, entitySettingKey } from '../../../db/seed/entity';
import { openServerDatabase, type ServerDatabase } from '../../../src-server/db/open';
import { migrateServerDatabase } from '../../../src-server/db/migrate';
import { startServer } from '../../../src-server/index';
import { createServerLogger } from '../../../src-server/logger';
import type { MailMessage } from '../../../src-server/mail/mail-messages';
import { enqueueMail } from '../../../src-server/mail/mail-outbox';
import { MailSender, type MailSenderOptions } from '../../../src-server/mail/mail-sender';
import { createMailTransport, type MailTransport } from '../../../src-server/mail/mail-transport';
import { formatNit } from '../../../src-shared/domain/nit';
import { fileCleanup } from '../../support/file-cleanup';
import { describeEachServerDatabase, type DatabaseVariant } from '../../support/postgres';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { openMigratedDatabase, startTestServer, type Cleanup } from '../../support/server-harness';

const FROM = 'Ventanilla <no-responder@ventanilla.local>';
/** Short waits so the outage and restart cases take milliseconds, not the production 5 s–15 min. */
const FAST: Partial<MailSenderOptions> = { pollIntervalMs: 20, backoff: { baseMs: 10, maxMs: 80 } };

const welcome = (n: number, fullName = `Ana María Núñez ${n}`): MailMessage => ({
  kind: 'account-welcome',
  to: `ciudadana${n}@example.com`,
  fullName,
  document: `CC 1.020.304.0${String(n).padStart(2, '0')}`,
  password: `Kq7-Wd4-M${n}`,
});

interface OutboxRow {
  id: string;
  state: string;
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
  next_attempt_at: Date;
}

/** A migrated database with the demo entity; a suite's tests share it (closed by `cleanup`). */
async function entityDatabase(variant: DatabaseVariant, cleanup: Cleanup): Promise<ServerDatabase> {
  const database = await openMigratedDatabase(variant, cleanup);
  await migrateServerDatabase(database.exec);
  await database.exec.query('INSERT INTO settings (key, value) VALUES ($1, $2::jsonb)', [
    entitySettingKey,
    JSON.stringify(demoEntity),
  ]);
  return database;
}

/** The shared database with its outbox emptied, and senders that are all stopped when the test ends. */
interface MailWorld {
  readonly database: ServerDatabase;
  /** Every log line the senders wrote. */
  readonly logs: string[];
  sender(transport: MailTransport, options?: Partial<MailSenderOptions>): MailSender;
  smtp(sink: SmtpSink): MailTransport;
  enqueue(...messages: MailMessage[]): Promise<string[]>;
  rows(): Promise<OutboxRow[]>;
}

async function mailWorld(database: ServerDatabase): Promise<MailWorld> {
  // What an earlier test queued goes (its senders stopped when it ended): each test sees its own mails only.
  await database.exec.query('DELETE FROM mail_outbox');
  const senders: MailSender[] = [];
  const transports: MailTransport[] = [];
  onTestFinished(async () => {
    await Promise.all(senders.map((s) => s.stop()));
    for (const t of transports) t.close();
  });
  const logs: string[] = [];
  const logger = createServerLogger('info', { write: (line: string) => void logs.push(line) });
  return {
    database,
    logs,
    sender(transport, options = {}) {
      const sender = new MailSender({ database, transport, logger, ...FAST, ...options });
      senders.push(sender);
      return sender;
    },
    smtp(sink) {
      const transport = createMailTransport(sink.url, FROM);
      transports.push(transport);
      return transport;
    },
    async enqueue(...messages) {
      return database.exec.transaction(async (tx) => {
        const ids: string[] = [];
        for (const message of messages) ids.push(await enqueueMail(tx, message));
        return ids;
      });
    },
    async rows() {
      const { rows } = await database.exec.query<OutboxRow & Record<string, unknown>>(
        'SELECT id, state, attempts, last_error, sent_at, next_attempt_at FROM mail_outbox ORDER BY id',
      );
      return rows;
    },
  };
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachServerDatabase('central server: outgoing mail', (variant) => {
  // One database for the tests that run senders over it (opening one per test was most of their time).
  const cleanup = fileCleanup();
  let database: ServerDatabase;
  beforeAll(async () => {
    database = await entityDatabase(variant, cleanup);
  }, 60_000);

  it('delivers a queued mail over SMTP with the Spanish text, the entity and escaped names', async () => {
    const world = await mailWorld(database);
    const sink = await startSmtpSink();
    const [id] = await world.enqueue(welcome(1, '<script>alert(1)</script> Begoña Ñáñez'));
    world.sender(world.smtp(sink)).start();

    const [mail] = await sink.waitForMail(1);
    expect(mail?.rcptTo).toEqual(['ciudadana1@example.com']);
    expect(mail?.mailFrom).toBe('no-responder@ventanilla.local');
    const parsed = mail!.parsed;
    expect(parsed.messageId).toBe(`<${id}@ventanilla.local>`);
    expect(parsed.subject).toBe(`Sus datos de acceso — ${demoEntity.name}`);
    expect(parsed.text).toContain('Hola, <script>alert(1)</script> Begoña Ñáñez:');
    expect(parsed.text).toContain('Contraseña inicial: Kq7-Wd4-M1');
    expect(parsed.text).toContain(
      `Empresa Ibaguereña de Acueducto y Alcantarillado (demostración) · NIT ${formatNit(demoEntity.nit)}`,
    );
    expect(parsed.text).toContain('Ley 1581 de 2012');
    const html = String(parsed.html);
    expect(html).toContain('Hola, &lt;script&gt;alert(1)&lt;/script&gt; Begoña Ñáñez:');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Empresa Ibaguereña de Acueducto y Alcantarillado (demostración)');

    const [row] = await waitFor('the row to be marked sent', world.rows, (rows) => rows[0]?.state === 'sent');
    expect(row).toMatchObject({ id, attempts: 1, last_error: null });
    expect(row?.sent_at).not.toBeNull();
    const logText = world.logs.join('');
    expect(logText).toContain(id!);
    expect(logText).toContain('account-welcome');
    for (const secret of ['ciudadana1@example.com', 'Kq7-Wd4-M1', 'Sus datos de acceso'])
      expect(logText).not.toContain(secret);
  });

  it('keeps every mail through an SMTP outage and delivers each exactly once when the relay is back', async () => {
    const world = await mailWorld(database);
    const sink = await startSmtpSink();
    await sink.stop();
    const ids = await world.enqueue(welcome(1), welcome(2), welcome(3));
    // A retry due later than the rest of its batch goes back to the queue: each row gets its turn.
    // (With FAST's 5-80 ms a failed row can come due again before the others are released on a
    // busy machine, and be retried alone while they wait.)
    world.sender(world.smtp(sink), { backoff: { baseMs: 200, maxMs: 400 } }).start();

    const failing = await waitFor('retries during the outage', world.rows, (rows) =>
      rows.every((r) => r.attempts >= 2),
    );
    for (const row of failing) {
      expect(row.state).toBe('queued');
      expect(row.last_error).toContain('ECONNREFUSED');
      expect(row.last_error).not.toContain('@');
    }
    expect(world.logs.join('')).not.toContain('example.com');

    await sink.start();
    await sink.waitForMail(3);
    await waitFor('all rows sent', world.rows, (rows) => rows.every((r) => r.state === 'sent'));
    await pause(150);
    expect(sink.received.map((m) => m.parsed.messageId).sort()).toEqual(
      ids.map((id) => `<${id}@ventanilla.local>`).sort(),
    );
  });

  it('retries a 451 until the recipient is accepted, and parks a 550 as failed without blocking the queue', async () => {
    const world = await mailWorld(database);
    const sink = await startSmtpSink();
    sink.refuseRecipients({ code: 451, message: '4.2.2 buzón lleno, intente más tarde' }, 'ciudadana1@example.com');
    sink.refuseRecipients(
      { code: 550, message: '5.1.1 <ciudadana2@example.com>: usuario desconocido' },
      'ciudadana2@example.com',
    );
    const [deferred, refused] = await world.enqueue(welcome(1), welcome(2));
    world.sender(world.smtp(sink)).start();

    const rows = await waitFor(
      'retries of the 451 and the 550 parked',
      world.rows,
      (r) =>
        (r.find((x) => x.id === deferred)?.attempts ?? 0) >= 2 && r.find((x) => x.id === refused)?.state === 'failed',
    );
    const retried = rows.find((r) => r.id === deferred);
    expect(retried?.state).toBe('queued');
    expect(retried?.last_error).toContain('451');
    const parked = rows.find((r) => r.id === refused);
    expect(parked?.attempts).toBe(1);
    expect(parked?.last_error).toContain('550');
    expect(parked?.last_error).toContain('usuario desconocido');
    expect(parked?.last_error).not.toContain('ciudadana2@example.com');
    expect(world.logs.join('')).not.toContain('ciudadana');
    // The refused mail keeps its subject and reason but not its body (the initial password in
    // it), like sent mail; the one still to be sent keeps its body.
    const { rows: bodies } = await world.database.exec.query<{
      id: string;
      subject: string;
      html: string;
      text: string;
    }>('SELECT id, subject, html, text FROM mail_outbox');
    const parkedBody = bodies.find((b) => b.id === refused);
    expect(parkedBody).toMatchObject({ html: '', text: '', subject: expect.stringContaining('Sus datos de acceso') });
    expect(bodies.find((b) => b.id === deferred)?.text).toContain('Kq7-Wd4-M1');
    expect(JSON.stringify(bodies.filter((b) => b.id !== deferred))).not.toContain('Kq7-Wd4-M2');

    // The parked mail blocks nothing: the deferred one and a new one both go out.
    sink.refuseRecipients(null, 'ciudadana1@example.com');
    const [later] = await world.enqueue(welcome(3));
    await sink.waitForMail(2);
    const done = await waitFor(
      'the rest to be sent',
      world.rows,
      (r) => r.filter((x) => x.state === 'sent').length === 2,
    );
    expect(done.find((r) => r.id === later)?.state).toBe('sent');
    expect(done.find((r) => r.id === refused)?.state).toBe('failed');
    await pause(100);
    expect(sink.received.map((m) => m.rcptTo[0]).sort()).toEqual(['ciudadana1@example.com', 'ciudadana3@example.com']);
  });

  it('lets a restarted sender deliver what a stopped one left, with no duplicates', async () => {
    const world = await mailWorld(database);
    const sink = await startSmtpSink();
    const ids = await world.enqueue(...[1, 2, 3, 4, 5, 6].map((n) => welcome(n)));
    const smtp = world.smtp(sink);
    let sent = 0;
    let stopped: Promise<void> | undefined;
    // Stops the first sender from inside its second send, as a shutdown arriving mid-batch would.
    const first: MailSender = world.sender(
      {
        kind: 'smtp',
        async send(mail) {
          await smtp.send(mail);
          sent += 1;
          if (sent === 2) stopped = first.stop();
        },
        close: () => undefined,
      },
      { batchSize: 4 },
    );
    first.start();
    await waitFor(
      'the first sender to send two',
      async () => sent,
      (n) => n >= 2,
    );
    await stopped;
    const afterStop = await world.rows();
    expect(afterStop.filter((r) => r.state === 'sent')).toHaveLength(2);
    // What was claimed but not tried was given back: due now, not hidden behind a lease.
    const queued = afterStop.filter((r) => r.state === 'queued');
    expect(queued).toHaveLength(4);
    for (const row of queued) expect(new Date(row.next_attempt_at).getTime()).toBeLessThanOrEqual(Date.now());

    world.sender(smtp, { batchSize: 4 }).start();
    await sink.waitForMail(6);
    await waitFor('all rows sent', world.rows, (rows) => rows.every((r) => r.state === 'sent'));
    await pause(150);
    expect(sink.received.map((m) => m.parsed.messageId).sort()).toEqual(
      ids.map((id) => `<${id}@ventanilla.local>`).sort(),
    );
  });

  it('retries a mail whose sender died mid-send once its lease expires', async () => {
    const world = await mailWorld(database);
    const sink = await startSmtpSink();
    const [id] = await world.enqueue(welcome(1));
    let release: (() => void) | undefined;
    // A process that hangs (or dies) after claiming: its send never finishes.
    const hung = world.sender(
      {
        kind: 'smtp',
        send: () => new Promise<void>((_resolve, reject) => (release = () => reject(new Error('proceso terminado')))),
        close: () => undefined,
      },
      { leaseMs: 300 },
    );
    hung.start();
    await waitFor(
      'the hung sender to claim the mail',
      async () => release,
      (r) => r !== undefined,
    );
    world.sender(world.smtp(sink), { leaseMs: 300 }).start();
    await pause(100);
    expect(sink.received).toHaveLength(0);

    await sink.waitForMail(1);
    expect(sink.received[0]?.parsed.messageId).toBe(`<${id}@ventanilla.local>`);
    await waitFor('the row sent', world.rows, (rows) => rows[0]?.state === 'sent');
    // The dead sender's late failure does not reopen a mail someone else delivered.
    release?.();
    await hung.stop();
    expect((await world.rows())[0]).toMatchObject({ state: 'sent' });
  });

  it('never sends one mail twice with two senders on the same database', async () => {
    const world = await mailWorld(database);
    const sink = await startSmtpSink();
    const ids = await world.enqueue(...Array.from({ length: 10 }, (_, i) => welcome(i + 1)));
    world.sender(world.smtp(sink), { batchSize: 2 }).start();
    world.sender(world.smtp(sink), { batchSize: 2 }).start();
    await sink.waitForMail(10);
    await waitFor('all rows sent', world.rows, (rows) => rows.every((r) => r.state === 'sent'));
    await pause(150);
    expect(sink.received.map((m) => m.parsed.messageId).sort()).toEqual(
      ids.map((id) => `<${id}@ventanilla.local>`).sort(),
    );
  });

  it('sends through a running server, and a mail queued while it was down goes out when it starts', async () => {
    const sink = await startSmtpSink();
    const from = 'Acueducto de Ibagué <no-responder@acueducto.example>';
    const t = await startTestServer(variant, { config: { smtpUrl: sink.url, mailFrom: from } });
    const [id] = await t.server.database.exec.transaction((tx) => Promise.all([enqueueMail(tx, welcome(1))]));
    t.server.mail.wake();
    const [mail] = await sink.waitForMail(1);
    expect(mail?.parsed.from?.value[0]).toMatchObject({
      name: 'Acueducto de Ibagué',
      address: 'no-responder@acueducto.example',
    });
    expect(mail?.parsed.messageId).toBe(`<${id}@acueducto.example>`);
    expect((await t.request('/mailbox')).status).toBe(404);
    await t.stop();

    // Queued straight into the stopped server's database (e.g. by another instance).
    const database = await openServerDatabase(t.config, { logger: createServerLogger('silent') });
    const [waiting] = await database.exec.transaction((tx) => Promise.all([enqueueMail(tx, welcome(2))]));
    await database.close();
    const again = await startServer(t.config, { logger: createServerLogger('silent') });
    try {
      await sink.waitForMail(2);
      expect(sink.received[1]?.parsed.messageId).toBe(`<${waiting}@acueducto.example>`);
    } finally {
      await again.stop();
    }
    expect(sink.received).toHaveLength(2);
  });
});
