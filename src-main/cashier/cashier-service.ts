import { and, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { auditLog, cashierPayments, cashSessions, numberSeries, settings } from '../../db/local/schema';
import { safeFileName } from '../../src-shared/api/document';
import type { OpName, OpOutput, OpParsedInput } from '../../src-shared/api/contract';
import type { PayableBill } from '../../src-shared/api/ops/cashier';
import type { CloseFigures } from '../../src-shared/cashier/close-figures';
import { err, ok, type Result } from '../../src-shared/api/result';
import { paymentReceipt, sessionReport, type SessionReportFacts } from '../../src-shared/cashier/receipt-layout';
import { countedCash, settleTenders, type Tender } from '../../src-shared/cashier/tenders';
import { bogotaDate, formatBogotaDateTime, formatDateEs, periodLabel } from '../../src-shared/domain/calendar-es';
import { entitySettingKey, parseEntitySetting, type EntitySetting } from '../../src-shared/domain/entity-setting';
import { parseScannedPayment } from '../../src-shared/domain/gs1-128-scan';
import { closeApprovalMessage, voidApprovalMessage } from '../../src-shared/sync/approval';
import { signApproval } from '../../src-node/staff-credentials';
import type { ReceiptModel } from '../../src-shared/receipts/receipt-model';
import type { DeviceMeta } from '../device/device-meta';
import { renderReceiptPdf } from '../documents/receipt-pdf';
import type { Logger } from '../logger';
import { printReceipt, type PrintedReceipt } from '../devices/receipt-printer/print-receipt';
import type { ReceiptPrinting } from '../devices/receipt-printer/receipt-printing';
import type { Store } from '../store/open-store';
import { attemptCommit, commit } from '../store/write-path';
import type { Approver, StaffAuthorizer } from '../staff/staff-authorizer';
import type { DeviceClock } from '../sync/clock';
import { cashierMessages } from './cashier-messages';
import { CashierRecords, paymentView, sessionView, type CashierPaymentRow, type CashSessionRow } from './cashier-records';
import type { CounterStaff, StaffSessions } from './staff-sessions';

export interface CashierOptions {
  readonly store: Store;
  readonly meta: DeviceMeta;
  readonly sessions: StaffSessions;
  readonly authorizer: StaffAuthorizer;
  readonly clock: Pick<DeviceClock, 'checkForMoney'>;
  readonly receipts: ReceiptPrinting;
  /** Money events of this device the server refused (parked): the X and Z reports warn of them. */
  readonly parkedMoneyEvents: () => number;
  /** Asks the central server now whether it answers (a close waits for the session's records then). */
  readonly serverOnline: () => Promise<boolean>;
  readonly config: {
    readonly entity: { readonly name: string; readonly nit: string; readonly city: string };
    readonly deviceName: string;
    /** Largest arqueo difference a cashier may close with alone, in pesos. */
    readonly closeTolerance: number;
    /** Refuse a scanned barcode after its due date (the convenio's rule). */
    readonly refuseExpiredBarcodes: boolean;
  };
  readonly log: Logger;
  readonly now?: () => Date;
}

type Out<K extends OpName> = Promise<Result<OpOutput<K>>>;


/**
 * The counter (docs/user-guides.md). Every operation but the sign-in and sign-out is called for
 * the staff member signed in (`staff-session` auth, checked by the dispatcher before any method
 * here runs). Money records are written only through `commit` (the record,
 * its outbox event and its audit line in one SQLite transaction); the receipt is printed
 * after, as a persisted job, so a printer out of paper or a crash between the two never loses
 * or doubles a payment: the payment stands and its receipt can be printed again.
 */
export class CashierService {
  private readonly records: CashierRecords;
  private readonly now: () => Date;

  constructor(private readonly options: CashierOptions) {
    this.records = new CashierRecords(options.store);
    this.now = options.now ?? (() => new Date());
  }

  async signIn(input: OpParsedInput<'cashier.signIn'>): Out<'cashier.signIn'> {
    const signed = await this.options.sessions.signIn(input.username, input.password);
    if (!signed.ok) return signed;
    const open = this.records.openSession();
    return ok({ ...signed.value, openSession: open === undefined ? null : sessionView(open, this.records.payments(open.id)) });
  }

  signOut(input: OpParsedInput<'cashier.signOut'>): Out<'cashier.signOut'> {
    this.options.sessions.signOut(input.staffSession);
    return Promise.resolve(ok({ signedOut: true as const }));
  }

  openSession(staff: CounterStaff, input: OpParsedInput<'cashier.openSession'>): Out<'cashier.openSession'> {
    const open = this.records.openSession();
    if (open !== undefined) return Promise.resolve(err('conflict', cashierMessages.alreadyOpen(open.cashierName)));
    const at = this.now().toISOString();
    const row: CashSessionRow = {
      id: uuidv7(),
      cashier: staff.username,
      cashierName: staff.fullName,
      openedAt: at,
      openingFloat: input.openingFloat,
      state: 'open',
      closedAt: null,
      counted: null,
      expected: null,
      difference: null,
      approvedBy: null,
    };
    commit(this.options.store, (tx) => {
      tx.insert(cashSessions).values(row).run();
      tx.insert(auditLog).values({ at, action: 'cashier.session_opened', actor: staff.username, details: { sessionId: row.id, openingFloat: row.openingFloat } }).run();
      return { result: null, events: [{ type: 'cash_session.opened', payload: { sessionId: row.id, cashier: row.cashier, openedAt: at, openingFloat: row.openingFloat } }] };
    });
    this.options.log.info({ sessionId: row.id }, 'cash session opened');
    return Promise.resolve(ok(sessionView(row, [])));
  }

  findBills(input: OpParsedInput<'cashier.findBills'>): Out<'cashier.findBills'> {
    if ('scan' in input) return Promise.resolve(this.fromScan(input.scan));
    return Promise.resolve(this.billsOf(input.codigoInterno, null));
  }

  async takePayment(signedIn: CounterStaff, input: OpParsedInput<'cashier.takePayment'>): Out<'cashier.takePayment'> {
    const context = this.counter(signedIn);
    if (!context.ok) return context;
    const { staff, session } = context.value;
    const clock = this.options.clock.checkForMoney();
    if (!clock.ok) return clock;
    const bill = this.records.bill(input.billNumber);
    const subscriber = this.records.subscriber(input.codigoInterno);
    if (bill === undefined || subscriber === undefined || bill.codigoInterno !== input.codigoInterno) return err('not-found', cashierMessages.billNotFound);
    const settled = settleTenders(bill.total, input.tenders);
    if (!settled.ok) return settled;
    const warning = this.payableWarning(bill.state, bill.dueOn, this.records.paidHere(bill.billNumber));
    const at = this.now().toISOString();
    const id = uuidv7();
    const written = attemptCommit(this.options.store, (tx) => {
      const receiptNumber = nextReceiptNumber(tx, this.receiptPrefix());
      const payment: CashierPaymentRow = {
        id,
        sessionId: session.id,
        receiptNumber,
        codigoInterno: bill.codigoInterno,
        billNumber: bill.billNumber,
        period: bill.period,
        amount: bill.total,
        cash: settled.value.cash,
        card: settled.value.card,
        checkAmount: settled.value.check,
        change: settled.value.change,
        tenders: input.tenders,
        takenAt: at,
        warning: warning === null || warning.startsWith('Factura vencida') ? null : warning,
        state: 'valid',
        voidedAt: null,
        voidedBy: null,
        voidReason: null,
      };
      tx.insert(cashierPayments).values(payment).run();
      tx.insert(auditLog).values({ at, action: 'cashier.payment_taken', actor: staff.username, details: { paymentId: id, receiptNumber, amount: bill.total } }).run();
      return {
        result: payment,
        events: [
          {
            type: 'payment.taken',
            payload: {
              paymentId: id,
              codigoInterno: bill.codigoInterno,
              billNumber: bill.billNumber,
              period: bill.period,
              amount: bill.total,
              paidAt: at,
              channel: 'caja',
              reference: receiptNumber,
              cashSessionId: session.id,
              cashier: staff.username,
            },
          },
        ],
      };
    });
    if (!written.ok) {
      // A full disk left nothing of the payment, not even its number (store-write-failure.ts).
      this.options.log.error({ err: written.error, paymentId: id }, 'payment not recorded: the store could not write');
      return err('internal', cashierMessages.notRecorded[written.failure]);
    }
    const row = written.value;
    this.options.log.info({ paymentId: id, receiptNumber: row.receiptNumber }, 'payment taken at the counter');
    const printed = await this.print('receipt', `Recibo ${row.receiptNumber}`, paymentReceipt(this.receiptFacts(row, subscriber.holderName, staff.fullName), false));
    return ok({ payment: paymentView(row, subscriber.holderName), ...printed });
  }

  payments(signedIn: CounterStaff): Out<'cashier.payments'> {
    const context = this.counter(signedIn);
    if (!context.ok) return Promise.resolve(context);
    const { session } = context.value;
    const rows = this.records.payments(session.id);
    return Promise.resolve(ok({ session: sessionView(session, rows), payments: rows.map((r) => paymentView(r, this.holder(r.codigoInterno))) }));
  }

  async reprint(signedIn: CounterStaff, input: OpParsedInput<'cashier.reprint'>): Out<'cashier.reprint'> {
    const context = this.counter(signedIn);
    if (!context.ok) return context;
    const payment = this.records.payment(input.paymentId);
    if (payment === undefined || payment.sessionId !== context.value.session.id) return err('not-found', cashierMessages.paymentNotFound);
    const cashierName = context.value.session.cashierName;
    return ok(await this.print('receipt-copy', `Copia recibo ${payment.receiptNumber}`, paymentReceipt(this.receiptFacts(payment, this.holder(payment.codigoInterno), cashierName), true)));
  }

  async voidPayment(signedIn: CounterStaff, input: OpParsedInput<'cashier.voidPayment'>): Out<'cashier.voidPayment'> {
    const context = this.counter(signedIn);
    if (!context.ok) return context;
    const payment = this.records.payment(input.paymentId);
    if (payment === undefined || payment.sessionId !== context.value.session.id) return err('not-found', cashierMessages.paymentNotFound);
    if (payment.state === 'voided') return err('conflict', cashierMessages.alreadyVoided);
    const supervisor = await this.supervisor(input.supervisor);
    if (!supervisor.ok) return supervisor;
    const at = this.now().toISOString();
    const approver = supervisor.value.username;
    // The supervisor's signature over exactly this void: the server checks it with its copy
    // of their key, so a device cannot make up an approval (src-shared/sync/approval.ts).
    const approval = signApproval(
      supervisor.value.approvalKey,
      voidApprovalMessage({ deviceId: this.deviceId(), paymentId: payment.id, supervisor: approver, voidedAt: at, reason: input.reason }),
    );
    const cashier = context.value.staff.username;
    const voided = commit(this.options.store, (tx) => {
      const changed = tx
        .update(cashierPayments)
        .set({ state: 'voided', voidedAt: at, voidedBy: approver, voidReason: input.reason })
        .where(and(eq(cashierPayments.id, payment.id), eq(cashierPayments.state, 'valid')))
        .run();
      if (changed.changes === 0) return { result: false, events: [] };
      tx.insert(auditLog)
        .values({ at, action: 'cashier.payment_voided', actor: approver, details: { paymentId: payment.id, receiptNumber: payment.receiptNumber, cashier, reason: input.reason } })
        .run();
      return { result: true, events: [{ type: 'payment.voided', payload: { paymentId: payment.id, reason: input.reason, supervisor: approver, voidedAt: at, cashier, approval } }] };
    });
    if (!voided) return err('conflict', cashierMessages.alreadyVoided);
    this.options.log.info({ paymentId: payment.id }, 'payment voided with a supervisor');
    const row = this.records.payment(payment.id) ?? payment;
    return ok({ payment: paymentView(row, this.holder(row.codigoInterno)) });
  }

  async xReport(signedIn: CounterStaff): Out<'cashier.xReport'> {
    const context = this.counter(signedIn);
    if (!context.ok) return context;
    return ok(await this.print('x-report', 'Informe X', sessionReport(this.reportFacts(context.value.session, null))));
  }

  async closeSession(signedIn: CounterStaff, input: OpParsedInput<'cashier.closeSession'>): Out<'cashier.closeSession'> {
    const context = this.counter(signedIn);
    if (!context.ok) return context;
    const { session, staff } = context.value;
    // With the server there, the close waits until the session's records have reached it.
    const unsynced = this.records.unsyncedOf(session.id);
    if (unsynced > 0 && (await this.options.serverOnline())) return err('conflict', cashierMessages.cannotCloseUnsynced(unsynced));
    const figures = this.closeFigures(session, countedCash(input.cash), input.card, input.check);
    const none: PrintedReceipt = { jobId: null, printerProblem: null };
    let approver: Approver | null = null;
    if (Math.abs(figures.difference) > this.options.config.closeTolerance) {
      if (input.supervisor === undefined) return ok({ figures, closed: false, needsSupervisor: true, sessionId: session.id, ...none });
      const supervisor = await this.supervisor(input.supervisor);
      if (!supervisor.ok) return supervisor;
      approver = supervisor.value;
    }
    const at = this.now().toISOString();
    const approvedBy = approver?.username ?? null;
    const approval =
      approver === null
        ? null
        : signApproval(approver.approvalKey, closeApprovalMessage({ deviceId: this.deviceId(), sessionId: session.id, supervisor: approver.username, closedAt: at, difference: figures.difference }));
    const counted = { cash: input.cash, card: input.card, check: input.check };
    const expected = { cash: figures.expectedCash, card: figures.expectedCard, check: figures.expectedCheck };
    commit(this.options.store, (tx) => {
      tx.update(cashSessions).set({ state: 'closed', closedAt: at, counted, expected, difference: figures.difference, approvedBy }).where(eq(cashSessions.id, session.id)).run();
      tx.insert(auditLog).values({ at, action: 'cashier.session_closed', actor: staff.username, details: { sessionId: session.id, difference: figures.difference, approvedBy } }).run();
      return { result: null, events: [{ type: 'cash_session.closed', payload: { sessionId: session.id, cashier: session.cashier, closedAt: at, ...figures, approvedBy, approval } }] };
    });
    this.options.log.info({ sessionId: session.id, difference: figures.difference }, 'cash session closed');
    const closed = this.records.session(session.id) ?? session;
    const printed = await this.print('z-report', 'Informe Z', sessionReport(this.reportFacts(closed, { ...figures, closedAt: at, approvedBy })));
    return ok({ figures, closed: true, needsSupervisor: false, sessionId: session.id, ...printed });
  }

  async sessionReportPdf(input: OpParsedInput<'cashier.sessionReportPdf'>): Out<'cashier.sessionReportPdf'> {
    const session = this.records.session(input.sessionId);
    const model = this.reportOf(input.sessionId);
    if (session === undefined || model === null) return err('not-found', cashierMessages.sessionNotFound);
    const day = bogotaDate(session.openedAt);
    const kind = session.state === 'closed' ? 'Z' : 'X';
    const bytes = await renderReceiptPdf(model, `Informe ${kind} · ${session.cashierName} · ${formatDateEs(day)}`);
    return ok({ fileName: safeFileName(`informe-${kind.toLowerCase()}-${day}-${session.cashier}.pdf`), contentType: 'application/pdf', bytes });
  }

  /** The Z report of a closed session of this device (or X of the open one), as a receipt model. */
  reportOf(sessionId: string): ReceiptModel | null {
    const session = this.records.session(sessionId);
    if (session === undefined) return null;
    const expected = session.expected as { cash: number; card: number; check: number } | null;
    const counted = session.counted as { cash: Record<string, number>; card: number; check: number } | null;
    const close =
      session.state === 'closed' && expected !== null && counted !== null
        ? {
            closedAt: session.closedAt ?? '',
            expectedCash: expected.cash,
            countedCash: countedCash(counted.cash),
            expectedCard: expected.card,
            countedCard: counted.card,
            expectedCheck: expected.check,
            countedCheck: counted.check,
            difference: session.difference ?? 0,
            approvedBy: session.approvedBy,
          }
        : null;
    return sessionReport(this.reportFacts(session, close));
  }

  // ——— internals ———

  /** The open session and who works it: a cajero only their own, a supervisor any. */
  private counter(staff: CounterStaff): Result<{ staff: CounterStaff; session: CashSessionRow }> {
    const session = this.records.openSession();
    if (session === undefined) return err('conflict', cashierMessages.noOpenSession);
    if (session.cashier !== staff.username && staff.role === 'cajero') return err('forbidden', cashierMessages.notYourSession(session.cashierName));
    return ok({ staff, session });
  }

  private async supervisor(credentials: { username: string; password: string }): Promise<Result<Approver>> {
    const approver = await this.options.authorizer.approve(credentials.username, credentials.password);
    if (!approver.ok && approver.error.code === 'forbidden') return err('forbidden', cashierMessages.supervisorOnly);
    return approver;
  }

  /** The id the server enrolled this device with; approvals are bound to it. */
  private deviceId(): string {
    return this.options.meta.get('deviceId') ?? '';
  }

  private fromScan(scan: string): Result<OpOutput<'cashier.findBills'>> {
    const entity = this.entity();
    if (entity?.paymentBarcode === undefined || entity.paymentBarcode === null) return err('validation', cashierMessages.notConfigured);
    const read = parseScannedPayment(scan, entity.paymentBarcode);
    if (!read.ok) return read;
    const code = Number(read.value.reference);
    const found = this.billsOf(code, null);
    if (!found.ok) return found;
    const byDate = found.value.bills.filter((b) => b.dueOn === read.value.dueOn && b.state !== 'anulada');
    const exact = byDate.find((b) => b.total === read.value.amountPesos);
    if (exact === undefined) {
      const sameDate = byDate[0];
      return err('validation', sameDate === undefined ? cashierMessages.noBillForScan : cashierMessages.amountTampered(read.value.amountPesos, sameDate.total));
    }
    if (this.options.config.refuseExpiredBarcodes && read.value.dueOn < bogotaDate(this.now().toISOString())) {
      return err('validation', cashierMessages.expired(formatDateEs(read.value.dueOn)));
    }
    return ok({ ...found.value, scannedBillNumber: exact.billNumber });
  }

  private billsOf(codigoInterno: number, scanned: number | null): Result<OpOutput<'cashier.findBills'>> {
    const subscriber = this.records.subscriber(codigoInterno);
    if (subscriber === undefined) return err('not-found', cashierMessages.unknownCode(codigoInterno));
    const rows = this.records.bills(codigoInterno);
    if (rows.length === 0) return err('not-found', cashierMessages.noBills(codigoInterno));
    const bills: PayableBill[] = rows.map((row) => ({
      billNumber: row.billNumber,
      period: row.period,
      periodLabel: periodLabel(row.period),
      total: row.total,
      dueOn: row.dueOn,
      state: isBillState(row.state) ? row.state : 'pendiente',
      warning: this.payableWarning(row.state, row.dueOn, this.records.paidHere(row.billNumber)),
    }));
    return ok({ codigoInterno, holderName: subscriber.holderName, address: subscriber.address, bills, scannedBillNumber: scanned });
  }

  private payableWarning(state: string, dueOn: string, paidHere: CashierPaymentRow | undefined): string | null {
    if (paidHere !== undefined) return `${cashierMessages.alreadyPaid} (Recibo ${paidHere.receiptNumber} de esta caja.)`;
    if (state === 'pagada') return cashierMessages.alreadyPaid;
    if (state === 'anulada') return cashierMessages.annulled;
    if (dueOn < bogotaDate(this.now().toISOString())) return cashierMessages.overdue(formatDateEs(dueOn));
    return null;
  }

  private closeFigures(session: CashSessionRow, cash: number, card: number, check: number): CloseFigures {
    const valid = this.records.payments(session.id).filter((p) => p.state === 'valid');
    const expectedCash = session.openingFloat + valid.reduce((sum, p) => sum + p.cash, 0);
    const expectedCard = valid.reduce((sum, p) => sum + p.card, 0);
    const expectedCheck = valid.reduce((sum, p) => sum + p.checkAmount, 0);
    return {
      expectedCash,
      countedCash: cash,
      expectedCard,
      countedCard: card,
      expectedCheck,
      countedCheck: check,
      difference: cash - expectedCash + (card - expectedCard) + (check - expectedCheck),
    };
  }

  private reportFacts(session: CashSessionRow, close: SessionReportFacts['close']): SessionReportFacts {
    const payments = this.records.payments(session.id);
    const valid = payments.filter((p) => p.state === 'valid');
    return {
      entity: this.options.config.entity,
      deviceName: this.deviceName(),
      cashierName: session.cashierName,
      openedAt: formatBogotaDateTime(session.openedAt),
      printedAt: formatBogotaDateTime(this.now().toISOString()),
      openingFloat: session.openingFloat,
      payments: valid.length,
      voided: payments.length - valid.length,
      cash: valid.reduce((sum, p) => sum + p.cash, 0),
      card: valid.reduce((sum, p) => sum + p.card, 0),
      check: valid.reduce((sum, p) => sum + p.checkAmount, 0),
      parkedMoneyEvents: this.options.parkedMoneyEvents(),
      close: close === null ? null : { ...close, closedAt: close.closedAt.includes('T') ? formatBogotaDateTime(close.closedAt) : close.closedAt },
    };
  }

  private receiptFacts(row: CashierPaymentRow, holderName: string, cashierName: string) {
    const tenders = row.tenders as Tender[];
    return {
      entity: this.options.config.entity,
      deviceName: this.deviceName(),
      cashierName,
      receiptNumber: row.receiptNumber,
      takenAt: formatBogotaDateTime(row.takenAt),
      codigoInterno: row.codigoInterno,
      holderName,
      billNumber: row.billNumber,
      periodLabel: periodLabel(row.period),
      amount: row.amount,
      cash: row.cash,
      cashReceived: tenders.reduce((sum, t) => sum + (t.kind === 'cash' ? t.received : 0), 0),
      card: row.card,
      cardVouchers: tenders.flatMap((t) => (t.kind === 'card' ? [t.voucher] : [])),
      check: row.checkAmount,
      checks: tenders.flatMap((t) => (t.kind === 'check' ? [`${t.bank} Nº ${t.number}`] : [])),
      change: row.change,
      warning: row.warning,
      voided: row.state === 'voided',
    };
  }

  private print(kind: string, title: string, model: ReceiptModel): Promise<PrintedReceipt> {
    return printReceipt(this.options.receipts, kind, title, model, this.options.log);
  }

  private holder(codigoInterno: number): string {
    return this.records.subscriber(codigoInterno)?.holderName ?? `Código interno ${codigoInterno}`;
  }

  private deviceName(): string {
    return this.options.meta.get('deviceName') ?? this.options.config.deviceName;
  }

  /**
   * The prefix the central server issued this device at enrollment (`CAJA1`); a device enrolled
   * before series existed uses its name's letters until its next hello brings one.
   */
  private receiptPrefix(): string {
    const issued = this.options.meta.get('receiptPrefix');
    if (issued !== null) return issued;
    const letters = this.deviceName()
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]/g, '')
      .toUpperCase()
      .slice(0, 8);
    return letters.length > 0 ? letters : 'CAJA';
  }

  private entity(): EntitySetting | null {
    const row = this.options.store.db.select({ value: settings.value }).from(settings).where(eq(settings.key, entitySettingKey)).get();
    const parsed = parseEntitySetting(row?.value);
    return parsed.ok ? parsed.value : null;
  }
}

const isBillState = (state: string): state is PayableBill['state'] => ['pendiente', 'vencida', 'pagada', 'anulada'].includes(state);

/** The next receipt number of this device, taken inside the payment's transaction. */
function nextReceiptNumber(tx: Parameters<Parameters<typeof commit>[1]>[0], prefix: string): string {
  const row = tx
    .insert(numberSeries)
    .values({ name: 'receipt', next: 2 })
    .onConflictDoUpdate({ target: numberSeries.name, set: { next: sql`${numberSeries.next} + 1` } })
    .returning({ next: numberSeries.next })
    .get();
  return `${prefix}-${String(row.next - 1).padStart(6, '0')}`;
}
