import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  customType,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { issuedCertificateStates } from '../../../src-shared/certificates/certificate-delivery';
import { devices } from './devices';
import { ledgerTransfers } from './ledger';
import { sqlList } from './sql-list';

/**
 * Certificates bought from the prepaid wallet at a kiosk (docs/certificates.md): the purchase
 * with the hold on the wallet, each copy issued with its verification code and its signed PDF,
 * and how each copy's dispensing ended — which settles or refunds its part of the hold.
 */

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** One purchase: a certificate of one matrícula, one or more copies, paid with a hold on the wallet. */
export const certificatePurchases = pgTable(
  'certificate_purchases',
  {
    id: uuid('id').primaryKey(),
    /** Printed on the receipt and on every copy ("Recibo No."). */
    receiptNumber: bigserial('receipt_number', { mode: 'number' }).notNull().unique(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    /** The kiosk's key for this purchase: asking again with it answers the first purchase. */
    purchaseKey: text('purchase_key').notNull(),
    docType: text('doc_type').notNull(),
    docNumber: text('doc_number').notNull(),
    matriculaNumber: text('matricula_number').notNull(),
    /** The catalogue entry's code. */
    certificateCode: text('certificate_code').notNull(),
    copies: integer('copies').notNull(),
    unitPrice: bigint('unit_price', { mode: 'number' }).notNull(),
    /** The wallet → certificate-holds transfer of copies × unit price. */
    holdTransferId: uuid('hold_transfer_id')
      .notNull()
      .references(() => ledgerTransfers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('certificate_purchases_device_key').on(t.deviceId, t.purchaseKey),
    index('certificate_purchases_identification_idx').on(t.docType, t.docNumber),
    check('certificate_purchases_copies_check', sql`${t.copies} between 1 and 10`),
    check('certificate_purchases_price_check', sql`${t.unitPrice} > 0`),
  ],
);

/** One copy: what the verification page shows, and where its part of the hold went. */
export const issuedCertificates = pgTable(
  'issued_certificates',
  {
    id: uuid('id').primaryKey(),
    purchaseId: uuid('purchase_id')
      .notNull()
      .references(() => certificatePurchases.id),
    copy: integer('copy').notNull(),
    /** 10 characters, case-sensitive, random (src-shared/certificates/verification-code.ts). */
    verificationCode: text('verification_code').notNull().unique(),
    certificateCode: text('certificate_code').notNull(),
    /** As the certificate prints it. */
    title: text('title').notNull(),
    matriculaNumber: text('matricula_number').notNull(),
    businessName: text('business_name').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    /** held → delivered (settled) | refunded | unknown; unknown → delivered | refunded by staff. */
    state: text('state').notNull(),
    outcomeDetail: text('outcome_detail'),
    outcomeAt: timestamp('outcome_at', { withTimezone: true }),
    /** Staff username when staff resolved an unknown outcome. */
    resolvedBy: text('resolved_by'),
    /** The settle (holds → revenue) or refund (holds → wallet) transfer of this copy. */
    outcomeTransferId: uuid('outcome_transfer_id').references(() => ledgerTransfers.id),
    pdfSha256: text('pdf_sha256').notNull(),
  },
  (t) => [
    unique('issued_certificates_purchase_copy').on(t.purchaseId, t.copy),
    index('issued_certificates_open_idx').on(t.state, t.issuedAt),
    check('issued_certificates_state_check', sql`${t.state} in ${sqlList(issuedCertificateStates)}`),
  ],
);

/** The signed PDF of each copy, as issued: the verification page serves it back. */
export const issuedCertificatePdfs = pgTable('issued_certificate_pdfs', {
  certificateId: uuid('certificate_id')
    .primaryKey()
    .references(() => issuedCertificates.id),
  pdf: bytea('pdf').notNull(),
});
