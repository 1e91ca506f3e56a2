import type { OpParsedInput } from '../../src-shared/api/contract';
import type { RouteValue } from '../../src-shared/server-api/routes';
import type { StoredCopy, StoredPurchase } from './purchase-records';

// The purchases the kiosk keeps (purchase-records.ts) as the certificate service writes them —
// asked, bought, or made again for a copy the server gave back — and a copy's lookup among them.

export function asking(purchaseKey: string, input: OpParsedInput<'certificates.purchase'>, now: Date): StoredPurchase {
  return {
    purchaseKey,
    state: 'asking',
    matricula: input.matricula,
    certificateCode: input.certificateCode,
    copiesAsked: input.copies,
    createdAt: now.toISOString(),
    receiptNumber: null,
    title: null,
    businessName: null,
    unitPrice: null,
    total: null,
    balance: null,
    receiptPrinted: false,
    copies: [],
  };
}

/** The purchase once the server held the price: each copy as it answered, not yet queued. */
export function boughtPurchase(
  purchaseKey: string,
  input: OpParsedInput<'certificates.purchase'>,
  answer: RouteValue<'certificates.purchase'>,
  now: Date,
): StoredPurchase {
  return {
    ...asking(purchaseKey, input, now),
    state: 'bought',
    receiptNumber: answer.receiptNumber,
    title: answer.title,
    businessName: answer.businessName,
    unitPrice: answer.unitPrice,
    total: answer.total,
    balance: answer.balance,
    copies: answer.copies.map((c) => ({
      certificateId: c.certificateId,
      copy: c.copy,
      verificationCode: c.verificationCode,
      jobId: null,
      outcome: null,
      detail: null,
      reported: false,
      refunded: 0,
    })),
  };
}

/**
 * A purchase the kiosk no longer keeps (forgotten after 30 days, or a new disk), made again for
 * the one copy the server gave back, as the server knows it: `unknown`, acknowledged, until its
 * new job is written over it. No receipt prints for it (its citizen holds the first one); what
 * the server did not say (the matrícula, the amounts) stays empty.
 */
export function forgotten(
  purchaseKey: string,
  given: RouteValue<'certificates.redispense'>,
  now: Date,
): StoredPurchase {
  return {
    purchaseKey,
    state: 'bought',
    matricula: '',
    certificateCode: '',
    copiesAsked: 1,
    createdAt: now.toISOString(),
    receiptNumber: given.receiptNumber,
    title: given.title,
    businessName: null,
    unitPrice: null,
    total: null,
    balance: null,
    receiptPrinted: true,
    copies: [
      {
        certificateId: given.certificateId,
        copy: given.copy,
        verificationCode: given.verificationCode,
        jobId: null,
        outcome: 'unknown',
        detail: null,
        reported: true,
        refunded: 0,
      },
    ],
  };
}

/** The purchase and copy of the first copy that `matches`, among the purchases kept. */
export function findCopy(
  purchases: readonly StoredPurchase[],
  matches: (copy: StoredCopy) => boolean,
): { purchase: StoredPurchase; copy: StoredCopy } | null {
  for (const purchase of purchases) {
    const copy = purchase.copies.find(matches);
    if (copy !== undefined) return { purchase, copy };
  }
  return null;
}
