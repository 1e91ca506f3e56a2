import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Citizens' accounts (docs/user-guides.md, docs/accounts-security.md). The identity is the document type and number; the
 * password is stored only as a scrypt hash. `must_change_password` is set by a password the
 * system made (the one emailed at registration) until the citizen chooses their own.
 */
export const citizenAccounts = pgTable(
  'citizen_accounts',
  {
    id: uuid('id').primaryKey(),
    docType: text('doc_type').notNull(),
    docNumber: text('doc_number').notNull(),
    firstNames: text('first_names').notNull(),
    lastNames: text('last_names').notNull(),
    /** Lower-cased; unique among accounts. */
    email: text('email').notNull().unique(),
    mobile: text('mobile').notNull(),
    landline: text('landline'),
    address: text('address').notNull(),
    municipality: text('municipality').notNull(),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    /**
     * A new email waits for the code sent to it: the change is applied only when the citizen
     * types that code, so «Modificar usuario» never tells whether an address has an account.
     */
    pendingEmail: text('pending_email'),
    pendingEmailCodeSha256: text('pending_email_code_sha256'),
    pendingEmailExpiresAt: timestamp('pending_email_expires_at', { withTimezone: true }),
    pendingEmailAttempts: integer('pending_email_attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('citizen_accounts_document_key').on(t.docType, t.docNumber),
    index('citizen_accounts_doc_number_idx').on(t.docNumber),
  ],
);

/** Proof of the Ley 1581 authorization: which text, when, from which device and channel. */
export const accountConsents = pgTable('account_consents', {
  id: uuid('id').primaryKey(),
  accountId: uuid('account_id')
    .notNull()
    .references(() => citizenAccounts.id),
  policyVersion: text('policy_version').notNull(),
  textSha256: text('text_sha256').notNull(),
  grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
  deviceId: uuid('device_id'),
  channel: text('channel').notNull(),
});

/** Temporary passwords sent by "Recuperar contraseña": hashed, 15 minutes, single use. */
export const accountResetCodes = pgTable(
  'account_reset_codes',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => citizenAccounts.id),
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('account_reset_codes_account_idx').on(t.accountId, t.expiresAt)],
);

/** Logged-in citizens; only the token's sha256 is kept. */
export const accountSessions = pgTable('account_sessions', {
  tokenSha256: text('token_sha256').primaryKey(),
  accountId: uuid('account_id')
    .notNull()
    .references(() => citizenAccounts.id),
  deviceId: uuid('device_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
  /** Only «Cambio de contraseña» is open while the citizen must choose a password. */
  mustChangePassword: boolean('must_change_password').notNull(),
});

/** The códigos internos a citizen proved to hold (answering that code's questions). */
export const accountSubscriberLinks = pgTable(
  'account_subscriber_links',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => citizenAccounts.id),
    codigoInterno: integer('codigo_interno').notNull(),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.codigoInterno] })],
);

/**
 * Failed logins and recoveries counted per key (an account's document, a device): each
 * failure beyond the free ones doubles the wait, capped, and a success or the window's end
 * clears it, so nobody can lock another person out for good.
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }).notNull(),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
});

/** Captcha challenges: the answer lives 5 minutes and is good for one try. */
export const captchaChallenges = pgTable('captcha_challenges', {
  id: uuid('id').primaryKey(),
  answer: text('answer').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** A file attached to an outgoing mail. */
export interface MailAttachmentRow {
  readonly filename: string;
  readonly contentType: string;
  readonly base64: string;
}

/**
 * Outgoing mail, written in the same transaction as what it tells: queued → sent, retried
 * with backoff while the SMTP server fails. Without SMTP configured the row is the local
 * mailbox (state `mailbox`), readable on the server's mailbox page.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    /** What kind of mail, for the logs (never the recipient). */
    template: text('template').notNull(),
    state: text('state').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** Files sent with the mail (a soporte del pago's PDF), base64; emptied with the body once sent. */
    attachments: jsonb('attachments').$type<MailAttachmentRow[]>(),
  },
  (t) => [
    check('mail_outbox_state_check', sql`${t.state} in ('queued', 'sent', 'mailbox', 'failed')`),
    index('mail_outbox_due_idx').on(t.state, t.nextAttemptAt),
  ],
);
