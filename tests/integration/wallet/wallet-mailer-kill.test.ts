import { randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { expect, it, onTestFinished } from 'vitest';
import { demoEntity, entitySettingKey } from '../../../db/seed/entity';
import { verifyPassword } from '../../../src-node/password-hash';
import { DEFAULT_MAIL_FROM, type ServerConfig } from '../../../src-server/config';
import { openServerDatabase } from '../../../src-server/db/open';
import type { SqlExecutor } from '../../../src-server/db/sql-executor';
import { runInTransaction } from '../../../src-server/db/transaction';
import { startServer } from '../../../src-server/index';
import { createServerLogger } from '../../../src-server/logger';
import { applyLiquidationPayment } from '../../../src-server/wallet/apply-payment';
import { normalizeClave } from '../../../src-server/wallet/clave';
import { makeRecoveryCode } from '../../../src-shared/wallet/recovery-code';
import { spawnChild } from '../../support/child-spawn';
import { freePort } from '../../support/free-port';
import { describeEachServerDatabase } from '../../support/postgres';
import { prepareDatabase } from '../../support/server-harness';
import { startSmtpSink } from '../../support/smtp-sink';

/**
 * `kill -9` of the central server inside the wallet mailer's transaction — the clave's hash, the
 * queued soporte mail and the support row all written, not committed: after the restart none of
 * it is there, and the payment is mailed once, with a clave that verifies against the hash then
 * stored. Never a stored hash whose clave nobody received, never two soportes.
 */
const cheapScrypt = { log2N: 14, r: 8, p: 1 } as const;
const docNumber = '6006006006';

async function count(exec: SqlExecutor, sql: string): Promise<number> {
  const { rows } = await exec.query<{ n: string }>(sql);
  return Number(rows[0]?.n);
}

async function claveHash(exec: SqlExecutor): Promise<string | null> {
  const { rows } = await exec.query<{ clave_hash: string | null }>(
    "SELECT clave_hash FROM wallet_holders WHERE doc_type = 'CC' AND doc_number = $1",
    [docNumber],
  );
  return rows[0]?.clave_hash ?? null;
}

describeEachServerDatabase('wallet mailer faults: the server killed mid-transaction', (variant) => {
  it(
    'leaves no hash, mail or row behind, and mails the payment once after the restart',
    { timeout: 180_000 },
    async () => {
      const { dir, databaseUrl } = await prepareDatabase(variant);
      onTestFinished(() => dir.remove());
      const port = await freePort();
      const config: ServerConfig = {
        dataDir: dir.path,
        databaseUrl,
        host: '127.0.0.1',
        port,
        logLevel: 'silent',
        enrollmentCodeTtlHours: 24,
        smtpUrl: null,
        mailFrom: DEFAULT_MAIL_FROM,
      };

      // Migrate, and record a paid liquidación with this process's server (its mailer off), then stop it.
      const first = await startServer(config, {
        logger: createServerLogger('silent'),
        walletMailer: { enabled: false },
      });
      const exec = first.database.exec;
      await exec.query('INSERT INTO settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO NOTHING', [
        entitySettingKey,
        JSON.stringify(demoEntity),
      ]);
      const liquidationId = uuidv7();
      await exec.query(
        `INSERT INTO liquidations (id, doc_type, doc_number, client, amount, state, recovery_code, expires_at)
       VALUES ($1, 'CC', $2, $3, 90000, 'pendiente', $4, $5)`,
        [
          liquidationId,
          docNumber,
          JSON.stringify({
            docType: 'CC',
            docNumber,
            identity: {
              personKind: 'natural',
              firstSurname: 'Gómez',
              secondSurname: '',
              firstName: 'Luis',
              secondName: '',
            },
            contact: {
              email: 'luis@example.test',
              mobile: '3007654321',
              landline: null,
              address: 'Carrera 5 No. 20-10',
              municipality: 'Ibagué',
            },
          }),
          makeRecoveryCode((n) => randomInt(n)),
          new Date(Date.now() + 86_400_000).toISOString(),
        ],
      );
      const paid = await runInTransaction(exec, (tx) =>
        applyLiquidationPayment(tx, {
          liquidationId,
          channel: 'gateway',
          sourceKey: 'gateway:kill-test',
          amount: 90_000,
          source: { kind: 'gateway-clearing', ownerRef: '' },
          at: new Date(),
        }),
      );
      expect(paid.ok).toBe(true);
      await first.stop();

      // The server in a child process: its mailer kills it with everything written, before COMMIT.
      const dying = spawnChild('server-process', [
        dir.path,
        databaseUrl ?? 'pglite',
        String(port),
        'kill-in-wallet-mail',
      ]);
      onTestFinished(() => dying.kill9());
      await new Promise<void>((resolve) => {
        if (dying.process.exitCode !== null || dying.process.signalCode !== null) resolve();
        else dying.process.once('exit', () => resolve());
      });
      expect(dying.process.signalCode, dying.stderrTail()).toBe('SIGKILL');

      const between = await openServerDatabase(
        { dataDir: dir.path, databaseUrl },
        { logger: createServerLogger('silent') },
      );
      expect(await count(between.exec, 'SELECT count(*) AS n FROM wallet_support_mails')).toBe(0);
      expect(
        await count(between.exec, "SELECT count(*) AS n FROM mail_outbox WHERE template = 'wallet-payment-support'"),
      ).toBe(0);
      expect(await claveHash(between.exec)).toBeNull();
      await between.close();

      // Restarted with a mail server: one soporte, one clave, and the hash now stored verifies it.
      const sink = await startSmtpSink();
      const restarted = await startServer(
        { ...config, port: 0, smtpUrl: sink.url },
        {
          logger: createServerLogger('silent'),
          passwordWork: { params: cheapScrypt },
          walletMailer: { pollIntervalMs: 50 },
        },
      );
      onTestFinished(() => restarted.stop());
      const [mail] = await sink.waitForMail(1, 60_000);
      const clave = /Clave del prepago: (\S+)/.exec(mail?.parsed.text ?? '')?.[1] ?? '';
      expect(clave).not.toBe('');
      expect(await verifyPassword(normalizeClave(clave), (await claveHash(restarted.database.exec)) ?? '')).toBe(true);
      expect(mail?.parsed.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
      expect(await count(restarted.database.exec, 'SELECT count(*) AS n FROM wallet_support_mails')).toBe(1);
      expect(
        await count(
          restarted.database.exec,
          "SELECT count(*) AS n FROM mail_outbox WHERE template = 'wallet-payment-support'",
        ),
      ).toBe(1);
    },
  );
});
