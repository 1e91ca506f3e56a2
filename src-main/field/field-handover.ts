import { eq, inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { auditLog, cashSessions, fieldHandovers, staffUsers } from '../../db/local/schema';
import { safeFileName } from '../../src-shared/api/document';
import type { OpOutput, OpParsedInput } from '../../src-shared/api/contract';
import type { HandoverView } from '../../src-shared/api/ops/field-handover';
import { err, ok, type Result } from '../../src-shared/api/result';
import { countedCash } from '../../src-shared/cashier/denominations';
import { bogotaDate } from '../../src-shared/domain/calendar-es';
import { handoverReport } from '../../src-shared/field/handover-report';
import { handoverApprovalMessage } from '../../src-shared/sync/approval';
import { signApproval } from '../../src-node/staff-credentials';
import type { CounterStaff } from '../cashier/staff-sessions';
import type { DeviceMeta } from '../device/device-meta';
import { printReceipt } from '../devices/receipt-printer/print-receipt';
import type { ReceiptPrinting } from '../devices/receipt-printer/receipt-printing';
import { renderReceiptPdf } from '../documents/receipt-pdf';
import type { Logger } from '../logger';
import { deviceName } from '../payment-taking/receipt-numbers';
import type { StaffAuthorizer } from '../staff/staff-authorizer';
import type { Store } from '../store/open-store';
import { commit } from '../store/write-path';
import type { FieldRecords } from './field-records';
import type { HandoverChecker } from './handover-check';
import { handoverMessages } from './handover-messages';

type Out<K extends 'field.handOver' | 'field.handoverPdf' | 'field.handoverReprint'> = Promise<Result<OpOutput<K>>>;
type HandoverRow = typeof fieldHandovers.$inferSelect;

export interface FieldHandoverDeps {
  readonly store: Store;
  readonly meta: DeviceMeta;
  readonly records: FieldRecords;
  readonly checker: HandoverChecker;
  readonly authorizer: Pick<StaffAuthorizer, 'approve'>;
  readonly syncNow: () => void;
  readonly receipts: ReceiptPrinting;
  readonly entity: { readonly name: string; readonly nit: string };
  readonly deviceName: string;
  readonly now: () => Date;
  readonly log: Logger;
}

/**
 * The entrega de recaudo (docs/field-mode.md): with every payment of the collector's days sent
 * and compared (handover-check.ts), a supervisor counts the cash piece by piece and the
 * transfers against the bank, blind — the expected figures come in the answer — and types their
 * user and password, which signs the count. One commit records the handover, ends its days and
 * queues the signed `field.handover` event; the report prints and is kept for a PDF.
 */
export class FieldHandovers {
  constructor(private readonly deps: FieldHandoverDeps) {}

  async handOver(staff: CounterStaff, input: OpParsedInput<'field.handOver'>): Out<'field.handOver'> {
    const checked = await this.deps.checker.check(staff);
    if (!checked.ok) return checked;
    const { check, dayRows } = checked.value;
    if (check.stage === 'nothing') return err('conflict', handoverMessages.nothing);
    if (check.stage !== 'ready') return err('conflict', `${handoverMessages.notReady} ${check.message}`);
    if (check.differences.length > 0 && input.differencesSeen !== true)
      return err('conflict', handoverMessages.seeDifferences);
    if (input.supervisor.username.toLowerCase() === staff.username)
      return err('forbidden', handoverMessages.notYourself);
    const approver = await this.deps.authorizer.approve(input.supervisor.username, input.supervisor.password);
    if (!approver.ok)
      return approver.error.code === 'forbidden' ? err('forbidden', handoverMessages.supervisorOnly) : approver;

    const days = dayRows.map((row) => this.deps.records.dayView(row));
    const expectedCash = days.reduce((sum, d) => sum + d.cash, 0);
    const expectedTransfer = days.reduce((sum, d) => sum + d.transfer, 0);
    const counted = countedCash(input.cash);
    const difference = counted + input.transfer - expectedCash - expectedTransfer;
    const at = this.deps.now().toISOString();
    const id = uuidv7();
    const flags = this.deps.records.flags();
    const flagged = dayRows
      .flatMap((d) => this.deps.records.payments(d.id))
      .filter((p) => p.state === 'valid' && flags.has(p.id))
      .map((p) => handoverMessages.flaggedNote(p.receiptNumber, p.codigoInterno, flags.get(p.id) ?? ''));
    const notes = [
      ...check.credits.map((c) => `Recibo ${c.receiptNumber}, código ${c.codigoInterno}: ${c.reason}`),
      ...flagged,
      ...check.differences,
    ];
    const row: HandoverRow = {
      id,
      handedAt: at,
      collector: staff.username,
      collectorName: staff.fullName,
      supervisor: approver.value.username,
      expectedCash,
      expectedTransfer,
      countedPieces: input.cash,
      countedCash: counted,
      countedTransfer: input.transfer,
      difference,
      notes,
    };
    const signedDays = days.map((d) => ({
      sessionId: d.id,
      payments: d.payments,
      amount: this.amountOf(d.id),
      cash: d.cash,
      transfer: d.transfer,
    }));
    const approval = signApproval(
      approver.value.approvalKey,
      handoverApprovalMessage({
        deviceId: this.deps.meta.get('deviceId') ?? '',
        handoverId: id,
        supervisor: row.supervisor,
        collector: row.collector,
        handedAt: at,
        days: signedDays,
        countedCash: counted,
        countedTransfer: input.transfer,
        difference,
      }),
    );
    commit(this.deps.store, (tx) => {
      tx.insert(fieldHandovers).values(row).run();
      for (const day of dayRows)
        tx.update(cashSessions)
          .set({ state: 'closed', closedAt: day.closedAt ?? at, handoverId: id, approvedBy: row.supervisor })
          .where(eq(cashSessions.id, day.id))
          .run();
      tx.insert(auditLog)
        .values({
          at,
          action: 'field.handed_over',
          actor: row.supervisor,
          details: { handoverId: id, collector: row.collector, days: dayRows.length, difference },
        })
        .run();
      return {
        result: null,
        events: [
          {
            type: 'field.handover',
            payload: {
              handoverId: id,
              collector: row.collector,
              supervisor: row.supervisor,
              handedAt: at,
              days: signedDays,
              countedCash: counted,
              countedTransfer: input.transfer,
              difference,
              approval,
            },
          },
        ],
      };
    });
    this.deps.syncNow();
    this.deps.log.info({ handoverId: id, days: dayRows.length, difference }, 'field collection handed over');
    const view = this.view(row);
    const printed = await printReceipt(
      this.deps.receipts,
      'field-handover',
      'Entrega de recaudo',
      this.model(view, false),
      this.deps.log,
    );
    return ok({ handover: view, ...printed });
  }

  async pdf(input: OpParsedInput<'field.handoverPdf'>): Out<'field.handoverPdf'> {
    const row = this.row(input.handoverId);
    if (row === undefined) return err('not-found', handoverMessages.notFound);
    const view = this.view(row);
    const day = bogotaDate(row.handedAt);
    const bytes = await renderReceiptPdf(this.model(view, false), `Entrega de recaudo · ${row.collectorName} · ${day}`);
    return ok({
      fileName: safeFileName(`entrega-recaudo-${day}-${row.collector}.pdf`),
      contentType: 'application/pdf',
      bytes,
    });
  }

  async reprint(input: OpParsedInput<'field.handoverReprint'>): Out<'field.handoverReprint'> {
    const row = this.row(input.handoverId);
    if (row === undefined) return err('not-found', handoverMessages.notFound);
    return ok(
      await printReceipt(
        this.deps.receipts,
        'field-handover',
        'Entrega de recaudo (copia)',
        this.model(this.view(row), true),
        this.deps.log,
      ),
    );
  }

  private amountOf(dayId: string): number {
    return this.deps.records
      .payments(dayId)
      .filter((p) => p.state === 'valid')
      .reduce((sum, p) => sum + p.amount, 0);
  }

  private row(id: string): HandoverRow | undefined {
    return this.deps.store.db.select().from(fieldHandovers).where(eq(fieldHandovers.id, id)).get();
  }

  private view(row: HandoverRow): HandoverView {
    const days = this.deps.store.db.select().from(cashSessions).where(eq(cashSessions.handoverId, row.id)).all();
    return {
      id: row.id,
      handedAt: row.handedAt,
      collector: row.collector,
      supervisor: row.supervisor,
      days: days.sort((a, b) => a.openedAt.localeCompare(b.openedAt)).map((d) => this.deps.records.dayView(d)),
      expectedCash: row.expectedCash,
      expectedTransfer: row.expectedTransfer,
      countedCash: row.countedCash,
      countedTransfer: row.countedTransfer,
      difference: row.difference,
      notes: row.notes,
    };
  }

  private model(view: HandoverView, copy: boolean) {
    const names = new Map(
      this.deps.store.db
        .select({ username: staffUsers.username, fullName: staffUsers.fullName })
        .from(staffUsers)
        .where(inArray(staffUsers.username, [view.collector, view.supervisor]))
        .all()
        .map((s) => [s.username, s.fullName]),
    );
    return handoverReport({
      entity: this.deps.entity,
      deviceName: deviceName(this.deps.meta, this.deps.deviceName),
      collectorName: names.get(view.collector) ?? view.collector,
      supervisorName: names.get(view.supervisor) ?? view.supervisor,
      handover: view,
      copy,
    });
  }
}
