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

export async function findMailboxMail(exec: SqlExecutor, id: string): Promise<MailboxMail | null> {
  // Anything but a UUID is simply not there; the cast would otherwise be a 500.
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const { rows } = await exec.query<MailboxRow & { html: string; text: string }>(
    `SELECT ${entryColumns}, html, text FROM mail_outbox WHERE id = $1`,
    [id],
  );
  const row = rows[0];
  return row === undefined ? null : { ...toEntry(row), html: row.html, text: row.text };
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
