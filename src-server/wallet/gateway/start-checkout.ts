import { err, ok, type Result } from '../../../src-shared/api/result';
import type { SqlExecutor } from '../../db/sql-executor';
import type { WalletConfig } from '../wallet-config';
import { paymentGateway } from './payment-gateway';

export interface StartedCheckout {
  /** Ours, new for this attempt; the kiosk follows it with gatewayCheckoutState. */
  readonly reference: string;
  /** The gateway's page for this payment: the kiosk shows it as a QR for the citizen's phone. */
  readonly checkoutUrl: string;
}

/**
 * Opens an online payment for a liquidación still `pendiente` and not expired: a new
 * reference per attempt, the gateway's checkout URL signed for its amount, and the
 * gateway_transactions row (`CREATED`) that the webhook and the poller will find it by.
 */
export async function startCheckout(
  exec: SqlExecutor,
  config: WalletConfig,
  liquidationId: string,
  where: { readonly publicBaseUrl: string; readonly redirectUrl?: string; readonly now?: Date },
): Promise<Result<StartedCheckout>> {
  const { rows } = await exec.query<{
    number: string | number;
    amount: string | number;
    state: string;
    expires_at: Date | string;
  }>('SELECT number, amount, state, expires_at FROM liquidations WHERE id = $1', [liquidationId]);
  const liquidation = rows[0];
  if (liquidation === undefined) return err('not-found', 'No existe esa liquidación.');
  if (liquidation.state === 'pagada') return err('conflict', 'Esta liquidación ya está pagada.');
  const now = where.now ?? new Date();
  if (liquidation.state !== 'pendiente' || new Date(liquidation.expires_at).getTime() <= now.getTime())
    return err('conflict', 'Esta liquidación ya no se puede pagar en línea: está vencida o anulada. Genere una nueva.');
  const gateway = paymentGateway(config.gateway, { publicBaseUrl: where.publicBaseUrl });
  const checkout = gateway.createCheckout(
    { number: Number(liquidation.number), amount: Number(liquidation.amount) },
    { redirectUrl: where.redirectUrl },
  );
  await exec.query(
    `INSERT INTO gateway_transactions (reference, liquidation_id, amount_in_cents, currency, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, 'CREATED', $5, $5)`,
    [checkout.reference, liquidationId, checkout.amountInCents, checkout.currency, now.toISOString()],
  );
  return ok({ reference: checkout.reference, checkoutUrl: checkout.checkoutUrl });
}
