import { and, eq } from 'drizzle-orm';
import { auditLog, cashierPayments } from '../../db/local/schema';
import type { OpOutput, OpParsedInput } from '../../src-shared/api/contract';
import { err, ok, type Result } from '../../src-shared/api/result';
import { voidApprovalMessage } from '../../src-shared/sync/approval';
import { signApproval } from '../../src-node/staff-credentials';
import { paymentView } from '../payment-taking/payment-rows';
import type { StaffAuthorizer } from '../staff/staff-authorizer';
import { commit } from '../store/write-path';
import { cashierMessages } from './cashier-messages';
import { enrolledDeviceId, openCounter, type CounterDeps } from './counter-context';
import type { CounterStaff } from './staff-sessions';
import { supervisorApproval } from './supervisor-approval';

/**
 * Voiding a payment of the open session with a supervisor's user and password and a reason:
 * the payment stays, marked voided, with its `payment.voided` event (signed by the supervisor)
 * and audit line in one transaction.
 */
export class PaymentVoids {
  constructor(private readonly deps: CounterDeps & { readonly authorizer: StaffAuthorizer }) {}

  async void(
    signedIn: CounterStaff,
    input: OpParsedInput<'cashier.voidPayment'>,
  ): Promise<Result<OpOutput<'cashier.voidPayment'>>> {
    const { records } = this.deps;
    const counter = openCounter(records, signedIn);
    if (!counter.ok) return counter;
    const payment = records.payment(input.paymentId);
    if (payment === undefined || payment.sessionId !== counter.value.session.id)
      return err('not-found', cashierMessages.paymentNotFound);
    if (payment.state === 'voided') return err('conflict', cashierMessages.alreadyVoided);
    const supervisor = await supervisorApproval(this.deps.authorizer, input.supervisor, 'void');
    if (!supervisor.ok) return supervisor;
    const at = this.deps.now().toISOString();
    const approver = supervisor.value.username;
    // The supervisor's signature over exactly this void: the server checks it with its copy
    // of their key, so a device cannot make up an approval (src-shared/sync/approval.ts).
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
    const cashier = counter.value.staff.username;
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
          action: 'cashier.payment_voided',
          actor: approver,
          details: { paymentId: payment.id, receiptNumber: payment.receiptNumber, cashier, reason: input.reason },
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
              cashier,
              approval,
            },
          },
        ],
      };
    });
    if (!voided) return err('conflict', cashierMessages.alreadyVoided);
    this.deps.log.info({ paymentId: payment.id }, 'payment voided with a supervisor');
    const row = records.payment(payment.id) ?? payment;
    return ok({ payment: paymentView(row, records.holder(row.codigoInterno)) });
  }
}
