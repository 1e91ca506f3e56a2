import { expect, onTestFinished } from 'vitest';
import type { AppCore } from '../../src-main/app-core';
import { demoFixedGroups } from '../../src-server/certificates/registry-demo-fixed';
import { insertRegistryRecords } from '../../src-server/certificates/registry-store';
import { createEnrollmentCode } from '../../src-server/devices/admin';
export { startKioskCore } from './kiosk-core';
import type { DatabaseVariant } from './postgres';
import { createTestLiquidation, testHolder } from './wallet-fixtures';
import { startWalletServer, type WalletServer } from './wallet-server';

/**
 * A chamber's central server for the kiosk's certificate tests: the demo registry's fixed
 * entries, and a company («Ferretería El Tolima S.A.S.», NIT 900.123.456-8) whose prepaid
 * wallet holds `balance` pesos with the clave `Empresa.2026`.
 */
export const company = { docType: 'NIT' as const, docNumber: '9001234568', clave: 'Empresa.2026' };

export async function startChamber(variant: DatabaseVariant, balance = 100_000): Promise<WalletServer> {
  const s = await startWalletServer(variant);
  const exec = s.t.server.database.exec;
  for (const group of demoFixedGroups(s.now())) await insertRegistryRecords(exec, group);
  const liquidation = await createTestLiquidation(exec, {
    amount: balance,
    docType: company.docType,
    docNumber: company.docNumber,
    client: {
      ...testHolder(company.docType, company.docNumber),
      identity: { personKind: 'juridica', businessName: 'Ferretería El Tolima S.A.S.' },
    },
  });
  await s.pay(liquidation.id, balance, company.clave);
  return s;
}

/** Enrolls a started core as a kiosk of the server. */
export async function enrollKiosk(s: WalletServer, core: AppCore): Promise<void> {
  const { code } = await createEnrollmentCode(s.t.server.database, {
    deviceName: 'Kiosco del vestíbulo',
    mode: 'kiosk',
  });
  const enrolled = await core.dispatch('device.enroll', { code });
  expect(enrolled.ok).toBe(true);
}

/** Stops the core when the test ends (once, even if the test stopped it already). */
export function stopAtEnd(core: AppCore): void {
  let stopped = false;
  onTestFinished(async () => {
    if (!stopped) await core.stop();
    stopped = true;
  });
}

/** The wallet's balance on the server's ledger. */
export async function walletBalance(s: WalletServer): Promise<number> {
  const rows = await s.query<{ balance: string }>(
    "SELECT balance FROM ledger_accounts WHERE kind = 'wallet' AND owner_ref = $1",
    [`${company.docType} ${company.docNumber}`],
  );
  return Number(rows[0]?.balance);
}

/** The server's state of each copy of the purchases, by copy number. */
export async function copyStates(s: WalletServer): Promise<string[]> {
  const rows = await s.query<{ state: string }>('SELECT state FROM issued_certificates ORDER BY issued_at, copy');
  return rows.map((r) => r.state);
}
