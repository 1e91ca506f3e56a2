import type { HandoverCheck } from '../../src-shared/api/ops/field-handover';
import { err, ok, type Result } from '../../src-shared/api/result';
import { formatDateEs } from '../../src-shared/domain/calendar-es';
import { formatCop } from '../../src-shared/domain/money';
import { bogotaDay } from '../../src-shared/field/field-words';
import type { HandoverFiguresValue } from '../../src-shared/server-api/field-api';
import type { CounterStaff } from '../cashier/staff-sessions';
import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { ServerClient } from '../server-link/server-client';
import type { FieldRecords } from './field-records';
import { handoverMessages } from './handover-messages';

type DayRow = ReturnType<FieldRecords['daysToHandOver']>[number];

/** What the check found, with the rows the handover itself goes on to record. */
export interface CheckedHandover {
  readonly check: HandoverCheck;
  readonly dayRows: readonly DayRow[];
}

export interface HandoverCheckDeps {
  readonly meta: DeviceMeta;
  readonly records: FieldRecords;
  readonly client: Pick<ServerClient, 'call'>;
  /** Wakes the sync service's pusher: the laptop's records go through the outbox, never around it. */
  readonly syncNow: () => void;
  readonly log: Logger;
}

/**
 * The check before an entrega de recaudo (docs/field-mode.md). The collector's days not handed
 * over are sent first (the outbox, woken here; the screen asks again while `sending`), then
 * each day's valid payments — count and amount — are compared with the central server's own,
 * and the saldo a favor the server made of any of them (a bill also paid at a bank) is listed
 * for the collector and the office. A day the server does not know, or whose figures differ,
 * is named: the supervisor sees it before counting, and the report carries it.
 */
export class HandoverChecker {
  constructor(private readonly deps: HandoverCheckDeps) {}

  async check(staff: CounterStaff): Promise<Result<CheckedHandover>> {
    const dayRows = this.deps.records.daysToHandOver(staff.username);
    const days = dayRows.map((d) => ({
      id: d.id,
      date: bogotaDay(new Date(d.openedAt)),
      payments: this.deps.records.payments(d.id).filter((p) => p.state === 'valid').length,
    }));
    const base = { days, differences: [], credits: [] };
    if (dayRows.length === 0)
      return ok({ dayRows, check: { ...base, stage: 'nothing', unsent: 0, message: handoverMessages.nothing } });
    const unsent = this.deps.records.unsentOf(dayRows.map((d) => d.id));
    if (unsent.pending > 0) this.deps.syncNow();
    const token = this.deps.meta.get('deviceToken');
    if (token === null) return err('not-enrolled', handoverMessages.notEnrolled);
    // Asked even while records are on their way: a server that does not answer is said at once.
    const answer = await this.deps.client.call(
      'field.handoverFigures',
      { sessions: dayRows.map((d) => d.id) },
      { token },
    );
    if (!answer.ok) {
      if (answer.error.code !== 'offline') return answer;
      return ok({
        dayRows,
        check: { ...base, stage: 'offline', unsent: unsent.pending, message: handoverMessages.offline },
      });
    }
    if (unsent.pending > 0)
      return ok({
        dayRows,
        check: { ...base, stage: 'sending', unsent: unsent.pending, message: handoverMessages.sending(unsent.pending) },
      });
    const differences = this.differences(dayRows, answer.value, unsent.parked);
    const credits = answer.value.credits.map((c) => ({
      receiptNumber: c.reference,
      codigoInterno: c.codigoInterno,
      holderName: this.deps.records.holder(c.codigoInterno),
      period: c.period,
      amount: c.amount,
      reason: c.reason,
    }));
    this.deps.log.info(
      { days: dayRows.length, differences: differences.length, credits: credits.length },
      'handover checked',
    );
    return ok({
      dayRows,
      check: {
        stage: 'ready',
        unsent: 0,
        days,
        differences,
        credits,
        message: differences.length === 0 ? handoverMessages.matches : handoverMessages.differs,
      },
    });
  }

  private differences(dayRows: readonly DayRow[], server: HandoverFiguresValue, parked: number): string[] {
    const out: string[] = [];
    if (parked > 0) out.push(handoverMessages.parked(parked));
    const byId = new Map(server.sessions.map((s) => [s.sessionId, s]));
    for (const day of dayRows) {
      const label = formatDateEs(bogotaDay(new Date(day.openedAt)));
      const theirs = byId.get(day.id);
      const valid = this.deps.records.payments(day.id).filter((p) => p.state === 'valid');
      const amount = valid.reduce((sum, p) => sum + p.amount, 0);
      if (theirs === undefined || !theirs.known) out.push(handoverMessages.unknownDay(label));
      else if (theirs.closed) out.push(handoverMessages.closedDay(label));
      else if (theirs.payments !== valid.length || theirs.amount !== amount)
        out.push(
          handoverMessages.dayDiffers(label, {
            here: `${valid.length} ${valid.length === 1 ? 'pago' : 'pagos'} por ${formatCop(amount)}`,
            there: `${theirs.payments} ${theirs.payments === 1 ? 'pago' : 'pagos'} por ${formatCop(theirs.amount)}`,
          }),
        );
    }
    return out;
  }
}
