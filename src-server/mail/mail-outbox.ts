import { v7 as uuidv7 } from 'uuid';
import type { SqlExecutor } from '../db/sql-executor';
import { readEntitySetting } from './mail-entity';
import { mailAttachments, type MailAttachment, type MailKind, type MailMessage } from './mail-messages';
import { renderMail } from './mail-templates';

/**
 * The `mail_outbox` table's rows through their life: queued → sent | mailbox | failed.
 *
 * A mail is queued in the caller's transaction, next to the change it tells about, so either
 * both exist or neither does; the sender (mail-sender.ts) delivers it after the commit. The
 * row stores the rendered mail, not the message: a retry days later sends the same words.
 */
export async function enqueueMail(tx: SqlExecutor, message: MailMessage): Promise<string> {
  const rendered = renderMail(message, await readEntitySetting(tx));
  const id = uuidv7();
  const attachments = mailAttachments(message);
  await tx.query(
    `INSERT INTO mail_outbox (id, recipient, subject, html, text, template, state, attachments)
     VALUES ($1, $2, $3, $4, $5, $6, 'queued', $7::jsonb)`,
    [
      id,
      message.to,
      rendered.subject,
      rendered.html,
      rendered.text,
      message.kind satisfies MailKind,
      attachments.length === 0 ? null : JSON.stringify(attachments),
    ],
  );
  return id;
}

/** A queued row claimed by one sender: hidden from the others until `leaseUntil`. */
export interface ClaimedMail {
  readonly id: string;
  readonly recipient: string;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  readonly template: string;
  /** Attempts recorded before this one. */
  readonly attempts: number;
  readonly attachments: readonly MailAttachment[];
}

/**
 * Claims up to `limit` due rows, oldest due first. One statement: `FOR UPDATE SKIP LOCKED`
 * keeps two server instances on one PostgreSQL from taking the same rows at the same moment,
 * and pushing `next_attempt_at` to `leaseUntil` keeps them from taking them afterwards, once
 * the row lock is gone. A sender that dies mid-send leaves the lease behind; the row comes due
 * again when it expires (at-least-once delivery: a crash after the SMTP server accepted the
 * mail but before it was recorded sends it twice, with the same Message-ID).
 */
export async function claimDueMail(
  exec: SqlExecutor,
  opts: { readonly now: Date; readonly leaseUntil: Date; readonly limit: number },
): Promise<ClaimedMail[]> {
  const { rows } = await exec.query<
    Omit<ClaimedMail, 'attachments'> & { attachments: MailAttachment[] | string | null } & Record<string, unknown>
  >(
    `WITH due AS (
       SELECT id FROM mail_outbox
       WHERE state = 'queued' AND next_attempt_at <= $1::timestamptz
       ORDER BY next_attempt_at, id
       LIMIT $3
       FOR UPDATE SKIP LOCKED
     )
     UPDATE mail_outbox AS m SET next_attempt_at = $2::timestamptz
     FROM due WHERE m.id = due.id
     RETURNING m.id, m.recipient, m.subject, m.html, m.text, m.template, m.attempts, m.attachments`,
    [opts.now.toISOString(), opts.leaseUntil.toISOString(), opts.limit],
  );
  // UPDATE … RETURNING does not keep the CTE's order.
  return rows
    .map((row) => ({ ...row, attachments: parseAttachments(row.attachments) }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** jsonb arrives parsed from node-postgres and PGlite; text only if a driver hands it over as such. */
function parseAttachments(value: MailAttachment[] | string | null): readonly MailAttachment[] {
  if (value === null) return [];
  return typeof value === 'string' ? (JSON.parse(value) as MailAttachment[]) : value;
}

/** The transport took the mail: `sent` over SMTP, `mailbox` when it stays on this server. */
export async function recordDelivered(
  exec: SqlExecutor,
  id: string,
  state: 'sent' | 'mailbox',
  at: Date,
): Promise<void> {
  // Mail handed to SMTP keeps its subject and dates but not its body or attachments: the body
  // may carry an initial or temporary password or a wallet clave, the attachment a citizen's
  // data, which must not sit in the database after they went out. The local mailbox keeps
  // them: they are its only copy, and it exists for demos and tests.
  await exec.query(
    `UPDATE mail_outbox SET state = $2, attempts = attempts + 1, sent_at = $3::timestamptz, last_error = NULL,
       html = CASE WHEN $2 = 'sent' THEN '' ELSE html END, text = CASE WHEN $2 = 'sent' THEN '' ELSE text END,
       attachments = CASE WHEN $2 = 'sent' THEN NULL ELSE attachments END
     WHERE id = $1 AND state = 'queued'`,
    [id, state, at.toISOString()],
  );
}

/** A transient failure: due again at `nextAttemptAt`. `error` must hold no address or secret. */
export async function recordRetry(
  exec: SqlExecutor,
  id: string,
  opts: { readonly nextAttemptAt: Date; readonly error: string },
): Promise<void> {
  await exec.query(
    `UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = $2::timestamptz, last_error = $3
     WHERE id = $1 AND state = 'queued'`,
    [id, opts.nextAttemptAt.toISOString(), opts.error],
  );
}

/**
 * The SMTP server refused this mail for good; it stays visible with its subject and reason. Its
 * body goes, as for sent mail: nothing will send it again, and it may hold a password.
 */
export async function recordFailed(exec: SqlExecutor, id: string, error: string): Promise<void> {
  await exec.query(
    `UPDATE mail_outbox SET state = 'failed', attempts = attempts + 1, last_error = $2, html = '', text = '',
       attachments = NULL
     WHERE id = $1 AND state = 'queued'`,
    [id, error],
  );
}

/** Gives a claimed row back untried (the sender is stopping, or the relay just failed). */
export async function releaseClaim(exec: SqlExecutor, id: string, dueAt: Date): Promise<void> {
  await exec.query(`UPDATE mail_outbox SET next_attempt_at = $2::timestamptz WHERE id = $1 AND state = 'queued'`, [
    id,
    dueAt.toISOString(),
  ]);
}
