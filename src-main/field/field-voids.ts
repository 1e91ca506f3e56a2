import { and, eq } from 'drizzle-orm';
import { auditLog, cashierPayments } from '../../db/local/schema';
import type { OpOutput, OpParsedInput } from '../../src-shared/api/contract';
import { err, ok, type Result } from '../../src-shared/api/result';
import { voidApprovalMessage } from '../../src-shared/sync/approval';
import { signApproval } from '../../src-node/staff-credentials';
import { enrolledDeviceId } from '../cashier/counter-context';
import { cashierMessages } from '../cashier/cashier-messages';
import type { CounterStaff } from '../cashier/staff-sessions';
import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { StaffAuthorizer } from '../staff/staff-authorizer';
import type { Store } from '../store/open-store';
import { commit } from '../store/write-path';
import type { DeviceClock } from '../sync/clock';
import { fieldMessages } from './field-messages';
import type { FieldRecords } from './field-records';

/** The audit action of a payment voided on the laptop with a supervisor present (the counter's is `cashier.payment_voided`). */
export const fieldVoidAction = 'field.payment_voided';

const voidMessages = {
  handedOver: 'Ese pago es de un día ya entregado en la oficina: solo la oficina puede anularlo, en una caja.',
  notYours: (collector: string): string =>
    `Ese pago lo cobró ${collector}: solo esa persona o un supervisor pueden pedir anularlo.`,
  ownCollection: (supervisor: string): string =>
    `«${supervisor}» cobró ese pago: otro supervisor debe aprobar la anulación (o márquelo para anular en la oficina).`,
} as const;

export interface FieldVoidsDeps {
  readonly store: Store;
  readonly meta: DeviceMeta;
  readonly records: FieldRecords;
  readonly authorizer: Pick<StaffAuthorizer, 'approve'>;
  readonly clock: Pick<DeviceClock, 'checkForMoney'>;
  readonly now: () => Date;
  readonly log: Logger;
}

/**
 * Voiding a field payment with a supervisor present at the laptop (issue 16: «anular con
 * supervisor solo cuando el equipo tiene uno a mano; si no, marcado para la oficina»). The
 * counter's void (src-main/cashier/payment-voids.ts): the supervisor types user and password
 * on the laptop, which checks them against the replicated accounts (offline too) and signs
 * exactly this void with their approval key; the payment stays, marked voided, with its audit
 * line and signed `payment.voided` event in one commit, and leaves the day's totals.
 *
 * Refused: a payment not on this laptop or already voided; one of a day already handed over
 * (the office counted that money: only a counter voids it now); when the signed-in staff is
 * neither the collector who took it nor a supervisor; a cajero's credentials as the supervisor
 * (`forbidden`, words that say whose are needed; a wrong password stays `wrong-credentials`);
 * and the supervisor who collected it approving their own void — a void is a second person's
 * decision, as the handover's blind count is (the server refuses it from a field laptop too).
 * A payment flagged «para anular en la oficina» may be voided here: the flag is then moot.
 */
export class FieldVoids {
  constructor(private readonly deps: FieldVoidsDeps) {}

  async void(
    staff: CounterStaff,
    input: OpParsedInput<'field.voidPayment'>,
  ): Promise<Result<OpOutput<'field.voidPayment'>>> {
    const { records } = this.deps;
    const payment = records.payment(input.paymentId);
    if (payment === undefined) return err('not-found', fieldMessages.paymentNotFound);
    if (payment.state === 'voided') return err('conflict', fieldMessages.alreadyVoided);
    const day = records.day(payment.sessionId);
    if (day === undefined) return err('not-found', fieldMessages.paymentNotFound);
    if (day.handoverId !== null) return err('conflict', voidMessages.handedOver);
    if (day.cashier !== staff.username && staff.role !== 'supervisor')
      return err('forbidden', voidMessages.notYours(day.cashierName));
    // The void is signed with its time: a clock known to be wrong signs none.
    const clock = this.deps.clock.checkForMoney();
    if (!clock.ok) return clock;
    const supervisor = await this.deps.authorizer.approve(input.supervisor.username, input.supervisor.password);
    if (!supervisor.ok)
      return supervisor.error.code === 'forbidden' ? err('forbidden', cashierMessages.supervisorOnly.void) : supervisor;
    const approver = supervisor.value.username;
    if (approver === this.takenBy(payment.id, day.cashier))
      return err('forbidden', voidMessages.ownCollection(approver));
    const at = this.deps.now().toISOString();
    // The supervisor's signature over exactly this void: the server checks it with its copy
    // of their key, so a laptop cannot make up an approval (src-shared/sync/approval.ts).
    const approval = signApproval(
      supervisor.value.approvalKey,
      voidApprovalMessage({
        deviceId: enrolledDeviceId(this.deps.meta),
        paymentId: payment.id,
        supervisor: approver,
        voidedAt: at,
        reason: input.reason,
      }),
    );
    const flagged = records.flags().get(payment.id) ?? null;
    const voided = commit(this.deps.store, (tx) => {
      const changed = tx
        .update(cashierPayments)
        .set({ state: 'voided', voidedAt: at, voidedBy: approver, voidReason: input.reason })
        .where(and(eq(cashierPayments.id, payment.id), eq(cashierPayments.state, 'valid')))
        .run();
      if (changed.changes === 0) return { result: false, events: [] };
      tx.insert(auditLog)
        .values({
          at,
          action: fieldVoidAction,
          actor: approver,
          details: {
            paymentId: payment.id,
            receiptNumber: payment.receiptNumber,
            collector: day.cashier,
            signedIn: staff.username,
            reason: input.reason,
            flaggedForOffice: flagged,
          },
        })
        .run();
      return {
        result: true,
        events: [
          {
            type: 'payment.voided',
            payload: {
              paymentId: payment.id,
              reason: input.reason,
              supervisor: approver,
              voidedAt: at,
              cashier: staff.username,
              approval,
            },
          },
        ],
      };
    });
    if (!voided) return err('conflict', fieldMessages.alreadyVoided);
    this.deps.log.info({ paymentId: payment.id }, 'field payment voided with a supervisor');
    return ok({ payment: records.paymentView(records.payment(payment.id) ?? payment) });
  }

  /**
   * Who collected it: the payment's audit line names them (a supervisor may collect in a
   * collector's day); the server keeps the same name on the payment and checks it too.
   */
  private takenBy(paymentId: string, dayCollector: string): string {
    const actor = this.deps.store.sqlite
      .prepare(
        `SELECT actor FROM audit_log WHERE action = 'field.payment_taken' AND json_extract(details, '$.paymentId') = ?`,
      )
      .pluck()
      .get(paymentId) as string | undefined;
    return actor ?? dayCollector;
  }
}
