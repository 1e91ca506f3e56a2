import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll } from 'vitest';

/**
 * A real SMTP server on 127.0.0.1 for the mail tests: it accepts what nodemailer sends, parses
 * each message with mailparser, and can be told to refuse recipients (451 for an outage of the
 * mailbox, 550 for an unknown user) or be stopped and started again on the same port (an SMTP
 * outage). Every sink a test file starts is stopped when that file ends.
 */
export interface ReceivedMail {
  /** RCPT TO addresses of the SMTP envelope. */
  readonly rcptTo: readonly string[];
  readonly mailFrom: string | null;
  readonly parsed: ParsedMail;
}

export interface SmtpRefusal {
  readonly code: number;
  readonly message: string;
}

export interface SmtpSink {
  readonly port: number;
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  readonly url: string;
  readonly received: readonly ReceivedMail[];
  /** Answer RCPT TO for `address` (every address when omitted) with this reply from now on; null accepts again. */
  refuseRecipients(refusal: SmtpRefusal | null, address?: string): void;
  /** Resolves once `count` mails have arrived (throws after `timeoutMs`). */
  waitForMail(count: number, timeoutMs?: number): Promise<readonly ReceivedMail[]>;
  /** Stops listening; connecting then fails with ECONNREFUSED. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

const running = new Set<SmtpSink>();

/** Stops every sink still listening (when a test file ends). */
export async function stopSmtpSinks(): Promise<void> {
  await Promise.all([...running].map((sink) => sink.stop()));
}

// Registered when a test file imports this module, so it runs when that file's tests end. A
// worker that runs several files in one process (isolate: false) evaluates this module once, for
// its first file: the projects that share workers also list tests/support/file-end.ts, which
// registers the same stop for every file.
afterAll(stopSmtpSinks);

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  /** By address; `*` for every address. */
  const refusals = new Map<string, SmtpRefusal>();
  let server: SMTPServer | null = null;
  let port = 0;

  const listen = async (): Promise<void> => {
    const smtp = new SMTPServer({
      authOptional: true,
      // Plain text on loopback: nodemailer would otherwise upgrade to TLS with a self-signed certificate.
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 200,
      onRcptTo(address, _session, callback) {
        const refusal = refusals.get(address.address.toLowerCase()) ?? refusals.get('*');
        if (refusal === undefined) return callback();
        callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          simpleParser(Buffer.concat(chunks)).then(
            (parsed) => {
              const mailFrom = session.envelope.mailFrom;
              received.push({
                rcptTo: session.envelope.rcptTo.map((r) => r.address),
                mailFrom: mailFrom === false ? null : mailFrom.address,
                parsed,
              });
              callback();
            },
            (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
          );
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      const net = smtp.listen(port, '127.0.0.1', () => resolve());
      net.once('error', reject);
    });
    const address = smtp.server.address();
    if (address === null || typeof address === 'string') throw new Error('the SMTP sink is not on a TCP port');
    port = address.port;
    server = smtp;
  };

  await listen();
  const sink: SmtpSink = {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseRecipients(refusal, address = '*') {
      if (refusal === null) refusals.delete(address.toLowerCase());
      else refusals.set(address.toLowerCase(), refusal);
    },
    async waitForMail(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`the SMTP sink got ${received.length} mails, expected ${count}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return received;
    },
    async stop() {
      const current = server;
      server = null;
      running.delete(sink);
      if (current !== null) await new Promise<void>((resolve) => current.close(() => resolve()));
    },
    async start() {
      if (server !== null) return;
      await listen();
      running.add(sink);
    },
  };
  running.add(sink);
  return sink;
}
