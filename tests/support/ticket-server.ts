import type { TicketFields as TicketFieldsInput } from '../../src-shared/tickets/ticket-fields';
import { PDFDocument } from 'pdf-lib';
import { createServerLogger } from '../../src-server/logger';
import { defaultAttachmentLimits, TicketAttachments } from '../../src-server/tickets/attachments';
import { defaultTicketConfig, type TicketConfig } from '../../src-server/tickets/ticket-config';
import type { TicketContext } from '../../src-server/tickets/ticket-context';
import type { DatabaseVariant } from './postgres';
import { startTestServer, type TestServer } from './server-harness';
import { tempDir } from './temp-dir';
import { onTestFinished } from 'vitest';

/** A central server and the ticket services over its database, with a clock the test moves. */
export interface TicketServer {
  readonly t: TestServer;
  readonly ctx: TicketContext;
  /** Moves the services' clock forward. */
  advance(ms: number): void;
  /** The last queued mail to `to` of `template`, as text. */
  lastMail(to: string, template: string): Promise<string | null>;
  /** The 6 digits of the last code mailed to `to`. */
  lastCode(to: string): Promise<string>;
}

export async function startTicketServer(
  variant: DatabaseVariant,
  config: Partial<TicketConfig> = {},
  /** A real SMTP server the central server delivers to (smtp-sink.ts); mail stays queued without one. */
  smtpUrl: string | null = null,
): Promise<TicketServer> {
  const t = await startTestServer(variant, { logLevel: 'silent', config: { smtpUrl } });
  const dir = tempDir('ticket-files');
  onTestFinished(() => dir.remove());
  let offset = 0;
  const log = createServerLogger('silent');
  const ctx: TicketContext = {
    database: t.server.database,
    config: { ...defaultTicketConfig, supportEmail: 'soporte@entidad.test', ...config },
    attachments: new TicketAttachments({ ...defaultAttachmentLimits, dir: dir.path }, log),
    mail: t.server.mail,
    log,
    now: () => new Date(Date.now() + offset),
    publicBaseUrl: t.server.url,
  };
  const lastMail = async (to: string, template: string): Promise<string | null> => {
    const { rows } = await t.server.database.exec.query<{ text: string }>(
      'SELECT text FROM mail_outbox WHERE recipient = $1 AND template = $2 ORDER BY id DESC LIMIT 1',
      [to, template],
    );
    return rows[0]?.text ?? null;
  };
  return {
    t,
    ctx,
    advance: (ms) => {
      offset += ms;
    },
    lastMail,
    async lastCode(to) {
      const text = await lastMail(to, 'ticket-code');
      const code = /\b(\d{6})\b/.exec(text ?? '')?.[1];
      if (code === undefined) throw new Error(`no ticket code was mailed to ${to}`);
      return code;
    },
  };
}

/** A small real PDF, as a citizen would attach. */
export async function samplePdf(text = 'Factura de octubre'): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([300, 200]).drawText(text, { x: 20, y: 100, size: 12 });
  return Buffer.from(await doc.save());
}

export const citizenFields: Record<keyof TicketFieldsInput, string> = {
  name: 'Ana María Restrepo',
  email: 'ana.restrepo@correo.test',
  phone: '310 555 0101',
  category: 'facturacion',
  subject: 'Cobro doble en la factura',
  description: 'En la factura de octubre aparece dos veces el cargo de alcantarillado.',
};
