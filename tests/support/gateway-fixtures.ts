import type { SqlExecutor } from '../../src-server/db/sql-executor';
import { findLedgerAccount } from '../../src-server/ledger/ledger-accounts';
import type { GatewayTransaction } from '../../src-server/wallet/gateway/gateway-event';
import { transactionEventProperties } from '../../src-server/wallet/gateway/gateway-event';
import { eventChecksum } from '../../src-server/wallet/gateway/signatures';
import { startCheckout } from '../../src-server/wallet/gateway/start-checkout';
import { defaultWalletConfig, type WalletConfig } from '../../src-server/wallet/wallet-config';
import { walletOwnerRef } from '../../src-shared/wallet/liquidation';
import { createTestLiquidation } from './wallet-fixtures';

/** Secrets a test shares with the server it starts, so it can sign events as the gateway. */
export const testGatewaySecrets = {
  eventsSecret: 'test_events_GATEWAY_SECRET',
  integritySecret: 'test_integrity_GATEWAY_SECRET',
} as const;

export const testWalletConfig = (): WalletConfig => defaultWalletConfig(testGatewaySecrets);

/** A `transaction.updated` event as Wompi sends it, signed with `secret` at `at`. */
export function signedEvent(
  transaction: GatewayTransaction,
  opts: { secret?: string; at?: Date } = {},
): { body: string; checksum: string } {
  const at = opts.at ?? new Date();
  const timestamp = Math.floor(at.getTime() / 1000);
  const data = { transaction: { ...transaction, customer_email: 'ciudadano@example.com', payment_method_type: 'PSE' } };
  const checksum =
    eventChecksum(data, transactionEventProperties, timestamp, opts.secret ?? testGatewaySecrets.eventsSecret) ?? '';
  const body = JSON.stringify({
    event: 'transaction.updated',
    data,
    environment: 'test',
    signature: { properties: transactionEventProperties, checksum },
    timestamp,
    sent_at: at.toISOString(),
  });
  return { body, checksum };
}

/** A pending liquidación of `amount` pesos for CC `docNumber` and an online checkout opened for it. */
export async function openTestCheckout(
  exec: SqlExecutor,
  config: WalletConfig,
  amount: number,
  docNumber: string,
  publicBaseUrl = 'http://127.0.0.1:9',
): Promise<{ liquidationId: string; number: number; reference: string; checkoutUrl: string }> {
  const liquidation = await createTestLiquidation(exec, { amount, docType: 'CC', docNumber });
  const checkout = await startCheckout(exec, config, liquidation.id, { publicBaseUrl });
  if (!checkout.ok) throw new Error(checkout.error.message);
  return { liquidationId: liquidation.id, number: liquidation.number, ...checkout.value };
}

/** A CC wallet's balance in pesos; 0 before its first recharge. */
export async function walletBalance(exec: SqlExecutor, docNumber: string): Promise<number> {
  return (await findLedgerAccount(exec, 'wallet', walletOwnerRef('CC', docNumber)))?.balance ?? 0;
}

export async function countRows(
  exec: SqlExecutor,
  table: string,
  where = 'true',
  params: unknown[] = [],
): Promise<number> {
  const { rows } = await exec.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, params);
  return Number(rows[0]?.n);
}
