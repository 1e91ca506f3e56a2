import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { auditLog, cashSessions } from '../../db/local/schema';
import type { OpOutput, OpParsedInput } from '../../src-shared/api/contract';
import { err, ok, type Result } from '../../src-shared/api/result';
import { closeFigures } from '../../src-shared/cashier/close-figures';
import { countedCash } from '../../src-shared/cashier/denominations';
import { closeApprovalMessage } from '../../src-shared/sync/approval';
import { signApproval } from '../../src-node/staff-credentials';
import type { Approver, StaffAuthorizer } from '../staff/staff-authorizer';
import { commit } from '../store/write-path';
import { cashierMessages } from './cashier-messages';
import { sessionView, type CashSessionRow } from './cashier-records';
import { enrolledDeviceId, openCounter, type CounterDeps } from './counter-context';
import type { SessionReports } from './session-reports';
import type { CounterStaff, StaffSessions } from './staff-sessions';
import { supervisorApproval } from './supervisor-approval';

type Out<K extends 'cashier.signIn' | 'cashier.openSession' | 'cashier.closeSession'> = Promise<Result<OpOutput<K>>>;

/**
 * A cashier's shift: signing in (which tells the screen whether a session is open), opening
 * with a float, and the blind close — the count typed before the expected figures are shown, a
 * difference beyond the tolerance approved by a supervisor, the Z report printed.
 */
export class CashSessions {
  constructor(
    private readonly deps: CounterDeps & {
      readonly sessions: StaffSessions;
      readonly authorizer: StaffAuthorizer;
      readonly reports: SessionReports;
      /** Asks the central server now whether it answers (a close waits for the session's records then). */
      readonly serverOnline: () => Promise<boolean>;
    },
  ) {}

  async signIn(input: OpParsedInput<'cashier.signIn'>): Out<'cashier.signIn'> {
    const signed = await this.deps.sessions.signIn(input.username, input.password);
    if (!signed.ok) return signed;
    const open = this.deps.records.openSession();
    return ok({
      ...signed.value,
      openSession:
        open === undefined
          ? null
          : sessionView(open, this.deps.records.payments(open.id), this.deps.records.rechargesOf(open)),
    });
  }

  open(staff: CounterStaff, input: OpParsedInput<'cashier.openSession'>): Out<'cashier.openSession'> {
    const open = this.deps.records.openSession();
    if (open !== undefined) return Promise.resolve(err('conflict', cashierMessages.alreadyOpen(open.cashierName)));
    const at = this.deps.now().toISOString();
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
      handoverId: null,
    };
    commit(this.deps.store, (tx) => {
      tx.insert(cashSessions).values(row).run();
      tx.insert(auditLog)
        .values({
          at,
          action: 'cashier.session_opened',
          actor: staff.username,
          details: { sessionId: row.id, openingFloat: row.openingFloat },
        })
        .run();
      return {
        result: null,
        events: [
          {
            type: 'cash_session.opened',
            payload: { sessionId: row.id, cashier: row.cashier, openedAt: at, openingFloat: row.openingFloat },
          },
        ],
      };
    });
    this.deps.log.info({ sessionId: row.id }, 'cash session opened');
    return Promise.resolve(ok(sessionView(row, [])));
  }

  async close(signedIn: CounterStaff, input: OpParsedInput<'cashier.closeSession'>): Out<'cashier.closeSession'> {
    const counter = openCounter(this.deps.records, signedIn);
    if (!counter.ok) return counter;
    const { session, staff } = counter.value;
    // With the server there, the close waits until the session's records have reached it.
    const unsynced = this.deps.records.unsyncedOf(session.id);
    if (unsynced > 0 && (await this.deps.serverOnline()))
      return err('conflict', cashierMessages.cannotCloseUnsynced(unsynced));
    const totals = this.deps.records.totals(session);
    const figures = closeFigures(session.openingFloat, totals, {
      cash: countedCash(input.cash),
      card: input.card,
      check: input.check,
    });
    let approver: Approver | null = null;
    if (Math.abs(figures.difference) > this.deps.config.closeTolerance) {
      if (input.supervisor === undefined)
        return ok({
          figures,
          closed: false,
          needsSupervisor: true,
          sessionId: session.id,
          jobId: null,
          printerProblem: null,
        });
      const supervisor = await supervisorApproval(this.deps.authorizer, input.supervisor, 'close');
      if (!supervisor.ok) return supervisor;
      approver = supervisor.value;
    }
    const at = this.deps.now().toISOString();
    const approvedBy = approver?.username ?? null;
    const approval =
      approver === null
        ? null
        : signApproval(
            approver.approvalKey,
            closeApprovalMessage({
              deviceId: enrolledDeviceId(this.deps.meta),
              sessionId: session.id,
              supervisor: approver.username,
              closedAt: at,
              difference: figures.difference,
            }),
          );
    const counted = { cash: input.cash, card: input.card, check: input.check };
    const expected = { cash: figures.expectedCash, card: figures.expectedCard, check: figures.expectedCheck };
    commit(this.deps.store, (tx) => {
      tx.update(cashSessions)
        .set({ state: 'closed', closedAt: at, counted, expected, difference: figures.difference, approvedBy })
        .where(eq(cashSessions.id, session.id))
        .run();
      tx.insert(auditLog)
        .values({
          at,
          action: 'cashier.session_closed',
          actor: staff.username,
          details: { sessionId: session.id, difference: figures.difference, approvedBy },
        })
        .run();
      return {
        result: null,
        events: [
          {
            type: 'cash_session.closed',
            payload: {
              sessionId: session.id,
              cashier: session.cashier,
              closedAt: at,
              ...figures,
              approvedBy,
              approval,
            },
          },
        ],
      };
    });
    this.deps.log.info({ sessionId: session.id, difference: figures.difference }, 'cash session closed');
    const printed = await this.deps.reports.printZ(this.deps.records.session(session.id) ?? session);
    return ok({ figures, closed: true, needsSupervisor: false, sessionId: session.id, ...printed });
  }
}
