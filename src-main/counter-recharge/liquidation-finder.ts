import type { CounterLiquidation, LiquidationWarning } from '../../src-shared/api/ops/counter-recharge';
import { err, ok, type Result } from '../../src-shared/api/result';
import { bogotaDate, formatDateEs } from '../../src-shared/domain/calendar-es';
import type { LookupLiquidationValue } from '../../src-shared/server-api/wallet-api';
import type { LiquidationState } from '../../src-shared/wallet/liquidation';
import { isRecoveryCodeShape } from '../../src-shared/wallet/recovery-code';
import { readVolanteScan } from '../../src-shared/wallet/volante-barcode';
import type { DeviceMeta } from '../device/device-meta';
import type { Logger } from '../logger';
import type { ServerClient } from '../server-link/server-client';
import { rechargeMessages } from './recharge-messages';

/** How long what the server said of a liquidación stands for charging it: a cashier's minutes, not a shift. */
const confirmedForMs = 15 * 60_000;

/**
 * Finds the liquidación a recharge is for (docs/counter-recharge.md). The central server first
 * (`wallet.lookupLiquidation`: the barcode, the number or the recovery code, with the holder and
 * the state); without it, what the volante itself says — its barcode carries the number and
 * the amount, a typed number only the number (the cashier then types the amount from the
 * volante), a recovery code nothing the counter can read.
 */
export class LiquidationFinder {
  /** What the server answered, by number, so the charge uses the server's amount and holder. */
  private readonly confirmed = new Map<number, { readonly found: CounterLiquidation; readonly at: number }>();

  constructor(
    private readonly deps: {
      readonly client: Pick<ServerClient, 'call'>;
      readonly meta: DeviceMeta;
      readonly cashRoundingStep: number;
      readonly now: () => Date;
      readonly log: Logger;
    },
  ) {}

  async find(query: string): Promise<Result<CounterLiquidation>> {
    const text = query.trim();
    const token = this.deps.meta.get('deviceToken');
    if (token !== null) {
      const answer = await this.deps.client.call('wallet.lookupLiquidation', { query: text }, { token });
      if (answer.ok) {
        const found = this.fromServer(answer.value);
        this.confirmed.set(found.number, { found, at: this.deps.now().getTime() });
        return ok(found);
      }
      if (answer.error.code !== 'offline') return answer;
      this.deps.log.info('liquidation lookup offline: reading the volante');
    }
    return this.offline(text);
  }

  /** The server's answer for that number, if the cashier asked for it within the last minutes. */
  confirmedOnline(number: number): CounterLiquidation | null {
    const seen = this.confirmed.get(number);
    if (seen === undefined || this.deps.now().getTime() - seen.at > confirmedForMs) return null;
    return seen.found;
  }

  private fromServer(value: LookupLiquidationValue): CounterLiquidation {
    const expiresOn = bogotaDate(value.expiresAt);
    return {
      source: 'server',
      number: value.number,
      amount: value.amount,
      state: value.state,
      holder: { identification: `${value.docType} ${value.docNumber}`, name: value.holderName },
      expiresOn,
      warning: warningFor(value.state, expiresOn),
      note: rechargeMessages.notes.server,
      cashRoundingStep: this.deps.cashRoundingStep,
    };
  }

  private offline(text: string): Result<CounterLiquidation> {
    const compact = text.replace(/\s+/g, '');
    const base = { state: null, holder: null, cashRoundingStep: this.deps.cashRoundingStep };
    if (/^\d{1,10}$/.test(compact) && Number(compact) > 0) {
      return ok({
        ...base,
        source: 'typed',
        number: Number(compact),
        amount: null,
        expiresOn: null,
        warning: null,
        note: rechargeMessages.notes.typed,
      });
    }
    if (isRecoveryCodeShape(text)) return err('offline', rechargeMessages.offlineRecoveryCode);
    // The wallet's GLN is the server's configuration: offline, any valid GLN in the volante's layout is read.
    const scan = readVolanteScan(text, null);
    if (!scan.ok) return err('validation', rechargeMessages.unreadable);
    const expired = scan.value.dueOn < bogotaDate(this.deps.now().toISOString());
    return ok({
      ...base,
      source: 'barcode',
      number: scan.value.liquidationNumber,
      amount: scan.value.amount,
      expiresOn: scan.value.dueOn,
      warning: expired
        ? { code: 'expired', message: rechargeMessages.warnings.expired(formatDateEs(scan.value.dueOn)) }
        : null,
      note: rechargeMessages.notes.barcode,
    });
  }
}

function warningFor(state: LiquidationState, expiresOn: string): LiquidationWarning | null {
  const words = rechargeMessages.warnings;
  if (state === 'pagada') return { code: 'paid', message: words.paid };
  if (state === 'anulada') return { code: 'annulled', message: words.annulled };
  if (state === 'vencida') return { code: 'expired', message: words.expired(formatDateEs(expiresOn)) };
  return null;
}
