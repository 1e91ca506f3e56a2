import { sql } from 'drizzle-orm';
import { boolean, check, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
  (t) => [check('staff_users_role_check', sql`${t.role} in ('cajero', 'supervisor', 'soporte', 'admin')`)],
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
