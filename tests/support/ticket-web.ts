import { onTestFinished } from 'vitest';
import { createServerLogger } from '../../src-server/logger';
import {
  defaultAttachmentLimits,
  TicketAttachments,
  type AttachmentConfig,
} from '../../src-server/tickets/attachments';
import { moveTicket } from '../../src-server/tickets/ticket-actions';
import { defaultTicketConfig, type TicketConfig } from '../../src-server/tickets/ticket-config';
import type { TicketContext } from '../../src-server/tickets/ticket-context';
import type { DatabaseVariant } from './postgres';
import { startTestServer, type TestServer } from './server-harness';
import { tempDir } from './temp-dir';

/**
 * A central server for the citizens' /soporte pages: its attachments in a temp folder of its
 * own, citizens' messages told to a support address, and a clock the test moves. `ctx` is a
 * ticket context over the same database, folder and clock, for what agents do in the console
 * (propose a solution) while the citizen uses the pages.
 */
export interface TicketWebServer {
  readonly t: TestServer;
  readonly url: string;
  readonly ctx: TicketContext;
  readonly attachmentsDir: string;
  /** Moves the server's clock forward (the ticket links' and drafts' expiry). */
  advance(ms: number): void;
  /** The last mail to `to` of `template`, as text. */
  lastMail(to: string, template: string): Promise<string | null>;
  /** The 6 digits of the last code mailed to `to`. */
  lastCode(to: string): Promise<string>;
  /** An agent proposes a solution, as the console would; the mail's link is returned. */
  proposeSolution(ticketId: string, body: string): Promise<string>;
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export async function startTicketWebServer(
  variant: DatabaseVariant,
  limits: Partial<Omit<AttachmentConfig, 'dir'>> = {},
): Promise<TicketWebServer> {
  const dir = tempDir('ticket-web-files');
  onTestFinished(() => dir.remove());
  let offset = 0;
  const now = (): Date => new Date(Date.now() + offset);
  const config: TicketConfig = { ...defaultTicketConfig, supportEmail: 'soporte@entidad.test' };
  const attachments: AttachmentConfig = { ...defaultAttachmentLimits, ...limits, dir: dir.path };
  const t = await startTestServer(variant, {
    logLevel: 'silent',
    config: { ticketAttachments: attachments, tickets: config },
    serverOptions: { now },
  });
  const log = createServerLogger('silent');
  const ctx: TicketContext = {
    database: t.server.database,
    config,
    attachments: new TicketAttachments(attachments, log),
    mail: { wake: () => undefined },
    log,
    now,
    publicBaseUrl: t.server.url,
  };
  const exec = t.server.database.exec;
  const lastMail = async (to: string, template: string): Promise<string | null> => {
    const { rows } = await exec.query<{ text: string }>(
      'SELECT text FROM mail_outbox WHERE recipient = $1 AND template = $2 ORDER BY id DESC LIMIT 1',
      [to, template],
    );
    return rows[0]?.text ?? null;
  };
  return {
    t,
    url: t.server.url,
    ctx,
    attachmentsDir: dir.path,
    advance: (ms) => {
      offset += ms;
    },
    lastMail,
    async lastCode(to) {
      const code = /\b(\d{6})\b/.exec((await lastMail(to, 'ticket-code')) ?? '')?.[1];
      if (code === undefined) throw new Error(`no ticket code was mailed to ${to}`);
      return code;
    },
    async proposeSolution(ticketId, body) {
      const moved = await moveTicket(
        ctx,
        ticketId,
        { kind: 'agent', username: 'soporte1' },
        {
          action: 'propose-solution',
          body,
        },
      );
      if (!moved.ok) throw new Error(moved.error.message);
      const { rows } = await exec.query<{ text: string; recipient: string }>(
        `SELECT text, recipient FROM mail_outbox WHERE template = 'ticket-solution' ORDER BY id DESC LIMIT 1`,
      );
      const link = /(https?:\/\/\S+\/soporte\/ticket\/[A-Za-z0-9_-]{43})/.exec(rows[0]?.text ?? '')?.[1];
      if (link === undefined) throw new Error('the solution mail has no link');
      return link;
    },
    async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      return (await exec.query<T>(sql, params)).rows;
    },
  };
}
