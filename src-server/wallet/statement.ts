import { err, ok, type Result } from '../../src-shared/api/result';
import type { DocumentType } from '../../src-shared/domain/identity-document';
import type { KardexRow, ServerDocumentValue, StatementValue } from '../../src-shared/server-api/wallet-api';
import type { SqlExecutor } from '../db/sql-executor';
import type { AuthenticatedDevice } from '../devices/auth';
import { findLedgerAccount } from '../ledger/ledger-accounts';
import { readEntitySetting } from '../mail/mail-entity';
import { documentEntity } from './documents/document-frame';
import { kardexFileName, renderKardexPdf } from './documents/kardex-pdf';
import { openWallet, type OpenedWallet } from './holder-access';
import { holderDataValue, holderFullName } from './holders';
import { liquidationValue, selectLiquidations, sweepExpiredLiquidations } from './liquidation-records';
import type { WalletContext } from './wallet-context';

/** The statement shows the latest movements; the PDF the same, as its opening balance says. */
export const statementRows = 200;

type Credentials = { docType: DocumentType; docNumber: string; clave: string };

/**
 * «Consultar saldo y movimientos» with identification and clave: the holder's data, the balance
 * and kardex from the ledger (its own running balance, never summed again here), and the
 * liquidaciones still waiting for their payment.
 */
export async function walletStatement(
  ctx: WalletContext,
  input: Credentials,
  device: AuthenticatedDevice,
): Promise<Result<StatementValue>> {
  const opened = await openWallet(ctx, input, device);
  if (!opened.ok) return opened;
  const exec = ctx.database.exec;
  const now = ctx.now();
  await sweepExpiredLiquidations(exec, now);
  const { balance, rows } = await ledgerView(exec, opened.value);
  const pending = await selectLiquidations(
    exec,
    "doc_type = $1 AND doc_number = $2 AND state = 'pendiente' AND expires_at >= $3",
    [opened.value.id.docType, opened.value.id.docNumber, now.toISOString()],
    20,
  );
  ctx.log.info({ device: device.id, movements: rows.length }, 'wallet statement read');
  return ok({
    holder: holderDataValue(opened.value.holder),
    balance,
    kardex: rows,
    pending: pending.map((row) => liquidationValue(row, ctx.config, now)),
  });
}

/** The same statement as a PDF (H-docs' renderer), refused if its lines do not chain to the balance. */
export async function walletStatementPdf(
  ctx: WalletContext,
  input: Credentials,
  device: AuthenticatedDevice,
): Promise<Result<ServerDocumentValue>> {
  const opened = await openWallet(ctx, input, device);
  if (!opened.ok) return opened;
  const exec = ctx.database.exec;
  const now = ctx.now();
  const { balance, rows } = await ledgerView(exec, opened.value);
  const { holder } = opened.value;
  const pdf = await renderKardexPdf({
    entity: documentEntity(await readEntitySetting(exec)),
    holder: { name: holderFullName(holder), docType: holder.docType, docNumber: holder.docNumber },
    generatedAt: now,
    balance,
    rows,
  });
  if (!pdf.ok) {
    ctx.log.error({ reason: pdf.error.message }, 'kardex statement not rendered');
    return err('internal', 'No pudimos preparar el extracto en este momento. Intente de nuevo más tarde.');
  }
  return ok({
    fileName: kardexFileName(holder, now),
    contentType: 'application/pdf',
    base64: Buffer.from(pdf.value).toString('base64'),
  });
}

/** The wallet's balance and its latest movements, oldest first; a wallet never credited has neither. */
async function ledgerView(exec: SqlExecutor, wallet: OpenedWallet): Promise<{ balance: number; rows: KardexRow[] }> {
  const account = await findLedgerAccount(exec, 'wallet', wallet.id.ref);
  if (account === null) return { balance: 0, rows: [] };
  const { rows } = await exec.query<{
    created_at: Date | string;
    description: string;
    amount: string | number;
    balance_after: string | number;
  }>(
    `SELECT e.created_at, t.description, e.amount, e.balance_after
     FROM ledger_entries e JOIN ledger_transfers t ON t.id = e.transfer_id
     WHERE e.account_id = $1 ORDER BY e.id DESC LIMIT $2`,
    [account.id, statementRows],
  );
  const lines = rows
    .map((row) => ({
      at: new Date(row.created_at).toISOString(),
      description: row.description,
      amount: Number(row.amount),
      balanceAfter: Number(row.balance_after),
    }))
    .reverse();
  // The balance the last line left: the same instant's figure as the lines (the account row may have moved since).
  return { balance: lines.at(-1)?.balanceAfter ?? account.balance, rows: lines };
}
