import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SMTPServer } from 'smtp-server';
import { v7 as uuidv7 } from 'uuid';
import { accountSessionHeader } from '../../src-shared/server-api/accounts-api';
import { DEFAULT_MAIL_FROM } from '../../src-server/config';
import { createEnrollmentCode } from '../../src-server/devices/admin';
import { startServer } from '../../src-server/index';
import { enqueueMail } from '../../src-server/mail/mail-outbox';
import { createMailTransport } from '../../src-server/mail/mail-transport';
import { defaultScryptParams, hashPassword, verifyPassword } from '../../src-server/staff/password-hash';
import { countOption, Latencies } from '../support/latency';
import type { BenchContext, Metrics } from '../suite';

/**
 * `accounts`, against a real central server (embedded PGlite) over HTTP on loopback and a
 * real SMTP server (smtp-server) on loopback:
 *
 * - `accounts.login_p50_ms`: «Ingresar» as the kiosk sends it (device token, document and
 *   password → session), beside `accounts.raw_verify_p50_ms`, one bare scrypt verification at
 *   the same parameters (`accounts.hash_log2_n`, `_r`, `_p`): a login is hash-dominated.
 * - `accounts.mail_queue_to_smtp_p50_ms`: a mail committed to the outbox until the SMTP server
 *   has its last byte, beside `accounts.raw_smtp_send_p50_ms`, nodemailer sending the same
 *   mail straight to the same server.
 *
 * Options: --logins N (20), --mails N (50).
 */
export const name = 'accounts';

export async function run(ctx: BenchContext): Promise<Metrics> {
  const { values } = parseArgs({
    args: [...ctx.args],
    strict: false,
    options: { logins: { type: 'string' }, mails: { type: 'string' } },
  });
  const logins = countOption(values, 'logins', 20);
  const mails = countOption(values, 'mails', 50);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ventanilla-bench-accounts-'));
  let received = 0;
  const arrivals: ((count: number) => void)[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received += 1;
        for (const arrived of arrivals) arrived(received);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const address = smtp.server.address();
  if (address === null || typeof address === 'string') throw new Error('el servidor SMTP no escucha');
  const smtpUrl = `smtp://127.0.0.1:${address.port}`;
  const arrival = (count: number) =>
    new Promise<void>((resolve) => {
      if (received >= count) return resolve();
      const check = (now: number) => {
        if (now >= count) {
          arrivals.splice(arrivals.indexOf(check), 1);
          resolve();
        }
      };
      arrivals.push(check);
    });

  const server = await startServer({
    dataDir,
    databaseUrl: null,
    host: '127.0.0.1',
    port: 0,
    logLevel: 'silent',
    enrollmentCodeTtlHours: 24,
    smtpUrl,
    mailFrom: DEFAULT_MAIL_FROM,
  });
  try {
    const { code } = await createEnrollmentCode(server.database, { deviceName: 'Kiosco de medición', mode: 'kiosk' });
    const enrolled = (await (
      await fetch(`${server.url}/v1/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      })
    ).json()) as { value: { token: string } };
    const token = enrolled.value.token;
    const password = 'una frase para medir';
    const hash = await hashPassword(password);
    await server.database.exec.query(
      `INSERT INTO citizen_accounts (id, doc_type, doc_number, first_names, last_names, email, mobile, address, municipality, password_hash, must_change_password)
       VALUES ($1, 'CC', '79123456', 'Medición', 'De Prueba', 'medicion@example.com', '3105551234', 'Calle 1 No. 1-1', 'Ibagué', $2, false)`,
      [uuidv7(), hash],
    );

    ctx.log(`${logins} ingresos por HTTP…`);
    const login = new Latencies();
    for (let i = 0; i < logins; i += 1) {
      const answer = await login.timeAsync(async () => {
        const response = await fetch(`${server.url}/v1/accounts/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ docNumber: '79123456', password }),
        });
        return (await response.json()) as { ok: boolean; value?: { session: string } };
      });
      if (!answer.ok || answer.value === undefined) throw new Error('el ingreso falló');
      await fetch(`${server.url}/v1/accounts/logout`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          [accountSessionHeader]: answer.value.session,
        },
        body: '{}',
      });
    }
    const verify = new Latencies();
    for (let i = 0; i < logins; i += 1) await verify.timeAsync(() => verifyPassword(password, hash));

    ctx.log(`${mails} correos por la cola…`);
    const queued = new Latencies();
    for (let i = 0; i < mails; i += 1) {
      const before = received;
      const started = performance.now();
      await server.database.exec.transaction((tx) =>
        enqueueMail(tx, {
          kind: 'password-changed',
          to: 'medicion@example.com',
          fullName: 'Medición De Prueba',
          at: new Date(),
        }),
      );
      server.mail.wake();
      await arrival(before + 1);
      queued.add(performance.now() - started);
    }
    const direct = createMailTransport(smtpUrl, DEFAULT_MAIL_FROM);
    const raw = new Latencies();
    try {
      for (let i = 0; i < mails; i += 1) {
        const before = received;
        await raw.timeAsync(async () => {
          await direct.send({
            id: uuidv7(),
            to: 'medicion@example.com',
            subject: 'Medición',
            html: '<p>Medición</p>',
            text: 'Medición',
          });
          await arrival(before + 1);
        });
      }
    } finally {
      direct.close();
    }
    return {
      'accounts.login_p50_ms': login.percentile(50),
      'accounts.login_p99_ms': login.percentile(99),
      'accounts.raw_verify_p50_ms': verify.percentile(50),
      'accounts.hash_log2_n': defaultScryptParams.log2N,
      'accounts.hash_r': defaultScryptParams.r,
      'accounts.hash_p': defaultScryptParams.p,
      'accounts.mail_queue_to_smtp_p50_ms': queued.percentile(50),
      'accounts.mail_queue_to_smtp_p99_ms': queued.percentile(99),
      'accounts.raw_smtp_send_p50_ms': raw.percentile(50),
    };
  } finally {
    await server.stop();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
