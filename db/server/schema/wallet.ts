import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { personKinds, type HolderData } from '../../../src-shared/wallet/holder-fields';
import {
  bankRecordOutcomes,
  liquidationKinds,
  liquidationStates,
  paymentChannels,
  paymentOutcomes,
  reviewKinds,
} from '../../../src-shared/wallet/liquidation';
import { devices } from './devices';
import { ledgerTransfers } from './ledger';
import { sqlList } from './sql-list';

/**
 * The prepaid wallet around the ledger (docs/wallet.md): its holders, the liquidaciones paid
 * into it, and where each payment came from — an online gateway, a bank's Asobancaria file, an
 * office cashier. Balances are never here: they are the ledger's (db/server/schema/ledger.ts).
 */

/** A wallet's holder, by identification: written when the first liquidación is paid. */
export const walletHolders = pgTable(
  'wallet_holders',
  {
    id: uuid('id').primaryKey(),
    docType: text('doc_type').notNull(),
    docNumber: text('doc_number').notNull(),
    personKind: text('person_kind').notNull(),
    /** Names or razón social, as HolderData['identity']. */
    identity: jsonb('identity').$type<HolderData['identity']>().notNull(),
    email: text('email').notNull(),
    mobile: text('mobile').notNull(),
    landline: text('landline'),
    address: text('address').notNull(),
    municipality: text('municipality').notNull(),
    /** scrypt of the clave mailed with the first soporte del pago; null until then. Never the clave. */
    claveHash: text('clave_hash'),
    claveIssuedAt: timestamp('clave_issued_at', { withTimezone: true }),
    /** Wrong claves in a row; the owner is mailed when it reaches the configured count. */
    claveFailures: integer('clave_failures').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('wallet_holders_identification_key').on(t.docType, t.docNumber),
    check('wallet_holders_person_kind_check', sql`${t.personKind} in ${sqlList(personKinds)}`),
  ],
);

/** Proof that the prepaid service's terms were shown and accepted: which text, when, where. */
export const walletTermsAcceptances = pgTable(
  'wallet_terms_acceptances',
  {
    id: uuid('id').primaryKey(),
    docType: text('doc_type').notNull(),
    docNumber: text('doc_number').notNull(),
    termsVersion: text('terms_version').notNull(),
    textSha256: text('text_sha256').notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull().defaultNow(),
    /** The kiosk or counter it was accepted on; null on the web. */
    deviceId: uuid('device_id').references(() => devices.id),
  },
  (t) => [index('wallet_terms_acceptances_identification_idx').on(t.docType, t.docNumber)],
);

/** What a citizen asked to pay into a wallet, before and after paying it. */
export const liquidations = pgTable(
  'liquidations',
  {
    id: uuid('id').primaryKey(),
    /** The «Liquidación Nro.» citizens and banks see; also the payment reference (GS1-128 AI 8020). */
    number: bigserial('number', { mode: 'number' }).notNull().unique(),
    kind: text('kind').notNull().default('prepago'),
    docType: text('doc_type').notNull(),
    docNumber: text('doc_number').notNull(),
    /** The client data the recibo de caja is issued with, as typed for this liquidación. */
    client: jsonb('client').$type<HolderData>().notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    state: text('state').notNull().default('pendiente'),
    /** «Recuperar transacción»: unique, case-sensitive (src-shared/wallet/recovery-code.ts). */
    recoveryCode: text('recovery_code').notNull().unique(),
    termsAcceptanceId: uuid('terms_acceptance_id').references(() => walletTermsAcceptances.id),
    /** The device it was made on; null on the web or by staff. */
    deviceId: uuid('device_id').references(() => devices.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    paidVia: text('paid_via'),
    annulledAt: timestamp('annulled_at', { withTimezone: true }),
    annulledBy: text('annulled_by'),
    /** Why staff annulled it, as typed in the console: the audit of the annulment. */
    annulledReason: text('annulled_reason'),
  },
  (t) => [
    check('liquidations_kind_check', sql`${t.kind} in ${sqlList(liquidationKinds)}`),
    check('liquidations_state_check', sql`${t.state} in ${sqlList(liquidationStates)}`),
    check('liquidations_amount_check', sql`${t.amount} > 0`),
    check('liquidations_annulled_reason_check', sql`${t.annulledAt} is null or ${t.annulledReason} is not null`),
    check('liquidations_paid_via_check', sql`${t.paidVia} is null or ${t.paidVia} in ${sqlList(paymentChannels)}`),
    index('liquidations_identification_idx').on(t.docType, t.docNumber),
    index('liquidations_pending_idx').on(t.state, t.expiresAt),
  ],
);

/**
 * Every payment that reached a liquidación, whatever the channel, applied once: `source_key`
 * names it (`gateway:<transaction id>`, `bank:<record key>`, `counter:<event id>`) and is also
 * its ledger transfer's idempotency key.
 */
export const liquidationPayments = pgTable(
  'liquidation_payments',
  {
    id: uuid('id').primaryKey(),
    liquidationId: uuid('liquidation_id')
      .notNull()
      .references(() => liquidations.id),
    channel: text('channel').notNull(),
    sourceKey: text('source_key').notNull().unique(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    outcome: text('outcome').notNull(),
    transferId: uuid('transfer_id')
      .notNull()
      .references(() => ledgerTransfers.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('liquidation_payments_channel_check', sql`${t.channel} in ${sqlList(paymentChannels)}`),
    check('liquidation_payments_outcome_check', sql`${t.outcome} in ${sqlList(paymentOutcomes)}`),
    check('liquidation_payments_amount_check', sql`${t.amount} > 0`),
    index('liquidation_payments_liquidation_idx').on(t.liquidationId),
  ],
);

/** What staff must look at or resolve (src-shared/wallet/liquidation.ts, reviewKinds), with an audit trail. */
export const walletReviews = pgTable(
  'wallet_reviews',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    channel: text('channel').notNull(),
    /** The payment's or record's source key: one review per kind and source. */
    sourceKey: text('source_key').notNull(),
    liquidationId: uuid('liquidation_id').references(() => liquidations.id),
    amount: bigint('amount', { mode: 'number' }),
    /** A bank record's raw line, or a short account of a gateway event: what staff check against. */
    raw: text('raw'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    /** Staff username. */
    resolvedBy: text('resolved_by'),
    /** `applied` (to a liquidación), `returned` (refunded outside), `acknowledged`. */
    resolution: text('resolution'),
    resolutionNote: text('resolution_note'),
    /** The transfer a resolution that applied the money made. */
    resolutionTransferId: uuid('resolution_transfer_id').references(() => ledgerTransfers.id),
  },
  (t) => [
    check('wallet_reviews_kind_check', sql`${t.kind} in ${sqlList(reviewKinds)}`),
    check('wallet_reviews_channel_check', sql`${t.channel} in ${sqlList(paymentChannels)}`),
    unique('wallet_reviews_source_key').on(t.kind, t.sourceKey),
    index('wallet_reviews_open_idx').on(t.resolvedAt, t.createdAt),
  ],
);

/** One checkout opened at the online gateway for a liquidación (its `reference` is ours, unique per attempt). */
export const gatewayTransactions = pgTable(
  'gateway_transactions',
  {
    reference: text('reference').primaryKey(),
    liquidationId: uuid('liquidation_id')
      .notNull()
      .references(() => liquidations.id),
    amountInCents: bigint('amount_in_cents', { mode: 'number' }).notNull(),
    currency: text('currency').notNull().default('COP'),
    /** The gateway's transaction id, once an event or a poll named it. */
    transactionId: text('transaction_id').unique(),
    /** `CREATED` until the gateway reports one of gatewayStatuses. */
    status: text('status').notNull().default('CREATED'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('gateway_transactions_open_idx').on(t.status, t.createdAt)],
);

/** Each verified gateway event, applied once (`event_key`: the transaction id and status). */
export const gatewayEvents = pgTable('gateway_events', {
  eventKey: text('event_key').primaryKey(),
  transactionId: text('transaction_id').notNull(),
  reference: text('reference').notNull(),
  status: text('status').notNull(),
  /** `applied`, `status-only`, `mismatch`, `unknown-reference`. */
  outcome: text('outcome').notNull(),
  /** `webhook` or `poll`. */
  source: text('source').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An Asobancaria 2001 file imported (once: by its bytes' SHA-256). */
export const bankFiles = pgTable('bank_files', {
  id: uuid('id').primaryKey(),
  sha256: text('sha256').notNull().unique(),
  fileName: text('file_name').notNull(),
  /** The collecting bank's code from the file header. */
  bankCode: text('bank_code').notNull(),
  /** The collection date the header gives, `YYYY-MM-DD`. */
  collectedOn: text('collected_on').notNull(),
  records: integer('records').notNull(),
  totalAmount: bigint('total_amount', { mode: 'number' }).notNull(),
  /** `{file, records, applied, duplicates, unknownReference, amountMismatch, rejected}`. */
  summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  /** Staff username, or `admin-cli`. */
  importedBy: text('imported_by').notNull(),
});

/** One detail record of an imported file, never applied twice (`record_key` across files). */
export const bankRecords = pgTable(
  'bank_records',
  {
    id: uuid('id').primaryKey(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => bankFiles.id),
    lineNumber: integer('line_number').notNull(),
    /** Bank, collection date, office, sequence and reference: the same payment in another file is the same key. */
    recordKey: text('record_key').notNull().unique(),
    reference: text('reference').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    rawLine: text('raw_line').notNull(),
    outcome: text('outcome').notNull(),
    liquidationId: uuid('liquidation_id').references(() => liquidations.id),
  },
  (t) => [
    check('bank_records_outcome_check', sql`${t.outcome} in ${sqlList(bankRecordOutcomes)}`),
    index('bank_records_file_idx').on(t.fileId, t.lineNumber),
  ],
);

/** «Solicitar una clave nueva»: a link mailed to the holder; its token stored only as a hash. */
export const walletClaveResets = pgTable('wallet_clave_resets', {
  id: uuid('id').primaryKey(),
  holderId: uuid('holder_id')
    .notNull()
    .references(() => walletHolders.id),
  tokenSha256: text('token_sha256').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/**
 * The soporte del pago mailed for a payment (and the clave issued with the holder's first):
 * written by the wallet mailer after the payment's commit, so the money path never waits on a
 * PDF or a password hash. A payment without its row is still to be mailed.
 */
export const walletSupportMails = pgTable('wallet_support_mails', {
  paymentId: uuid('payment_id')
    .primaryKey()
    .references(() => liquidationPayments.id),
  /** The mail_outbox row; null when the holder has no address to mail (never for a wallet holder). */
  mailId: uuid('mail_id'),
  claveIssued: boolean('clave_issued').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
