import { v7 as uuidv7 } from 'uuid';
import { auditLog } from '../../db/local/schema';
import type { RechargeSource } from '../../src-shared/api/ops/counter-recharge';
import { err, ok, type Result } from '../../src-shared/api/result';
import { settleTenders, type Tender } from '../../src-shared/cashier/tenders';
import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { Till } from '../payment-taking/payment-recorder';
import { deviceName, nextReceiptNumber, receiptPrefix } from '../payment-taking/receipt-numbers';
import type { Store } from '../store/open-store';
import { attemptCommit } from '../store/write-path';
import { rechargeMessages } from './recharge-messages';
import { rechargeAction, type RechargeRecord } from './recharge-records';

export interface RechargeRequest {
  readonly till: Till;
  readonly liquidationNumber: number;
  /** Pesos the wallet is to be credited with (the liquidación's, or typed from the volante offline). */
  readonly amount: number;
  readonly tenders: readonly Tender[];
  readonly source: RechargeSource;
}

/**
 * Records a recharge (STYLE §8) as a payment is recorded (payment-recorder.ts): the tenders
 * settled by the bills' rule (change rounded up to a coin), then the record, its receipt number
 * of the device's one series, its `cashier.wallet_recharge_taken` event and its audit line in
 * one SQLite transaction — the audit line is the record (recharge-records.ts).
 */
export class RechargeRecorder {
  constructor(
    private readonly options: {
      readonly store: Store;
      readonly meta: DeviceMeta;
      readonly deviceName: string;
      readonly cashRoundingStep: number;
      readonly now: () => Date;
      readonly log: Logger;
    },
  ) {}

  record(request: RechargeRequest): Result<RechargeRecord> {
    const settled = settleTenders(request.amount, request.tenders, this.options.cashRoundingStep);
    if (!settled.ok) return settled;
    const { cash, card, check, change, rounding } = settled.value;
    const takenAt = this.options.now().toISOString();
    const rechargeId = uuidv7();
    const prefix = receiptPrefix(this.options.meta, deviceName(this.options.meta, this.options.deviceName));
    const written = attemptCommit(this.options.store, (tx) => {
      const record: RechargeRecord = {
        rechargeId,
        sessionId: request.till.sessionId,
        receiptNumber: nextReceiptNumber(tx, prefix),
        liquidationNumber: request.liquidationNumber,
        amount: request.amount,
        cash,
        card,
        checkAmount: check,
        change,
        rounding,
        tenders: [...request.tenders],
        takenAt,
        source: request.source,
      };
      tx.insert(auditLog)
        .values({ at: takenAt, action: rechargeAction, actor: request.till.cashier, details: record })
        .run();
      return {
        result: record,
        events: [
          {
            type: rechargeAction,
            payload: {
              rechargeId,
              liquidationNumber: request.liquidationNumber,
              amount: request.amount,
              cashRounding: rounding,
              takenAt,
              found: request.source,
              reference: record.receiptNumber,
              cashSessionId: request.till.sessionId,
              cashier: request.till.cashier,
            },
          },
        ],
      };
    });
    if (!written.ok) {
      this.options.log.error({ err: written.error, rechargeId }, 'recharge not recorded: the store could not write');
      return err('internal', rechargeMessages.notRecorded[written.failure]);
    }
    this.options.log.info(
      { rechargeId, receiptNumber: written.value.receiptNumber, source: request.source, rounding },
      'wallet recharge taken',
    );
    return ok(written.value);
  }
}
