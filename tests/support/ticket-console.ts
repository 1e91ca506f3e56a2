import { onTestFinished } from 'vitest';
import { createServerLogger } from '../../src-server/logger';
import {
  defaultAttachmentLimits,
  TicketAttachments,
  type AttachmentUpload,
} from '../../src-server/tickets/attachments';
import { moveTicket, type TicketActor, type TicketMove } from '../../src-server/tickets/ticket-actions';
import { defaultTicketConfig, type TicketConfig } from '../../src-server/tickets/ticket-config';
import type { TicketContext } from '../../src-server/tickets/ticket-context';
import type { CreatedTicket } from '../../src-server/tickets/ticket-create';
import { confirmTicketCode, startTicket } from '../../src-server/tickets/ticket-drafts';
import { TicketFields } from '../../src-shared/tickets/ticket-fields';
import type { DatabaseVariant } from './postgres';
import { startTestServer, type TestServer } from './server-harness';
import { cheapScrypt, ConsoleClient, seedConsoleStaff, staffPassword } from './staff-console';
import { citizenFields } from './ticket-server';
import { tempDir } from './temp-dir';

const hour = 3_600_000;
export const ago = { hours: (n: number) => n * hour, days: (n: number) => n * 24 * hour };

/**
 * A central server with its staff console and ticket pages, the demo staff (cheap hashes), and
 * the ticket services over the same database and attachment folder. The server keeps the real
 * clock (console sessions need it); the services here run on a clock set back by `agoMs`, so a
 * test makes a ticket three days old, or answers it two hours after it came, and the console
 * sees it as such.
 */
export interface TicketConsole {
  readonly t: TestServer;
  readonly config: TicketConfig;
  /** The ticket services as they were `agoMs` before now. */
  at(agoMs: number): TicketContext;
  /** A ticket created through the emailed code, `agoMs` ago; each gets its own address unless one is given. */
  createTicket(
    over?: Partial<Record<keyof typeof citizenFields, string>>,
    opts?: { agoMs?: number; uploads?: AttachmentUpload[] },
  ): Promise<CreatedTicket>;
  /** A move by the services, `agoMs` ago. */
  move(ticketId: string, actor: TicketActor, move: TicketMove, agoMs?: number): Promise<void>;
  /** A browser logged in to the console as a demo staff member. */
  login(username: string): Promise<ConsoleClient>;
  /** The last queued mail to `to` of `template`, as text. */
  lastMail(to: string, template: string): Promise<string | null>;
  /** How many mails of `template` are queued to `to`. */
  mailCount(to: string, template: string): Promise<number>;
}

export async function startTicketConsole(variant: DatabaseVariant): Promise<TicketConsole> {
  const files = tempDir('console-ticket-files');
  onTestFinished(() => files.remove());
  const config: TicketConfig = { ...defaultTicketConfig, supportEmail: 'soporte@entidad.test' };
  const limits = { ...defaultAttachmentLimits, dir: files.path };
  const t = await startTestServer(variant, {
    logLevel: 'silent',
    config: { ticketAttachments: limits, tickets: config },
    serverOptions: { passwordWork: { params: cheapScrypt } },
  });
  await seedConsoleStaff(t.server.database.exec);
  const log = createServerLogger('silent');
  const attachments = new TicketAttachments(limits, log);
  const at = (agoMs: number): TicketContext => ({
    database: t.server.database,
    config,
    attachments,
    mail: t.server.mail,
    log,
    now: () => new Date(Date.now() - agoMs),
    publicBaseUrl: t.server.url,
  });
  const exec = t.server.database.exec;
  const lastMail = async (to: string, template: string): Promise<string | null> => {
    const { rows } = await exec.query<{ text: string }>(
      'SELECT text FROM mail_outbox WHERE recipient = $1 AND template = $2 ORDER BY id DESC LIMIT 1',
      [to, template],
    );
    return rows[0]?.text ?? null;
  };
  let made = 0;
  return {
    t,
    config,
    at,
    lastMail,
    async mailCount(to, template) {
      const { rows } = await exec.query<{ n: string | number }>(
        'SELECT count(*) AS n FROM mail_outbox WHERE recipient = $1 AND template = $2',
        [to, template],
      );
      return Number(rows[0]?.n ?? 0);
    },
    async createTicket(over = {}, opts = {}) {
      made += 1;
      const fields = TicketFields.parse({ ...citizenFields, email: `ciudadano${made}@correo.test`, ...over });
      const ctx = at(opts.agoMs ?? 0);
      const started = await startTicket(ctx, fields, opts.uploads ?? [], { channel: 'web' });
      if (!started.ok) throw new Error(started.error.message);
      const code = /\b(\d{6})\b/.exec((await lastMail(fields.email, 'ticket-code')) ?? '')?.[1];
      if (code === undefined) throw new Error(`no ticket code was mailed to ${fields.email}`);
      const created = await confirmTicketCode(ctx, started.value.draftId, code, { channel: 'web' });
      if (!created.ok) throw new Error(created.error.message);
      return created.value;
    },
    async move(ticketId, actor, move, agoMs = 0) {
      const moved = await moveTicket(at(agoMs), ticketId, actor, move);
      if (!moved.ok) throw new Error(moved.error.message);
    },
    async login(username) {
      const browser = new ConsoleClient(t.server.url);
      const answer = await browser.login(username, staffPassword(username));
      if (answer.status !== 303) throw new Error(`${username} could not log in: ${answer.status}`);
      return browser;
    },
  };
}

/** The ticket numbers a console page links to, in order (each once). */
export function listedTickets(page: string): string[] {
  const numbers = [...page.matchAll(/href="\/consola\/tickets\/(TK-\d{4}-\d{6,})"/g)].map((m) => m[1] ?? '');
  return numbers.filter((n, i) => numbers.indexOf(n) === i);
}

/** The queue's row of one ticket, as HTML. */
export function queueRow(page: string, number: string): string {
  const row = page.split('<tr').find((chunk) => chunk.includes(`/consola/tickets/${number}"`));
  if (row === undefined) throw new Error(`${number} is not in the queue`);
  return row;
}

/** The text of an element carrying `data-testid`, markup removed and spaces squeezed. */
export function testIdText(page: string, id: string): string {
  // The element's own closing tag (none of these nest an element of their own kind).
  const match = new RegExp(`<(\\w+)[^>]*data-testid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(page);
  if (match?.[2] === undefined) throw new Error(`no data-testid="${id}" on the page`);
  return match[2]
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
