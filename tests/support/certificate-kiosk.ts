import { expect, onTestFinished } from 'vitest';
import type { KioskPurchaseView } from '../../src-shared/api/ops/certificates';
import type { AppCore } from '../../src-main/app-core';
import type { Dispenser } from '../../src-main/devices/dispenser/dispenser';
import { demoFixedGroups } from '../../src-server/certificates/registry-demo-fixed';
import { insertRegistryRecords } from '../../src-server/certificates/registry-store';
import { createEnrollmentCode } from '../../src-server/devices/admin';
import { startKioskCore } from './kiosk-core';
export { startKioskCore };
import type { DatabaseVariant } from './postgres';
import type { Cleanup } from './server-harness';
import { callOk, until } from './sync-support';
import { tempDir } from './temp-dir';
import { createTestLiquidation, testHolder } from './wallet-fixtures';
import { startWalletServer, type WalletServer } from './wallet-server';

/**
 * A chamber's central server for the kiosk's certificate tests: the demo registry's fixed
 * entries, and a company («Ferretería El Tolima S.A.S.», NIT 900.123.456-8) whose prepaid
 * wallet holds `balance` pesos with the clave `Empresa.2026`.
 */
export const company = { docType: 'NIT' as const, docNumber: '9001234568', clave: 'Empresa.2026' };

export async function startChamber(
  variant: DatabaseVariant,
  balance = 100_000,
  cleanup?: Cleanup,
): Promise<WalletServer> {
  const s = await startWalletServer(variant, {}, cleanup);
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

/** The company's wallet as the citizen types it: the NIT with its check digit after the dash. */
export const buyerCredentials = { docType: company.docType, docNumber: '900.123.456-8', clave: company.clave };

/** The company's «Certificado de existencia y representación legal», as the search offers it. */
export async function companyOffer(core: AppCore): Promise<{ matricula: string; code: string; price: number }> {
  const found = await callOk(core, 'certificates.search', { query: '900123456' });
  const match = found.matches[0];
  const certificate = match?.certificates[0];
  if (match === undefined || certificate === undefined) throw new Error('the demo company has nothing on sale');
  return { matricula: match.matricula, code: certificate.code, price: certificate.price };
}

/** Follows a purchase until every copy ended and the server acknowledged each outcome. */
export const settledPurchase = (core: AppCore, purchaseKey: string): Promise<KioskPurchaseView> =>
  until(
    'every copy settled and reported',
    () => callOk(core, 'certificates.progress', { purchaseKey }),
    (p) => p.finished && p.copies.every((c) => c.reported),
    60_000,
  );

/**
 * A kiosk's whole app core in a data dir of its own, enrolled on the server (reached at
 * `serverUrl`, the server's own address unless a proxy stands between), stopped and removed
 * when the test ends.
 */
export async function enrolledKiosk(
  s: WalletServer,
  dispenser: Dispenser,
  serverUrl = s.t.server.url,
): Promise<AppCore> {
  const dir = tempDir('certificates-kiosk');
  const core = startKioskCore(dir.path, serverUrl, dispenser);
  let stopped = false;
  onTestFinished(async () => {
    if (!stopped) await core.stop();
    stopped = true;
    dir.remove();
  });
  await enrollKiosk(s, core);
  return core;
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
