import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppCore } from '../../src-main/app-core';
import { createServerLogger } from '../../src-server/logger';
import { defaultAttachmentLimits, TicketAttachments } from '../../src-server/tickets/attachments';
import { defaultTicketConfig } from '../../src-server/tickets/ticket-config';
import type { TicketContext } from '../../src-server/tickets/ticket-context';
import { attachPartBytes } from '../../src-shared/api/ops/tickets';
import type { DeviceMode } from '../../src-shared/domain/device-mode';
import type { DatabaseVariant } from './postgres';
import { startTestServer, type TestServer } from './server-harness';
import { callOk, enrolledDevice } from './sync-support';
import { tempDir } from './temp-dir';
import { onTestFinished } from 'vitest';

/** Where the support team's copies of citizens' messages go in these tests. */
export const supportAddress = 'soporte@entidad.test';

/** The server's largest attachment in these tests: small, so a refusal costs little to send. */
export const serverMaxBytes = 1024 * 1024;

/**
 * A central server for the kiosk's ticket tests: its attachments in a temp folder of its own, at
 * most {@link serverMaxBytes} a file, citizens' messages told to {@link supportAddress}.
 */
export async function startTicketKioskServer(
  variant: DatabaseVariant,
): Promise<{ t: TestServer; attachmentsDir: string }> {
  const dir = tempDir('kiosk-ticket-files');
  onTestFinished(() => dir.remove());
  const t = await startTestServer(variant, {
    logLevel: 'silent',
    config: {
      ticketAttachments: { ...defaultAttachmentLimits, maxBytes: serverMaxBytes, dir: dir.path },
      tickets: { ...defaultTicketConfig, supportEmail: supportAddress },
    },
  });
  return { t, attachmentsDir: dir.path };
}

/** A device of `mode` enrolled on the server, in a data dir of its own; a receipt printer when given. */
export async function ticketDevice(
  t: TestServer,
  mode: DeviceMode,
  options: { readonly receiptPrinter?: string; readonly scope?: string } = {},
): Promise<AppCore> {
  const dir = tempDir(`ticket-${mode}`);
  onTestFinished(() => dir.remove());
  if (options.receiptPrinter !== undefined)
    writeFileSync(
      path.join(dir.path, 'ventanilla.json'),
      JSON.stringify({ printers: { receipt: options.receiptPrinter } }),
    );
  return enrolledDevice(t, {
    mode,
    dir: dir.path,
    ...(options.scope === undefined ? {} : { scope: options.scope }),
  });
}

/** Attaches `bytes` through the dispatcher as the screen does: parts of 512 KiB, in order. */
export async function attachFile(core: AppCore, name: string, bytes: Buffer): Promise<string> {
  const fileId = randomUUID();
  for (let offset = 0; offset < bytes.length; offset += attachPartBytes) {
    const data = bytes.subarray(offset, offset + attachPartBytes).toString('base64');
    await callOk(core, 'tickets.attach', { fileId, name, size: bytes.length, offset, data });
  }
  return fileId;
}

/** The 6 digits of the last code mailed to `to`. */
export async function lastTicketCode(t: TestServer, to: string): Promise<string> {
  const { rows } = await t.server.database.exec.query<{ text: string }>(
    `SELECT text FROM mail_outbox WHERE recipient = $1 AND template = 'ticket-code' ORDER BY id DESC LIMIT 1`,
    [to],
  );
  const code = /\b(\d{6})\b/.exec(rows[0]?.text ?? '')?.[1];
  if (code === undefined) throw new Error(`no ticket code was mailed to ${to}`);
  return code;
}

/** The server's ticket services over its database, as the console uses them: agents' moves in a test. */
export function agentDesk(t: TestServer, attachmentsDir: string): TicketContext {
  const log = createServerLogger('silent');
  return {
    database: t.server.database,
    config: { ...defaultTicketConfig, supportEmail: supportAddress },
    attachments: new TicketAttachments({ ...defaultAttachmentLimits, dir: attachmentsDir }, log),
    mail: { wake: () => undefined },
    log,
    now: () => new Date(),
    publicBaseUrl: t.server.url,
  };
}

/** What a citizen fills in at the kiosk. */
export const kioskCitizen = {
  name: 'Luz Marina Ospina',
  email: 'luz.ospina@correo.test',
  phone: '315 444 0202',
  category: 'lectura',
  subject: 'El medidor marca de más',
  description: 'Desde octubre el medidor marca el doble aunque en la casa vivimos las mismas personas.',
} as const;
