import { safeFileName } from '../../src-shared/api/document';
import type { OpOutput, OpParsedInput } from '../../src-shared/api/contract';
import { err, ok, type Result } from '../../src-shared/api/result';
import { countedCash } from '../../src-shared/cashier/denominations';
import { sessionReport, type SessionReportFacts } from '../../src-shared/cashier/receipt-layout';
import { bogotaDate, formatBogotaDateTime, formatDateEs } from '../../src-shared/domain/calendar-es';
import type { ReceiptModel } from '../../src-shared/receipts/receipt-model';
import { printReceipt, type PrintedReceipt } from '../devices/receipt-printer/print-receipt';
import type { ReceiptPrinting } from '../devices/receipt-printer/receipt-printing';
import { renderReceiptPdf } from '../documents/receipt-pdf';
import { deviceName } from '../payment-taking/receipt-numbers';
import { cashierMessages } from './cashier-messages';
import type { CashSessionRow } from './cashier-records';
import { openCounter, type CounterDeps } from './counter-context';
import type { CounterStaff } from './staff-sessions';

/**
 * The X report (the open session so far) and the Z report (a closed session with its arqueo),
 * printed on the receipt printer and, the same lines, as a PDF the office keeps.
 */
export class SessionReports {
  constructor(
    private readonly deps: CounterDeps & {
      readonly receipts: ReceiptPrinting;
      /** Money events of this device the server refused (parked): the reports warn of them. */
      readonly parkedMoneyEvents: () => number;
    },
  ) {}

  async printX(signedIn: CounterStaff): Promise<Result<OpOutput<'cashier.xReport'>>> {
    const counter = openCounter(this.deps.records, signedIn);
    if (!counter.ok) return counter;
    return ok(await this.print('x-report', 'Informe X', this.modelOf(counter.value.session)));
  }

  /** Prints the Z report of a session just closed. */
  printZ(session: CashSessionRow): Promise<PrintedReceipt> {
    return this.print('z-report', 'Informe Z', this.modelOf(session));
  }

  async pdf(input: OpParsedInput<'cashier.sessionReportPdf'>): Promise<Result<OpOutput<'cashier.sessionReportPdf'>>> {
    const session = this.deps.records.session(input.sessionId);
    if (session === undefined) return err('not-found', cashierMessages.sessionNotFound);
    const day = bogotaDate(session.openedAt);
    const kind = session.state === 'closed' ? 'Z' : 'X';
    const bytes = await renderReceiptPdf(
      this.modelOf(session),
      `Informe ${kind} · ${session.cashierName} · ${formatDateEs(day)}`,
    );
    return ok({
      fileName: safeFileName(`informe-${kind.toLowerCase()}-${day}-${session.cashier}.pdf`),
      contentType: 'application/pdf',
      bytes,
    });
  }

  /** The Z report of a closed session (its arqueo as recorded), or the X report of the open one. */
  private modelOf(session: CashSessionRow): ReceiptModel {
    const { expected, counted } = session;
    const close: SessionReportFacts['close'] =
      session.state === 'closed' && expected !== null && counted !== null
        ? {
            closedAt: session.closedAt === null ? '' : formatBogotaDateTime(session.closedAt),
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
    return sessionReport({
      entity: this.deps.config.entity,
      deviceName: deviceName(this.deps.meta, this.deps.config.deviceName),
      cashierName: session.cashierName,
      openedAt: formatBogotaDateTime(session.openedAt),
      printedAt: formatBogotaDateTime(this.deps.now().toISOString()),
      openingFloat: session.openingFloat,
      totals: this.deps.records.totals(session),
      parkedMoneyEvents: this.deps.parkedMoneyEvents(),
      close,
    });
  }

  private print(kind: string, title: string, model: ReceiptModel): Promise<PrintedReceipt> {
    return printReceipt(this.deps.receipts, kind, title, model, this.deps.log);
  }
}
