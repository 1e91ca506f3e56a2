import { z } from 'zod';
import { billStates } from '../../domain/bill-state';
import { BillWarning } from '../../cashier/bill-warning';
import { CloseFigures } from '../../cashier/close-figures';
import { CashCount } from '../../cashier/denominations';
import { DocumentFile } from '../document';
import { defineOperation, counterOnly, counterStaff, openToAll } from '../operation';
import { CodigoInterno } from './bills';
import { printed, settledMoney, staffSession, tenders } from './counter-fields';
import { CounterRechargeView } from './counter-recharge';
import { StaffGrant } from './staff';

/**
 * The counter (docs/user-guides.md, issue 6): a cashier signs in on the device (offline too, against
 * the replicated staff accounts), opens a cash session, takes payments by scanning the bill's
 * GS1-128 barcode or typing the código interno, prints receipts, voids with a supervisor, and
 * closes blind. Every money record is written with its outbox event; all of it works with the
 * central server down.
 */

export const CashierSessionView = z.object({
  id: z.string(),
  cashier: z.string(),
  cashierName: z.string(),
  openedAt: z.string(),
  openingFloat: z.number().int(),
  payments: z.number().int().nonnegative(),
  /** Money the session's valid payments brought in: the cash kept, card and check (bills' values less their roundings). */
  collected: z.number().int(),
});
export type CashierSessionView = z.infer<typeof CashierSessionView>;

export const PayableBill = z.object({
  billNumber: z.number().int(),
  period: z.string(),
  /** `Marzo de 2026`. */
  periodLabel: z.string(),
  total: z.number().int(),
  dueOn: z.string(),
  state: z.enum(billStates),
  /** When taking this payment needs the cashier's attention (paid already, annulled, overdue). */
  warning: BillWarning.nullable(),
  /**
   * False for a bill already paid (here or elsewhere) or annulled: what is taken for it becomes
   * saldo a favor, and `takePayment` refuses it unless the cashier confirmed (`notOwedConfirmed`).
   */
  owed: z.boolean(),
});
export type PayableBill = z.infer<typeof PayableBill>;

/** The bills a payment can be taken for, found by a scan or a código interno (the counter's and, later, the field's). */
export const FoundBills = z.object({
  codigoInterno: z.number().int(),
  holderName: z.string(),
  address: z.string(),
  bills: z.array(PayableBill),
  /** From a scan: the bill the barcode names. */
  scannedBillNumber: z.number().int().nullable(),
  /**
   * Change is rounded up to this many pesos (`cashier.cashRoundingStep`; 1 = to the peso), so
   * the screen shows the change and the rounding the service will record (src-shared/cashier/tenders.ts).
   */
  cashRoundingStep: z.number().int().positive(),
});
export type FoundBills = z.infer<typeof FoundBills>;

export const CashierPaymentView = z.object({
  id: z.string(),
  receiptNumber: z.string(),
  codigoInterno: z.number().int(),
  holderName: z.string(),
  billNumber: z.number().int(),
  period: z.string(),
  ...settledMoney,
  takenAt: z.string(),
  state: z.enum(['valid', 'voided']),
  /** Spanish, as printed on the receipt: the bill was not owed and the money is saldo a favor. */
  warning: z.string().nullable(),
  voidReason: z.string().nullable(),
});
export type CashierPaymentView = z.infer<typeof CashierPaymentView>;

const supervisor = z
  .object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) })
  .strict();

export const cashierOps = {
  'cashier.signIn': defineOperation({
    summary:
      'A cashier (or supervisor) signs in at the counter; works offline. Gives a staff session for the cashier operations.',
    reach: 'local',
    modes: counterOnly,
    auth: openToAll,
    input: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }).strict(),
    output: z.object({
      staffSession,
      staff: StaffGrant.omit({ grantId: true }),
      openSession: CashierSessionView.nullable(),
    }),
  }),
  'cashier.signOut': defineOperation({
    summary: 'Ends the staff session (the cash session stays open for the next sign-in).',
    reach: 'local',
    modes: counterOnly,
    auth: openToAll,
    input: z.object({ staffSession }).strict(),
    output: z.object({ signedOut: z.literal(true) }),
  }),
  'cashier.openSession': defineOperation({
    summary: 'Opens a cash session with the float in the drawer. One open session per device.',
    reach: 'local',
    modes: counterOnly,
    auth: counterStaff,
    input: z.object({ staffSession, openingFloat: z.number().int().min(0).max(50_000_000) }).strict(),
    output: CashierSessionView,
  }),
  'cashier.findBills': defineOperation({
    summary:
      'The bills a payment can be taken for: from a scanned GS1-128 barcode (checked against the convenio, the bill amount and due date) or a typed código interno.',
    reach: 'local',
    modes: counterOnly,
    auth: counterStaff,
    input: z.union([
      z.object({ staffSession, scan: z.string().min(1).max(200) }).strict(),
      z.object({ staffSession, codigoInterno: CodigoInterno }).strict(),
    ]),
    output: FoundBills,
  }),
  'cashier.takePayment': defineOperation({
    summary:
      'Takes a payment for one bill: tenders checked (change rounded up to the cash rounding step), payment + outbox event + receipt number committed in one transaction, then the receipt printed and the drawer opened for cash. A bill not owed needs notOwedConfirmed.',
    reach: 'local',
    modes: counterOnly,
    auth: counterStaff,
    input: z
      .object({
        staffSession,
        codigoInterno: CodigoInterno,
        billNumber: z.number().int().positive(),
        tenders,
        /**
         * The cashier confirmed, with a key of its own (not the Enter that charges an owed bill),
         * taking money for a bill that is not owed; without it such a bill is refused (`conflict`).
         */
        notOwedConfirmed: z.literal(true).optional(),
      })
      .strict(),
    output: z.object({ payment: CashierPaymentView }).merge(printed),
  }),
  'cashier.payments': defineOperation({
    summary: 'The payments and wallet recharges of the open session, newest first.',
    reach: 'local',
    modes: counterOnly,
    auth: counterStaff,
    input: z.object({ staffSession }).strict(),
    output: z.object({
      session: CashierSessionView,
      payments: z.array(CashierPaymentView),
      /** The session's prepaid wallet recharges, newest first (docs/counter-recharge.md). */
      recharges: z.array(CounterRechargeView),
    }),
  }),
  'cashier.reprint': defineOperation({
    summary: 'Prints a receipt of the session again (a payment’s or a recharge’s, by its id), marked COPIA.',
    reach: 'local',
    modes: counterOnly,
    auth: counterStaff,
    input: z.object({ staffSession, paymentId: z.string().min(1).max(64) }).strict(),
    output: printed,
  }),
  'cashier.voidPayment': defineOperation({
    summary: 'Voids a payment of the session with a supervisor’s credentials and a reason; audit-logged and synced.',
    reach: 'local',
    modes: counterOnly,
    auth: counterStaff,
    input: z
      .object({
        staffSession,
        paymentId: z.string().min(1).max(64),
        reason: z.string().trim().min(5).max(200),
        supervisor,
      })
      .strict(),
    output: z.object({ payment: CashierPaymentView }),
  }),
  'cashier.xReport': defineOperation({
    summary: 'Prints the X report (the session so far, nothing closed).',
    reach: 'local',
    modes: counterOnly,
    auth: counterStaff,
    input: z.object({ staffSession }).strict(),
    output: printed,
  }),
  'cashier.sessionReportPdf': defineOperation({
    summary:
      'The Z report of a closed session of this device (or the X report of the open one) as a PDF, the same lines the printer printed.',
    reach: 'local',
    modes: counterOnly,
    auth: counterStaff,
    input: z.object({ staffSession, sessionId: z.string().min(16).max(64) }).strict(),
    output: DocumentFile,
  }),
  'cashier.closeSession': defineOperation({
    summary:
      'Blind close: the count by denomination and the card and check totals are typed first; the answer gives expected vs counted. A difference beyond the tolerance needs a supervisor. Prints the Z report.',
    reach: 'local',
    modes: counterOnly,
    auth: counterStaff,
    input: z
      .object({
        staffSession,
        cash: CashCount,
        card: z.number().int().min(0).max(1_000_000_000),
        check: z.number().int().min(0).max(1_000_000_000),
        supervisor: supervisor.optional(),
      })
      .strict(),
    output: z
      .object({ figures: CloseFigures, closed: z.boolean(), needsSupervisor: z.boolean(), sessionId: z.string() })
      .merge(printed),
  }),
};
