import type { IssuedCertificateState } from '../../src-shared/certificates/certificate-delivery';
import type { CertificatePurchaseValue } from '../../src-shared/server-api/certificates-api';
import { walletOwnerRef } from '../../src-shared/wallet/liquidation';
import type { SqlExecutor } from '../db/sql-executor';
import { findLedgerAccount } from '../ledger/ledger-accounts';

/** What the kiosk gets back from a purchase, and again for the same purchase key. */
export type PurchaseAnswer = CertificatePurchaseValue;

interface Row extends Record<string, unknown> {
  purchase_id: string;
  receipt_number: string | number;
  doc_type: string;
  doc_number: string;
  unit_price: string | number;
  copies: number;
  certificate_id: string;
  copy: number;
  verification_code: string;
  title: string;
  business_name: string;
  issued_at: Date | string;
  state: IssuedCertificateState;
  pdf: Uint8Array;
}

/** The purchase a kiosk made under `purchaseKey`, with every copy; null when there is none. */
export async function purchaseAnswer(
  exec: SqlExecutor,
  deviceId: string,
  purchaseKey: string,
): Promise<PurchaseAnswer | null> {
  const { rows } = await exec.query<Row>(
    `SELECT p.id AS purchase_id, p.receipt_number, p.doc_type, p.doc_number, p.unit_price, p.copies,
            c.id AS certificate_id, c.copy, c.verification_code, c.title, c.business_name, c.issued_at, c.state, d.pdf
     FROM certificate_purchases p
     JOIN issued_certificates c ON c.purchase_id = p.id
     JOIN issued_certificate_pdfs d ON d.certificate_id = c.id
     WHERE p.device_id = $1 AND p.purchase_key = $2
     ORDER BY c.copy`,
    [deviceId, purchaseKey],
  );
  const first = rows[0];
  if (first === undefined) return null;
  const wallet = await findLedgerAccount(exec, 'wallet', walletOwnerRef(first.doc_type, first.doc_number));
  return {
    purchaseId: first.purchase_id,
    receiptNumber: Number(first.receipt_number),
    title: first.title,
    businessName: first.business_name,
    unitPrice: Number(first.unit_price),
    total: Number(first.unit_price) * first.copies,
    balance: wallet?.balance ?? 0,
    issuedAt: new Date(first.issued_at).toISOString(),
    copies: rows.map((r) => ({
      certificateId: r.certificate_id,
      copy: r.copy,
      verificationCode: r.verification_code,
      state: r.state,
      pdfBase64: Buffer.from(r.pdf).toString('base64'),
    })),
  };
}
