import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { auditLog, cashSessions } from '../../db/local/schema';
import type { FieldDayView } from '../../src-shared/api/ops/field';
import { err, ok, type Result } from '../../src-shared/api/result';
import { formatBogotaDateTime } from '../../src-shared/domain/calendar-es';
import { bogotaDay } from '../../src-shared/field/field-words';
import type { CounterStaff } from '../cashier/staff-sessions';
import type { Logger } from '../logger';
import type { Store } from '../store/open-store';
import { commit } from '../store/write-path';
import { fieldMessages } from './field-messages';
import type { FieldRecords } from './field-records';

type DayRow = typeof cashSessions.$inferSelect;

/** A clock a few minutes behind the day's opening (a small correction) is not a day back. */
const clockSlackMs = 10 * 60_000;

/**
 * Collection days (docs/field-mode.md): one cash session per local date. Opening today's ends
 * an earlier day still open on this laptop — locally only, with no close event: its cash is
 * still in the collector's hands, and the central server keeps the session open until the
 * handover at the office counts it (the entrega de recaudo, not built yet). Its payments stay
 * valid on the server meanwhile, whenever they arrive.
 */
export class FieldDays {
  constructor(
    private readonly deps: {
      readonly store: Store;
      readonly records: FieldRecords;
      readonly now: () => Date;
      readonly log: Logger;
    },
  ) {}

  /** Today's open day, or null. */
  today(): DayRow | null {
    const open = this.deps.records.openDay();
    return open !== undefined && bogotaDay(new Date(open.openedAt)) === bogotaDay(this.deps.now()) ? open : null;
  }

  /**
   * Spanish when the laptop's clock reads earlier than the open day's opening (set back across
   * midnight, or fixed after running ahead): a new day would carry the wrong date and end the
   * open one before it began, so nothing opens or is collected until the clock is right.
   */
  clockRefusal(): string | null {
    const open = this.deps.records.openDay();
    if (open === undefined) return null;
    return this.deps.now().getTime() + clockSlackMs < Date.parse(open.openedAt)
      ? fieldMessages.clockBehindDay(formatBogotaDateTime(open.openedAt))
      : null;
  }

  /** The open day a payment goes into, if it is today's and the collector may use it. */
  forCollecting(staff: CounterStaff): Result<DayRow> {
    const behind = this.clockRefusal();
    if (behind !== null) return err('conflict', behind);
    const day = this.today();
    if (day === null) return err('conflict', fieldMessages.noDayOpen);
    if (day.cashier !== staff.username && staff.role !== 'supervisor')
      return err('forbidden', fieldMessages.notYourDay(day.cashierName));
    return ok(day);
  }

  open(staff: CounterStaff): Result<FieldDayView> {
    const behind = this.clockRefusal();
    if (behind !== null) return err('conflict', behind);
    const existing = this.today();
    if (existing !== null) {
      if (existing.cashier !== staff.username && staff.role !== 'supervisor')
        return err('forbidden', fieldMessages.notYourDay(existing.cashierName));
      return ok(this.deps.records.dayView(existing));
    }
    const at = this.deps.now().toISOString();
    const earlier = this.deps.records.openDay();
    const row: DayRow = {
      id: uuidv7(),
      cashier: staff.username,
      cashierName: staff.fullName,
      openedAt: at,
      openingFloat: 0,
      state: 'open',
      closedAt: null,
      counted: null,
      expected: null,
      difference: null,
      approvedBy: null,
      handoverId: null,
    };
    commit(this.deps.store, (tx) => {
      if (earlier !== undefined) {
        // Ended here, still open on the server until the handover (see the class's comment).
        tx.update(cashSessions).set({ state: 'closed', closedAt: at }).where(eq(cashSessions.id, earlier.id)).run();
        tx.insert(auditLog)
          .values({ at, action: 'field.day_ended', actor: staff.username, details: { sessionId: earlier.id } })
          .run();
      }
      tx.insert(cashSessions).values(row).run();
      tx.insert(auditLog)
        .values({ at, action: 'field.day_opened', actor: staff.username, details: { sessionId: row.id } })
        .run();
      return {
        result: null,
        events: [
          {
            type: 'cash_session.opened',
            payload: { sessionId: row.id, cashier: row.cashier, openedAt: at, openingFloat: 0 },
          },
        ],
      };
    });
    this.deps.log.info({ sessionId: row.id, endedEarlier: earlier !== undefined }, 'collection day opened');
    return ok(this.deps.records.dayView(row));
  }
}
