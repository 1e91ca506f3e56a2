/**
 * Demo prepaid wallets (docs/wallet.md): holders of each kind with a history of recharges by
 * every channel, and pending liquidaciones a newcomer can pay each way — on the demo gateway,
 * with a bank file, at the counter. Every peso goes through the same money path as production
 * (applyLiquidationPayment), so balances and kardexes agree with the ledger. The holders'
 * claves are published in README.md on purpose, like the demo staff's passwords.
 */
import { v7 as uuidv7 } from 'uuid';
import type { SqlExecutor } from '../../src-server/db/sql-executor';
import { runInTransaction } from '../../src-server/db/transaction';
import { applyLiquidationPayment, type PaymentSource } from '../../src-server/wallet/apply-payment';
import { hashClave } from '../../src-server/wallet/clave';
import type { HolderData } from '../../src-shared/wallet/holder-fields';
import type { PaymentChannel } from '../../src-shared/wallet/liquidation';

export interface DemoWallet {
  readonly holder: HolderData;
  /** Published in README.md: the demo's «Consultar saldo» works with it. */
  readonly clave: string;
  /** Recharges already paid: amount, channel, days before `now`. */
  readonly history: readonly { readonly amount: number; readonly channel: PaymentChannel; readonly daysAgo: number }[];
  /** Pending liquidaciones, with the recovery code the README lists. */
  readonly pending: readonly { readonly amount: number; readonly recoveryCode: string; readonly way: PaymentChannel }[];
}

const contact = (email: string, mobile: string, address: string) => ({
  email,
  mobile,
  landline: null,
  address,
  municipality: 'Ibagué (Tol.)',
});

export const demoWallets: readonly DemoWallet[] = [
  {
    holder: {
      docType: 'CC',
      docNumber: '1000000002',
      identity: {
        personKind: 'natural',
        firstSurname: 'APELLIDO1',
        secondSurname: 'APELLIDO2',
        firstName: 'NOMBRE1',
        secondName: 'NOMBRE2',
      },
      contact: contact('cliente@ejemplo.co', '3000000002', 'Calle 10 No. 3-76'),
    },
    clave: 'Prepago.2026',
    history: [
      { amount: 100_000, channel: 'gateway', daysAgo: 60 },
      { amount: 50_000, channel: 'bank', daysAgo: 31 },
      { amount: 20_000, channel: 'counter', daysAgo: 3 },
    ],
    pending: [{ amount: 40_000, recoveryCode: 'XLrWX7', way: 'gateway' }],
  },
  {
    holder: {
      docType: 'NIT',
      docNumber: '9001234568',
      identity: { personKind: 'juridica', businessName: 'FERRETERÍA EL TOLIMA S.A.S.' },
      contact: contact('tesoreria@ferreteria-tolima.example', '3104445566', 'Carrera 5 No. 37-12'),
    },
    clave: 'Empresa.2026',
    history: [{ amount: 300_000, channel: 'bank', daysAgo: 20 }],
    pending: [{ amount: 150_000, recoveryCode: 'Bk7mQ2', way: 'bank' }],
  },
  {
    holder: {
      docType: 'CE',
      docNumber: '5123456',
      identity: {
        personKind: 'natural',
        firstSurname: 'PÉREZ',
        secondSurname: '',
        firstName: 'LUCÍA',
        secondName: '',
      },
      contact: contact('lucia.perez@ejemplo.co', '3157778899', 'Calle 42 No. 8-15'),
    },
    clave: 'Lucia.2026',
    history: [],
    pending: [{ amount: 25_000, recoveryCode: 'Cq4tZ8', way: 'counter' }],
  },
];

/** Where each channel's money comes from in the demo ledger. */
const demoSources: Record<PaymentChannel, PaymentSource> = {
  gateway: { kind: 'gateway-clearing', ownerRef: '' },
  bank: { kind: 'bank-clearing', ownerRef: '051' },
  counter: { kind: 'cash-session', ownerRef: 'demo-caja-sede-centro' },
};

const dayMs = 86_400_000;

/** Loads the demo wallets; a database that already has liquidaciones is left as it is. */
export async function seedDemoWallets(
  exec: SqlExecutor,
  opts: { readonly now: Date; readonly liquidationDays: number },
): Promise<{ wallets: number; liquidations: number }> {
  const { rows } = await exec.query<{ any: boolean }>('SELECT exists (SELECT 1 FROM liquidations) AS any');
  if (rows[0]?.any === true) return { wallets: 0, liquidations: 0 };
  // Published claves need no costly hash: the lowest cost verifyPassword accepts keeps every
  // seeded test server quick (a real clave is hashed at OWASP's parameters).
  const claves = await Promise.all(demoWallets.map((wallet) => hashClave(wallet.clave, { log2N: 14, r: 8, p: 1 })));
  let liquidations = 0;
  await runInTransaction(exec, async (tx) => {
    for (const [w, wallet] of demoWallets.entries()) {
      for (const [i, paid] of wallet.history.entries()) {
        const at = new Date(opts.now.getTime() - paid.daysAgo * dayMs);
        const id = await insertLiquidation(tx, wallet.holder, paid.amount, {
          createdAt: at,
          expiresAt: new Date(at.getTime() + opts.liquidationDays * dayMs),
          recoveryCode: `Dm${'ABCDEFGH'[w] ?? 'Z'}${'abcdefgh'[i] ?? 'z'}p2`,
        });
        const applied = await applyLiquidationPayment(tx, {
          liquidationId: id,
          channel: paid.channel,
          sourceKey: `demo:${wallet.holder.docType}-${wallet.holder.docNumber}-${i}`,
          amount: paid.amount,
          source: demoSources[paid.channel],
          at,
        });
        if (!applied.ok) throw new Error(`demo recharge refused: ${applied.error.message}`);
        liquidations += 1;
      }
      for (const pending of wallet.pending) {
        await insertLiquidation(tx, wallet.holder, pending.amount, {
          createdAt: opts.now,
          expiresAt: new Date(opts.now.getTime() + opts.liquidationDays * dayMs),
          recoveryCode: pending.recoveryCode,
        });
        liquidations += 1;
      }
      // A holder appears with the first paid liquidación; one without history gets its row
      // now, so the demo's clave works for every published wallet.
      await tx.query(
        `INSERT INTO wallet_holders (id, doc_type, doc_number, person_kind, identity, email, mobile, landline, address, municipality)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (doc_type, doc_number) DO NOTHING`,
        [
          uuidv7(),
          wallet.holder.docType,
          wallet.holder.docNumber,
          wallet.holder.identity.personKind,
          JSON.stringify(wallet.holder.identity),
          wallet.holder.contact.email,
          wallet.holder.contact.mobile,
          wallet.holder.contact.landline,
          wallet.holder.contact.address,
          wallet.holder.contact.municipality,
        ],
      );
      await tx.query(
        `UPDATE wallet_holders SET clave_hash = $3, clave_issued_at = $4 WHERE doc_type = $1 AND doc_number = $2`,
        [wallet.holder.docType, wallet.holder.docNumber, claves[w], opts.now.toISOString()],
      );
      // The demo's past payments were «mailed» long ago: the wallet mailer starts with the new ones.
      await tx.query(
        `INSERT INTO wallet_support_mails (payment_id, mail_id, clave_issued)
         SELECT p.id, NULL, false FROM liquidation_payments p JOIN liquidations l ON l.id = p.liquidation_id
         WHERE l.doc_type = $1 AND l.doc_number = $2 ON CONFLICT DO NOTHING`,
        [wallet.holder.docType, wallet.holder.docNumber],
      );
    }
  });
  return { wallets: demoWallets.length, liquidations };
}

async function insertLiquidation(
  tx: SqlExecutor,
  holder: HolderData,
  amount: number,
  opts: { createdAt: Date; expiresAt: Date; recoveryCode: string },
): Promise<string> {
  const id = uuidv7();
  await tx.query(
    `INSERT INTO liquidations (id, doc_type, doc_number, client, amount, state, recovery_code, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, 'pendiente', $6, $7, $8)`,
    [
      id,
      holder.docType,
      holder.docNumber,
      JSON.stringify(holder),
      amount,
      opts.recoveryCode,
      opts.createdAt.toISOString(),
      opts.expiresAt.toISOString(),
    ],
  );
  return id;
}
