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
import { ledgerAccountKinds } from '../../../src-shared/domain/ledger-accounts';
import { sqlList } from './sql-list';

/**
 * The prepaid wallet's double-entry ledger (docs/ledger.md). Entries and transfers are never
 * updated or deleted — triggers of migration 0009 refuse it, whoever asks — an account's balance
 * moves only with the entries written against it, a transfer's entries sum to zero (checked at
 * commit), and a wallet's balance cannot go below zero (a CHECK on the row the entry updates,
 * which also serialises two spends of the same wallet).
 */
export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    /** What the account belongs to within its kind: the identification of a wallet, a bank's code, a cash session's id; '' for the entity's single accounts. */
    ownerRef: text('owner_ref').notNull(),
    /** False for wallets: the balance may never go below zero. */
    mayGoNegative: boolean('may_go_negative').notNull(),
    /** The sum of the account's entries, kept by the entries' trigger; no one else writes it. */
    balance: bigint('balance', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('ledger_accounts_kind_check', sql`${t.kind} in ${sqlList(ledgerAccountKinds)}`),
    check('ledger_accounts_wallet_check', sql`${t.kind} <> 'wallet' or not ${t.mayGoNegative}`),
    check('ledger_accounts_balance_check', sql`${t.mayGoNegative} or ${t.balance} >= 0`),
    uniqueIndex('ledger_accounts_owner_idx').on(t.kind, t.ownerRef),
  ],
);

/** One movement of money: its entries sum to zero. Applied once per idempotency key. */
export const ledgerTransfers = pgTable('ledger_transfers', {
  id: uuid('id').primaryKey(),
  /** Who asks for the transfer names it (a gateway event id, a bank record, a device's event id): a second ask is the first one's answer. */
  idempotencyKey: text('idempotency_key').notNull().unique(),
  /** `recarga`, `compra`, `reembolso`, …: what the movement is, for the kardex. */
  kind: text('kind').notNull(),
  /** Spanish, for the kardex: «Recarga en línea, liquidación 2026-000123». */
  description: text('description').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One leg of a transfer: pesos into (positive) or out of (negative) one account. */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    transferId: uuid('transfer_id')
      .notNull()
      .references(() => ledgerTransfers.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => ledgerAccounts.id),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    /** The account's balance after this entry, set by the trigger that applies it: the kardex's running balance. */
    balanceAfter: bigint('balance_after', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('ledger_entries_amount_check', sql`${t.amount} <> 0`),
    index('ledger_entries_account_idx').on(t.accountId, t.id),
    index('ledger_entries_transfer_idx').on(t.transferId),
  ],
);
