import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Office staff. Passwords and PINs are stored only as scrypt hashes. */
export const staffUsers = pgTable(
  'staff_users',
  {
    id: uuid('id').primaryKey(),
    username: text('username').notNull().unique(),
    fullName: text('full_name').notNull(),
    role: text('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    pinHash: text('pin_hash'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('staff_users_role_check', sql`${t.role} in ('cajero', 'supervisor', 'soporte', 'admin')`),
    // Sign-in looks usernames up in lower case (console and devices): two that differ only in
    // case would be one account to the person typing it.
    uniqueIndex('staff_users_username_lower_idx').on(sql`lower(${t.username})`),
  ],
);

/**
 * Each staff member's approval key (src-node/staff-credentials.ts): the second half of the
 * scrypt output of their password. Never replicated — the change feed carries staff_users
 * only — so a device cannot sign a supervisor's approval without the password itself.
 */
export const staffApprovalKeys = pgTable('staff_approval_keys', {
  staffId: uuid('staff_id')
    .primaryKey()
    .references(() => staffUsers.id),
  /** base64url, 32 bytes. */
  approvalKey: text('approval_key').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Who changed a staff account, and how (`npm run admin -- staff …`, src-server/admin/staff-admin.ts).
 * Server only, never replicated; it holds no secret — a password change is recorded as the fact.
 */
export const staffChanges = pgTable(
  'staff_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staffUsers.id),
    /** `add`, `set-password`, `new-pin`, `deactivate` or `activate`. */
    action: text('action').notNull(),
    by: text('by').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'staff_changes_action_check',
      sql`${t.action} in ('add', 'set-password', 'new-pin', 'deactivate', 'activate')`,
    ),
    index('staff_changes_staff_idx').on(t.staffId, t.at),
  ],
);

/**
 * The staff console's sessions (src-server/console/console-sessions.ts), shared by every server
 * instance: a login on one is good on all, and a restart keeps them. Server only, never
 * replicated. The cookie is never stored: the row is found by the SHA-256 of its value. The
 * session's CSRF token is not stored either: it is derived from the cookie's value.
 */
export const staffConsoleSessions = pgTable(
  'staff_console_sessions',
  {
    /** SHA-256 of the cookie's value (256 random bits), hex. */
    tokenHash: text('token_hash').primaryKey(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staffUsers.id),
    /** The member's last set-password/deactivate staff_changes id at login (console-login.ts `activeStaff`). */
    changesThrough: bigint('changes_through', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    /** What the next page shows once, after an action redirected to it (post/redirect/get). */
    flashKind: text('flash_kind'),
    flashText: text('flash_text'),
  },
  (t) => [
    check(
      'staff_console_sessions_flash_check',
      sql`(${t.flashKind} is null and ${t.flashText} is null) or (${t.flashKind} in ('ok', 'error') and ${t.flashText} is not null)`,
    ),
    // A member's sessions, newest first: the cap on live sessions per member drops the oldest.
    index('staff_console_sessions_staff_idx').on(t.staffId, t.createdAt),
  ],
);
