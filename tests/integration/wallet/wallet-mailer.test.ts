import { randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { expect, it, onTestFinished } from 'vitest';
import { demoEntity, entitySettingKey } from '../../../db/seed/entity';
import { verifyPassword } from '../../../src-node/password-hash';
import { openServerDatabase } from '../../../src-server/db/open';
import type { SqlExecutor } from '../../../src-server/db/sql-executor';
import { runInTransaction } from '../../../src-server/db/transaction';
import { createServerLogger } from '../../../src-server/logger';
import { applyLiquidationPayment } from '../../../src-server/wallet/apply-payment';
import { normalizeClave } from '../../../src-server/wallet/clave';
import { WalletMailer } from '../../../src-server/wallet/mailer/wallet-mailer';
import type { HolderData } from '../../../src-shared/wallet/holder-fields';
import { makeRecoveryCode } from '../../../src-shared/wallet/recovery-code';
import { describeEachServerDatabase, type DatabaseVariant } from '../../support/postgres';
import { pdfText } from '../../support/poppler-zbar';
import { startTestServer, type TestServer } from '../../support/server-harness';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../../support/smtp-sink';
import { tempDir } from '../../support/temp-dir';

/**
 * The wallet mailer (issue 13, item 5) against a real SMTP server on loopback: every confirmed
 * recharge mails its soporte del pago (the recibo de caja PDF attached), the holder's first one
 * also the clave, stored only as a hash that the mailed clave verifies against; each payment is
 * mailed once, also with two mailers at once; and the support row, the clave's hash and the
 * queued mail commit together or not at all.
 */
const cheapScrypt = { log2N: 14, r: 8, p: 1 } as const;
// Each case starts a server (PGlite's first one also its template) and waits on SMTP: slow on a busy machine.

const client = (docNumber: string, email: string): HolderData => ({
  docType: 'CC',
  docNumber,
  identity: {
    personKind: 'natural',
    firstSurname: 'Rojas',
    secondSurname: 'Peña',
    firstName: 'Ana',
    secondName: 'María',
  },
  contact: {
    email,
    mobile: '3001234567',
    landline: '6082771234',
    address: 'Calle 10 No. 3-76',
    municipality: 'Ibagué (Tol)',
  },
});

async function withEntity(exec: SqlExecutor): Promise<void> {
  await exec.query('INSERT INTO settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO NOTHING', [
    entitySettingKey,
    JSON.stringify(demoEntity),
  ]);
}

/** A liquidación for `docNumber`, paid through the one money path; returns the payment's id. */
async function payLiquidation(
  exec: SqlExecutor,
  docNumber: string,
  amount: number,
  email = `titular${docNumber}@example.test`,
): Promise<{ paymentId: string; number: number }> {
  const id = uuidv7();
  const { rows } = await exec.query<{ number: string }>(
    `INSERT INTO liquidations (id, doc_type, doc_number, client, amount, state, recovery_code, expires_at)
     VALUES ($1, 'CC', $2, $3, $4, 'pendiente', $5, $6) RETURNING number`,
    [
      id,
      docNumber,
      JSON.stringify(client(docNumber, email)),
      amount,
      makeRecoveryCode((n) => randomInt(n)),
      new Date(Date.now() + 86_400_000).toISOString(),
    ],
  );
  const applied = await runInTransaction(exec, (tx) =>
    applyLiquidationPayment(tx, {
      liquidationId: id,
      channel: 'bank',
      sourceKey: `bank:test-${id}`,
      amount,
      source: { kind: 'bank-clearing', ownerRef: '0051' },
      at: new Date(),
    }),
  );
  if (!applied.ok) throw new Error(applied.error.message);
  return { paymentId: applied.value.paymentId, number: Number(rows[0]?.number) };
}

async function mailingServer(variant: DatabaseVariant, sink: SmtpSink, enabled = true): Promise<TestServer> {
  const t = await startTestServer(variant, {
    logLevel: 'info',
    config: { smtpUrl: sink.url },
    serverOptions: { passwordWork: { params: cheapScrypt }, walletMailer: { enabled, pollIntervalMs: 50 } },
  });
  await withEntity(t.server.database.exec);
  return t;
}

const bodyOf = (mail: ReceivedMail): string => (mail.parsed.text ?? '').replaceAll('\u00a0', ' ');
const claveIn = (mail: ReceivedMail): string | null => /Clave del prepago: (\S+)/.exec(bodyOf(mail))?.[1] ?? null;

async function claveHash(exec: SqlExecutor, docNumber: string): Promise<string | null> {
  const { rows } = await exec.query<{ clave_hash: string | null }>(
    "SELECT clave_hash FROM wallet_holders WHERE doc_type = 'CC' AND doc_number = $1",
    [docNumber],
  );
  return rows[0]?.clave_hash ?? null;
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describeEachServerDatabase('the wallet mailer', (variant) => {
  it(
    'mails the first payment its soporte with the PDF and a clave that verifies; the second without a clave',
    { timeout: 90_000 },
    async () => {
      const sink = await startSmtpSink();
      const t = await mailingServer(variant, sink);
      const exec = t.server.database.exec;
      const dir = tempDir('wallet-mailer');
      onTestFinished(() => dir.remove());

      const first = await payLiquidation(exec, '1020304050', 150_000);
      t.server.walletMail.wake();
      const [mail] = await sink.waitForMail(1, 20_000);
      if (mail === undefined) throw new Error('no mail');
      expect(mail.rcptTo).toEqual(['titular1020304050@example.test']);
      expect(mail.parsed.subject).toBe(`Soporte de su pago, liquidación ${first.number} — ${demoEntity.name}`);
      expect(bodyOf(mail)).toContain('Hola, Ana Rojas:');
      expect(bodyOf(mail)).toContain('Recibimos su pago de $ 150.000');
      expect(bodyOf(mail)).toContain('Saldo de su prepago: $ 150.000');

      const clave = claveIn(mail);
      expect(clave).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      const stored = await claveHash(exec, '1020304050');
      expect(stored).toMatch(/^scrypt\$/);
      expect(await verifyPassword(normalizeClave(clave ?? ''), stored ?? '')).toBe(true);
      expect(await verifyPassword(normalizeClave('AAAA-BBBB-CCCC'), stored ?? '')).toBe(false);

      expect(mail.parsed.attachments).toHaveLength(1);
      const pdf = mail.parsed.attachments[0];
      expect(pdf?.contentType).toBe('application/pdf');
      expect(pdf?.filename).toMatch(/^recibo-caja-\d{6}\.pdf$/);
      const file = path.join(dir.path, 'soporte.pdf');
      writeFileSync(file, pdf?.content ?? Buffer.alloc(0));
      const text = await pdfText(file);
      expect(text).toContain('RECIBO DE CAJA');
      expect(text).toContain('CC 1.020.304.050');
      expect(text).toContain('Calle 10 No. 3-76');
      expect(text).toContain('titular1020304050@example.test');
      expect(text).toContain(String(first.number));
      expect(text).toContain('$ 150.000');

      // Once sent, neither the clave nor the PDF stay in the outbox; the support row says what was done.
      await until('the soporte mail recorded as sent', async () => {
        const { rows } = await exec.query<{ state: string }>(
          "SELECT state FROM mail_outbox WHERE template = 'wallet-payment-support'",
        );
        return rows[0]?.state === 'sent';
      });
      const outbox = await exec.query<{ text: string; html: string; attachments: unknown }>(
        "SELECT text, html, attachments FROM mail_outbox WHERE template = 'wallet-payment-support'",
      );
      expect(outbox.rows).toEqual([{ text: '', html: '', attachments: null }]);
      const support = await exec.query<{ clave_issued: boolean; mail_id: string | null }>(
        'SELECT clave_issued, mail_id FROM wallet_support_mails WHERE payment_id = $1',
        [first.paymentId],
      );
      expect(support.rows).toEqual([{ clave_issued: true, mail_id: expect.any(String) }]);

      // A second recharge: its soporte, with the new balance, and no new clave.
      const second = await payLiquidation(exec, '1020304050', 20_000);
      t.server.walletMail.wake();
      const mails = await sink.waitForMail(2, 20_000);
      const next = mails[1];
      if (next === undefined) throw new Error('no second mail');
      expect(next.parsed.subject).toContain(`liquidación ${second.number}`);
      expect(bodyOf(next)).toContain('Saldo de su prepago: $ 170.000');
      expect(claveIn(next)).toBeNull();
      expect(bodyOf(next)).toContain('la clave que le enviamos con su primer pago');
      expect(next.parsed.attachments).toHaveLength(1);
      expect(await claveHash(exec, '1020304050')).toBe(stored);

      // The clave is in no log line.
      expect(t.logs.join('\n')).not.toContain(clave ?? 'no clave');
      expect(t.logs.join('\n')).not.toContain((clave ?? 'no clave').replaceAll('-', ''));
      expect(t.logs.some((line) => line.includes('Soporte del pago y clave del prepago en cola'))).toBe(true);
    },
  );

  it('mails each payment once, and one clave per holder, with two mailers at once', { timeout: 90_000 }, async () => {
    const sink = await startSmtpSink();
    const t = await mailingServer(variant, sink, false);
    const exec = t.server.database.exec;
    const payments: string[] = [];
    // Three holders; the first two pay twice before anything is mailed.
    for (const doc of ['3001', '3002', '3003', '3001', '3002'])
      payments.push((await payLiquidation(exec, `100000${doc}`, 30_000)).paymentId);

    // A second database handle, as a second server instance would have (one PGlite is shared in-process).
    const other =
      variant.kind === 'postgres'
        ? await openServerDatabase(
            { dataDir: t.config.dataDir, databaseUrl: t.config.databaseUrl ?? null },
            { logger: createServerLogger('silent') },
          )
        : t.server.database;
    if (other !== t.server.database) onTestFinished(() => other.close());
    const mailers = [t.server.database, other].map(
      (database) =>
        new WalletMailer({
          database,
          logger: createServerLogger('silent'),
          mailQueued: () => t.server.mail.wake(),
          pollIntervalMs: 20,
          batchSize: 2,
          hashParams: cheapScrypt,
        }),
    );
    onTestFinished(() => Promise.all(mailers.map((m) => m.stop())).then(() => undefined));
    for (const mailer of mailers) mailer.start();

    await until('every payment recorded', async () => {
      const { rows } = await exec.query<{ n: string }>('SELECT count(*) AS n FROM wallet_support_mails');
      return Number(rows[0]?.n) === payments.length;
    });
    const mails = await sink.waitForMail(payments.length, 20_000);
    // Settle: nothing more arrives once the mailers have seen every row.
    await Promise.all(mailers.map((m) => m.stop()));
    t.server.mail.wake();
    const outbox = await exec.query<{ n: string }>(
      "SELECT count(*) AS n FROM mail_outbox WHERE template = 'wallet-payment-support'",
    );
    expect(Number(outbox.rows[0]?.n)).toBe(payments.length);
    expect(mails).toHaveLength(payments.length);

    for (const doc of ['3001', '3002', '3003']) {
      const docNumber = `100000${doc}`;
      const theirs = mails.filter((m) => m.rcptTo[0] === `titular${docNumber}@example.test`);
      const claves = theirs.map(claveIn).filter((c): c is string => c !== null);
      expect(claves).toHaveLength(1);
      expect(await verifyPassword(normalizeClave(claves[0] ?? ''), (await claveHash(exec, docNumber)) ?? '')).toBe(
        true,
      );
    }
    const issued = await exec.query<{ n: string }>('SELECT count(*) AS n FROM wallet_support_mails WHERE clave_issued');
    expect(Number(issued.rows[0]?.n)).toBe(3);
  });

  it(
    'commits the support row, the clave and the mail together: a failed queue leaves the payment to mail again',
    { timeout: 90_000 },
    async () => {
      const sink = await startSmtpSink();
      const t = await mailingServer(variant, sink, false);
      const exec = t.server.database.exec;
      // The outbox refuses the soporte mail: the transaction fails after the clave's hash was written.
      await exec.query(`CREATE FUNCTION refuse_soporte() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'outbox unavailable'; END $$`);
      await exec.query(`CREATE TRIGGER refuse_soporte BEFORE INSERT ON mail_outbox
      FOR EACH ROW WHEN (NEW.template = 'wallet-payment-support') EXECUTE FUNCTION refuse_soporte()`);
      const paid = await payLiquidation(exec, '5005005005', 45_000);

      const mailer = new WalletMailer({
        database: t.server.database,
        logger: createServerLogger('silent'),
        mailQueued: () => t.server.mail.wake(),
        pollIntervalMs: 20,
        hashParams: cheapScrypt,
        failureRetryMs: 50,
      });
      onTestFinished(() => mailer.stop());
      const failures: string[] = [];
      const watching = new WalletMailer({
        database: t.server.database,
        logger: createServerLogger('error', { write: (line: string) => void failures.push(line) }),
        mailQueued: () => undefined,
        pollIntervalMs: 20,
        hashParams: cheapScrypt,
        failureRetryMs: 60_000,
      });
      onTestFinished(() => watching.stop());
      watching.start();
      await until('the failed attempt logged', async () => failures.length > 0);
      await watching.stop();
      expect(failures.join('\n')).toContain('No se pudo preparar el soporte de un pago del prepago');

      // Nothing of it stayed: no support row, no clave hash, no mail.
      const rows = await exec.query('SELECT 1 FROM wallet_support_mails WHERE payment_id = $1', [paid.paymentId]);
      expect(rows.rows).toEqual([]);
      expect(await claveHash(exec, '5005005005')).toBeNull();
      const outbox = await exec.query("SELECT 1 FROM mail_outbox WHERE template = 'wallet-payment-support'");
      expect(outbox.rows).toEqual([]);

      // The outbox is back: the payment is mailed once, with the clave its hash now holds.
      await exec.query('DROP TRIGGER refuse_soporte ON mail_outbox');
      mailer.start();
      const [mail] = await sink.waitForMail(1, 20_000);
      const clave = mail === undefined ? null : claveIn(mail);
      expect(clave).not.toBeNull();
      expect(await verifyPassword(normalizeClave(clave ?? ''), (await claveHash(exec, '5005005005')) ?? '')).toBe(true);
      const support = await exec.query<{ clave_issued: boolean }>(
        'SELECT clave_issued FROM wallet_support_mails WHERE payment_id = $1',
        [paid.paymentId],
      );
      expect(support.rows).toEqual([{ clave_issued: true }]);
    },
  );

  it(
    'keeps the soporte in the demo mailbox without SMTP, its PDF downloadable from the mail page',
    { timeout: 90_000 },
    async () => {
      const t = await startTestServer(variant, {
        logLevel: 'silent',
        config: { smtpUrl: null, demoMailbox: true },
        serverOptions: { passwordWork: { params: cheapScrypt }, walletMailer: { pollIntervalMs: 50 } },
      });
      const exec = t.server.database.exec;
      await withEntity(exec);
      await payLiquidation(exec, '7007007007', 60_000);
      t.server.walletMail.wake();
      const id = await until('the soporte in the mailbox', async () => {
        const { rows } = await exec.query<{ id: string }>(
          "SELECT id FROM mail_outbox WHERE template = 'wallet-payment-support' AND state = 'mailbox'",
        );
        return rows[0]?.id;
      });
      const token = new URL(t.server.mailboxUrl ?? '').searchParams.get('token') ?? '';
      const page = await t.request(`/mailbox/${id}?token=${token}`);
      expect(page.status).toBe(200);
      const link = /href="(\/mailbox\/[^"]+\/adjuntos\/0\?token=[^"]+)">(recibo-caja-\d{6}\.pdf)</.exec(
        String(page.body),
      );
      expect(link).not.toBeNull();
      const response = await fetch(`${t.server.url}${link?.[1] ?? ''}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${link?.[2] ?? ''}"`);
      expect(
        Buffer.from(await response.arrayBuffer())
          .subarray(0, 5)
          .toString('latin1'),
      ).toBe('%PDF-');
      // Not without the start's token, and not an attachment the mail does not have.
      expect((await t.request(`/mailbox/${id}/adjuntos/0`)).status).toBe(403);
      expect((await t.request(`/mailbox/${id}/adjuntos/1?token=${token}`)).status).toBe(404);
    },
  );
});
