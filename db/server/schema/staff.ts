import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

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
