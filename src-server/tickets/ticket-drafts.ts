import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { err, ok, type Result } from '../../src-shared/api/result';
import type { TicketFields } from '../../src-shared/tickets/ticket-fields';
import type { SqlExecutor } from '../db/sql-executor';
import { runInTransaction } from '../db/transaction';
import { enqueueMail } from '../mail/mail-outbox';
import { StoredAttachmentSchema, type AttachmentUpload, type StoredAttachment } from './attachments';
import { createTicketFromDraft, type CreatedTicket } from './ticket-create';
import type { TicketContext, TicketOrigin } from './ticket-context';

/** What a draft keeps until its code is typed: the fields and the attachments already stored. */
export interface TicketDraft {
  readonly fields: TicketFields;
  readonly attachments: readonly StoredAttachment[];
}

interface DraftRow extends Record<string, unknown> {
  id: string;
  email: string;
  code_sha256: string;
  draft: unknown;
  channel: 'kiosk' | 'web';
  device_id: string | null;
  tries: number;
  sends: number;
  last_sent_at: Date | string;
  expires_at: Date | string;
  ticket_id: string | null;
}

/** Drafts one address may start per hour: the code mail must not become a way to flood a mailbox. */
const draftsPerEmailPerHour = 5;

const codeHash = (draftId: string, code: string): string =>
  createHash('sha256').update(`${draftId}:${code}`, 'utf8').digest('hex');

const newCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** The answer to a draft that cannot take a code any more (used, expired, out of tries, unknown). */
const draftGone =
  'Este código ya no sirve: pasaron más de 10 minutos, se usó o se escribió mal demasiadas veces. Vuelva a crear el ticket; sus datos no se perdieron en pantalla.';

/**
 * «Crear ticket»: the attachments are checked and stored, then a draft with a 6-digit code that
 * is mailed; the ticket exists only once the code is typed (`confirmTicketCode`) or an agent
 * checked the citizen by phone (`confirmByPhone`, from the console).
 */
export async function startTicket(
  ctx: TicketContext,
  fields: TicketFields,
  uploads: readonly AttachmentUpload[],
  origin: TicketOrigin,
): Promise<Result<{ draftId: string; validMinutes: number }>> {
  const category = ctx.config.categories.find((c) => c.code === fields.category);
  if (category === undefined) return err('validation', 'Elija una de las categorías de la lista.');
  const now = ctx.now();
  const recent = await ctx.database.exec.query<{ n: string | number }>(
    `SELECT count(*) AS n FROM ticket_drafts WHERE email = $1 AND created_at > $2`,
    [fields.email, new Date(now.getTime() - 3_600_000).toISOString()],
  );
  if (Number(recent.rows[0]?.n ?? 0) >= draftsPerEmailPerHour)
    return err(
      'locked',
      `Ya pidió varios códigos para este correo en la última hora. Espere un rato, o llame a la línea de soporte ${ctx.config.supportPhone}.`,
    );
  const stored = await ctx.attachments.accept(uploads);
  if (!stored.ok) return stored;
  const id = uuidv7();
  const code = newCode();
  const draft: TicketDraft = { fields, attachments: stored.value };
  await runInTransaction(ctx.database.exec, async (tx) => {
    await tx.query(
      `INSERT INTO ticket_drafts (id, email, code_sha256, draft, channel, device_id, last_sent_at, created_at, expires_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $7, $8)`,
      [
        id,
        fields.email,
        codeHash(id, code),
        JSON.stringify(draft),
        origin.channel,
        origin.channel === 'kiosk' ? origin.deviceId : null,
        now.toISOString(),
        new Date(now.getTime() + ctx.config.codeMinutes * 60_000).toISOString(),
      ],
    );
    await enqueueMail(tx, {
      kind: 'ticket-code',
      to: fields.email,
      fullName: fields.name,
      code,
      validMinutes: ctx.config.codeMinutes,
      supportPhone: ctx.config.supportPhone,
    });
  });
  ctx.mail.wake();
  ctx.log.info({ draft: id, channel: origin.channel, files: stored.value.length }, 'ticket code sent');
  return ok({ draftId: id, validMinutes: ctx.config.codeMinutes });
}

/** «Reenviar el código»: a new code (the old one stops working), spaced and counted. */
export async function resendTicketCode(
  ctx: TicketContext,
  draftId: string,
  origin: TicketOrigin,
): Promise<Result<{ validMinutes: number }>> {
  const now = ctx.now();
  const code = newCode();
  const outcome = await runInTransaction(ctx.database.exec, async (tx): Promise<Result<{ validMinutes: number }>> => {
    const row = await lockDraft(tx, draftId, origin);
    if (row === null || !live(row, now, ctx)) return err('not-found', draftGone);
    const waitMs = new Date(row.last_sent_at).getTime() + ctx.config.resendSeconds * 1000 - now.getTime();
    if (waitMs > 0) return err('locked', `Espere ${Math.ceil(waitMs / 1000)} segundos antes de pedir otro código.`);
    if (row.sends >= ctx.config.maxSends)
      return err(
        'locked',
        `Ya enviamos el código ${row.sends} veces. Llame a la línea de soporte ${ctx.config.supportPhone}.`,
      );
    const draft = readDraft(row);
    await tx.query(
      `UPDATE ticket_drafts SET code_sha256 = $2, sends = sends + 1, last_sent_at = $3, expires_at = $4 WHERE id = $1`,
      [
        row.id,
        codeHash(row.id, code),
        now.toISOString(),
        new Date(now.getTime() + ctx.config.codeMinutes * 60_000).toISOString(),
      ],
    );
    await enqueueMail(tx, {
      kind: 'ticket-code',
      to: row.email,
      fullName: draft.fields.name,
      code,
      validMinutes: ctx.config.codeMinutes,
      supportPhone: ctx.config.supportPhone,
    });
    return ok({ validMinutes: ctx.config.codeMinutes });
  });
  if (outcome.ok) ctx.mail.wake();
  return outcome;
}

/** The typed code: right → the ticket is created (once); wrong → a try less, and void after the last. */
export async function confirmTicketCode(
  ctx: TicketContext,
  draftId: string,
  code: string,
  origin: TicketOrigin,
): Promise<Result<CreatedTicket>> {
  const now = ctx.now();
  const outcome = await runInTransaction(ctx.database.exec, async (tx): Promise<Result<CreatedTicket>> => {
    const row = await lockDraft(tx, draftId, origin);
    if (row === null || !live(row, now, ctx)) return err('not-found', draftGone);
    const expected = Buffer.from(row.code_sha256, 'hex');
    const given = Buffer.from(codeHash(row.id, code), 'hex');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      await tx.query('UPDATE ticket_drafts SET tries = tries + 1 WHERE id = $1', [row.id]);
      const left = ctx.config.codeTries - row.tries - 1;
      return err(
        'validation',
        left > 0
          ? `El código no es correcto. Le quedan ${left} ${left === 1 ? 'intento' : 'intentos'}.`
          : 'El código no es correcto y ya no quedan intentos. Vuelva a crear el ticket para recibir un código nuevo.',
      );
    }
    return ok(await createTicketFromDraft(tx, ctx, row.id, readDraft(row), origin, null));
  });
  if (outcome.ok) {
    ctx.mail.wake();
    ctx.log.info({ ticket: outcome.value.id, channel: origin.channel }, 'ticket created');
  }
  return outcome;
}

/**
 * The citizen could not read the code and called the support line: an agent who checked their
 * identity by phone creates the ticket from the draft, with a note, within a day of it.
 */
export async function confirmByPhone(
  ctx: TicketContext,
  draftId: string,
  agent: { readonly username: string; readonly note: string },
): Promise<Result<CreatedTicket>> {
  const now = ctx.now();
  const outcome = await runInTransaction(ctx.database.exec, async (tx): Promise<Result<CreatedTicket>> => {
    const { rows } = await tx.query<DraftRow & { created_at: Date | string }>(
      'SELECT * FROM ticket_drafts WHERE id = $1 FOR UPDATE',
      [draftId],
    );
    const row = rows[0];
    if (row === undefined) return err('not-found', 'No existe esa solicitud pendiente.');
    if (row.ticket_id !== null) return err('conflict', 'Esa solicitud ya se convirtió en ticket.');
    if (now.getTime() - new Date(row.created_at).getTime() > 24 * 3_600_000)
      return err('conflict', 'La solicitud tiene más de un día: pida al ciudadano que cree el ticket de nuevo.');
    const origin: TicketOrigin =
      row.channel === 'kiosk' && row.device_id !== null
        ? { channel: 'kiosk', deviceId: row.device_id }
        : { channel: 'web' };
    return ok(await createTicketFromDraft(tx, ctx, row.id, readDraft(row), origin, agent));
  });
  if (outcome.ok) {
    ctx.mail.wake();
    ctx.log.info({ ticket: outcome.value.id, agent: agent.username }, 'ticket created after a phone check');
  }
  return outcome;
}

/** The draft, locked, when `origin` may act on it: a kiosk's only from that kiosk, a web one only from the web. */
async function lockDraft(tx: SqlExecutor, draftId: string, origin: TicketOrigin): Promise<DraftRow | null> {
  if (!/^[0-9a-f-]{36}$/.test(draftId)) return null;
  const { rows } = await tx.query<DraftRow>('SELECT * FROM ticket_drafts WHERE id = $1 FOR UPDATE', [draftId]);
  const row = rows[0];
  if (row === undefined || row.channel !== origin.channel) return null;
  if (origin.channel === 'kiosk' && row.device_id !== origin.deviceId) return null;
  return row;
}

function live(row: DraftRow, now: Date, ctx: TicketContext): boolean {
  return row.ticket_id === null && new Date(row.expires_at) > now && row.tries < ctx.config.codeTries;
}

function readDraft(row: DraftRow): TicketDraft {
  const draft = (typeof row.draft === 'string' ? JSON.parse(row.draft) : row.draft) as TicketDraft;
  return { fields: draft.fields, attachments: draft.attachments.map((a) => StoredAttachmentSchema.parse(a)) };
}
