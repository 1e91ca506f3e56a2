import nodemailer from 'nodemailer';
import { classifySmtpError } from './mail-delivery-error';
import type { MailAttachment } from './mail-messages';

/** One mail as the sender hands it over: the outbox row's id and rendered content. */
export interface OutgoingMail {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  /** Files sent with it (a soporte del pago's PDF); none for most mail. */
  readonly attachments?: readonly MailAttachment[];
}

/**
 * Where mail goes. `smtp` relays it (SMTP_URL). `mailbox` keeps it on this server: the outbox
 * row itself is the stored mail, so "sending" only has the sender mark the row `mailbox`,
 * and the loopback-only /mailbox page shows it. Either way mail goes through the same queue.
 *
 * `send` resolves when the mail is accepted and throws a `MailDeliveryError` (transient or
 * permanent) when it is not.
 */
export interface MailTransport {
  readonly kind: 'smtp' | 'mailbox';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Waits of the SMTP conversation: nodemailer's defaults (2 min to connect) would hold a send, and stop(), far too long. */
const SMTP_TIMEOUTS = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 30_000,
  dnsTimeout: 10_000,
} as const;

export function createMailTransport(smtpUrl: string | null, from: string): MailTransport {
  return smtpUrl === null ? mailboxTransport() : smtpTransport(smtpUrl, from);
}

function mailboxTransport(): MailTransport {
  return { kind: 'mailbox', send: async () => undefined, close: () => undefined };
}

function smtpTransport(smtpUrl: string, from: string): MailTransport {
  // Options in the URL (?pool=true, ?secure=…) override these; the timeouts are the point.
  const transporter = nodemailer.createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS });
  const domain = messageIdDomain(from);
  return {
    kind: 'smtp',
    async send(mail) {
      try {
        await transporter.sendMail({
          from,
          to: mail.to,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          attachments: (mail.attachments ?? []).map((file) => ({
            filename: file.filename,
            contentType: file.contentType,
            content: Buffer.from(file.base64, 'base64'),
          })),
          // The outbox id: a mail sent twice (a crash between the relay's answer and the
          // commit) carries the same Message-ID, which lets mail systems drop the copy.
          messageId: `<${mail.id}@${domain}>`,
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      } catch (error) {
        throw classifySmtpError(error);
      }
    },
    close: () => transporter.close(),
  };
}

/** The domain of the From address (`Nombre <no-responder@acueducto.example>` → `acueducto.example`). */
function messageIdDomain(from: string): string {
  const match = /@([^\s<>@]+)>?\s*$/.exec(from);
  return match?.[1] ?? 'ventanilla.local';
}
