import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { PasswordWork } from '../../src-server/accounts/password-work';
import { loadCertificateConfig } from '../../src-server/certificates/certificate-config';
import type { CertificateContext } from '../../src-server/certificates/certificate-context';
import { certificateSigner } from '../../src-server/certificates/certificate-signer';
import { demoFixedGroups } from '../../src-server/certificates/registry-demo-fixed';
import { registryLookup } from '../../src-server/certificates/registry-lookup';
import { insertRegistryRecords } from '../../src-server/certificates/registry-store';
import { issueAndHold } from '../../src-server/certificates/purchase-certificate';
import { openServerDatabase } from '../../src-server/db/open';
import { migrateServerDatabase } from '../../src-server/db/migrate';
import { buildServer } from '../../src-server/http/build-server';
import { FeedNotifier } from '../../src-server/sync/feed-notifier';
import { ledgerAccount } from '../../src-server/ledger/ledger-accounts';
import { transfer } from '../../src-server/ledger/transfer';
import { createServerLogger } from '../../src-server/logger';
import { defaultWalletConfig } from '../../src-server/wallet/wallet-config';
import { chooseCertificate } from '../../src-shared/certificates/certificate-choice';
import { priceOn } from '../../src-shared/certificates/certificate-catalogue';
import { renderCertificatePdf } from '../../src-node/certificates/certificate-pdf';
import { sampleExistencia } from '../../tests/support/certificate-fixtures';
import { tempDir } from '../../tests/support/temp-dir';
import { countOption, Latencies } from '../support/latency';
import type { BenchContext, Metrics } from '../suite';

/**
 * `certificates` (docs/certificates.md), on PGlite:
 *
 * - `certificates.pdf_p99_ms`: a certificate of existencia (the fixture lays out on 4 pages)
 *   rendered, beside `certificates.empty_pdf_p99_ms`: an empty pdf-lib page saved, the same run.
 * - `certificates.purchase_to_job_p99_ms`: from the clave accepted to the purchase's answer (two
 *   copies made and signed, the hold and every row committed) — what the kiosk then hands to the
 *   dispenser as a job; target ≤ 500 ms. Beside it the bare ledger transfer of the same run,
 *   `certificates.raw_transfer_p99_ms`. The clave's scrypt (before) and the kiosk's IPP Print-Job
 *   (after, on the kiosk) are not in it.
 * - `certificates.verify_p99_ms`: `GET /verificar/<código>` answered with --issued (1,000,000)
 *   certificates issued, beside `certificates.health_p99_ms`: `GET /health` on the same server.
 *
 * Options: --runs N (200), --issued N (1000000).
 */
export const name = 'certificates';

export async function run(ctx: BenchContext): Promise<Metrics> {
  const { values } = parseArgs({
    args: [...ctx.args],
    strict: false,
    options: { runs: { type: 'string' }, issued: { type: 'string' } },
  });
  const runs = countOption(values, 'runs', 200);
  const issued = countOption(values, 'issued', 1_000_000);

  ctx.log(`${runs} certificados en PDF…`);
  const pdf = new Latencies();
  const empty = new Latencies();
  for (let i = 0; i < runs; i += 1) {
    await pdf.timeAsync(() => renderCertificatePdf(sampleExistencia));
    await empty.timeAsync(async () => {
      const doc = await PDFDocument.create();
      doc.addPage();
      return doc.save();
    });
  }

  const dir = tempDir('bench-certificates');
  const database = await openServerDatabase(
    { dataDir: dir.path, databaseUrl: null },
    { logger: createServerLogger('silent') },
  );
  try {
    await migrateServerDatabase(database.exec);
    ctx.log(`${runs} compras (clave aceptada → copias firmadas y saldo retenido)…`);
    const purchase = await measurePurchases(database, dir.path, runs);
    ctx.log(`${issued} certificados expedidos y la página de verificación…`);
    const verify = await measureVerification(database, dir.path, issued, runs);
    return {
      'certificates.pdf_p99_ms': pdf.percentile(99),
      'certificates.empty_pdf_p99_ms': empty.percentile(99),
      ...purchase,
      ...verify,
    };
  } finally {
    await database.close();
    dir.remove();
  }
}

async function measurePurchases(
  database: Awaited<ReturnType<typeof openServerDatabase>>,
  dataDir: string,
  runs: number,
): Promise<Metrics> {
  const exec = database.exec;
  const config = loadCertificateConfig({}, dataDir);
  if ('problem' in config) throw new Error(config.problem);
  const log = createServerLogger('silent');
  const ctx: CertificateContext = {
    database,
    config: defaultWalletConfig({ eventsSecret: 'e'.repeat(32), integritySecret: 'i'.repeat(32) }),
    mail: { wake: () => undefined },
    log,
    now: () => new Date(),
    passwords: new PasswordWork(),
    certificates: config,
    signer: certificateSigner(config.signing, log),
    registry: registryLookup,
  };
  for (const group of demoFixedGroups(new Date())) await insertRegistryRecords(exec, group);
  const deviceId = randomUUID();
  await exec.query("INSERT INTO devices (id, name, mode, token_hash) VALUES ($1, 'Kiosco de prueba', 'kiosk', $2)", [
    deviceId,
    `bench-${deviceId}`,
  ]);
  const device = { id: deviceId, name: 'Kiosco de prueba', mode: 'kiosk' as const, scope: null, office: null };
  const id = { docType: 'NIT' as const, docNumber: '9001234568', ref: 'NIT 9001234568' };
  const wallet = await ledgerAccount(exec, 'wallet', id.ref);
  const gateway = await ledgerAccount(exec, 'gateway-clearing');
  const funded = await transfer(exec, {
    idempotencyKey: 'bench-fund',
    kind: 'recarga',
    description: 'Recarga',
    legs: [
      { accountId: gateway.id, amount: -1_000_000_000 },
      { accountId: wallet.id, amount: 1_000_000_000 },
    ],
  });
  if (!funded.ok) throw new Error(funded.error.message);
  const found = await registryLookup.search(exec, '900123456', 1);
  const entry = found.entries[0];
  if (entry === undefined) throw new Error('the demo company is not in the registry');
  const now = new Date();
  const code = config.catalogue.certificates.find((e) => e.appliesTo.includes(entry.kind))?.code ?? '';
  const choice = chooseCertificate(config.catalogue, code, entry, now);
  const price = priceOn(config.catalogue, code, now);
  if (!choice.ok || !price.ok) throw new Error('no certificate on sale for the demo company');

  const purchases = new Latencies();
  const bare = new Latencies();
  await ctx.signer(); // opened once at the first purchase in production; not what is measured
  for (let i = 0; i < runs; i += 1) {
    const answer = await purchases.timeAsync(() =>
      issueAndHold(ctx, {
        purchaseKey: randomUUID(),
        id,
        entry,
        choice: choice.value,
        unitPrice: price.value,
        copies: 2,
        device,
        publicBase: 'https://camara.example.co',
      }),
    );
    if (!answer.ok) throw new Error(answer.error.message);
    await bare.timeAsync(() =>
      transfer(exec, {
        idempotencyKey: `bench-bare-${i}`,
        kind: 'compra',
        description: 'Compra',
        legs: [
          { accountId: wallet.id, amount: -1 },
          { accountId: gateway.id, amount: 1 },
        ],
      }),
    );
  }
  return {
    'certificates.purchase_to_job_p99_ms': purchases.percentile(99),
    'certificates.raw_transfer_p99_ms': bare.percentile(99),
  };
}

async function measureVerification(
  database: Awaited<ReturnType<typeof openServerDatabase>>,
  dataDir: string,
  issued: number,
  runs: number,
): Promise<Metrics> {
  const exec = database.exec;
  // The certificates already issued: one purchase row per thousand copies (the page reads the
  // copy by its code and joins its purchase), codes of 10 characters as the real ones.
  await exec.query(
    `WITH d AS (SELECT id FROM devices LIMIT 1), t AS (SELECT hold_transfer_id AS id FROM certificate_purchases LIMIT 1)
     INSERT INTO certificate_purchases (id, receipt_number, device_id, purchase_key, doc_type, doc_number,
       matricula_number, certificate_code, copies, unit_price, hold_transfer_id, created_at)
     SELECT gen_random_uuid(), 10000000 + g, d.id, 'bench-' || g, 'NIT', '9001234568', '50001',
       'existencia', 1, 12100, t.id, now()
     FROM generate_series(1, $1::int) AS g, d, t`,
    [Math.ceil(issued / 1000)],
  );
  await exec.query(
    `INSERT INTO issued_certificates (id, purchase_id, copy, verification_code, certificate_code, title,
       matricula_number, business_name, issued_at, state, pdf_sha256)
     SELECT gen_random_uuid(), p.id, 100 + c, substr(md5(p.id::text || c), 1, 10), 'existencia',
       'CERTIFICADO DE EXISTENCIA Y REPRESENTACIÓN LEGAL', '50001', 'FERRETERÍA EL TOLIMA S.A.S.', now(),
       'delivered', md5(p.id::text)
     FROM certificate_purchases p, generate_series(1, 1000) AS c WHERE p.purchase_key LIKE 'bench-%'`,
  );
  const { rows } = await exec.query<{ verification_code: string }>(
    `SELECT verification_code FROM issued_certificates WHERE state = 'delivered' ORDER BY random() LIMIT $1`,
    [runs],
  );
  const app = await buildServer({
    database,
    deploymentId: 'bench',
    logger: createServerLogger('silent'),
    feedNotifier: new FeedNotifier(async () => 0, createServerLogger('silent')),
    mail: { wake: () => undefined },
    certificates: (() => {
      const c = loadCertificateConfig({}, dataDir);
      if ('problem' in c) throw new Error(c.problem);
      return c;
    })(),
  });
  const verify = new Latencies();
  const health = new Latencies();
  try {
    let address = 0;
    for (const row of rows) {
      // Each lookup from its own address: the per-address limit is not what is measured.
      address += 1;
      const remoteAddress = `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
      const answer = await verify.timeAsync(() =>
        app.inject({ method: 'GET', url: `/verificar/${row.verification_code}`, remoteAddress }),
      );
      if (answer.statusCode !== 200) throw new Error(`verification answered ${answer.statusCode}`);
      await health.timeAsync(() => app.inject({ method: 'GET', url: '/health', remoteAddress }));
    }
  } finally {
    await app.close();
  }
  return { 'certificates.verify_p99_ms': verify.percentile(99), 'certificates.health_p99_ms': health.percentile(99) };
}
