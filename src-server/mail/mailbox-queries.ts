import type { SqlExecutor } from '../db/sql-executor';

/** One line of the local mailbox page. */
export interface MailboxEntry {
  readonly id: string;
  readonly createdAt: Date;
  readonly recipient: string;
  readonly subject: string;
  readonly template: string;
  readonly state: string;
  readonly attempts: number;
  readonly lastError: string | null;
}

export interface MailboxMail extends MailboxEntry {
  readonly html: string;
  readonly text: string;
  /** Names and types of the files attached (a soporte del pago's PDF), in order. */
  readonly attachments: readonly { readonly filename: string; readonly contentType: string }[];
}

/** One attached file of a mail in the mailbox, by its position. */
export interface MailboxAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

/** The page lists the newest mail only; a development mailbox does not need paging. */
const MAILBOX_PAGE_SIZE = 200;

const entryColumns = `id, created_at AS "createdAt", recipient, subject, template, state, attempts, last_error AS "lastError"`;

/** Newest first (ids are UUIDv7, so the id breaks ties in creation order). */
export async function listMailbox(exec: SqlExecutor): Promise<MailboxEntry[]> {
  const { rows } = await exec.query<MailboxRow>(
    `SELECT ${entryColumns} FROM mail_outbox ORDER BY created_at DESC, id DESC LIMIT $1`,
    [MAILBOX_PAGE_SIZE],
  );
  return rows.map(toEntry);
}

// Anything but a UUID is simply not there; the cast would otherwise be a 500.
const isUuid = (id: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

export async function findMailboxMail(exec: SqlExecutor, id: string): Promise<MailboxMail | null> {
  if (!isUuid(id)) return null;
  const { rows } = await exec.query<
    MailboxRow & { html: string; text: string; files: { filename: string; contentType: string }[] | null }
  >(
    `SELECT ${entryColumns}, html, text,
       (SELECT jsonb_agg(jsonb_build_object('filename', f->>'filename', 'contentType', f->>'contentType'))
        FROM jsonb_array_elements(coalesce(attachments, '[]'::jsonb)) AS f) AS files
     FROM mail_outbox WHERE id = $1`,
    [id],
  );
  const row = rows[0];
  return row === undefined ? null : { ...toEntry(row), html: row.html, text: row.text, attachments: row.files ?? [] };
}

/** The `index`-th file attached to a mail (from 0), or null. */
export async function findMailboxAttachment(
  exec: SqlExecutor,
  id: string,
  index: number,
): Promise<MailboxAttachment | null> {
  if (!isUuid(id) || !Number.isSafeInteger(index) || index < 0) return null;
  const { rows } = await exec.query<{ filename: string | null; content_type: string | null; base64: string | null }>(
    `SELECT attachments->$2::int->>'filename' AS filename, attachments->$2::int->>'contentType' AS content_type,
       attachments->$2::int->>'base64' AS base64
     FROM mail_outbox WHERE id = $1`,
    [id, index],
  );
  const row = rows[0];
  if (row === undefined || row.filename === null || row.content_type === null || row.base64 === null) return null;
  return { filename: row.filename, contentType: row.content_type, bytes: Buffer.from(row.base64, 'base64') };
}

type MailboxRow = {
  id: string;
  createdAt: Date | string;
  recipient: string;
  subject: string;
  template: string;
  state: string;
  attempts: number;
  lastError: string | null;
};

function toEntry(row: MailboxRow): MailboxEntry {
  return {
    id: row.id,
    createdAt: new Date(row.createdAt),
    recipient: row.recipient,
    subject: row.subject,
    template: row.template,
    state: row.state,
    attempts: row.attempts,
    lastError: row.lastError,
  };
}
