import type { LiquidationState } from '../../../src-shared/wallet/liquidation';
import type { SqlExecutor } from '../../db/sql-executor';
import type { CheckoutStatus } from './gateway-event';

/** What a kiosk following an online payment shows: the checkout's status and its liquidación's state. */
export interface GatewayCheckoutState {
  /** `CREATED` until the gateway says something; then its last status (never back from a final one). */
  readonly status: CheckoutStatus;
  /** `pagada` once the wallet is credited: that, not the gateway's APPROVED, is what the kiosk celebrates. */
  readonly liquidationState: LiquidationState;
}

/** The state of one checkout by its reference; null when there is no such checkout. */
export async function gatewayCheckoutState(exec: SqlExecutor, reference: string): Promise<GatewayCheckoutState | null> {
  const { rows } = await exec.query<{ status: CheckoutStatus; state: LiquidationState }>(
    `SELECT g.status, l.state FROM gateway_transactions g JOIN liquidations l ON l.id = g.liquidation_id
     WHERE g.reference = $1`,
    [reference],
  );
  const row = rows[0];
  return row === undefined ? null : { status: row.status, liquidationState: row.state };
}
